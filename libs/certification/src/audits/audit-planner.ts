import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { completeOutbox } from '@app/queue';
import { SYSTEM } from '../actor';
import { ApplicationTransitions } from '../applications/application-transitions';
import { readApplication } from '../applications/application-records';

/** Days between acceptance and the planned audit date (working days are the CB's to adjust). */
const LEAD_DAYS = 14;
const TEAM_SIZE = 2;

export type PlanResult = 'planned' | 'already_planned' | 'not_accepted';

/**
 * Plans an accepted application's initial audit: assigns the certification body's active
 * auditors, least loaded first, never one who declared a conflict with the enterprise, and
 * moves the application into evaluation. Safe to run twice (the job may be retried or re-enqueued).
 */
@Injectable()
export class AuditPlanner {
  private readonly logger = new Logger(AuditPlanner.name);

  constructor(
    private readonly db: DataSource,
    private readonly transitions: ApplicationTransitions,
  ) {}

  async planInitialAudit(applicationId: string, outboxId: string): Promise<PlanResult> {
    return this.db.transaction(async (tx) => {
      const app = await readApplication(tx, applicationId, { forUpdate: true });
      const [existing] = await tx.query(`SELECT id FROM audits WHERE application_id = $1 AND kind = 'initial'`, [applicationId]);
      if (existing || !app || app.status !== 'accepted') {
        await completeOutbox(tx, outboxId);
        return existing ? 'already_planned' : 'not_accepted';
      }
      const auditors: { id: string; load: number }[] = await tx.query(
        `SELECT u.id,
                (SELECT count(*) FROM audit_auditors aa JOIN audits a ON a.id = aa.audit_id
                  WHERE aa.auditor_id = u.id AND a.status <> 'evaluated')::int AS load
           FROM users u
          WHERE u.organization_id = $1 AND u.active AND 'auditor' = ANY(u.roles)
            AND NOT EXISTS (SELECT 1 FROM auditor_conflicts c WHERE c.auditor_id = u.id AND c.enterprise_id = $2)
          ORDER BY load, u.created_at, u.id
          LIMIT ${TEAM_SIZE}`,
        [app.certification_body_id, app.enterprise_id],
      );
      if (!auditors.length) {
        // Fails the job: retried with backoff, then visible as a failed job to the CB's admin.
        throw new Error(`certification body has no active auditor free of conflicts with the enterprise of ${app.number}`);
      }
      const [audit] = await tx.query(
        `INSERT INTO audits (application_id, certification_body_id, enterprise_id, standard_id, kind, planned_on)
         SELECT a.id, a.certification_body_id, a.enterprise_id, a.standard_id, 'initial', current_date + ${LEAD_DAYS}
           FROM applications a WHERE a.id = $1
         RETURNING id`,
        [applicationId],
      );
      for (const [i, auditor] of auditors.entries()) {
        await tx.query(`INSERT INTO audit_auditors (audit_id, auditor_id, lead) VALUES ($1, $2, $3)`, [audit.id, auditor.id, i === 0]);
      }
      await this.transitions.apply(tx, app, 'start_evaluation', SYSTEM, `initial audit planned with ${auditors.length} auditor(s)`);
      await completeOutbox(tx, outboxId);
      this.logger.log({ applicationId, auditId: audit.id, auditors: auditors.map((a) => a.id) }, 'initial audit planned');
      return 'planned';
    });
  }
}
