import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { fieldError, notFound } from '@app/shared';
import { isRegulator, Principal } from '@app/identity';
import { InspectionPlansService } from '@app/inspections';
import { PublicReads } from '@app/persistence';
import { listingDecisionOf } from '@app/scheme';
import { CreditListingView, CreditRecordView, PublicCreditView } from './credit.views';
import { ENTERPRISE_JSON, LISTING_COLUMNS, LISTINGS, PUBLICLY_DISPLAYED } from './credit-sql';
import { CREDIT_ACTION_VIEW } from './credit-actions.service';
import { CREDIT_APPLICATION_VIEW } from './credit-applications.service';

/** 统一社会信用代码: 18 characters of digits and capitals (the check character is identity's to verify; here it only finds). */
export const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** An enterprise's credit record (for the regulator and for the enterprise itself) and its public credit page. */
@Injectable()
export class CreditRecordService {
  constructor(
    private readonly db: DataSource,
    private readonly reads: PublicReads,
    private readonly inspections: InspectionPlansService,
  ) {}

  /** The whole record; anyone but the regulator and the enterprise itself gets a 404 (its existence is not revealed). */
  async record(caller: Principal, enterpriseId: string): Promise<CreditRecordView> {
    if (!isRegulator(caller) && caller.organizationId !== enterpriseId) throw notFound('enterprise', enterpriseId);
    const [enterprise] = await this.db.query(`SELECT ${ENTERPRISE_JSON('o')} AS e FROM organizations o WHERE o.id = $1 AND o.kind = 'enterprise'`, [
      enterpriseId,
    ]);
    if (!enterprise) throw notFound('enterprise', enterpriseId);
    const [listings, applications, creditActions, withdrawnCertificates, confirmedMisuse, inspectionResults] = await Promise.all([
      this.db.query<CreditListingView[]>(`SELECT ${LISTING_COLUMNS} FROM ${LISTINGS} l WHERE l.enterprise_id = $1 ORDER BY l.listed_at DESC, l.id`, [
        enterpriseId,
      ]),
      this.db.query(`${CREDIT_APPLICATION_VIEW} WHERE a.enterprise_id = $1 ORDER BY a.submitted_at DESC, a.id`, [enterpriseId]),
      this.db.query(`${CREDIT_ACTION_VIEW} WHERE x.enterprise_id = $1 ORDER BY x.due_on, x.id`, [enterpriseId]),
      this.db.query(
        `SELECT c.id, c.number, jsonb_build_object('id', b.id, 'nameZh', b.name_zh, 'nameEn', b.name_en) AS "certificationBody",
                w.created_at AS "withdrawnAt", w.public_reason AS "publicReason"
           FROM certificates c JOIN organizations b ON b.id = c.certification_body_id
           JOIN LATERAL (SELECT e.created_at, e.public_reason FROM certificate_events e
                          WHERE e.certificate_id = c.id AND e.to_status = 'withdrawn' ORDER BY e.id DESC LIMIT 1) w ON TRUE
          WHERE c.enterprise_id = $1 AND c.status = 'withdrawn'
          ORDER BY w.created_at DESC, c.id`,
        [enterpriseId],
      ),
      this.db.query(
        `SELECT c.id AS "certificateId", c.number AS "certificateNumber", e.action, e.created_at AS at,
                coalesce((SELECT array_agg(m.reference ORDER BY m.created_at) FROM misuse_reports m
                           WHERE m.certificate_id = c.id AND m.status = 'closed'), '{}') AS "reportReferences"
           FROM certificates c JOIN certificate_events e ON e.certificate_id = c.id
          WHERE c.enterprise_id = $1 AND e.action IN ('suspend', 'withdraw') AND e.public_reason = 'misuse_of_mark'
          ORDER BY e.id DESC`,
        [enterpriseId],
      ),
      this.inspections.resultsOfEnterprise(enterpriseId),
    ]);
    return {
      enterprise: enterprise.e,
      listings: listings.map((l) => ({ ...l, decision: listingDecisionOf(l.decision as never) })),
      applications,
      creditActions,
      withdrawnCertificates,
      confirmedMisuse,
      inspectionResults,
    };
  }

  /**
   * The public credit page of an enterprise, found by its credit code: its names, the listings in
   * force that are still displayed (credit repair hides one), and its certificates with their status.
   * Three indexed reads on the public pool.
   */
  async publicPage(creditCode: string): Promise<PublicCreditView> {
    const code = creditCode.trim().toUpperCase();
    if (!CREDIT_CODE.test(code)) throw fieldError('VALIDATION_FAILED', 'creditCode', 'must be an 18-character unified social credit code');
    const [org] = await this.reads.query<{ id: string; nameZh: string; nameEn: string | null; creditCode: string }>(
      `SELECT id, name_zh AS "nameZh", name_en AS "nameEn", credit_code AS "creditCode" FROM organizations WHERE credit_code = $1 AND kind = 'enterprise'`,
      [code],
    );
    if (!org) throw notFound('enterprise with credit code', code);
    const [listings, certificates] = await Promise.all([
      this.reads.query(
        `SELECT l.kind, l.reason_code AS "reasonCode", l.reason, l.listed_at AS "listedAt",
                l.decision->>'number' AS "decisionNumber", l.decision->>'authority' AS "decidingAuthority"
           FROM ${LISTINGS} l WHERE l.enterprise_id = $1 AND ${PUBLICLY_DISPLAYED('l')}
          ORDER BY l.listed_at DESC`,
        [org.id],
      ),
      this.reads.query(
        `SELECT c.number, c.status, jsonb_build_object('code', k.code, 'nameZh', k.name_zh, 'nameEn', k.name_en) AS category,
                to_char(c.issued_on, 'YYYY-MM-DD') AS "issuedOn", to_char(c.expires_on, 'YYYY-MM-DD') AS "expiresOn"
           FROM certificates c JOIN product_categories k ON k.code = c.category_code
          WHERE c.enterprise_id = $1 ORDER BY c.issued_on DESC, c.number LIMIT 200`,
        [org.id],
      ),
    ]);
    return {
      enterprise: { nameZh: org.nameZh, nameEn: org.nameEn, creditCode: org.creditCode },
      listings: listings as never,
      certificates: certificates as never,
    };
  }
}
