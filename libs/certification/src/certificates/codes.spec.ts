import { certificateNumber, classifyCertificateNumber } from './certificate-number';
import { classifyLabelCode, formatLabelCode, generateLabelCodes } from './label-code';

describe('certificate numbers', () => {
  it('formats with a check character and reads back however it is typed', () => {
    const n = certificateNumber(2026, 123);
    expect(n).toMatch(/^SZS-2026-000123-[0-9A-Z]$/);
    expect(classifyCertificateNumber(n.toLowerCase().replace(/-/g, ' '))).toEqual({ kind: 'certificate', number: n });
  });

  it('calls a number with a wrong check character invalid, and something else not a number', () => {
    const n = certificateNumber(2026, 7);
    const wrong = n.slice(0, -1) + (n.endsWith('0') ? '1' : '0');
    expect(classifyCertificateNumber(wrong)).toEqual({ kind: 'invalid' });
    expect(classifyCertificateNumber('hello')).toBeNull();
  });
});

describe('label codes', () => {
  it('generates distinct, well-formed codes', () => {
    const codes = generateLabelCodes(10000);
    expect(new Set(codes).size).toBe(10000);
    for (const c of codes.slice(0, 100)) expect(classifyLabelCode(formatLabelCode(c))).toEqual({ kind: 'label', code: c });
  });

  it('spreads characters evenly (no modulo bias)', () => {
    const counts = new Map<string, number>();
    for (const c of generateLabelCodes(20000)) for (const ch of c.slice(0, 12)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    const expected = (20000 * 12) / 36;
    for (const n of counts.values()) expect(Math.abs(n - expected) / expected).toBeLessThan(0.06);
  });

  it('calls a typo invalid', () => {
    const [c] = generateLabelCodes(1);
    const typo = (c[0] === 'A' ? 'B' : 'A') + c.slice(1);
    expect(classifyLabelCode(typo)).toEqual({ kind: 'invalid' });
  });
});
