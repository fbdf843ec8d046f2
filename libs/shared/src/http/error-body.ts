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
  const pg = pgErrorOf(err);
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
      typeof response === 'object' && response && 'message' in response
        ? String((response as { message: unknown }).message)
        : String(http.message ?? 'error');
    return { statusCode: status, error: httpCodeName(status), message };
  }
  // Fastify's own errors (malformed JSON, wrong content type, body too large) carry a 4xx statusCode.
  if (typeof http?.statusCode === 'number' && http.statusCode >= 400 && http.statusCode < 500) {
    return { statusCode: http.statusCode, error: httpCodeName(http.statusCode), message: String(http.message) };
  }
  return { statusCode: 500, error: 'INTERNAL_ERROR', message: 'internal error; the request id identifies it in the logs' };
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
    case 400: return 'BAD_REQUEST';
    case 401: return 'UNAUTHENTICATED';
    case 403: return 'FORBIDDEN';
    case 404: return 'NOT_FOUND';
    case 405: return 'METHOD_NOT_ALLOWED';
    case 409: return 'CONFLICT';
    case 413: return 'PAYLOAD_TOO_LARGE';
    case 414: return 'URI_TOO_LONG';
    case 415: return 'UNSUPPORTED_MEDIA_TYPE';
    case 429: return 'RATE_LIMITED';
    default: return status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST';
  }
}
