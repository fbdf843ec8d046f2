import type { Principal, Role } from '@app/identity';
import { sectionsFor } from './worklist.service';

const caller = (organizationKind: Principal['organizationKind'], roles: Role[]): Principal => ({
  kind: 'user',
  userId: '00000000-0000-4000-8000-000000000001',
  apiKeyId: null,
  organizationId: '00000000-0000-4000-8000-000000000002',
  organizationKind,
  roles,
});
const keys = (c: Principal) => sectionsFor(c).map((s) => s.key);

describe('sectionsFor', () => {
  it("gives an enterprise's people the enterprise's work, whatever their role", () => {
    const expected = ['applications_info_requested', 'nonconformities_open', 'certificates_expiring', 'mark_grants_requested', 'label_batches_generating'];
    expect(keys(caller('enterprise', ['enterprise_admin']))).toEqual(expected);
    expect(keys(caller('enterprise', ['enterprise_member']))).toEqual(expected);
  });

  it("gives a body's staff the work of their roles only", () => {
    expect(keys(caller('certification_body', ['reviewer']))).toEqual(['applications_submitted', 'applications_in_review']);
    expect(keys(caller('certification_body', ['auditor']))).toEqual(['my_audits', 'nonconformities_answered']);
    expect(keys(caller('certification_body', ['decision_maker']))).toEqual([
      'applications_awaiting_decision',
      'mark_grants_requested',
      'counterfeit_signals_open',
    ]);
    expect(keys(caller('certification_body', ['cb_admin']))).toEqual([
      'applications_submitted',
      'applications_in_review',
      'applications_awaiting_decision',
      'nonconformities_answered',
      'mark_grants_requested',
      'misuse_reports_open',
      'counterfeit_signals_open',
      'failed_jobs',
    ]);
  });

  it("limits a reviewer to its own reviews and an auditor to its own audits' nonconformities; the administrator sees the body's", () => {
    const where = (c: Principal, key: string) => sectionsFor(c).find((s) => s.key === key)!.where;
    expect(where(caller('certification_body', ['reviewer']), 'applications_in_review')).toContain('a.reviewer_id = $2');
    expect(where(caller('certification_body', ['cb_admin']), 'applications_in_review')).not.toContain('$2');
    expect(where(caller('certification_body', ['auditor']), 'nonconformities_answered')).toContain('aa.auditor_id = $2');
    expect(where(caller('certification_body', ['cb_admin']), 'nonconformities_answered')).not.toContain('$2');
  });

  it('scopes every section of an enterprise or a body to the organization', () => {
    for (const c of [caller('enterprise', ['enterprise_admin']), caller('certification_body', ['cb_admin', 'auditor', 'reviewer', 'decision_maker'])]) {
      for (const s of sectionsFor(c)) expect(s.where).toMatch(/\.(enterprise_id|certification_body_id|organization_id) = \$1/);
    }
  });

  it('gives the regulator the scheme-wide sections and an association none', () => {
    expect(keys(caller('regulator', ['regulator']))).toEqual([
      'misuse_reports_open',
      'catalogue_batches_draft',
      'authorizations_expiring',
      'abnormal_operations_listed',
    ]);
    expect(keys(caller('association', ['association_admin']))).toEqual([]);
  });
});
