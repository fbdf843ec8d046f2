import { StateMachine } from '@app/shared';

export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'under_review',
  'info_requested',
  'accepted',
  'rejected',
  'in_evaluation',
  'awaiting_decision',
  'granted',
  'refused',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Until a decision the enterprise may withdraw (DESIGN: "any time before a decision"). */
const BEFORE_DECISION = [
  'draft',
  'submitted',
  'under_review',
  'info_requested',
  'accepted',
  'in_evaluation',
  'awaiting_decision',
] as const satisfies readonly ApplicationStatus[];

/**
 * The certification case from application to decision. `side` says which organization acts;
 * the HTTP layer maps it to roles. Evaluation and decision actions are driven by the audit and
 * decision workflow.
 */
export const APPLICATION_TRANSITIONS = {
  edit: { from: ['draft', 'info_requested'], side: 'enterprise' },
  submit: { from: ['draft'], to: 'submitted', side: 'enterprise' },
  answer_info_request: { from: ['info_requested'], to: 'submitted', side: 'enterprise' },
  withdraw: { from: BEFORE_DECISION, to: 'withdrawn', side: 'enterprise' },
  take_into_review: { from: ['submitted'], to: 'under_review', side: 'certification_body' },
  request_info: { from: ['under_review'], to: 'info_requested', side: 'certification_body' },
  accept: { from: ['under_review'], to: 'accepted', side: 'certification_body' },
  reject: { from: ['under_review'], to: 'rejected', side: 'certification_body' },
  start_evaluation: { from: ['accepted'], to: 'in_evaluation', side: 'certification_body' },
  complete_evaluation: { from: ['in_evaluation'], to: 'awaiting_decision', side: 'certification_body' },
  grant: { from: ['awaiting_decision'], to: 'granted', side: 'certification_body' },
  refuse: { from: ['awaiting_decision'], to: 'refused', side: 'certification_body' },
  // Only an upheld appeal reopens a decided case (appeals.service.ts): a refusal is decided again,
  // a rejection reviewed again. No organization takes these actions by hand.
  reopen_decision: { from: ['refused'], to: 'awaiting_decision', side: 'appeal' },
  reopen_review: { from: ['rejected'], to: 'under_review', side: 'appeal' },
} as const satisfies Record<string, { from: readonly ApplicationStatus[]; to?: ApplicationStatus; side: 'enterprise' | 'certification_body' | 'appeal' }>;

export type ApplicationAction = keyof typeof APPLICATION_TRANSITIONS;

export const applicationMachine = new StateMachine<ApplicationStatus, ApplicationAction>('application', APPLICATION_STATUSES, APPLICATION_TRANSITIONS);

export const TERMINAL_STATUSES: readonly ApplicationStatus[] = APPLICATION_STATUSES.filter((s) => applicationMachine.allowedActions(s).length === 0);
