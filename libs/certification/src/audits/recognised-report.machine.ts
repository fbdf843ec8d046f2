import { StateMachine } from '@app/shared';

export const RECOGNISED_REPORT_STATUSES = ['presented', 'accepted', 'refused', 'withdrawn'] as const;
export type RecognisedReportStatus = (typeof RECOGNISED_REPORT_STATUSES)[number];

/**
 * A recognised report (互认) waits for an assigned auditor, who accepts it in place of a new test or
 * refuses it; until then the enterprise may withdraw it. All three are final.
 */
export const recognisedReportMachine = new StateMachine('recognised report', RECOGNISED_REPORT_STATUSES, {
  accept: { from: ['presented'], to: 'accepted' },
  refuse: { from: ['presented'], to: 'refused' },
  withdraw: { from: ['presented'], to: 'withdrawn' },
});
