/**
 * What an application must satisfy when it is submitted (DESIGN: the category is open, the
 * standard applies to it, the certification body is authorized for it, the enterprise is not on
 * the abnormal-operations list, nor on the serious-violation list). Pure, so a unit test can call it without a database.
 */
export type EligibilityCheckName =
  | 'catalogue_entry_open'
  | 'category_active'
  | 'self_declaration_current'
  | 'standard_applies'
  | 'certification_body_authorized'
  | 'enterprise_not_abnormal'
  | 'enterprise_not_seriously_listed'
  | 'scope_within_declaration';

export interface EligibilityFacts {
  entryStatus: 'open' | 'closed' | null; // null: the entry's batch is not published
  categoryCode: string;
  categoryActive: boolean;
  declarationStatus: 'published' | 'superseded' | 'withdrawn';
  declarationEnterpriseMatches: boolean;
  standardCode: string;
  standardVersion: string;
  standardStatus: 'current' | 'superseded' | 'withdrawn';
  standardListedForEntry: boolean;
  standardCoversCategory: boolean;
  authorizationValidUntil: string | null; // latest valid authorization today, or null
  abnormalListingReason: string | null;
  /** The reason of a serious-violation listing in force (严重违法失信名单), or null. */
  seriousListingReason: string | null;
}

export interface EligibilityCheck {
  check: EligibilityCheckName;
  passed: boolean;
  message: string;
}

export function evaluateEligibility(f: EligibilityFacts): EligibilityCheck[] {
  const std = `${f.standardCode}-${f.standardVersion}`;
  return [
    {
      check: 'catalogue_entry_open',
      passed: f.entryStatus === 'open',
      message:
        f.entryStatus === 'open'
          ? 'the catalogue entry is open for certification'
          : f.entryStatus === 'closed'
            ? 'the catalogue entry is closed for new applications'
            : 'the catalogue entry belongs to a batch that is not published',
    },
    {
      check: 'category_active',
      passed: f.categoryActive,
      message: f.categoryActive ? `category ${f.categoryCode} is open` : `category ${f.categoryCode} is not open for certification`,
    },
    {
      check: 'self_declaration_current',
      passed: f.declarationStatus === 'published' && f.declarationEnterpriseMatches,
      message: !f.declarationEnterpriseMatches
        ? 'the self-declaration belongs to another enterprise'
        : f.declarationStatus === 'published'
          ? 'the self-declaration is published and current'
          : `the self-declaration is ${f.declarationStatus}; declare the current version publicly first`,
    },
    {
      check: 'standard_applies',
      passed: f.standardStatus === 'current' && f.standardListedForEntry && f.standardCoversCategory,
      message:
        f.standardStatus !== 'current'
          ? `standard ${std} is ${f.standardStatus}`
          : !f.standardListedForEntry
            ? `standard ${std} is not among the standards that passed advancedness evaluation for this catalogue entry`
            : !f.standardCoversCategory
              ? `standard ${std} does not apply to category ${f.categoryCode}`
              : `standard ${std} applies to this catalogue entry`,
    },
    {
      check: 'certification_body_authorized',
      passed: f.authorizationValidUntil !== null,
      message:
        f.authorizationValidUntil !== null
          ? `the certification body is authorized for ${f.categoryCode} until ${f.authorizationValidUntil}`
          : `the certification body holds no valid authorization for category ${f.categoryCode}`,
    },
    {
      check: 'enterprise_not_abnormal',
      passed: f.abnormalListingReason === null,
      message:
        f.abnormalListingReason === null
          ? 'the enterprise is not on the abnormal-operations list'
          : `the enterprise is on the abnormal-operations list (${f.abnormalListingReason})`,
    },
    {
      check: 'enterprise_not_seriously_listed',
      passed: f.seriousListingReason === null,
      message:
        f.seriousListingReason === null
          ? 'the enterprise is not on the serious-violation list'
          : `the enterprise is on the serious-violation list (${f.seriousListingReason})`,
    },
  ];
}
