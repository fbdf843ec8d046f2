import { DomainError, StateMachine } from '@app/shared';
import {
  authorizationMachine,
  authorizationStatusOf,
  batchMachine,
  declarationMachine,
  entryMachine,
  listingMachine,
  listingStatusOf,
  standardMachine,
} from './scheme.machines';

/** Each lifecycle written out independently of the tables, so a slip in a table fails here. */
const EXPECTED: [StateMachine<string, string>, Record<string, Record<string, string>>][] = [
  [
    standardMachine,
    {
      current: { supersede: 'superseded', withdraw: 'withdrawn' },
      superseded: {},
      withdrawn: {},
    },
  ],
  [
    batchMachine,
    {
      draft: { add_entry: 'draft', publish: 'published' },
      published: {},
    },
  ],
  [
    entryMachine,
    {
      open: { close: 'closed' },
      closed: { reopen: 'open' },
    },
  ],
  [
    declarationMachine,
    {
      published: { new_version: 'superseded', withdraw: 'withdrawn' },
      superseded: {},
      withdrawn: {},
    },
  ],
  [
    authorizationMachine,
    {
      active: { revoke: 'revoked' },
      revoked: {},
    },
  ],
  [
    listingMachine,
    {
      listed: { remove: 'removed' },
      removed: {},
    },
  ],
];

const cases = EXPECTED.flatMap(([machine, table]) =>
  machine.states.flatMap((state) => machine.actions.map((action) => [machine.aggregate, state, action, table[state]?.[action], machine] as const)),
);

describe('scheme state machines', () => {
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
    expect((error as DomainError).message).toContain(`'${action}'`);
  });

  it('reads authorization and listing states from their timestamps', () => {
    expect(authorizationStatusOf({ revokedAt: null })).toBe('active');
    expect(authorizationStatusOf({ revokedAt: new Date() })).toBe('revoked');
    expect(listingStatusOf({ removedAt: null })).toBe('listed');
    expect(listingStatusOf({ removedAt: new Date() })).toBe('removed');
  });
});
