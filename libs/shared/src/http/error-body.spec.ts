import { DomainError } from '../errors/domain-error';
import { retryAfterOf, toErrorBody, unavailableServiceOf } from './error-body';

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

describe('toErrorBody when a store is unreachable', () => {
  const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code, severity: 'FATAL' });
  const socketError = (code: string) => Object.assign(new Error(`connect ${code} 10.0.0.5:5432`), { code, syscall: 'connect' });
  const named = (name: string, message: string) => Object.assign(new Error(message), { name });

  it.each([
    ['a refused connection', socketError('ECONNREFUSED')],
    ['a reset connection', socketError('ECONNRESET')],
    ['a connect that timed out in the kernel', socketError('ETIMEDOUT')],
    ['a write to a closed socket', socketError('EPIPE')],
    [
      'a connection lost mid-query (wrapped by TypeORM)',
      { name: 'QueryFailedError', message: 'Connection terminated unexpectedly', driverError: new Error('Connection terminated unexpectedly') },
    ],
    ["the pool's connect timeout", new Error('timeout exceeded when trying to connect')],
    ['a connect timeout of a client', new Error('Connection terminated due to connection timeout')],
    ['a client that lost its connection', new Error('Client has encountered a connection error and is not queryable')],
    ['an administrator shutdown (57P01)', pgError('57P01', 'terminating connection due to administrator command')],
    ['a crash shutdown (57P02)', pgError('57P02')],
    ['a server starting up (57P03)', pgError('57P03', 'the database system is starting up')],
    ['no free connection slot (53300)', pgError('53300', 'sorry, too many clients already')],
    ['a connection exception (08006), wrapped', { driverError: pgError('08006', 'connection failure') }],
    [
      'a query runner TypeORM released when the server ended its session',
      named('QueryRunnerAlreadyReleasedError', 'Query runner already released. Cannot run queries anymore.'),
    ],
    ['an error whose cause is a refused connection', new Error('failed', { cause: socketError('ECONNREFUSED') })],
  ])('answers 503 naming PostgreSQL for %s', (_, err) => {
    const body = toErrorBody(err);
    expect(body).toEqual({
      statusCode: 503,
      error: 'SERVICE_UNAVAILABLE',
      message: 'the database (PostgreSQL) is unavailable; try again in 5 s',
      details: { service: 'postgres', retryAfterSeconds: 5 },
    });
    expect(retryAfterOf(body)).toBe(5);
  });

  it.each([
    ['a command refused while disconnected (no offline queue)', new Error("Stream isn't writeable and enableOfflineQueue options is false")],
    ['a connection closed under a command', new Error('Connection is closed.')],
    [
      'a command given up after the reconnect attempts',
      named('MaxRetriesPerRequestError', 'Reached the max retries per request limit (which is 1). Refer to "maxRetriesPerRequest" option for details.'),
    ],
    ['a command with no answer within commandTimeout', new Error('Command timed out')],
    ['a Redis still loading its data', named('ReplyError', 'LOADING Redis is loading the dataset in memory')],
  ])('answers 503 naming Redis for %s', (_, err) => {
    expect(toErrorBody(err)).toMatchObject({
      statusCode: 503,
      error: 'SERVICE_UNAVAILABLE',
      message: 'the rate-limit and counter store (Redis) is unavailable; try again in 5 s',
      details: { service: 'redis', retryAfterSeconds: 5 },
    });
  });

  it('keeps other database errors what they were: a syntax error is still a 500, a unique violation a 409', () => {
    expect(toErrorBody({ driverError: pgError('42601', 'syntax error at or near "x"') }).statusCode).toBe(500);
    expect(toErrorBody({ driverError: { code: '23505', constraint: 'uq__organizations__credit_code' } }).statusCode).toBe(409);
    expect(unavailableServiceOf(new Error('ENOTFOUND is mentioned but this is no socket error'))).toBeUndefined();
  });

  it('says Retry-After only for refusals that carry it', () => {
    expect(retryAfterOf({ statusCode: 429, error: 'RATE_LIMITED', message: '', details: { retryAfterSeconds: 7 } })).toBe(7);
    expect(retryAfterOf({ statusCode: 409, error: 'CONFLICT', message: '', details: { retryAfterSeconds: 7 } })).toBeUndefined();
    expect(retryAfterOf({ statusCode: 503, error: 'SERVICE_UNAVAILABLE', message: '' })).toBeUndefined();
  });
});

describe('toErrorBody, characters PostgreSQL cannot store', () => {
  it.each(['22021', '22P05'])('turns SQLSTATE %s (a NUL or unencodable character that reached the database) into 400', (code) => {
    expect(toErrorBody({ driverError: { code } })).toMatchObject({ statusCode: 400, error: 'VALIDATION_FAILED' });
  });
});
