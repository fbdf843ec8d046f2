import { StateMachine } from '@app/shared';

/** A standard is current until superseded by a newer version or withdrawn. */
export const standardMachine = new StateMachine('standard', ['current', 'superseded', 'withdrawn'] as const, {
  supersede: { from: ['current'], to: 'superseded' },
  withdraw: { from: ['current', 'superseded'], to: 'withdrawn' },
});

/** A catalogue batch is assembled as a draft, then published once; its entries open with it. */
export const batchMachine = new StateMachine('catalogue batch', ['draft', 'published'] as const, {
  add_entry: { from: ['draft'] },
  publish: { from: ['draft'], to: 'published' },
});

/** A published entry takes applications while open. */
export const entryMachine = new StateMachine('catalogue entry', ['open', 'closed'] as const, {
  close: { from: ['open'], to: 'closed' },
  reopen: { from: ['closed'], to: 'open' },
});

/** A self-declaration is public once published; a new version supersedes it. */
export const declarationMachine = new StateMachine('self-declaration', ['published', 'superseded', 'withdrawn'] as const, {
  new_version: { from: ['published'], to: 'superseded' },
  withdraw: { from: ['published'], to: 'withdrawn' },
});

/** An authorization is valid in its window until revoked. */
export const authorizationMachine = new StateMachine('authorization', ['active', 'revoked'] as const, {
  revoke: { from: ['active'], to: 'revoked' },
});

/** An enterprise is on the abnormal-operations list until the regulator removes it. */
export const listingMachine = new StateMachine('abnormal-operations listing', ['listed', 'removed'] as const, {
  remove: { from: ['listed'], to: 'removed' },
});
