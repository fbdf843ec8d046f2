import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toErrorBody } from './error-body';

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    const body = toErrorBody(exception);
    body.requestId = String(request.id);
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, requestId: request.id }, 'unhandled error');
    }
    const retryAfter = (body.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    // A refusal (rate limit) or a temporary outage says when to come back.
    if ((body.statusCode === 429 || body.statusCode === 503) && retryAfter) reply.header('Retry-After', String(retryAfter));
    void reply.status(body.statusCode).send(body);
  }
}
