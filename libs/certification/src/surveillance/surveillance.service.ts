import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig, DomainError, fieldError, notFound, FIELD_RULES } from '@app/shared';
import type { Principal } from '@app/identity';
import { enqueue, enqueueMany, notify } from '@app/queue';
import { NIL_UUID } from '@app/persistence';
import { recordCertificateChange } from '@app/registry';
import { SYSTEM } from '../actor';
import { caseScope } from '../tenancy';
import { planCertificateAudit } from '../follow-up-work';
import { SHENZHEN_TODAY } from '../certificates/certificate-issuer';
import { CertificatesService, CertificateState, lockCertificate } from '../certificates/certificates.service';
import { reduceScope } from '../certificates/certificate-changes.service';
import { CertificateView } from '../certificates/certificate.view';
import { PublicReason } from '../certificates/certificate-status.machine';
import { ADVANCED_DUE, OPEN_SURVEILLANCE_AUDITS } from './surveillance-rules';
import { CertificateDecisionDto, VoluntarySuspensionDto } from './surveillance.dto';
import { CertificateDecisionView } from './surveillance.view';

/** Certificates read per page of the sweep's keyset walk. */
export const SURVEILLANCE_SWEEP_PAGE = 1000;

export interface SurveillanceSweepResult {
  /** Surveillance audits asked of the planner. */
  planned: number;
  /** Valid certificates suspended: surveillance not performed by the due date plus the grace. */
  suspended: number;
  /** Voluntary suspensions not lifted by their end date, withdrawn. */
  withdrawn: number;
}

interface SweepRow {
  id: string;
  due: string;
  cb: string;
  overdue: boolean;
  plan: boolean;
}

/**
 * Surveillance of issued certificates: the daily sweep that keeps the plan (audits planned ahead
 * of their due date, certificates whose surveillance was not performed suspended, voluntary
 * suspensions that ran out withdrawn), the certificate decision a failed audit awaits, and the
 * holder's voluntary suspension. Status changes go through CertificatesService.apply.
 */
@Injectable()
export class SurveillanceService {
  private readonly logger = new Logger(SurveillanceService.name);

  constructor(
    private readonly db: DataSource,
    private readonly certificates: CertificatesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * One round of the daily sweep as of `today` (YYYY-MM-DD, Beijing; today when omitted). Walks the
   * live certificates whose due date falls within the planning horizon by keyset pages of the
   * due-date index, so its cost follows the certificates due, not all of them. Idempotent: a
   * certificate with an open surveillance audit, or a planning job waiting, is not asked again.
   */
  async sweep(today?: string): Promise<SurveillanceSweepResult> {
    const day: string = today ?? (await this.db.query(`SELECT ${SHENZHEN_TODAY}::text AS day`))[0].day;
    const result: SurveillanceSweepResult = { planned: 0, suspended: 0, withdrawn: 0 };
    let cursor: [string, string] = ['-infinity', NIL_UUID];
    for (;;) {
      // The open-audit check joins each row of the page laterally (LIMIT 1: not flattened), so it is an
      // index probe per certificate of the page. As an EXISTS in the select list the planner hashed
      // every open surveillance audit for each page instead (0.4 s a page, 50 s a sweep at 1M).
      const rows: SweepRow[] = await this.db.query(
        `SELECT p.id, p.due, p.cb, p.overdue, p.suspension_ends_on IS NULL AND open_audit.found IS NULL AS plan
           FROM (SELECT c.id, c.next_surveillance_due, c.next_surveillance_due::text AS due, c.certification_body_id AS cb,
                        c.status = 'valid' AND c.next_surveillance_due + $4::int < $3::date AS overdue, c.suspension_ends_on
                   FROM certificates c
                  WHERE c.status IN ('valid', 'suspended') AND c.next_surveillance_due IS NOT NULL
                    AND c.next_surveillance_due <= $3::date + $5::int
                    AND (c.next_surveillance_due, c.id) > ($1::date, $2::uuid)
                  ORDER BY c.next_surveillance_due, c.id
                  LIMIT ${SURVEILLANCE_SWEEP_PAGE}) p
           -- a voluntary suspension is not audited; any other live certificate is, suspended ones to lift the suspension
           LEFT JOIN LATERAL (${OPEN_SURVEILLANCE_AUDITS('p')} LIMIT 1) open_audit (found) ON true
          ORDER BY p.next_surveillance_due, p.id`,
        [cursor[0], cursor[1], day, this.config.SURVEILLANCE_GRACE_DAYS, this.config.SURVEILLANCE_HORIZON_DAYS],
      );
      if (!rows.length) break;
      cursor = [rows[rows.length - 1].due, rows[rows.length - 1].id];
      result.planned += await this.planPage(rows.filter((r) => r.plan));
      for (const r of rows.filter((r) => r.overdue)) if (await this.suspendNotPerformed(r.id, day)) result.suspended++;
      if (rows.length < SURVEILLANCE_SWEEP_PAGE) break;
    }
    result.withdrawn = await this.withdrawEndedVoluntarySuspensions(day);
    if (result.planned || result.suspended || result.withdrawn) this.logger.log({ ...result, today: day }, 'surveillance sweep');
    return result;
  }

  /** Asks the planner for the page's surveillance audits, leaving out those whose planning job is still waiting. */
  private async planPage(rows: SweepRow[]): Promise<number> {
    if (!rows.length) return 0;
    const waiting: { id: string }[] = await this.db.query(
      `SELECT DISTINCT payload->>'certificateId' AS id FROM outbox
        WHERE completed_at IS NULL AND job_name = 'plan-certificate-audit' AND payload->>'certificateId' = ANY($1::text[])
          AND payload->>'kind' = 'surveillance'`,
      [rows.map((r) => r.id)],
    );
    const skip = new Set(waiting.map((w) => w.id));
    const wanted = rows.filter((r) => !skip.has(r.id));
    await this.db.transaction((tx) =>
      enqueueMany(
        tx,
        wanted.map((r) => planCertificateAudit({ certificateId: r.id, kind: 'surveillance', trigger: 'schedule' }, r.cb)),
      ),
    );
    return wanted.length;
  }

  /** Suspends a valid certificate past its due date plus the grace with no passed surveillance for the cycle; rechecked under the lock. */
  private async suspendNotPerformed(certificateId: string, day: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const cert = await lockCertificate(tx, `c.id = $1 AND c.status = 'valid' AND c.next_surveillance_due + $3::int < $2::date`, [
        certificateId,
        day,
        this.config.SURVEILLANCE_GRACE_DAYS,
      ]);
      if (!cert) return false;
      const [due] = await tx.query(`SELECT next_surveillance_due::text AS due FROM certificates WHERE id = $1`, [certificateId]);
      await this.certificates.apply(
        tx,
        cert,
        'suspend',
        SYSTEM,
        'surveillance_not_performed',
        `no surveillance passed for the cycle due ${due.due} within ${this.config.SURVEILLANCE_GRACE_DAYS} days`,
      );
      await this.tellHolder(tx, cert, 'certificate_suspended', 'surveillance_not_performed');
      return true;
    });
  }

  /** Voluntary suspensions whose end date has passed without a restoration: withdrawn (suspension_not_lifted). */
  private async withdrawEndedVoluntarySuspensions(day: string): Promise<number> {
    let n = 0;
    let after = NIL_UUID;
    for (;;) {
      const ids: { id: string }[] = await this.db.query(
        `SELECT c.id FROM certificates c
          WHERE c.status = 'suspended' AND c.suspension_ends_on < $1::date AND c.id > $2::uuid
          ORDER BY c.id LIMIT ${SURVEILLANCE_SWEEP_PAGE}`,
        [day, after],
      );
      for (const { id } of ids) {
        await this.db.transaction(async (tx) => {
          const cert = await lockCertificate(tx, `c.id = $1 AND c.status = 'suspended' AND c.suspension_ends_on < $2::date`, [id, day]);
          if (!cert) return;
          await this.certificates.apply(tx, cert, 'withdraw', SYSTEM, 'suspension_not_lifted', 'the voluntary suspension ended without a restoration');
          await this.tellHolder(tx, cert, 'certificate_withdrawn', 'suspension_not_lifted');
          n++;
        });
      }
      if (ids.length < SURVEILLANCE_SWEEP_PAGE) return n;
      after = ids[ids.length - 1].id;
    }
  }

  /**
   * The certificate decision on a failed surveillance or special audit, by a decision maker of the
   * body who was not an auditor on it (the impartiality rule of a certification decision).
   */
  async decide(caller: Principal, auditId: string, dto: CertificateDecisionDto): Promise<CertificateDecisionView> {
    if (dto.outcome !== 'reduce_scope' && dto.models !== undefined) {
      throw fieldError('VALIDATION_FAILED', 'models', `only a reduce_scope decision names models; a ${dto.outcome} decision takes none`);
    }
    await this.db.transaction(async (tx) => {
      const params: unknown[] = [auditId];
      const [audit]: { id: string; kind: string; status: string; outcome: string | null; certificate_id: string | null; due_on: string | null }[] =
        await tx.query(
          `SELECT au.id, au.kind, au.status, au.outcome, au.certificate_id, au.due_on::text AS due_on
             FROM audits au WHERE au.id = $1 AND ${caseScope(caller, params, 'au')} FOR UPDATE`,
          params,
        );
      if (!audit) throw notFound('audit', auditId);
      if (!audit.certificate_id) {
        throw new DomainError(
          'ILLEGAL_TRANSITION',
          `audit is an application's ${audit.kind} audit: the application's decision follows it, not a certificate decision`,
          {
            state: audit.status,
          },
        );
      }
      if (audit.status !== 'evaluated' || audit.outcome !== 'failed') {
        const state = audit.status === 'evaluated' ? `evaluated (${audit.outcome})` : audit.status;
        throw new DomainError('ILLEGAL_TRANSITION', `audit is '${state}': only a failed audit of a certificate awaits a certificate decision`, {
          state: audit.status,
          outcome: audit.outcome,
        });
      }
      const [decided] = await tx.query(`SELECT outcome FROM certificate_decisions WHERE audit_id = $1`, [audit.id]);
      if (decided) {
        throw new DomainError('ILLEGAL_TRANSITION', `audit is 'decided' (${decided.outcome}): its certificate decision is taken`, { state: 'decided' });
      }
      if (!caller.userId) {
        throw new DomainError('DECISION_NOT_INDEPENDENT', 'a certificate decision is taken by a named decision maker, not an API key');
      }
      const [auditor] = await tx.query(`SELECT 1 FROM audit_auditors WHERE audit_id = $1 AND auditor_id = $2`, [audit.id, caller.userId]);
      if (auditor) {
        throw new DomainError(
          'DECISION_NOT_INDEPENDENT',
          'impartiality rule: the certificate decision must be taken by someone who was not an auditor on this audit',
        );
      }
      const cert = (await lockCertificate(tx, 'c.id = $1', [audit.certificate_id]))!;
      await this.carryOut(tx, caller, cert, audit, dto);
      await tx.query(`INSERT INTO certificate_decisions (audit_id, certificate_id, outcome, models, rationale, decided_by) VALUES ($1, $2, $3, $4, $5, $6)`, [
        audit.id,
        cert.id,
        dto.outcome,
        dto.outcome === 'reduce_scope' ? dto.models : null,
        dto.rationale,
        caller.userId,
      ]);
    });
    return this.decisionOf(auditId);
  }

  private async carryOut(
    tx: EntityManager,
    caller: Principal,
    cert: CertificateState,
    audit: { kind: string; due_on: string | null },
    dto: CertificateDecisionDto,
  ): Promise<void> {
    if (dto.outcome === 'reduce_scope') {
      // What is left of the scope is maintained: the failed cycle closes as maintaining it would (first,
      // so that the public entry the reduction's history record refreshes shows the plan moved on).
      await this.closeCycle(tx, cert.id, audit);
      // The same change as a scope reduction asked of the certificate (its grants and labels, the next
      // edition, the public history), for the reason the audit gives.
      await reduceScope(tx, cert.id, dto.models!, caller, 'surveillance_failed', dto.rationale);
      return;
    }
    if (dto.outcome === 'maintain') {
      if (!['valid', 'suspended'].includes(cert.status)) {
        throw new DomainError('ILLEGAL_TRANSITION', `certificate is '${cert.status}': there is nothing to maintain`, { state: cert.status });
      }
      await this.closeCycle(tx, cert.id, audit);
      await recordCertificateChange(tx, {
        certificateId: cert.id,
        action: 'maintained',
        from: cert.status,
        to: cert.status,
        privateNote: dto.rationale,
        actorUserId: caller.userId,
        actorOrganizationId: caller.organizationId,
      });
      return;
    }
    await this.certificates.apply(tx, cert, dto.outcome, caller, 'surveillance_failed', dto.rationale);
    await this.tellHolder(tx, cert, dto.outcome === 'suspend' ? 'certificate_suspended' : 'certificate_withdrawn', 'surveillance_failed');
  }

  /** A decision that keeps the certificate closes the failed cycle: a surveillance's plan moves on as if it had passed. */
  private async closeCycle(tx: EntityManager, certificateId: string, audit: { kind: string; due_on: string | null }): Promise<void> {
    await tx.query(
      `UPDATE certificates c SET next_surveillance_due = CASE WHEN $2 THEN ${ADVANCED_DUE('$3::date')} ELSE c.next_surveillance_due END,
              version = version + 1, updated_at = now() WHERE c.id = $1`,
      [certificateId, audit.kind === 'surveillance', audit.due_on],
    );
  }

  private async decisionOf(auditId: string): Promise<CertificateDecisionView> {
    const [row]: CertificateDecisionView[] = await this.db.query(
      `SELECT d.audit_id AS "auditId", d.outcome, d.models, d.rationale, d.decided_by AS "decidedBy", d.decided_at AS "decidedAt",
              json_build_object('id', c.id, 'number', c.number, 'status', c.status) AS certificate
         FROM certificate_decisions d JOIN certificates c ON c.id = d.certificate_id WHERE d.audit_id = $1`,
      [auditId],
    );
    return row;
  }

  /**
   * The holder suspends its own certificate until a date (public reason holder_request): the body
   * restores it on request before then; not restored by the date, the sweep withdraws it.
   */
  async voluntarySuspension(caller: Principal, certificateId: string, dto: VoluntarySuspensionDto): Promise<CertificateView> {
    await this.db.transaction(async (tx) => {
      const params: unknown[] = [certificateId];
      const cert = await lockCertificate<{ today: string; latest: string }>(tx, `c.id = $1 AND ${caseScope(caller, params, 'c')}`, params, [
        `${SHENZHEN_TODAY}::text AS today`,
        `(${SHENZHEN_TODAY} + ${this.config.VOLUNTARY_SUSPENSION_MAX_DAYS})::text AS latest`,
      ]);
      if (!cert) throw notFound('certificate', certificateId);
      if (dto.until <= cert.today) throw fieldError('VALIDATION_FAILED', 'until', `must be after today (${cert.today})`, FIELD_RULES.afterToday(cert.today));
      if (dto.until > cert.latest) {
        throw fieldError(
          'VALIDATION_FAILED',
          'until',
          `a voluntary suspension lasts at most ${this.config.VOLUNTARY_SUSPENSION_MAX_DAYS} days: until ${cert.latest} at the latest`,
        );
      }
      await this.certificates.apply(tx, cert, 'suspend', caller, 'holder_request', dto.reason);
      await tx.query(`UPDATE certificates SET suspension_ends_on = $2::date WHERE id = $1`, [cert.id, dto.until]);
    });
    return this.certificates.get(caller, certificateId);
  }

  private tellHolder(tx: EntityManager, cert: CertificateState, event: 'certificate_suspended' | 'certificate_withdrawn', reason: PublicReason) {
    return enqueue(
      tx,
      notify(
        {
          event,
          key: `${event}:${cert.id}:${reason}:${new Date().toISOString().slice(0, 10)}`,
          audience: [{ organizationId: cert.enterprise_id, roles: ['enterprise_admin'] }],
          subjectNumber: cert.number,
          link: `/console/certificates/${cert.id}`,
          params: { reason },
        },
        cert.enterprise_id,
      ),
    );
  }
}
