import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ErrorBody, MAX_PATH_PARAMETER_LENGTH, toErrorBody } from '@app/shared';
import { errorPage } from './public/pages/error.view';
import { sendPage } from './public/pages/layout';
import { PageContext } from './public/pages/page-context';

/** The pages' paths (every other route answers JSON). */
const PAGE_PATH = /^\/(?:v\/|verify(?:[/?]|$)|registry(?:[/?]|$)|report(?:[/?]|$)|\?|$)/;

/**
 * Fastify's router refuses a path that is not valid percent-encoded UTF-8, or a path parameter
 * past its limit, before any route (so before Nest's filters) and in its own shape, echoing the
 * whole path. Answer them like every other refusal: our error body with the request id, or a
 * page in the reader's language on the pages.
 */
export function routerError(error: { code?: string; statusCode?: number }, request: FastifyRequest, reply: FastifyReply): void {
  const refusal =
    error.code === 'FST_ERR_BAD_URL'
      ? new DomainError('VALIDATION_FAILED', 'path: must be valid percent-encoded UTF-8', undefined, [
          { field: 'path', reasons: ['must be valid percent-encoded UTF-8'] },
        ])
      : error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? Object.assign(new Error(`a path parameter must be at most ${MAX_PATH_PARAMETER_LENGTH} characters`), { statusCode: 414 })
        : error;
  const body: ErrorBody = { ...toErrorBody(refusal), requestId: String(request.id) };
  void reply.header('x-request-id', request.id).header('cache-control', 'no-store');
  if (PAGE_PATH.test(request.url)) {
    void reply.send(sendPage(reply, body.statusCode, errorPage(PageContext.of(request), body.statusCode)));
    return;
  }
  void reply.status(body.statusCode).send(body);
}
