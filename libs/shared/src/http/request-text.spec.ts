import { DomainError } from '../errors/domain-error';
import { NUL_REASON, PATH_PARAMETER_REASON, RequestTextPipe, SURROGATE_REASON, unstorableFields } from './request-text';

describe('RequestTextPipe', () => {
  const pipe = new RequestTextPipe();

  it("names a NUL at any depth of a body, in the validation errors' path shape", () => {
    const body = { description: 'a\u0000b', scope: { products: [{ models: ['ok', 'x\u0000'] }] }, fine: 'text', n: 3 };
    expect(unstorableFields(body)).toEqual([
      { field: 'description', reasons: [NUL_REASON] },
      { field: 'scope.products[0].models[1]', reasons: [NUL_REASON] },
    ]);
  });

  it('names an object key carrying a NUL, printably', () => {
    expect(unstorableFields({ 'a\u0000': 1 })).toEqual([{ field: 'a\\u0000', reasons: [NUL_REASON] }]);
  });

  it('refuses a lone surrogate but keeps a paired one (an emoji)', () => {
    expect(unstorableFields({ a: '\ud800', b: 'x\udc00', c: '😀' })).toEqual([
      { field: 'a', reasons: [SURROGATE_REASON] },
      { field: 'b', reasons: [SURROGATE_REASON] },
    ]);
  });

  it('names a path parameter after its name and throws VALIDATION_FAILED', () => {
    let thrown: unknown;
    try {
      pipe.transform('a\u0000b', { type: 'param', data: 'number' });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect(thrown).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'number', reasons: [NUL_REASON] }] });
  });

  it('passes clean input and leaves custom decorators alone', () => {
    const body = { q: '电子', list: ['a'] };
    expect(pipe.transform(body, { type: 'body' })).toBe(body);
    const ctx = { query: { q: '\u0000' } };
    expect(pipe.transform(ctx, { type: 'custom' })).toBe(ctx);
  });

  it('refuses a path parameter longer than any identifier, naming it, but not a long body or query value', () => {
    const long = 'x'.repeat(1025);
    expect(() => pipe.transform('x'.repeat(1024), { type: 'param', data: 'id' })).not.toThrow();
    expect(() => pipe.transform(long, { type: 'param', data: 'id' })).toThrow(PATH_PARAMETER_REASON);
    let thrown: unknown;
    try {
      pipe.transform({ id: 'a', requirementId: long }, { type: 'param' });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toMatchObject({ fields: [{ field: 'requirementId', reasons: [PATH_PARAMETER_REASON] }] });
    expect(pipe.transform({ description: long }, { type: 'body' })).toEqual({ description: long });
  });
});
