import { StateMachine } from '@app/shared';

export const MARK_GRANT_STATUSES = ['requested', 'granted', 'refused', 'suspended', 'revoked'] as const;
export type MarkGrantStatus = (typeof MARK_GRANT_STATUSES)[number];

/** Decided by the certification body; afterwards it follows its certificate (see GRANT_FOLLOWS). */
export const markGrantMachine = new StateMachine<MarkGrantStatus, 'grant' | 'refuse'>('mark grant', MARK_GRANT_STATUSES, {
  grant: { from: ['requested'], to: 'granted' },
  refuse: { from: ['requested'], to: 'refused' },
});
