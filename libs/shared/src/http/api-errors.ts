import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import type { ErrorCode, FieldError, FieldRule } from '../errors/domain-error';
import type { ErrorBody } from './error-body';

export class FieldRuleView implements FieldRule {
  @ApiProperty({ example: 'isLength', description: "a stable name: class-validator's constraint, or the service's own (afterField, notFuture, …)" })
  rule: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, example: { min: 18, max: 18 }, description: 'the values the rule names' })
  params?: Record<string, unknown>;
}

export class FieldErrorView implements FieldError {
  @ApiProperty({ example: 'creditCode', description: 'the field as the client sent it (dotted path for nested fields)' }) field: string;
  @ApiProperty({ type: [String], example: ['creditCode must be 18 characters'], description: 'in English' }) reasons: string[];
  @ApiPropertyOptional({
    type: [FieldRuleView],
    description: 'one per reason, in order, when every reason names its rule: for a client to word it in its language',
  })
  rules?: FieldRule[];
}

/** The one JSON body of every refusal (4xx) and outage (503): see toErrorBody. */
export class ErrorBodyView implements ErrorBody {
  @ApiProperty({ example: 409 }) statusCode: number;
  @ApiProperty({ type: String, example: 'ILLEGAL_TRANSITION', description: 'a stable code to branch on (DomainError codes, or the HTTP name)' }) error:
    ErrorCode | string;
  @ApiProperty({ example: "application is 'draft': submit needs one of submitted" }) message: string;
  @ApiPropertyOptional({ type: [FieldErrorView], description: 'on 400: each refused field and why' }) fields?: FieldError[];
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'on 409 the aggregate, its state and the allowed states; on 429/503 retryAfterSeconds',
  })
  details?: Record<string, unknown>;
  @ApiPropertyOptional() requestId?: string;
}

const ERROR_BODY = { $ref: getSchemaPath(ErrorBodyView) };
/** The error body as a response's content (register ErrorBodyView with ApiExtraModels where used alone). */
export const ERROR_BODY_CONTENT = { 'application/json': { schema: ERROR_BODY } };

/** What each refusal means on this API, said once for the OpenAPI document. */
const MEANINGS = {
  400: 'Invalid input: `fields` names each refused field and the reason; nothing was written',
  401: 'No or invalid credentials',
  403: 'The caller may not do this',
  404: 'Not found, or not visible to the caller',
  409: 'Illegal in the current state (details name the state), a duplicate, or a limit reached',
  413: 'An uploaded file is over its size limit: `fields` names the part; nothing was written',
  415: 'An uploaded file is not of an accepted type (judged by its content): `fields` names the part; nothing was written',
  422: 'Refused by a rule of the scheme (details say which)',
  429: 'Too many requests or a quota used up for now: Retry-After says when to come back',
  503: 'PostgreSQL or Redis is unavailable: Retry-After says when to come back',
} as const;
export type ErrorStatus = keyof typeof MEANINGS;

/**
 * Declares the refusals an operation (or every operation of a controller) can answer, each with
 * the one error body. 401/403 come with the access decorators (Auth, PersonAuth).
 */
export const ApiErrors = (...statuses: ErrorStatus[]) =>
  applyDecorators(
    ApiExtraModels(ErrorBodyView),
    // The body is JSON even where the answer is a PDF or CSV (@ApiProduces would otherwise label it so).
    ...statuses.map((status) => ApiResponse({ status, description: MEANINGS[status], content: ERROR_BODY_CONTENT })),
  );
