import { scoreAudit, withinBounds } from './audit-scoring';

describe('audit scoring', () => {
  const req = (clause: string, critical: boolean, passed: boolean | undefined) => ({ clause, critical, passed });

  it('passes when every critical requirement passes and nothing is open', () => {
    const s = scoreAudit([req('5.1', true, true), req('5.2', false, true)], [{ grade: 'major', status: 'closed', description: 'x' }]);
    expect(s.outcome).toBe('passed');
  });

  it('fails when a critical requirement fails, naming its clause', () => {
    const s = scoreAudit([req('5.1', true, false), req('5.2', false, true)], []);
    expect(s).toEqual({ outcome: 'failed', reasons: ['critical requirement 5.1 failed'] });
  });

  it('fails on a major nonconformity that is answered but not closed', () => {
    const s = scoreAudit([req('5.1', true, true)], [{ grade: 'major', status: 'answered', description: '来料检验缺失' }]);
    expect(s.outcome).toBe('failed');
    expect(s.reasons[0]).toContain('来料检验缺失');
  });

  it('requires corrections for an open minor nonconformity', () => {
    const s = scoreAudit([req('5.1', true, true)], [{ grade: 'minor', status: 'open', description: '记录不全' }]);
    expect(s.outcome).toBe('corrections_required');
  });

  it('reports a failed non-critical requirement without failing the audit', () => {
    const s = scoreAudit([req('5.1', true, true), req('5.4', false, false)], []);
    expect(s.outcome).toBe('passed');
    expect(s.reasons.join()).toContain('5.4');
  });

  it('checks bounds inclusively and with one-sided limits', () => {
    expect(withinBounds(72, 72, null)).toBe(true);
    expect(withinBounds(71.9, 72, null)).toBe(false);
    expect(withinBounds(1.6, null, 1.6)).toBe(true);
    expect(withinBounds(7.6, 4, 7.5)).toBe(false);
  });
});
