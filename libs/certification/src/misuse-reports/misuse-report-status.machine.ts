import { StateMachine } from '@app/shared';

export const MISUSE_REPORT_STATUSES = ['received', 'reviewing', 'closed'] as const;
export type MisuseReportStatus = (typeof MISUSE_REPORT_STATUSES)[number];

/**
 * A report is received, taken into review by the certification body or the regulator, and closed;
 * a closed report can be reviewed again when new facts come in. Actions are named after the state
 * they lead to, because the API sets a status.
 */
export const MISUSE_REPORT_TRANSITIONS = {
  reviewing: { from: ['received', 'closed'], to: 'reviewing' },
  closed: { from: ['received', 'reviewing'], to: 'closed' },
} as const;
export type MisuseReportAction = keyof typeof MISUSE_REPORT_TRANSITIONS;

export const misuseReportMachine = new StateMachine<MisuseReportStatus, MisuseReportAction>('misuse report', MISUSE_REPORT_STATUSES, MISUSE_REPORT_TRANSITIONS);
