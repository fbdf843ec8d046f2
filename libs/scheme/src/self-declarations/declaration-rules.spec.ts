import { canonicalJson, contentHash, directionOf, indicatorFlags, isValidGtin, meets, NationalRequirement } from './declaration-rules';

describe('GTIN check digit', () => {
  it.each(['96385074', '036000291452', '4006381333931', '6901234567892', '10614141000415'])('accepts %s', (code) => expect(isValidGtin(code)).toBe(true));
  it.each([
    ['a wrong check digit', '4006381333932'],
    ['two digits swapped', '4006381339331'],
    ['a length GS1 does not use', '400638133393'.slice(0, 10)],
    ['letters', '40063813339A1'],
    ['spaces', '4006381 333931'],
    ['empty', ''],
  ])('refuses %s', (_, code) => expect(isValidGtin(code)).toBe(false));
});

describe('indicator flags', () => {
  const r = (id: string, min: number | null, max: number | null): NationalRequirement => ({
    id,
    standardCode: 'GB 1',
    clause: id,
    textZh: `要求${id}`,
    unit: 'h',
    min,
    max,
  });
  const minimum = r('a', 80, null);
  const maximum = r('b', null, 10);
  const range = r('c', 1, 5);
  const known = new Map([minimum, maximum, range].map((x) => [x.id, x]));

  it('flags a value below a minimum, above a maximum or outside a range as weaker', () => {
    const flags = indicatorFlags(
      [
        { name: 'A', value: 79.9, requirementId: 'a' },
        { name: 'B', value: 10.5, requirementId: 'b' },
        { name: 'C', value: 0.5, requirementId: 'c' },
      ],
      [],
      known,
    );
    expect(flags.map((f) => [f.kind, f.requirementId, f.bound])).toEqual([
      ['weaker', 'a', '≥ 80 h'],
      ['weaker', 'b', '≤ 10 h'],
      ['weaker', 'c', '≥ 1 h, ≤ 5 h'],
    ]);
  });

  it('does not flag values on or inside the bound', () => {
    const ok = [
      { name: 'A', value: 80, requirementId: 'a' },
      { name: 'B', value: 10, requirementId: 'b' },
      { name: 'C', value: 5, requirementId: 'c' },
    ];
    expect(indicatorFlags(ok, [minimum, maximum, range], known)).toEqual([]);
  });

  it('flags a required measured requirement no indicator is tied to as missing', () => {
    const flags = indicatorFlags([{ name: 'A', value: 90, requirementId: 'a' }], [minimum, maximum], known);
    expect(flags).toEqual([expect.objectContaining({ kind: 'missing', requirementId: 'b', indicator: null, value: null })]);
  });

  it('ignores an indicator tied to a requirement it does not know', () => {
    expect(indicatorFlags([{ name: 'X', value: 1, requirementId: 'z' }], [], known)).toEqual([]);
  });
});

describe('content hash', () => {
  it('does not depend on the order of object keys, but on every value and on array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: 'x' } })).toBe('{"a":{"c":"x","d":[2,1]},"b":1}');
    expect(contentHash({ a: 1, b: 2 })).toBe(contentHash({ b: 2, a: 1 }));
    expect(contentHash({ a: [1, 2] })).not.toBe(contentHash({ a: [2, 1] }));
    expect(contentHash({ a: 1 })).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('ranking', () => {
  it('meets a listed value in the direction only', () => {
    expect([meets(95, 95, 'higher'), meets(94, 95, 'higher'), meets(9, 10, 'lower'), meets(11, 10, 'lower')]).toEqual([true, false, true, false]);
  });
  it('takes the direction from the bound', () => {
    expect([directionOf({ min: 1, max: null }), directionOf({ min: null, max: 1 }), directionOf({ min: null, max: null })]).toEqual(['higher', 'lower', null]);
  });
});
