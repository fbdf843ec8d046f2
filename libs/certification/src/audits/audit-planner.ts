import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CertificateAuditRequest, completeOutbox, enqueue } from '@app/queue';
import { SYSTEM } from '../actor';
import { ApplicationTransitions } from '../applications/application-transitions';
import { readApplication } from '../applications/application-records';
import { SHENZHEN_TODAY } from '../certificates/certificate-issuer';
import { surveillanceChecklist } from './surveillance-checklist';
import { auditPlannedNotice } from '../notices';
import { TRANSITION_CHECKLIST } from '../certificates/standard-transition';
import { OPEN_SURVEILLANCE } from '../surveillance/surveillance-rules';

/** Days between acceptance and the planned audit date (working days are the CB's to adjust). */
const LEAD_DAYS = 14;
/** A surveillance audit is planned for this many days before its due date (or today when later). */
const SURVEILLANCE_LEAD_DAYS = 30;
/** A special audit comes soon after its cause. */
const SPECIAL_LEAD_DAYS = 5;
const TEAM_SIZE = 2;

/** The audit each kind of application gets. */
const AUDIT_OF_APPLICATION = {
  initial: { kind: 'initial', trigger: 'application', label: 'initial audit' },
  renewal: { kind: 'renewal', trigger: 'renewal', label: 'renewal audit' },
  extension: { kind: 'special', trigger: 'scope_extension', label: 'scope extension audit' },
} as const;

/**
 * A scope extension's reduced evaluation: what a new model must show is what the product itself
 * measures (every measured requirement: the new model's own test report) and every critical
 * requirement (never skipped by any audit); the pass/fail management requirements were audited for
 * the certificate and are checked again at surveillance. `a` is the extension application.
 */
const EXTENSION_CHECKLIST = `(SELECT array_agg(r.id ORDER BY r.position) FROM requirements r
                               WHERE r.standard_id = a.standard_id AND (r.kind = 'measured' OR r.critical))`;

export type PlanResult = 'planned' | 'already_planned' | 'not_accepted' | 'not_current';

/**
 * Plans audits: an accepted application's initial audit, and an issued certificate's surveillance
 * and special audits. Auditors are the certification body's active ones, least loaded first, never
 * one who declared a conflict with the enterprise, and never the same lead auditor three times
 * running on one certificate. Safe to run twice (the job may be retried or re-enqueued).
 */
@Injectable()
export class AuditPlanner {
  private readonly logger = new Logger(AuditPlanner.name);

  constructor(
    private readonly db: DataSource,
    private readonly transitions: ApplicationTransitions,
  ) {}

  /**
   * The audit of an accepted application: an initial one; for a renewal, a renewal audit with the
   * full checklist; for a scope extension, a special audit of what is new (EXTENSION_CHECKLIST).
   * One per application: the renewal index and the special audits' (certificate, trigger, source) one.
   */
  async planInitialAudit(applicationId: string, outboxId: string): Promise<PlanResult> {
    return this.db.transaction(async (tx) => {
      const app = await readApplication(tx, applicationId, { forUpdate: true });
      const [link]: { kind: 'initial' | 'renewal' | 'extension'; certificate_id: string | null }[] = await tx.query(
        `SELECT kind, certificate_id FROM applications WHERE id = $1`,
        [applicationId],
      );
      const plan = AUDIT_OF_APPLICATION[link?.kind ?? 'initial'];
      const [existing] = await tx.query(`SELECT id FROM audits WHERE application_id = $1 AND kind = $2 AND trigger = $3`, [
        applicationId,
        plan.kind,
        plan.trigger,
      ]);
      if (existing || !app || app.status !== 'accepted') {
        await completeOutbox(tx, outboxId);
        return existing ? 'already_planned' : 'not_accepted';
      }
      const banned = link.certificate_id ? await this.bannedLeads(tx, link.certificate_id) : [];
      const auditors = await this.team(tx, app.certification_body_id, app.enterprise_id, banned, `the enterprise of ${app.number}`);
      const [audit] = await tx.query(
        `INSERT INTO audits (application_id, certification_body_id, enterprise_id, standard_id, kind, trigger, certificate_id, source_id,
                             requirement_ids, planned_on)
         SELECT a.id, a.certification_body_id, a.enterprise_id, a.standard_id, $2, $3, a.certificate_id,
                CASE WHEN $2 = 'special' THEN a.id END,
                CASE WHEN $4 THEN ${EXTENSION_CHECKLIST} END,
                current_date + ${LEAD_DAYS}
           FROM applications a WHERE a.id = $1
         RETURNING id, planned_on`,
        [applicationId, plan.kind, plan.trigger, link.kind === 'extension'],
      );
      await this.assign(tx, audit.id, auditors);
      await enqueue(
        tx,
        auditPlannedNotice({
          auditId: audit.id,
          applicationId,
          enterpriseId: app.enterprise_id,
          number: app.number,
          kind: plan.kind,
          plannedOn: audit.planned_on,
          unannounced: false,
        }),
      );
      await this.transitions.apply(tx, app, 'start_evaluation', SYSTEM, `${plan.label} planned with ${auditors.length} auditor(s)`);
      await completeOutbox(tx, outboxId);
      this.logger.log({ applicationId, auditId: audit.id, kind: plan.kind, trigger: plan.trigger, auditors }, `${plan.label} planned`);
      return 'planned';
    });
  }

  /**
   * A surveillance audit (the next cycle, a reduced checklist, due on the certificate's next due
   * date) or a special one (the full checklist, soon, one per cause) of a live certificate.
   */
  async planCertificateAudit(request: CertificateAuditRequest, outboxId: string): Promise<PlanResult> {
    return this.db.transaction(async (tx) => {
      const result = await this.planCertificateAuditIn(tx, request);
      await completeOutbox(tx, outboxId);
      return result;
    });
  }

  private async planCertificateAuditIn(tx: EntityManager, request: CertificateAuditRequest): Promise<PlanResult> {
    const [cert]: CertificateToAudit[] = await tx.query(
      `SELECT c.id, c.number, c.status, c.application_id, c.certification_body_id, c.enterprise_id, c.standard_id, c.transition_standard_id,
              c.next_surveillance_due::text AS next_due, c.surveillance_interval_months AS interval,
              (SELECT count(*) FROM audits s WHERE s.certificate_id = c.id AND s.kind = 'surveillance')::int AS surveillances,
              CASE WHEN $2 = 'surveillance' THEN ${OPEN_SURVEILLANCE('c')}
                   -- a special audit: one open per cause; one ever for a cause that names its source
                   ELSE EXISTS (SELECT 1 FROM audits s WHERE s.certificate_id = c.id AND s.kind = $2 AND s.trigger = $3
                                  AND s.source_id IS NOT DISTINCT FROM $4::uuid AND (s.status <> 'evaluated' OR $4::uuid IS NOT NULL)) END AS open
         FROM certificates c WHERE c.id = $1 FOR UPDATE`,
      [request.certificateId, request.kind, request.trigger, request.sourceId ?? null],
    );
    if (!cert || !['valid', 'suspended'].includes(cert.status)) return 'not_current';
    if (cert.open) return 'already_planned';
    const auditors = await this.team(tx, cert.certification_body_id, cert.enterprise_id, await this.bannedLeads(tx, cert.id), `certificate ${cert.number}`);
    const surveillance = request.kind === 'surveillance';
    const cycle = surveillance ? cert.surveillances + 1 : null;
    // A transition audit is scored against the new version, on what changed in it (the delta checklist).
    const transition = request.trigger === 'transition' ? cert.transition_standard_id : null;
    const standardId = transition ?? cert.standard_id;
    const requirementIds = surveillance
      ? await surveillanceChecklist(tx, cert.standard_id, cycle!, cert.interval)
      : transition
        ? ((await tx.query(`SELECT ${TRANSITION_CHECKLIST('$1::uuid', '$2::uuid')} AS ids`, [cert.standard_id, transition]))[0].ids as string[])
        : null;
    const dueOn = surveillance ? (cert.next_due ?? null) : null;
    const [audit] = await tx.query(
      `INSERT INTO audits (application_id, certification_body_id, enterprise_id, standard_id, kind, certificate_id, trigger, source_id,
                           cycle, due_on, unannounced, requirement_ids, planned_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::date, $11, $12::uuid[],
               CASE WHEN $5 = 'surveillance' AND $10::date IS NOT NULL
                    THEN greatest(${SHENZHEN_TODAY}, $10::date - ${SURVEILLANCE_LEAD_DAYS})
                    ELSE ${SHENZHEN_TODAY} + ${SPECIAL_LEAD_DAYS} END)
       RETURNING id, planned_on::text AS planned_on`,
      [
        cert.application_id,
        cert.certification_body_id,
        cert.enterprise_id,
        standardId,
        request.kind,
        cert.id,
        request.trigger,
        request.sourceId ?? null,
        cycle,
        dueOn,
        request.unannounced ?? false,
        requirementIds,
      ],
    );
    await this.assign(tx, audit.id, auditors);
    await enqueue(
      tx,
      auditPlannedNotice({
        auditId: audit.id,
        applicationId: cert.application_id,
        enterpriseId: cert.enterprise_id,
        number: cert.number,
        kind: request.kind,
        plannedOn: audit.planned_on,
        unannounced: request.unannounced ?? false,
      }),
    );
    this.logger.log({ certificateId: cert.id, auditId: audit.id, kind: request.kind, trigger: request.trigger, cycle, auditors }, 'certificate audit planned');
    return 'planned';
  }

  /** The lead of the certificate's last two audits, when it was the same person: not a third time. */
  private async bannedLeads(tx: EntityManager, certificateId: string): Promise<string[]> {
    const leads: { auditor_id: string }[] = await tx.query(
      `SELECT aa.auditor_id FROM audits a
         JOIN certificates c ON c.id = $1
         JOIN audit_auditors aa ON aa.audit_id = a.id AND aa.lead
        WHERE a.certificate_id = c.id OR (a.application_id = c.application_id AND a.kind = 'initial')
        ORDER BY a.created_at DESC, a.id LIMIT 2`,
      [certificateId],
    );
    return leads.length === 2 && leads[0].auditor_id === leads[1].auditor_id ? [leads[0].auditor_id] : [];
  }

  /** The team, lead first: least loaded auditors free of conflicts; a banned lead may still be a member. */
  private async team(tx: EntityManager, certificationBodyId: string, enterpriseId: string, bannedLeads: string[], what: string): Promise<string[]> {
    const auditors: { id: string }[] = await tx.query(
      `SELECT u.id,
              (SELECT count(*) FROM audit_auditors aa JOIN audits a ON a.id = aa.audit_id
                WHERE aa.auditor_id = u.id AND a.status <> 'evaluated')::int AS load
         FROM users u
        WHERE u.organization_id = $1 AND u.active AND 'auditor' = ANY(u.roles)
          AND NOT EXISTS (SELECT 1 FROM auditor_conflicts c WHERE c.auditor_id = u.id AND c.enterprise_id = $2)
        ORDER BY load, u.created_at, u.id
        LIMIT ${TEAM_SIZE + bannedLeads.length}`,
      [certificationBodyId, enterpriseId],
    );
    const lead = auditors.find((a) => !bannedLeads.includes(a.id));
    if (!lead) {
      // Fails the job: retried with backoff, then visible as a failed job to the CB's admin.
      throw new Error(`certification body has no active auditor free of conflicts (and not lead twice running) for ${what}`);
    }
    return [lead.id, ...auditors.filter((a) => a !== lead).map((a) => a.id)].slice(0, TEAM_SIZE);
  }

  private async assign(tx: EntityManager, auditId: string, auditors: string[]): Promise<void> {
    for (const [i, auditorId] of auditors.entries()) {
      await tx.query(`INSERT INTO audit_auditors (audit_id, auditor_id, lead) VALUES ($1, $2, $3)`, [auditId, auditorId, i === 0]);
    }
  }
}

interface CertificateToAudit {
  id: string;
  number: string;
  status: string;
  application_id: string;
  certification_body_id: string;
  enterprise_id: string;
  standard_id: string;
  transition_standard_id: string | null;
  next_due: string | null;
  interval: number;
  surveillances: number;
  open: boolean;
}
