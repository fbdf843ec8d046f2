import { DomainError } from '@app/shared';
import { APPLICATION_STATUSES, ApplicationAction, ApplicationStatus, applicationMachine, TERMINAL_STATUSES } from './application-status.machine';

/** The expected lifecycle, written out independently of the table so the spec can catch a slip in it. */
const EXPECTED: Record<ApplicationStatus, Partial<Record<ApplicationAction, ApplicationStatus>>> = {
  draft: { edit: 'draft', submit: 'submitted', withdraw: 'withdrawn' },
  submitted: { take_into_review: 'under_review', withdraw: 'withdrawn' },
  under_review: { request_info: 'info_requested', accept: 'accepted', reject: 'rejected', withdraw: 'withdrawn' },
  info_requested: { edit: 'info_requested', answer_info_request: 'submitted', withdraw: 'withdrawn' },
  accepted: { start_evaluation: 'in_evaluation', withdraw: 'withdrawn' },
  in_evaluation: { complete_evaluation: 'awaiting_decision', withdraw: 'withdrawn' },
  awaiting_decision: { grant: 'granted', refuse: 'refused', withdraw: 'withdrawn' },
  rejected: { reopen_review: 'under_review' },
  granted: {},
  refused: { reopen_decision: 'awaiting_decision' },
  withdrawn: {},
};

describe('application state machine', () => {
  const pairs = APPLICATION_STATUSES.flatMap((s) => applicationMachine.actions.map((a) => [s, a] as const));

  it.each(pairs)('from %s, %s does exactly what the lifecycle says', (state, action) => {
    const expected = EXPECTED[state][action];
    if (expected) {
      expect(applicationMachine.next(state, action)).toBe(expected);
    } else {
      expect(() => applicationMachine.next(state, action)).toThrow(DomainError);
      try {
        applicationMachine.next(state, action);
      } catch (e) {
        expect((e as DomainError).code).toBe('ILLEGAL_TRANSITION');
        expect((e as DomainError).message).toContain(`'${state}'`);
        expect((e as DomainError).message).toContain(`'${action}'`);
      }
    }
  });

  it('ends in granted and withdrawn only: a refusal or rejection reopens on an upheld appeal', () => {
    expect([...TERMINAL_STATUSES].sort()).toEqual(['granted', 'withdrawn']);
  });

  it('cannot be withdrawn once decided', () => {
    for (const s of ['granted', 'refused'] as const) expect(applicationMachine.can(s, 'withdraw')).toBe(false);
  });
});
