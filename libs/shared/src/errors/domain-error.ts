/**
 * Every refusal the platform gives has a code. One exhaustive switch maps codes to HTTP
 * statuses, so adding a code without deciding its status does not compile.
 */
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'INVALID_CREDIT_CODE'
  | 'REFERENCE_NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'INVALID_CREDENTIALS'
  | 'FORBIDDEN_ROLE'
  | 'NO_ACCESS_RULE'
  | 'DECISION_NOT_INDEPENDENT'
  | 'INVESTIGATOR_NOT_IMPARTIAL'
  | 'APPEAL_NOT_IMPARTIAL'
  | 'APPEAL_PERIOD_ENDED'
  | 'NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'CONSTRAINT_VIOLATION'
  | 'ILLEGAL_TRANSITION'
  | 'CONCURRENT_MODIFICATION'
  | 'LIMIT_REACHED'
  | 'SUBMISSION_CHECK_FAILED'
  | 'RULE_VIOLATION'
  | 'RATE_LIMITED'
  | 'QUOTA_EXCEEDED'
  | 'QUOTA_EXHAUSTED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'ACCOUNT_LOCKED'
  | 'PERSON_REQUIRED'
  | 'CROSS_SITE_REQUEST'
  | 'LAST_ADMINISTRATOR'
  | 'SERVICE_UNAVAILABLE';

export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION_FAILED':
    case 'INVALID_CREDIT_CODE':
    case 'REFERENCE_NOT_FOUND':
      return 400;
    case 'UNAUTHENTICATED':
    case 'INVALID_CREDENTIALS':
      return 401;
    case 'FORBIDDEN_ROLE':
    case 'NO_ACCESS_RULE':
    case 'DECISION_NOT_INDEPENDENT':
    case 'INVESTIGATOR_NOT_IMPARTIAL': // a complaint investigated by someone involved in the matter
    case 'APPEAL_NOT_IMPARTIAL': // an appeal decided by someone who took part in the decision appealed
    case 'PERSON_REQUIRED':
    case 'CROSS_SITE_REQUEST': // a cookie-borne change without the console's header
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'ALREADY_EXISTS':
    case 'CONSTRAINT_VIOLATION':
    case 'ILLEGAL_TRANSITION':
    case 'CONCURRENT_MODIFICATION':
    case 'LIMIT_REACHED': // a cap on how many of something an organization holds at once: free one, then try again
    case 'LAST_ADMINISTRATOR':
      return 409;
    case 'SUBMISSION_CHECK_FAILED':
    case 'RULE_VIOLATION':
    case 'QUOTA_EXHAUSTED': // a total used up for good: waiting does not help
    case 'APPEAL_PERIOD_ENDED': // lodged after the appeal period: waiting does not help either
      return 422;
    case 'PAYLOAD_TOO_LARGE': // an upload over its size limit
      return 413;
    case 'UNSUPPORTED_MEDIA_TYPE': // an upload whose content is not of an accepted type
      return 415;
    case 'RATE_LIMITED':
    case 'QUOTA_EXCEEDED': // a quota that renews: Retry-After says when
    case 'ACCOUNT_LOCKED':
      return 429;
    case 'SERVICE_UNAVAILABLE':
      return 503;
    default: {
      const unmapped: never = code;
      throw new Error(`error code ${String(unmapped)} has no HTTP status`);
    }
  }
}

/**
 * What a reason refuses, named for a client that words it in its reader's language: a stable rule
 * (class-validator's constraint name, e.g. isLength, or a service's own, e.g. afterField) and the
 * values the sentence needs ({ min, max }, { other, value }).
 */
export interface FieldRule {
  rule: string;
  params?: Record<string, unknown>;
}

export interface FieldError {
  field: string;
  /** In English, for people reading the API. */
  reasons: string[];
  /** One per reason, in the same order; present only when every reason names its rule. */
  rules?: FieldRule[];
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly fields?: FieldError[],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string, id: string) => new DomainError('NOT_FOUND', `${what} ${id} was not found`, { resource: what, id });

/** One invalid field, for rule checks done after DTO validation (a wrong credit code, an unknown reference). */
export const fieldError = (code: ErrorCode, field: string, reason: string, rule?: FieldRule) =>
  new DomainError(code, `${field}: ${reason}`, undefined, [{ field, reasons: [reason], ...(rule && { rules: [rule] }) }]);
