import { StateMachine } from '@app/shared';

export const PLAN_STATUSES = ['draft', 'committed', 'drawn', 'results_recorded', 'closed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/**
 * A random inspection plan: edited as a draft; committed (seed made and kept secret, its SHA-256 and
 * the frozen population published); drawn (the seed published with the draw); its results recorded
 * target by target, then published together; closed. Nothing goes back: the commitment is only
 * worth something if the population and seed can never change after it.
 */
export const PLAN_TRANSITIONS = {
  commit: { from: ['draft'], to: 'committed' },
  draw: { from: ['committed'], to: 'drawn' },
  record_result: { from: ['drawn'] },
  publish_results: { from: ['drawn'], to: 'results_recorded' },
  close: { from: ['results_recorded'], to: 'closed' },
} as const;
export type PlanAction = keyof typeof PLAN_TRANSITIONS;

export const planMachine = new StateMachine<PlanStatus, PlanAction>('inspection plan', PLAN_STATUSES, PLAN_TRANSITIONS);

/** The states the public sees a plan in: from its commitment on. */
export const PUBLIC_PLAN_STATUSES: readonly PlanStatus[] = ['committed', 'drawn', 'results_recorded', 'closed'];
/** ... and its results, once published together. */
export const RESULTS_PUBLIC_STATUSES: readonly PlanStatus[] = ['results_recorded', 'closed'];
