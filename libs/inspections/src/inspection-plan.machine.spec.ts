import { DomainError } from '@app/shared';
import { PLAN_STATUSES, PlanAction, planMachine, PlanStatus } from './inspection-plan.machine';

/** The lifecycle written out independently of the table, so the spec catches a slip in either. */
const EXPECTED: Record<PlanStatus, Partial<Record<PlanAction, PlanStatus>>> = {
  draft: { commit: 'committed' },
  committed: { draw: 'drawn' },
  drawn: { record_result: 'drawn', publish_results: 'results_recorded' },
  results_recorded: { close: 'closed' },
  closed: {},
};

describe('inspection plan state machine', () => {
  it.each(PLAN_STATUSES.flatMap((s) => planMachine.actions.map((a) => [s, a] as const)))('from %s, %s does what the lifecycle says', (state, action) => {
    const expected = EXPECTED[state][action];
    if (expected) {
      expect(planMachine.next(state, action)).toBe(expected);
    } else {
      expect(() => planMachine.next(state, action)).toThrow(DomainError);
      expect(() => planMachine.next(state, action)).toThrow(`'${state}'`);
    }
  });

  it('ends in closed only, and never returns to draft or committed', () => {
    expect(PLAN_STATUSES.filter((s) => planMachine.allowedActions(s).length === 0)).toEqual(['closed']);
    const reached = Object.values(EXPECTED).flatMap((m) => Object.values(m));
    expect(reached).not.toContain('draft');
    expect(reached.filter((s) => s === 'committed')).toEqual(['committed']);
  });
});
