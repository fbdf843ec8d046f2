import { DomainError } from '@app/shared';
import { recognisedReportMachine } from './recognised-report.machine';

/** The lifecycle written out independently of the table, so a slip in the table fails here. */
const EXPECTED: Record<string, Record<string, string>> = {
  presented: { accept: 'accepted', refuse: 'refused' },
  accepted: {},
  refused: {},
};

describe('recognised report machine', () => {
  it('names every state', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...recognisedReportMachine.states].sort());
  });

  it.each(recognisedReportMachine.states.flatMap((s) => recognisedReportMachine.actions.map((a) => [s, a, EXPECTED[s][a]] as const)))(
    'from %s, %s leads to %s',
    (state, action, expected) => {
      if (expected) {
        expect(recognisedReportMachine.next(state, action)).toBe(expected);
        return;
      }
      expect(() => recognisedReportMachine.next(state, action)).toThrow(DomainError);
      try {
        recognisedReportMachine.next(state, action);
      } catch (e) {
        expect((e as DomainError).code).toBe('ILLEGAL_TRANSITION');
        expect((e as DomainError).message).toContain(`'${state}'`);
      }
    },
  );
});
