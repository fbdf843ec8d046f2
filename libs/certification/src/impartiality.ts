import type { EntityManager } from 'typeorm';

/** The certification cases a matter concerns: their applications and certificates. */
export interface Matter {
  applicationIds: string[];
  certificateIds: string[];
}

/** A certificate's cases: the application it was issued on and every renewal or extension of it. */
export async function certificateMatter(tx: EntityManager, certificateId: string): Promise<Matter> {
  const [row] = await tx.query(
    `SELECT array_remove(array_append(ARRAY(SELECT a.id FROM applications a WHERE a.certificate_id = c.id), c.application_id), NULL) AS apps
       FROM certificates c WHERE c.id = $1`,
    [certificateId],
  );
  return { applicationIds: row?.apps ?? [], certificateIds: [certificateId] };
}

/** Every case of an enterprise at one certification body (a complaint about the holder). */
export async function holderMatter(tx: EntityManager, enterpriseId: string, certificationBodyId: string): Promise<Matter> {
  const [row] = await tx.query(
    `SELECT ARRAY(SELECT id FROM applications WHERE enterprise_id = $1 AND certification_body_id = $2) AS apps,
            ARRAY(SELECT id FROM certificates WHERE enterprise_id = $1 AND certification_body_id = $2) AS certs`,
    [enterpriseId, certificationBodyId],
  );
  return { applicationIds: row.apps, certificateIds: row.certs };
}

/**
 * How a person took part in a matter (ISO/IEC 17065 7.13: complaints and appeals are investigated
 * and decided by people not involved), or null: an auditor of its audits, its reviewer, the maker
 * of its certification decision, or whoever changed its certificate's status (a suspension, a
 * withdrawal, a scope reduction).
 */
export async function involvementIn(tx: EntityManager, userId: string, m: Matter): Promise<string | null> {
  const [row] = await tx.query(
    `SELECT why FROM (
       SELECT 1 AS o, 'an auditor of its audits' AS why FROM audit_auditors aa JOIN audits a ON a.id = aa.audit_id
        WHERE aa.auditor_id = $1 AND (a.application_id = ANY($2::uuid[]) OR a.certificate_id = ANY($3::uuid[]))
       UNION ALL
       SELECT 2, 'its application reviewer' FROM applications a WHERE a.reviewer_id = $1 AND a.id = ANY($2::uuid[])
       UNION ALL
       SELECT 2, 'its application reviewer' FROM application_events e
        WHERE e.actor_user_id = $1 AND e.application_id = ANY($2::uuid[]) AND e.action IN ('take_into_review', 'request_info', 'accept', 'reject')
       UNION ALL
       SELECT 3, 'the maker of its certification decision' FROM decisions d WHERE d.decided_by = $1 AND d.application_id = ANY($2::uuid[])
       UNION ALL
       SELECT 4, 'the one who changed its certificate''s status' FROM certificate_events e
        WHERE e.actor_user_id = $1 AND e.certificate_id = ANY($3::uuid[])
     ) x ORDER BY o LIMIT 1`,
    [userId, m.applicationIds, m.certificateIds],
  );
  return row?.why ?? null;
}
