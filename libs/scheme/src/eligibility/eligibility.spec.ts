import { EligibilityFacts, evaluateEligibility } from './eligibility';

const eligible: EligibilityFacts = {
  entryStatus: 'open',
  categoryCode: 'ELECTRONICS',
  categoryActive: true,
  declarationStatus: 'published',
  declarationEnterpriseMatches: true,
  standardCode: 'SZDB/Z 0101',
  standardVersion: '2026',
  standardStatus: 'current',
  standardListedForEntry: true,
  standardCoversCategory: true,
  authorizationValidUntil: '2029-12-31',
  abnormalListingReason: null,
  seriousListingReason: null,
};

const failed = (facts: Partial<EligibilityFacts>) =>
  evaluateEligibility({ ...eligible, ...facts })
    .filter((c) => !c.passed)
    .map((c) => [c.check, c.message]);

describe('submission eligibility', () => {
  it('passes every check for an open entry, a current declaration and standard, an authorized body and a clean enterprise', () => {
    const checks = evaluateEligibility(eligible);
    expect(checks.map((c) => c.check)).toEqual([
      'catalogue_entry_open',
      'category_active',
      'self_declaration_current',
      'standard_applies',
      'certification_body_authorized',
      'enterprise_not_abnormal',
      'enterprise_not_seriously_listed',
    ]);
    expect(checks.every((c) => c.passed)).toBe(true);
    expect(checks.find((c) => c.check === 'certification_body_authorized')?.message).toContain('until 2029-12-31');
  });

  it('fails a closed entry, and an entry of an unpublished batch, saying which', () => {
    expect(failed({ entryStatus: 'closed' })).toEqual([['catalogue_entry_open', 'the catalogue entry is closed for new applications']]);
    expect(failed({ entryStatus: null })).toEqual([['catalogue_entry_open', 'the catalogue entry belongs to a batch that is not published']]);
  });

  it('fails a closed category', () => {
    expect(failed({ categoryActive: false })).toEqual([['category_active', 'category ELECTRONICS is not open for certification']]);
  });

  it("fails another enterprise's declaration before looking at its status", () => {
    expect(failed({ declarationEnterpriseMatches: false, declarationStatus: 'superseded' })).toEqual([
      ['self_declaration_current', 'the self-declaration belongs to another enterprise'],
    ]);
    expect(failed({ declarationStatus: 'withdrawn' })[0][1]).toContain('withdrawn');
  });

  it('fails a standard that is not current, not listed for the entry, or not of the category, in that order', () => {
    expect(failed({ standardStatus: 'superseded', standardListedForEntry: false })).toEqual([['standard_applies', 'standard SZDB/Z 0101-2026 is superseded']]);
    expect(failed({ standardListedForEntry: false })[0][1]).toContain('advancedness evaluation');
    expect(failed({ standardCoversCategory: false })).toEqual([['standard_applies', 'standard SZDB/Z 0101-2026 does not apply to category ELECTRONICS']]);
  });

  it('fails an unauthorized certification body and a listed enterprise, with the listing reason', () => {
    expect(failed({ authorizationValidUntil: null })).toEqual([
      ['certification_body_authorized', 'the certification body holds no valid authorization for category ELECTRONICS'],
    ]);
    expect(failed({ abnormalListingReason: '未按标准组织生产' })).toEqual([
      ['enterprise_not_abnormal', 'the enterprise is on the abnormal-operations list (未按标准组织生产)'],
    ]);
    expect(failed({ seriousListingReason: '提供虚假材料骗取认证' })).toEqual([
      ['enterprise_not_seriously_listed', 'the enterprise is on the serious-violation list (提供虚假材料骗取认证)'],
    ]);
  });
});
