import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { fieldError } from '@app/shared';
import { EligibilityCheck, EligibilityFacts, evaluateEligibility } from './eligibility';

export interface EligibilityRequest {
  enterpriseId: string;
  certificationBodyId: string;
  catalogueEntryId: string;
  selfDeclarationId: string;
}

/** What an application derives from the references it names. */
export interface ApplicationBasis {
  categoryCode: string;
  entryKind: 'product' | 'service';
  standardId: string;
  declarationEnterpriseId: string;
  declaredModels: string[];
}

export interface Eligibility {
  passed: boolean;
  checks: EligibilityCheck[];
  categoryCode: string;
  standardId: string;
  /** The models the self-declaration covers (empty: it names none). */
  declaredModels: string[];
}

/** Reads the scheme facts an application depends on, in one query, and checks them. */
@Injectable()
export class EligibilityService {
  constructor(private readonly db: DataSource) {}

  /** Confirms that the references an application names exist, for a 400 naming the field. */
  async assertReferences(r: Omit<EligibilityRequest, 'enterpriseId'>, manager: EntityManager = this.db.manager): Promise<void> {
    const [row] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM catalogue_entries e JOIN catalogue_batches b ON b.id = e.batch_id
                       WHERE e.id = $1 AND b.status = 'published') AS entry,
              EXISTS (SELECT 1 FROM self_declarations WHERE id = $2) AS declaration,
              EXISTS (SELECT 1 FROM organizations WHERE id = $3 AND kind = 'certification_body') AS body`,
      [r.catalogueEntryId, r.selfDeclarationId, r.certificationBodyId],
    );
    if (!row.entry) throw fieldError('REFERENCE_NOT_FOUND', 'catalogueEntryId', `no published catalogue entry ${r.catalogueEntryId}`);
    if (!row.declaration) throw fieldError('REFERENCE_NOT_FOUND', 'selfDeclarationId', `no self-declaration ${r.selfDeclarationId}`);
    if (!row.body) throw fieldError('REFERENCE_NOT_FOUND', 'certificationBodyId', `no certification body ${r.certificationBodyId}`);
  }

  /** The category, standard and declared models behind an application's references (400 naming a missing one). */
  async basis(r: Omit<EligibilityRequest, 'enterpriseId'>, manager: EntityManager = this.db.manager): Promise<ApplicationBasis> {
    await this.assertReferences(r, manager);
    const [row] = await manager.query(
      `SELECT e.category_code AS "categoryCode", e.kind AS "entryKind", d.standard_id AS "standardId",
              d.enterprise_id AS "declarationEnterpriseId", d.models AS "declaredModels"
         FROM catalogue_entries e, self_declarations d WHERE e.id = $1 AND d.id = $2`,
      [r.catalogueEntryId, r.selfDeclarationId],
    );
    return row as ApplicationBasis;
  }

  async check(r: EligibilityRequest, manager: EntityManager = this.db.manager): Promise<Eligibility> {
    const rows: (EligibilityFacts & { standardId: string; declaredModels: string[] })[] = await manager.query(
      `SELECT CASE WHEN b.status = 'published' THEN e.status END AS "entryStatus",
              c.code AS "categoryCode", c.active AS "categoryActive",
              d.status AS "declarationStatus", d.enterprise_id = $1 AS "declarationEnterpriseMatches",
              d.models AS "declaredModels", s.id AS "standardId", s.code AS "standardCode", s.version AS "standardVersion", s.status AS "standardStatus",
              EXISTS (SELECT 1 FROM catalogue_entry_standards ces WHERE ces.entry_id = e.id AND ces.standard_id = s.id) AS "standardListedForEntry",
              EXISTS (SELECT 1 FROM standard_categories sc WHERE sc.standard_id = s.id AND sc.category_code = c.code) AS "standardCoversCategory",
              (SELECT to_char(max(a.valid_until), 'YYYY-MM-DD') FROM authorizations a
                WHERE a.certification_body_id = $2 AND a.category_code = c.code AND a.revoked_at IS NULL
                  AND current_date BETWEEN a.valid_from AND a.valid_until) AS "authorizationValidUntil",
              (SELECT ao.reason FROM abnormal_operations ao WHERE ao.enterprise_id = $1 AND ao.removed_at IS NULL) AS "abnormalListingReason",
              (SELECT sv.reason FROM serious_violation_listings sv WHERE sv.enterprise_id = $1 AND sv.removed_at IS NULL) AS "seriousListingReason"
         FROM catalogue_entries e
         JOIN catalogue_batches b ON b.id = e.batch_id
         JOIN product_categories c ON c.code = e.category_code
         JOIN self_declarations d ON d.id = $4
         JOIN standards s ON s.id = d.standard_id
        WHERE e.id = $3`,
      [r.enterpriseId, r.certificationBodyId, r.catalogueEntryId, r.selfDeclarationId],
    );
    if (!rows.length) {
      await this.assertReferences(r, manager);
      throw fieldError('REFERENCE_NOT_FOUND', 'catalogueEntryId', 'the catalogue entry or self-declaration no longer exists');
    }
    const facts = rows[0];
    const checks = evaluateEligibility(facts);
    return {
      passed: checks.every((c) => c.passed),
      checks,
      categoryCode: facts.categoryCode,
      standardId: facts.standardId,
      declaredModels: facts.declaredModels,
    };
  }
}
