import type request from 'supertest';
import type { paths } from './api-types';

/**
 * Calls through the committed OpenAPI document's types (api-types.ts, from `npm run openapi`):
 * the path must be one the document has, its parameters, query and JSON body are the documented
 * ones, and the answer's body has the documented view for the expected status — so a renamed
 * field or route breaks `npm run typecheck`, not a test run.
 */

export type Method = 'get' | 'put' | 'post' | 'patch' | 'delete';

/** The documented paths that have an operation for the method. */
export type PathOf<M extends Method> = { [P in keyof paths]: paths[P][M] extends { responses: object } ? P : never }[keyof paths];

type OperationOf<M extends Method, P extends PathOf<M>> = Extract<paths[P][M], { responses: object }>;

type PathParams<O> = O extends { parameters: { path: infer T } } ? T : never;
type QueryOf<O> = O extends { parameters: { query?: infer T } } ? T : never;
type BodyOf<O> = O extends { requestBody?: { content: { 'application/json': infer T } } } ? T : never;

/**
 * An answer the document does not describe yet (no JSON schema for that status): typed loosely
 * until the operation declares its view, after which the same call sites are checked.
 */
type Undescribed = unknown;

/** The body of the answer with status S, as documented. */
export type ResponseBody<O, S> = O extends { responses: infer R }
  ? S extends keyof R
    ? R[S] extends { content: { 'application/json': infer T } }
      ? T
      : Undescribed
    : Undescribed
  : never;

export type CallOptions<O, S extends number> = {
  /** the status the call must answer (else it throws, with the answer's body) */
  expect: S;
  auth?: Record<string, string>;
  query?: QueryOf<O>;
  body?: BodyOf<O>;
} & ([PathParams<O>] extends [never] ? { params?: undefined } : { params: PathParams<O> });

export type TypedResponse<B> = Omit<request.Response, 'body'> & { body: B };

export type TypedCall<M extends Method> = <P extends PathOf<M>, S extends number>(
  path: P,
  options: CallOptions<OperationOf<M, P>, S>,
) => Promise<TypedResponse<ResponseBody<OperationOf<M, P>, S>>>;

/** `/api/v1/audits/{id}` with `{ id }` → `/api/v1/audits/<id>`. */
export function pathWith(template: string, params: Record<string, string> = {}): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    if (params[name] === undefined) throw new Error(`${template}: no value for the path parameter ${name}`);
    return encodeURIComponent(params[name]);
  });
}

/** The typed calls (get, post, ...) over a supertest agent of the running API. */
export function typedCalls(http: () => ReturnType<typeof request>): { [M in Method]: TypedCall<M> } {
  const call =
    <M extends Method>(method: M): TypedCall<M> =>
    async (path, options) => {
      const url = pathWith(path, options.params as Record<string, string> | undefined);
      let req = http()
        [method](url)
        .set(options.auth ?? {});
      if (options.query !== undefined) req = req.query(options.query as object);
      if (options.body !== undefined) req = req.send(options.body as object);
      const res = await req;
      if (res.status !== options.expect) {
        throw new Error(`${method.toUpperCase()} ${url}: expected ${options.expect}, got ${res.status} ${JSON.stringify(res.body)}`);
      }
      return res;
    };
  return { get: call('get'), put: call('put'), post: call('post'), patch: call('patch'), delete: call('delete') };
}
