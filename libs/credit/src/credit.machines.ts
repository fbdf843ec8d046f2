import { StateMachine } from '@app/shared';

/** The two kinds of listing the credit record holds. */
export const LISTING_KINDS = ['abnormal_operations', 'serious_violation'] as const;
export type ListingKind = (typeof LISTING_KINDS)[number];

export const SERIOUS_LISTING_STATUSES = ['listed', 'removed'] as const;
export type SeriousListingStatus = (typeof SERIOUS_LISTING_STATUSES)[number];

/** A serious-violation listing (严重违法失信名单) stays in force until the regulator removes it (removed_at, not a status). */
export const seriousListingMachine = new StateMachine('serious-violation listing', SERIOUS_LISTING_STATUSES, {
  remove: { from: ['listed'], to: 'removed' },
});
export const seriousListingStatusOf = (l: { removed_at: Date | null }): SeriousListingStatus => (l.removed_at ? 'removed' : 'listed');

/** removal: off the abnormal-operations list on the enterprise's application; repair: credit repair (信用修复), the public display ends early. */
export const CREDIT_APPLICATION_KINDS = ['removal', 'repair'] as const;
export type CreditApplicationKind = (typeof CREDIT_APPLICATION_KINDS)[number];

export const CREDIT_APPLICATION_STATUSES = ['pending', 'granted', 'refused'] as const;
export type CreditApplicationStatus = (typeof CREDIT_APPLICATION_STATUSES)[number];

/** The regulator decides an application once: granted or refused (a refused enterprise applies anew). */
export const creditApplicationMachine = new StateMachine('credit application', CREDIT_APPLICATION_STATUSES, {
  grant: { from: ['pending'], to: 'granted' },
  refuse: { from: ['pending'], to: 'refused' },
});
export type CreditApplicationAction = (typeof creditApplicationMachine.actions)[number];

export const CREDIT_ACTION_STATUSES = ['open', 'done', 'lapsed'] as const;
export type CreditActionStatus = (typeof CREDIT_ACTION_STATUSES)[number];

/**
 * A credit action: a serious listing hands each valid certificate of the holder to its body, which
 * suspends or withdraws it (done, recording which and when); a certificate that ends otherwise
 * first (expired, cancelled) leaves nothing to act on (lapsed).
 */
export const creditActionMachine = new StateMachine('credit action', CREDIT_ACTION_STATUSES, {
  record: { from: ['open'], to: 'done' },
  lapse: { from: ['open'], to: 'lapsed' },
});

export const CREDIT_ACTION_OUTCOMES = ['suspended', 'withdrawn'] as const;
export type CreditActionOutcome = (typeof CREDIT_ACTION_OUTCOMES)[number];

/** Working days a body has to act on a seriously listed holder's certificate (issue 12). */
export const CREDIT_ACTION_WORKING_DAYS = 5;

/** Calendar days the regulator has to decide an application (issue 12: removal decided within 7 days; repair likewise). */
export const CREDIT_APPLICATION_DAYS = 7;

/**
 * The minimum public display of a serious-violation listing before credit repair may end it: one
 * year from listing. The rule we chose follows the market regulator's credit-repair measures
 * (《市场监督管理信用修复管理办法》, 2021: a serious listing may be repaired once published for at
 * least one year); an abnormal-operations listing may be repaired once it is removed from the list.
 */
export const SERIOUS_MIN_DISPLAY_MONTHS = 12;

export interface RepairFacts {
  listingKind: ListingKind;
  removed: boolean;
  displayEnded: boolean;
  /** The listing date (YYYY-MM-DD) plus SERIOUS_MIN_DISPLAY_MONTHS. */
  minimumDisplayUntil: string;
  today: string;
}

/** Why credit repair may not end this listing's display now, or null when it may. Pure, for a unit spec. */
export function repairRefusal(f: RepairFacts): RepairRefusal | null {
  if (f.displayEnded) return { rule: 'repair_display_ended', message: 'the listing is no longer displayed to the public', params: {} };
  if (f.listingKind === 'abnormal_operations') {
    return f.removed
      ? null
      : {
          rule: 'repair_before_removal',
          message: 'an abnormal-operations listing is repaired only once it is removed from the list (apply for removal first)',
          params: {},
        };
  }
  return f.today >= f.minimumDisplayUntil
    ? null
    : {
        rule: 'repair_too_early',
        message: `a serious-violation listing is displayed for at least ${SERIOUS_MIN_DISPLAY_MONTHS} months: credit repair from ${f.minimumDisplayUntil}`,
        params: { months: SERIOUS_MIN_DISPLAY_MONTHS, from: f.minimumDisplayUntil },
      };
}

/** Which repair rule refuses, in English and by its code and values (the console says it in the person's language). */
export interface RepairRefusal {
  rule: 'repair_display_ended' | 'repair_before_removal' | 'repair_too_early';
  message: string;
  params: Record<string, string | number>;
}
