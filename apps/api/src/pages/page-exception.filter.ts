import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toErrorBody } from '@app/shared';
import { errorPage } from './error.view';
import { sendPage } from './layout';
import { PageContext } from './page-context';

/** On the pages, a refusal is a page in the reader's language with the same status (and Retry-After). */
@Catch()
export class PageExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('pages');

  catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = toErrorBody(exception);
    if (body.statusCode >= 500) this.logger.error({ err: exception, requestId: req.id }, 'unhandled error');
    const retryAfter = (body.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    // A refusal (rate limit) or a temporary outage says when to come back.
    if ((body.statusCode === 429 || body.statusCode === 503) && retryAfter) reply.header('Retry-After', String(retryAfter));
    void reply.send(sendPage(reply, body.statusCode, errorPage(PageContext.of(req), body.statusCode, retryAfter)));
  }
}
