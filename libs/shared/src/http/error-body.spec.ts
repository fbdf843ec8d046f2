import { DomainError } from '../errors/domain-error';
import { toErrorBody } from './error-body';

describe('toErrorBody', () => {
  it('maps a domain error code to its status and keeps the fields', () => {
    const body = toErrorBody(new DomainError('ILLEGAL_TRANSITION', "application is 'draft'", { state: 'draft' }));
    expect(body).toEqual({ statusCode: 409, error: 'ILLEGAL_TRANSITION', message: "application is 'draft'", details: { state: 'draft' } });
  });

  it('turns a unique violation into 409 naming the field in camelCase', () => {
    const err = { driverError: { code: '23505', constraint: 'uq__organizations__credit_code' } };
    expect(toErrorBody(err)).toMatchObject({ statusCode: 409, error: 'ALREADY_EXISTS', fields: [{ field: 'creditCode' }] });
  });

  it('turns a check violation into 400 and a foreign-key violation into 400 naming the reference', () => {
    expect(toErrorBody({ driverError: { code: '23514', constraint: 'ck__requirements__max_value' } })).toMatchObject({
      statusCode: 400,
      fields: [{ field: 'maxValue' }],
    });
    expect(toErrorBody({ driverError: { code: '23503', constraint: 'fk__applications__standard_id' } })).toMatchObject({
      statusCode: 400,
      error: 'REFERENCE_NOT_FOUND',
    });
  });

  it('turns a statement cancelled by its timeout (57014) into 503 with a time to retry, from TypeORM or from pg', () => {
    const expected = { statusCode: 503, error: 'SERVICE_UNAVAILABLE', details: { retryAfterSeconds: 2 } };
    expect(toErrorBody({ driverError: { code: '57014' } })).toMatchObject(expected);
    const fromPg = Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014', severity: 'ERROR' });
    expect(toErrorBody(fromPg)).toMatchObject(expected);
    expect(toErrorBody(fromPg).message).toContain('did not answer in time');
  });

  it('never leaks an unknown error: 500 with a generic message', () => {
    expect(toErrorBody(new Error('password=hunter2'))).toEqual({
      statusCode: 500,
      error: 'INTERNAL_ERROR',
      message: 'internal error; the request id identifies it in the logs',
    });
  });
});
