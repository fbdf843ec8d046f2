import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ErrorBody, retryAfterOf, toErrorBody } from './error-body';

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    const body = toErrorBody(exception);
    body.requestId = String(request.id);
    logServerError(this.logger, exception, body, request.id);
    const retryAfter = retryAfterOf(body);
    if (retryAfter) reply.header('Retry-After', String(retryAfter));
    void reply.status(body.statusCode).send(body);
  }
}

/**
 * A 500 is a defect: logged as an error with its stack. A 503 is an outage of a store the
 * operator already sees on /health: one warning line per request, with the driver's reason.
 */
export function logServerError(logger: Logger, exception: unknown, body: ErrorBody, requestId: unknown): void {
  if (body.statusCode === 503) {
    const reason = exception instanceof Error ? exception.message : String(exception);
    logger.warn({ requestId, service: (body.details as { service?: string } | undefined)?.service, reason }, body.message);
  } else if (body.statusCode >= 500) {
    logger.error({ err: exception, requestId }, 'unhandled error');
  }
}
