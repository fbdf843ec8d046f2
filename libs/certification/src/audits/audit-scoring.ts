import type { AuditOutcome } from './audit-status.machine';

export interface ScoredRequirement {
  clause: string;
  critical: boolean;
  /** undefined: no finding recorded */
  passed: boolean | undefined;
}

export interface ScoredNonconformity {
  grade: 'major' | 'minor';
  status: 'open' | 'answered' | 'closed';
  description: string;
}

export interface AuditScore {
  outcome: AuditOutcome;
  reasons: string[];
}

/**
 * DESIGN's scoring: every critical requirement must pass; any major nonconformity not closed
 * fails the audit; minor ones not closed mean corrections are required. A non-critical
 * requirement that fails without a nonconformity raised for it is reported but does not fail.
 */
export function scoreAudit(requirements: ScoredRequirement[], nonconformities: ScoredNonconformity[]): AuditScore {
  const reasons: string[] = [];
  const criticalFailures = requirements.filter((r) => r.critical && r.passed !== true);
  for (const r of criticalFailures) {
    reasons.push(r.passed === undefined ? `critical requirement ${r.clause} has no finding` : `critical requirement ${r.clause} failed`);
  }
  const openMajor = nonconformities.filter((n) => n.grade === 'major' && n.status !== 'closed');
  for (const n of openMajor) reasons.push(`major nonconformity not closed: ${n.description}`);
  if (criticalFailures.length || openMajor.length) return { outcome: 'failed', reasons };

  const openMinor = nonconformities.filter((n) => n.grade === 'minor' && n.status !== 'closed');
  if (openMinor.length) {
    return { outcome: 'corrections_required', reasons: openMinor.map((n) => `minor nonconformity not closed: ${n.description}`) };
  }
  const otherFailures = requirements.filter((r) => !r.critical && r.passed === false);
  return {
    outcome: 'passed',
    reasons: [
      'every critical requirement passed and no nonconformity is open',
      ...otherFailures.map((r) => `non-critical requirement ${r.clause} failed (no open nonconformity)`),
    ],
  };
}

/** Whether a measured value is inside a requirement's bounds (inclusive). */
export function withinBounds(value: number, min: number | null, max: number | null): boolean {
  return (min === null || value >= min) && (max === null || value <= max);
}
