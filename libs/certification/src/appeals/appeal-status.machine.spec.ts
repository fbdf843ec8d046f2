import { DomainError } from '@app/shared';
import { APPEAL_STATUSES, AppealAction, appealMachine, AppealStatus } from './appeal-status.machine';

const EXPECTED: Record<AppealStatus, Partial<Record<AppealAction, AppealStatus>>> = {
  lodged: { assign: 'under_consideration' },
  under_consideration: { assign: 'under_consideration', uphold: 'upheld', dismiss: 'dismissed' },
  upheld: {},
  dismissed: {},
};

describe('appeal state machine', () => {
  it.each(APPEAL_STATUSES.flatMap((s) => appealMachine.actions.map((a) => [s, a] as const)))('from %s, %s does what the lifecycle says', (state, action) => {
    const expected = EXPECTED[state][action];
    if (expected) {
      expect(appealMachine.next(state, action)).toBe(expected);
    } else {
      expect(() => appealMachine.next(state, action)).toThrow(DomainError);
      expect(() => appealMachine.next(state, action)).toThrow(`'${state}'`);
    }
  });

  it('is decided only once: upheld and dismissed are final', () => {
    expect(APPEAL_STATUSES.filter((s) => appealMachine.allowedActions(s).length === 0)).toEqual(['upheld', 'dismissed']);
  });
});
