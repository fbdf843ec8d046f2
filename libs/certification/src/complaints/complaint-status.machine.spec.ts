import { DomainError } from '@app/shared';
import { COMPLAINT_STATUSES, ComplaintAction, complaintMachine, ComplaintStatus } from './complaint-status.machine';

/** The lifecycle written out independently of the table, so the spec catches a slip in either. */
const EXPECTED: Record<ComplaintStatus, Partial<Record<ComplaintAction, ComplaintStatus>>> = {
  received: { acknowledge: 'acknowledged' },
  acknowledged: { assign_investigator: 'under_investigation' },
  under_investigation: {
    assign_investigator: 'under_investigation',
    request_special_audit: 'under_investigation',
    suspend_certificate: 'under_investigation',
    resolve: 'resolved',
  },
  resolved: { close: 'closed' },
  closed: {},
};

describe('complaint state machine', () => {
  it.each(COMPLAINT_STATUSES.flatMap((s) => complaintMachine.actions.map((a) => [s, a] as const)))(
    'from %s, %s does what the lifecycle says',
    (state, action) => {
      const expected = EXPECTED[state][action];
      if (expected) {
        expect(complaintMachine.next(state, action)).toBe(expected);
      } else {
        expect(() => complaintMachine.next(state, action)).toThrow(DomainError);
        expect(() => complaintMachine.next(state, action)).toThrow(`'${state}'`);
      }
    },
  );

  it('ends in closed only, and never returns to received', () => {
    expect(COMPLAINT_STATUSES.filter((s) => complaintMachine.allowedActions(s).length === 0)).toEqual(['closed']);
    expect(Object.values(EXPECTED).flatMap((m) => Object.values(m))).not.toContain('received');
  });
});
