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

  it('never leaks an unknown error: 500 with a generic message', () => {
    expect(toErrorBody(new Error('password=hunter2'))).toEqual({
      statusCode: 500,
      error: 'INTERNAL_ERROR',
      message: 'internal error; the request id identifies it in the logs',
    });
  });
});

describe('toErrorBody, characters PostgreSQL cannot store', () => {
  it.each(['22021', '22P05'])('turns SQLSTATE %s (a NUL or unencodable character that reached the database) into 400', (code) => {
    expect(toErrorBody({ driverError: { code } })).toMatchObject({ statusCode: 400, error: 'VALIDATION_FAILED' });
  });
});
