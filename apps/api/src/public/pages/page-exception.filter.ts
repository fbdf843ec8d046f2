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
    // A refused input names its fields, as the API's answer does (the form field or query parameter to correct).
    // A field's name can carry the request's own text (a refused object key): shown short and without control characters.
    // eslint-disable-next-line no-control-regex -- control characters are what this strips
    const fields = (body.fields ?? []).slice(0, 5).map((f) => f.field.replace(/[\u0000-\u001f\u007f\ud800-\udfff]/g, '?').slice(0, 60));
    void reply.send(sendPage(reply, body.statusCode, errorPage(PageContext.of(req), body.statusCode, retryAfter, service, fields)));
  }
}
