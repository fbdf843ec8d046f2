import { LISTING_DECISION_JSON } from '@app/scheme';

/** An enterprise (organization `o`) as the credit views name it. */
export const ENTERPRISE_JSON = (o: string) =>
  `jsonb_build_object('id', ${o}.id, 'nameZh', ${o}.name_zh, 'nameEn', ${o}.name_en, 'creditCode', ${o}.credit_code)`;

/**
 * Both kinds of listing as one relation (`listings`), with the columns the credit views read:
 * abnormal-operations listings carry a legal reason code, serious ones a decision always.
 */
export const LISTINGS = `(
  SELECT 'abnormal_operations' AS kind, a.id, a.enterprise_id, a.reason_code, a.reason, ${LISTING_DECISION_JSON('a')} AS decision,
         a.listed_at, a.removed_at, a.removed_reason, a.display_ended_at
    FROM abnormal_operations a
  UNION ALL
  SELECT 'serious_violation', s.id, s.enterprise_id, NULL, s.reason, ${LISTING_DECISION_JSON('s')}, s.listed_at, s.removed_at, s.removed_reason, s.display_ended_at
    FROM serious_violation_listings s)`;

/** The CreditListingView columns of a `listings` row `l`. */
export const LISTING_COLUMNS = `l.id, l.kind, CASE WHEN l.removed_at IS NULL THEN 'listed' ELSE 'removed' END AS status, l.reason_code AS "reasonCode",
  l.reason, l.decision, l.listed_at AS "listedAt", l.removed_at AS "removedAt", l.removed_reason AS "removedReason",
  l.display_ended_at IS NULL AS "publiclyDisplayed", l.display_ended_at AS "displayEndedAt"`;

/**
 * Whether a listing `l` is shown to the public: in force, and its display not ended by credit repair.
 * The public credit page and the public serious-violation list both read through it.
 */
export const PUBLICLY_DISPLAYED = (l: string) => `${l}.removed_at IS NULL AND ${l}.display_ended_at IS NULL`;

/**
 * An enterprise's searchable text (organization `o`): names and credit code, lower-cased. Exactly the
 * expression of the GIN index ix__organizations__enterprise_search (migration 1764193300000), so the
 * planner can use it.
 */
export const ENTERPRISE_SEARCH_TEXT = (o: string) => `lower(${o}.name_zh || ' ' || coalesce(${o}.name_en, '') || ' ' || ${o}.credit_code)`;
