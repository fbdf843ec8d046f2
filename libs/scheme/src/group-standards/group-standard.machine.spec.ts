import { DomainError } from '@app/shared';
import { GROUP_STANDARD_STATUSES, groupStandardMachine } from './group-standard.machine';

/** The lifecycle written out independently of the table, so a slip in the table fails here. */
const EXPECTED: Record<(typeof GROUP_STANDARD_STATUSES)[number], Record<string, string>> = {
  proposed: { approve: 'approved' },
  approved: { start_drafting: 'drafting' },
  drafting: { edit_requirements: 'drafting', open_comment: 'public_comment' },
  public_comment: { comment: 'public_comment', close_comment: 'technical_review' },
  technical_review: { return_to_drafting: 'drafting', publish: 'published' },
  published: { start_review: 'review', supersede: 'superseded' },
  review: { confirm: 'published', revise: 'published', withdraw: 'withdrawn', supersede: 'superseded' },
  superseded: {},
  withdrawn: {},
};

const cases = groupStandardMachine.states.flatMap((state) => groupStandardMachine.actions.map((action) => [state, action, EXPECTED[state][action]] as const));

describe('group standard lifecycle', () => {
  it('names every state', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...GROUP_STANDARD_STATUSES].sort());
  });

  it.each(cases)('from %s, %s leads to %s', (state, action, expected) => {
    if (expected) {
      expect(groupStandardMachine.next(state, action)).toBe(expected);
      return;
    }
    let error: unknown;
    try {
      groupStandardMachine.next(state, action);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('ILLEGAL_TRANSITION');
    expect((error as DomainError).message).toContain(`'${state}'`);
  });
});
