import { DomainError, StateMachine } from '@app/shared';

/** A lifecycle written out independently of its table: state → action → the state it leads to (absent: refused). */
export type ExpectedLifecycle = Record<string, Record<string, string>>;

/**
 * Walks every state × action of each machine against its expected lifecycle, so a slip in a table
 * fails: the lifecycle names every state, an allowed action leads where expected, any other is a
 * 409 ILLEGAL_TRANSITION naming the state and the action. Call inside a describe.
 */
export function walkMachines(machines: [StateMachine<string, string>, ExpectedLifecycle][]): void {
  it.each(machines.map(([machine, table]) => [machine.aggregate, machine, table] as const))(
    '%s: the expected lifecycle names every state',
    (_aggregate, machine, table) => {
      expect(Object.keys(table).sort()).toEqual([...machine.states].sort());
    },
  );

  const cases = machines.flatMap(([machine, table]) =>
    machine.states.flatMap((state) => machine.actions.map((action) => [machine.aggregate, state, action, table[state]?.[action], machine] as const)),
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
    expect((error as DomainError).message).toContain(`'${action}'`);
  });
}
