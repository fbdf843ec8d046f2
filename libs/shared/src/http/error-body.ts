import { DomainError, ErrorCode, FieldError, httpStatusOf } from '../errors/domain-error';

export interface ErrorBody {
  statusCode: number;
  error: ErrorCode | string;
  message: string;
  fields?: FieldError[];
  details?: Record<string, unknown>;
  requestId?: string;
}

/** PostgreSQL SQLSTATEs that are the caller's fault, with the code they answer. */
const PG_STATES: Record<string, { code: ErrorCode; message: string }> = {
  '23505': { code: 'ALREADY_EXISTS', message: 'a record with these values already exists' },
  '23503': { code: 'REFERENCE_NOT_FOUND', message: 'a referenced record does not exist or is still in use' },
  '23514': { code: 'VALIDATION_FAILED', message: 'a value breaks a rule of the record' },
  '23502': { code: 'VALIDATION_FAILED', message: 'a required value is missing' },
  '22P02': { code: 'VALIDATION_FAILED', message: 'a value has the wrong format' },
  '22001': { code: 'VALIDATION_FAILED', message: 'a value is too long' },
  '22003': { code: 'VALIDATION_FAILED', message: 'a number is out of range' },
  '22007': { code: 'VALIDATION_FAILED', message: 'a date has the wrong format' },
  '22008': { code: 'VALIDATION_FAILED', message: 'a date is out of range' },
  // Backstop behind the global RequestTextPipe: a NUL or an unencodable character that still reached the database.
  '22021': { code: 'VALIDATION_FAILED', message: 'a value contains a character that cannot be stored (such as NUL)' },
  '22P05': { code: 'VALIDATION_FAILED', message: 'a value contains a character that cannot be stored (such as NUL)' },
  '40001': { code: 'CONCURRENT_MODIFICATION', message: 'the record was changed concurrently; retry' },
  '40P01': { code: 'CONCURRENT_MODIFICATION', message: 'the record was changed concurrently; retry' },
};

/** SQLSTATE query_canceled: a statement cancelled by statement_timeout (or by an operator). */
const QUERY_CANCELED = '57014';
/** How long a client is asked to wait when the database is busy (a statement timed out, no free connection). */
export const BUSY_RETRY_AFTER_SECONDS = 2;

interface PgLikeError {
  code?: string;
  constraint?: string;
  detail?: string;
  column?: string;
}

function pgErrorOf(err: unknown): PgLikeError | undefined {
  if (!err || typeof err !== 'object') return undefined;
  const e = err as { driverError?: PgLikeError; code?: unknown };
  if (e.driverError && typeof e.driverError.code === 'string') return e.driverError;
  if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && 'severity' in e) return e as PgLikeError;
  return undefined;
}

/** Turns any thrown value into the JSON body and status the client sees. */
export function toErrorBody(err: unknown): ErrorBody {
  if (err instanceof DomainError) {
    return {
      statusCode: httpStatusOf(err.code),
      error: err.code,
      message: err.message,
      ...(err.fields ? { fields: err.fields } : {}),
      ...(err.details ? { details: err.details } : {}),
    };
  }
  const away = unavailableServiceOf(err);
  if (away) return serviceUnavailable(away);
  const pg = pgErrorOf(err);
  if (pg?.code === QUERY_CANCELED) {
    // A statement timeout (public reads run under one) or a cancel: the database is busy, not the request wrong.
    return {
      statusCode: httpStatusOf('SERVICE_UNAVAILABLE'),
      error: 'SERVICE_UNAVAILABLE',
      message: `the database did not answer in time; try again in ${BUSY_RETRY_AFTER_SECONDS} s`,
      details: { retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS },
    };
  }
  if (pg?.code && PG_STATES[pg.code]) {
    const mapped = PG_STATES[pg.code];
    const field = constraintField(pg.constraint) ?? pg.column;
    return {
      statusCode: httpStatusOf(mapped.code),
      error: mapped.code,
      message: field ? `${field}: ${mapped.message}` : mapped.message,
      ...(field ? { fields: [{ field, reasons: [mapped.message] }] } : {}),
      details: { constraint: pg.constraint },
    };
  }
  const http = err as { getStatus?: () => number; getResponse?: () => unknown; statusCode?: number; message?: string };
  if (typeof http?.getStatus === 'function') {
    const status = http.getStatus();
    const response = http.getResponse?.();
    const message =
      typeof response === 'object' && response && 'message' in response ? String((response as { message: unknown }).message) : String(http.message ?? 'error');
    return { statusCode: status, error: httpCodeName(status), message };
  }
  // Fastify's own errors (malformed JSON, wrong content type, body too large) carry a 4xx statusCode.
  if (typeof http?.statusCode === 'number' && http.statusCode >= 400 && http.statusCode < 500) {
    return { statusCode: http.statusCode, error: httpCodeName(http.statusCode), message: String(http.message) };
  }
  return { statusCode: 500, error: 'INTERNAL_ERROR', message: 'internal error; the request id identifies it in the logs' };
}

/** The stores a request depends on; when one is away the answer is 503 naming it, never 500. */
export type Service = 'postgres' | 'redis';

/** How long a client is asked to wait: a restarted PostgreSQL or Redis is usually back within seconds. */
export const SERVICE_RETRY_AFTER_SECONDS = 5;

const SERVICE_NAMES: Record<Service, string> = {
  postgres: 'the database (PostgreSQL)',
  redis: 'the rate-limit and counter store (Redis)',
};

/**
 * SQLSTATEs that mean the database cannot serve anyone right now: connection exceptions
 * (class 08), an administrator's or a crash shutdown, a server starting or stopping, no free
 * connection slot.
 */
const PG_UNAVAILABLE_STATES = /^(08...|57P01|57P02|57P03|53300)$/;
/** What node's sockets say when a server is not there or the connection broke. */
const SOCKET_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/** pg's own words for a lost connection, a connect that timed out, and a client that is no longer usable. */
const PG_CONNECTION_MESSAGES =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error and is not queryable|Client was closed and is not queryable|Query read timeout)/;
/**
 * ioredis's words when it cannot send a command: the connection closed under it, it is not
 * connected and may not queue (enableOfflineQueue off), a reconnect did not come back in time,
 * a command got no answer within commandTimeout, or the server is still loading.
 */
const REDIS_CONNECTION_MESSAGES = /^(Connection is closed|Stream isn't writeable|Reached the max retries per request limit|Command timed out|LOADING )/;

/**
 * Which store a thrown value says is unreachable, if any. TypeORM wraps driver errors
 * (`driverError`), and some errors carry their cause: both are looked through. ioredis never
 * rejects a command with a raw socket error (those go to its 'error' event), so a socket error
 * that reaches a request comes from pg.
 */
export function unavailableServiceOf(err: unknown, depth = 0): Service | undefined {
  if (!err || typeof err !== 'object' || depth > 3) return undefined;
  const e = err as { name?: unknown; message?: unknown; code?: unknown; severity?: unknown; syscall?: unknown; driverError?: unknown; cause?: unknown };
  const message = typeof e.message === 'string' ? e.message : '';
  if (e.name === 'MaxRetriesPerRequestError' || REDIS_CONNECTION_MESSAGES.test(message)) return 'redis';
  if (typeof e.code === 'string') {
    if ('severity' in e && PG_UNAVAILABLE_STATES.test(e.code)) return 'postgres';
    if (SOCKET_ERRORS.has(e.code)) return 'postgres';
  }
  if (PG_CONNECTION_MESSAGES.test(message)) return 'postgres';
  // TypeORM releases a query runner itself when its connection reports an error (a server that
  // ended the session); the request's next statement on it then fails with this.
  if (e.name === 'QueryRunnerAlreadyReleasedError') return 'postgres';
  return unavailableServiceOf(e.driverError, depth + 1) ?? unavailableServiceOf(e.cause, depth + 1);
}

/** 503 with a sentence naming the store and when to try again (the filters set Retry-After from it). */
export function serviceUnavailable(service: Service): ErrorBody {
  const retryAfterSeconds = SERVICE_RETRY_AFTER_SECONDS;
  return {
    statusCode: httpStatusOf('SERVICE_UNAVAILABLE'),
    error: 'SERVICE_UNAVAILABLE',
    message: `${SERVICE_NAMES[service]} is unavailable; try again in ${retryAfterSeconds} s`,
    details: { service, retryAfterSeconds },
  };
}

/** Seconds a refusal asks the client to wait (429 and 503 say it in Retry-After). */
export function retryAfterOf(body: ErrorBody): number | undefined {
  const seconds = (body.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  return (body.statusCode === 429 || body.statusCode === 503) && typeof seconds === 'number' && seconds > 0 ? seconds : undefined;
}

/**
 * Migrations name constraints `<kind>__<table>__<column>` (e.g. `uq__organizations__credit_code`)
 * so that a violation can name the field the client sent, in the API's camelCase.
 */
function constraintField(constraint?: string): string | undefined {
  const column = constraint?.split('__')[2];
  return column ? column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()) : undefined;
}

function httpCodeName(status: number): string {
  switch (status) {
    case 400:
      return 'BAD_REQUEST';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 405:
      return 'METHOD_NOT_ALLOWED';
    case 409:
      return 'CONFLICT';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 414:
      return 'URI_TOO_LONG';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 429:
      return 'RATE_LIMITED';
    default:
      return status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST';
  }
}
