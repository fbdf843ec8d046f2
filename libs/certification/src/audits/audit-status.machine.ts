import { StateMachine } from '@app/shared';

export const AUDIT_KINDS = ['initial', 'surveillance', 'special', 'renewal'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

export const AUDIT_STATUSES = ['planned', 'in_progress', 'submitted', 'evaluated'] as const;
export type AuditStatus = (typeof AUDIT_STATUSES)[number];

export const AUDIT_OUTCOMES = ['passed', 'failed', 'corrections_required'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/**
 * An audit: planned by a job, carried out by its auditors, scored by a job. `record` (findings,
 * nonconformities) keeps the state; `resume` lets the auditors continue after an evaluation that
 * asked for corrections (the service allows it for that outcome only).
 */
export const auditMachine = new StateMachine<AuditStatus, 'start' | 'record' | 'submit' | 'evaluate' | 'resume'>('audit', AUDIT_STATUSES, {
  start: { from: ['planned'], to: 'in_progress' },
  record: { from: ['in_progress'] },
  submit: { from: ['in_progress'], to: 'submitted' },
  evaluate: { from: ['submitted'], to: 'evaluated' },
  resume: { from: ['evaluated'], to: 'in_progress' },
});

export const NONCONFORMITY_STATUSES = ['open', 'answered', 'closed'] as const;
export type NonconformityStatus = (typeof NONCONFORMITY_STATUSES)[number];

/** The enterprise answers with a corrective action; the auditor closes it or sends it back. */
export const nonconformityMachine = new StateMachine<NonconformityStatus, 'answer' | 'close' | 'reopen'>('nonconformity', NONCONFORMITY_STATUSES, {
  answer: { from: ['open'], to: 'answered' },
  close: { from: ['answered'], to: 'closed' },
  reopen: { from: ['answered'], to: 'open' },
});
