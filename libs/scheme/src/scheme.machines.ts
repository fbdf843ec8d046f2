import { StateMachine } from '@app/shared';

export const STANDARD_STATUSES = ['current', 'superseded', 'withdrawn'] as const;
export type StandardStatus = (typeof STANDARD_STATUSES)[number];

/** A standard is current until a newer version supersedes it or its issuer withdraws it; both are final. */
export const standardMachine = new StateMachine('standard', STANDARD_STATUSES, {
  supersede: { from: ['current'], to: 'superseded' },
  withdraw: { from: ['current'], to: 'withdrawn' },
});
export type StandardAction = (typeof standardMachine.actions)[number];

export const BATCH_STATUSES = ['draft', 'published'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

/** A catalogue batch is assembled as a draft and published once: published entries never change batch. */
export const batchMachine = new StateMachine('catalogue batch', BATCH_STATUSES, {
  add_entry: { from: ['draft'] },
  publish: { from: ['draft'], to: 'published' },
});

export const ENTRY_STATUSES = ['open', 'closed'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

/** A catalogue entry takes new applications while open; the bureau may close and reopen it. */
export const entryMachine = new StateMachine('catalogue entry', ENTRY_STATUSES, {
  close: { from: ['open'], to: 'closed' },
  reopen: { from: ['closed'], to: 'open' },
});
export type EntryAction = (typeof entryMachine.actions)[number];

export const DECLARATION_STATUSES = ['published', 'superseded', 'withdrawn'] as const;
export type DeclarationStatus = (typeof DECLARATION_STATUSES)[number];

/**
 * A self-declaration is public from the start; only the published version of a series moves:
 * a new version supersedes it, or the enterprise withdraws it.
 */
export const declarationMachine = new StateMachine('self-declaration', DECLARATION_STATUSES, {
  new_version: { from: ['published'], to: 'superseded' },
  withdraw: { from: ['published'], to: 'withdrawn' },
});

export const AUTHORIZATION_STATUSES = ['active', 'revoked'] as const;
export type AuthorizationStatus = (typeof AUTHORIZATION_STATUSES)[number];

/** An authorization holds within its validity window until revoked (the table stores revoked_at, not a status). */
export const authorizationMachine = new StateMachine('authorization', AUTHORIZATION_STATUSES, {
  revoke: { from: ['active'], to: 'revoked' },
});
export const authorizationStatusOf = (a: { revokedAt: Date | null }): AuthorizationStatus => (a.revokedAt ? 'revoked' : 'active');

export const LISTING_STATUSES = ['listed', 'removed'] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];

/** An enterprise stays on the abnormal-operations list until the regulator removes it (removed_at, not a status). */
export const listingMachine = new StateMachine('abnormal-operations listing', LISTING_STATUSES, {
  remove: { from: ['listed'], to: 'removed' },
});
export const listingStatusOf = (l: { removedAt: Date | null }): ListingStatus => (l.removedAt ? 'removed' : 'listed');

/**
 * The four legal reasons for listing (《企业经营异常名录管理暂行办法》 art. 4): the annual report not
 * filed in time, information not disclosed in time as required, a false disclosure or concealment,
 * unreachable at the registered address.
 */
export const ABNORMAL_REASONS = ['annual_report_not_filed', 'information_not_disclosed', 'false_disclosure', 'unreachable_at_address'] as const;
export type AbnormalReason = (typeof ABNORMAL_REASONS)[number];
