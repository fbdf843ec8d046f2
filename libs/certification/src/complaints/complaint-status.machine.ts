import { StateMachine } from '@app/shared';

export const COMPLAINT_STATUSES = ['received', 'acknowledged', 'under_investigation', 'resolved', 'closed'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/**
 * A complaint (ISO/IEC 17065 7.13): received and at once acknowledged with its reference, investigated
 * by someone the handling organization assigns (and may reassign), resolved with an outcome, findings
 * and actions, and closed when the complainant is told. Actions during the investigation (a special
 * audit, a suspension) leave the state as it is but go in the timeline.
 */
export const COMPLAINT_TRANSITIONS = {
  acknowledge: { from: ['received'], to: 'acknowledged' },
  assign_investigator: { from: ['acknowledged', 'under_investigation'], to: 'under_investigation' },
  request_special_audit: { from: ['under_investigation'] },
  suspend_certificate: { from: ['under_investigation'] },
  resolve: { from: ['under_investigation'], to: 'resolved' },
  close: { from: ['resolved'], to: 'closed' },
} as const;
export type ComplaintAction = keyof typeof COMPLAINT_TRANSITIONS;

export const complaintMachine = new StateMachine<ComplaintStatus, ComplaintAction>('complaint', COMPLAINT_STATUSES, COMPLAINT_TRANSITIONS);

export const COMPLAINT_OUTCOMES = ['upheld', 'not_upheld', 'partly_upheld'] as const;
export type ComplaintOutcome = (typeof COMPLAINT_OUTCOMES)[number];
