import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { logServerError, retryAfterOf, Service, toErrorBody } from '@app/shared';
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
    logServerError(this.logger, exception, body, req.id);
    const retryAfter = retryAfterOf(body);
    if (retryAfter) reply.header('Retry-After', String(retryAfter));
    const service = (body.details as { service?: Service } | undefined)?.service;
    void reply.send(sendPage(reply, body.statusCode, errorPage(PageContext.of(req), body.statusCode, retryAfter, service)));
  }
}
