import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from '@contract';

export type Schemas = components['schemas'];

/** The error body every refusal of the API carries (ErrorBodyView). */
export type ErrorBody = Schemas['ErrorBodyView'];

/** A refusal (or an unreachable API: status 0) in one shape the screens can show. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Schemas['FieldErrorView'][] = [],
    readonly details: Record<string, unknown> = {},
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }

  static fromBody(status: number, body: unknown, retryAfter: string | null): ApiError {
    const b = (body && typeof body === 'object' ? body : {}) as Partial<ErrorBody>;
    const retry = retryAfter && /^\d+$/.test(retryAfter) ? Number(retryAfter) : undefined;
    return new ApiError(status, String(b.error ?? status), String(b.message ?? ''), b.fields ?? [], b.details ?? {}, retry);
  }
}

type Listener = () => void;
const expiryListeners = new Set<Listener>();

/** The session shell listens: a 401 anywhere means the session has ended, and the sign-in comes back over the page. */
export function onSessionExpired(listener: Listener): () => void {
  expiryListeners.add(listener);
  return () => expiryListeners.delete(listener);
}

const SESSION_PATH = '/api/v1/auth/session';

const consoleMiddleware: Middleware = {
  onRequest({ request }) {
    // Changes carried by the session cookie must name the console (the API refuses them otherwise: CSRF).
    request.headers.set('X-Requested-With', 'console');
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && !new URL(request.url).pathname.startsWith(SESSION_PATH)) {
      expiryListeners.forEach((listener) => listener());
    }
    return response;
  },
};

/** The typed client: paths, parameters, bodies and answers all come from the committed openapi.json. */
export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });
api.use(consoleMiddleware);

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * The answer's body, or an ApiError: what TanStack Query's queryFn and mutationFn want.
 * A network failure (the API unreachable) becomes status 0, so screens can say so.
 */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch (e) {
    throw new ApiError(0, 'NETWORK', e instanceof Error ? e.message : String(e));
  }
  if (result.error !== undefined || !result.response.ok) {
    throw ApiError.fromBody(result.response.status, result.error, result.response.headers.get('Retry-After'));
  }
  return result.data as T;
}
