import { StateMachine } from '@app/shared';

export const APPEAL_STATUSES = ['lodged', 'under_consideration', 'upheld', 'dismissed'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

/**
 * An appeal against a body's decision (ISO/IEC 17065 7.13): lodged by the enterprise, taken into
 * consideration by the person the body assigns (reassignable until decided), then upheld (the
 * decision is reversed through its own state machine) or dismissed.
 */
export const APPEAL_TRANSITIONS = {
  assign: { from: ['lodged', 'under_consideration'], to: 'under_consideration' },
  uphold: { from: ['under_consideration'], to: 'upheld' },
  dismiss: { from: ['under_consideration'], to: 'dismissed' },
} as const;
export type AppealAction = keyof typeof APPEAL_TRANSITIONS;

export const appealMachine = new StateMachine<AppealStatus, AppealAction>('appeal', APPEAL_STATUSES, APPEAL_TRANSITIONS);
