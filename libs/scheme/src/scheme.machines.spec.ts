import { StateMachine } from '@app/shared';
import { ExpectedLifecycle, walkMachines } from '../../../test/support/machine-walk';
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
const EXPECTED: [StateMachine<string, string>, ExpectedLifecycle][] = [
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

describe('scheme state machines', () => {
  walkMachines(EXPECTED);

  it('reads authorization and listing states from their timestamps', () => {
    expect(authorizationStatusOf({ revokedAt: null })).toBe('active');
    expect(authorizationStatusOf({ revokedAt: new Date() })).toBe('revoked');
    expect(listingStatusOf({ removedAt: null })).toBe('listed');
    expect(listingStatusOf({ removedAt: new Date() })).toBe('removed');
  });
});
