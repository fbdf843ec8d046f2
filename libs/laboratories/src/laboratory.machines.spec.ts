import { DomainError, StateMachine } from '@app/shared';
import { agreementMachine, laboratoryMachine } from './laboratory.machines';

/** Each lifecycle written out independently of the tables, so a slip in a table fails here. */
const EXPECTED: [StateMachine<string, string>, Record<string, Record<string, string>>][] = [
  [
    laboratoryMachine,
    {
      accredited: { suspend: 'suspended', withdraw: 'withdrawn', edit: 'accredited' },
      suspended: { reinstate: 'accredited', withdraw: 'withdrawn', edit: 'suspended' },
      withdrawn: {},
    },
  ],
  [
    agreementMachine,
    {
      in_force: { terminate: 'terminated' },
      terminated: {},
    },
  ],
];

const cases = EXPECTED.flatMap(([machine, table]) =>
  machine.states.flatMap((state) => machine.actions.map((action) => [machine.aggregate, state, action, table[state]?.[action], machine] as const)),
);

describe('laboratory state machines', () => {
  it.each(EXPECTED.map(([machine, table]) => [machine.aggregate, machine, table] as const))(
    '%s: the expected lifecycle names every state',
    (_a, machine, table) => {
      expect(Object.keys(table).sort()).toEqual([...machine.states].sort());
    },
  );

  it.each(cases)('%s: from %s, %s leads to %s', (_aggregate, state, action, expected, machine) => {
    if (expected) {
      expect(machine.next(state, action)).toBe(expected);
      return;
    }
    let error: unknown;
    try {
      machine.next(state, action);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('ILLEGAL_TRANSITION');
    expect((error as DomainError).message).toContain(`'${state}'`);
  });
});
