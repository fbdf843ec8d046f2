import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig, DomainError, notFound } from '@app/shared';
import type { Principal } from '@app/identity';
import { completeOutbox, enqueue, notify } from '@app/queue';
import { NIL_UUID } from '@app/persistence';
import { recordCertificateChange, refreshRegistryEntries } from '@app/registry';
import { startStandardTransition } from '@app/scheme';
import { caseScope } from '../tenancy';
import { planCertificateAudit, reissueCertificate } from '../follow-up-work';
import { SHENZHEN_TODAY } from './certificate-issuer';

/** Certificates given their transition per job: a keyset page; the job enqueues the next one. */
const TRANSITION_PAGE = 1000;

/**
 * The delta checklist of a transition audit: the requirements of the new version (`$new`) that the
 * old one (`$old`) did not have as they are now, matched by clause and compared by content (text,
 * kind, unit, bounds, critical). Unchanged requirements were audited against the old version already.
 */
export const TRANSITION_CHECKLIST = (oldParam: string, newParam: string) => `
  (SELECT coalesce(array_agg(n.id ORDER BY n.position), '{}') FROM requirements n
    WHERE n.standard_id = ${newParam} AND NOT EXISTS (
      SELECT 1 FROM requirements o WHERE o.standard_id = ${oldParam} AND o.clause = n.clause AND o.text_zh = n.text_zh AND o.kind = n.kind
         AND o.unit IS NOT DISTINCT FROM n.unit AND o.min_value IS NOT DISTINCT FROM n.min_value
         AND o.max_value IS NOT DISTINCT FROM n.max_value AND o.critical = n.critical))`;

/**
 * A superseded standard's certificates move to its new version (issue 11): each gets a deadline
 * (supersede date + STANDARD_TRANSITION_DAYS) and the new version; its body plans a delta audit
 * (special, trigger 'transition'); passed, the certificate takes the new version and is re-issued;
 * not done by the deadline, the daily sweep suspends it (transition_not_completed).
 */
@Injectable()
export class StandardTransitions {
  private readonly logger = new Logger(StandardTransitions.name);

  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** One page of a superseded standard's live certificates; idempotent (a certificate in transition is skipped). */
  async start(standardId: string, after: string | undefined, outboxId: string): Promise<number> {
    return this.db.transaction(async (tx) => {
      const [next] = await tx.query(
        `SELECT n.id, n.code, n.version, ((o.superseded_at AT TIME ZONE 'Asia/Shanghai')::date + $2::int)::text AS deadline
           FROM standards o JOIN standards n ON n.code = o.code AND n.id <> o.id AND n.status = 'current'
          WHERE o.id = $1 AND o.status = 'superseded'
          ORDER BY n.published_on DESC NULLS LAST, n.created_at DESC LIMIT 1`,
        [standardId, this.config.STANDARD_TRANSITION_DAYS],
      );
      if (!next) {
        this.logger.warn({ standardId }, 'superseded standard has no current version of the same code: no transition to set');
        await completeOutbox(tx, outboxId);
        return 0;
      }
      const page: { id: string }[] = await tx.query(
        `SELECT c.id FROM certificates c WHERE c.standard_id = $1 AND c.status IN ('valid', 'suspended') AND c.id > $2::uuid
          ORDER BY c.id LIMIT ${TRANSITION_PAGE}`,
        [standardId, after ?? NIL_UUID],
      );
      const moved: { id: string; number: string; enterprise_id: string; certification_body_id: string }[] = await tx.query(
        // (An UPDATE's rows come back through a CTE: TypeORM answers a bare UPDATE … RETURNING with [rows, count].)
        `WITH moved AS (
           UPDATE certificates SET transition_deadline = $2::date, transition_standard_id = $3, version = version + 1, updated_at = now()
            WHERE id = ANY($1::uuid[]) AND transition_standard_id IS NULL
            RETURNING id, number, enterprise_id, certification_body_id)
         SELECT * FROM moved`,
        [page.map((c) => c.id), next.deadline, next.id],
      );
      if (moved.length)
        await refreshRegistryEntries(
          tx,
          moved.map((c) => c.id),
        );
      for (const c of moved) {
        await enqueue(
          tx,
          notify(
            {
              event: 'transition_deadline_set',
              key: `transition:${c.id}:${next.id}`,
              audience: [
                { organizationId: c.enterprise_id, roles: ['enterprise_admin'] },
                { organizationId: c.certification_body_id, roles: ['cb_admin'] },
              ],
              subjectNumber: c.number,
              link: `/console/certificates/${c.id}`,
              params: { deadline: next.deadline, standard: `${next.code} ${next.version}` },
            },
            c.certification_body_id,
          ),
        );
      }
      if (page.length === TRANSITION_PAGE) await enqueue(tx, startStandardTransition(standardId, page[page.length - 1].id));
      await completeOutbox(tx, outboxId);
      this.logger.log({ standardId, newStandardId: next.id, deadline: next.deadline, certificates: moved.length }, 'standard transition set');
      return moved.length;
    });
  }

  /** The body asks for the delta audit of a certificate in transition; the worker plans it. */
  async requestAudit(caller: Principal, certificateId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const params: unknown[] = [certificateId];
      const [cert] = await tx.query(
        `SELECT c.id, c.number, c.status, c.certification_body_id, c.transition_standard_id FROM certificates c
          WHERE c.id = $1 AND ${caseScope(caller, params, 'c')} FOR UPDATE`,
        params,
      );
      if (!cert) throw notFound('certificate', certificateId);
      if (!['valid', 'suspended'].includes(cert.status)) {
        throw new DomainError('ILLEGAL_TRANSITION', `certificate ${cert.number} is ${cert.status}: it has no transition to audit`, { state: cert.status });
      }
      if (!cert.transition_standard_id) {
        throw new DomainError('ILLEGAL_TRANSITION', `certificate ${cert.number} has no standard transition under way`, { state: cert.status });
      }
      await enqueue(
        tx,
        planCertificateAudit(
          { certificateId: cert.id, kind: 'special', trigger: 'transition', sourceId: cert.transition_standard_id },
          cert.certification_body_id,
        ),
      );
    });
  }
}

/**
 * A transition audit passed (called in the evaluation's transaction): the certificate takes the new
 * version, its transition ends, the public history says so, and the worker re-issues it.
 */
export async function completeTransition(tx: EntityManager, audit: { certificate_id: string; standard_id: string }): Promise<boolean> {
  const [cert] = await tx.query(
    `WITH moved AS (
       UPDATE certificates SET standard_id = transition_standard_id, transition_deadline = NULL, transition_standard_id = NULL,
              version = version + 1, updated_at = now()
        WHERE id = $1 AND transition_standard_id = $2
        RETURNING id, status, certification_body_id)
     SELECT moved.*, s.code || ' ' || s.version AS standard FROM moved JOIN standards s ON s.id = $2`,
    [audit.certificate_id, audit.standard_id],
  );
  if (!cert) return false;
  await recordCertificateChange(tx, {
    certificateId: cert.id,
    action: 'transition_completed',
    from: cert.status,
    to: cert.status,
    details: { standard: cert.standard },
  });
  await enqueue(
    tx,
    reissueCertificate({ certificateId: cert.id, reason: `transition to ${cert.standard}`, changedFields: ['standard'] }, cert.certification_body_id),
  );
  return true;
}

/** Live certificates whose transition deadline has passed: the sweep suspends them (keyset by deadline and id). */
export const TRANSITION_OVERDUE = `c.status = 'valid' AND c.transition_deadline IS NOT NULL AND c.transition_deadline < ${SHENZHEN_TODAY}`;
