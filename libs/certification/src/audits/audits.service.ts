import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError, fieldError, notFound, Page, PageQuery, FIELD_RULES } from '@app/shared';
import { pagedQuery } from '@app/persistence';
import type { Principal } from '@app/identity';
import { caseScope } from '../tenancy';
import { enqueue, completeOutbox } from '@app/queue';
import { evaluateAudit } from '../follow-up-work';
import { SYSTEM } from '../actor';
import { SHENZHEN_TODAY } from '../certificates/certificate-issuer';
import { nonconformityAnsweredNotice, nonconformityRaisedNotice } from '../notices';
import { ApplicationTransitions } from '../applications/application-transitions';
import { completeTransition } from '../certificates/standard-transition';
import { readApplication } from '../applications/application-records';
import { attachEvidenceFiles, evidenceFilesJson, replaceEvidenceFiles } from '../evidence/evidence-attachments';
import { scoreAudit } from './audit-scoring';
import { accreditedLaboratoryFor } from '@app/laboratories';
import { assertReportDate, AuditRow, checklistRequirement, ON_CHECKLIST, resultOf, upsertFinding } from './finding-records';
import { recordCertificateAuditOutcome } from '../surveillance/surveillance-rules';
import { auditMachine, AuditStatus, nonconformityMachine, NonconformityStatus } from './audit-status.machine';
import { AuditorConflictEntry, AuditorConflictView, AuditSummary, AuditView, ChecklistItem, NonconformityEntry, NonconformityView } from './audit.view';
import { AuditQuery, CorrectiveActionDto, DeclareConflictDto, NonconformityQuery, RaiseNonconformityDto, RecordFindingDto } from './audit.dto';

/** Working days to correct a nonconformity when the auditor gives no date: a major one blocks the certificate, so it is due sooner. */
export const NONCONFORMITY_WORKING_DAYS = { major: 10, minor: 20 } as const;

/** A finding's recognised report and its agreement (`f` the finding), or null for a laboratory's report. */
const RECOGNITION_JSON = `(SELECT json_build_object('recognisedReportId', rr.id, 'agreementId', ra.id, 'agreementKind', ra.kind,
    'agreementParty', ra.party, 'issuingBody', rr.issuing_body)
   FROM recognised_reports rr JOIN recognition_agreements ra ON ra.id = rr.agreement_id WHERE rr.id = f.recognised_report_id)`;

/** An unannounced audit's date is kept from the enterprise until the audit starts. */
const HIDDEN_FROM_ENTERPRISE = `(au.unannounced AND au.started_at IS NULL)`;

/**
 * An audit as the list shows it; the single-audit read adds `DETAIL_COLUMNS` (the outcome's
 * reasons, and the standard whose requirements make its checklist).
 */
const SUMMARY_COLUMNS = `
  au.kind, au.status, au.outcome, au.started_at AS "startedAt",
  au.submitted_at AS "submittedAt", au.evaluated_at AS "evaluatedAt",
  json_build_object('id', ap.id, 'number', ap.number, 'status', ap.status) AS application,
  json_build_object('id', en.id, 'nameZh', en.name_zh) AS enterprise,
  CASE WHEN au.certificate_id IS NULL THEN NULL
       ELSE (SELECT json_build_object('id', c.id, 'number', c.number) FROM certificates c WHERE c.id = au.certificate_id) END AS certificate,
  au.trigger, au.cycle, au.due_on AS "dueOn", au.unannounced,
  (SELECT coalesce(json_agg(json_build_object('id', u.id, 'displayName', u.display_name, 'lead', aa.lead)
                            ORDER BY aa.lead DESC, u.display_name), '[]')
     FROM audit_auditors aa JOIN users u ON u.id = aa.auditor_id WHERE aa.audit_id = au.id) AS auditors`;
const DETAIL_COLUMNS = `au.outcome_reasons AS "outcomeReasons", au.standard_id,
  (SELECT json_build_object('outcome', d.outcome, 'models', d.models, 'rationale', d.rationale, 'decidedAt', d.decided_at)
     FROM certificate_decisions d WHERE d.audit_id = au.id) AS "certificateDecision"`;

function selectAudits(view: 'summary' | 'detail', caller: Principal): string {
  const plannedOn = caller.organizationKind === 'enterprise' ? `CASE WHEN ${HIDDEN_FROM_ENTERPRISE} THEN NULL ELSE au.planned_on END` : 'au.planned_on';
  const summary = `${SUMMARY_COLUMNS}, ${plannedOn} AS "plannedOn"`;
  const columns = view === 'detail' ? `au.id, ${DETAIL_COLUMNS}, ${summary}` : `au.id, ${summary}`;
  return `SELECT ${columns}
    FROM audits au
    JOIN applications ap ON ap.id = au.application_id
    JOIN organizations en ON en.id = au.enterprise_id`;
}

@Injectable()
export class AuditsService {
  constructor(
    private readonly db: DataSource,
    private readonly transitions: ApplicationTransitions,
  ) {}

  async list(caller: Principal, q: AuditQuery): Promise<Page<AuditSummary>> {
    const params: unknown[] = [];
    const where = [caseScope(caller, params, 'au')];
    if (q.status) where.push(`au.status = $${params.push(q.status)}`);
    if (q.applicationId) where.push(`au.application_id = $${params.push(q.applicationId)}`);
    if (q.kind) where.push(`au.kind = $${params.push(q.kind)}`);
    if (q.trigger) where.push(`au.trigger = $${params.push(q.trigger)}`);
    if (q.ofCertificates) where.push(`au.certificate_id IS NOT NULL`);
    if (q.certificateId) where.push(`au.certificate_id = $${params.push(q.certificateId)}`);
    if (q.mine) where.push(`EXISTS (SELECT 1 FROM audit_auditors aa WHERE aa.audit_id = au.id AND aa.auditor_id = $${params.push(caller.userId)})`);
    // Tenancy above already limits the audits to the caller's: another body's auditor finds nothing.
    if (q.auditorId) where.push(`EXISTS (SELECT 1 FROM audit_auditors aa WHERE aa.audit_id = au.id AND aa.auditor_id = $${params.push(q.auditorId)})`);
    if (q.from && q.to && q.from > q.to)
      throw fieldError('VALIDATION_FAILED', 'to', `must not be before from (${q.from})`, FIELD_RULES.notBefore('from', q.from));
    // A date filter must not reveal an unannounced audit's date to the enterprise either.
    if ((q.from || q.to) && caller.organizationKind === 'enterprise') where.push(`NOT ${HIDDEN_FROM_ENTERPRISE}`);
    if (q.from) where.push(`au.planned_on >= $${params.push(q.from)}::date`);
    if (q.to) where.push(`au.planned_on <= $${params.push(q.to)}::date`);
    return pagedQuery<AuditSummary>(
      this.db,
      { select: selectAudits('summary', caller), countFrom: 'audits au', where: where.join(' AND '), orderBy: 'au.planned_on, au.id', params },
      q,
    );
  }

  /** Nonconformities across the caller's audits (the enterprise's own, the body's, all for the regulator); the soonest due first. */
  async listNonconformities(caller: Principal, q: NonconformityQuery): Promise<Page<NonconformityEntry>> {
    const params: unknown[] = [];
    const where = [caseScope(caller, params, 'au')];
    if (q.status) where.push(`n.status = $${params.push(q.status)}`);
    if (q.auditId) where.push(`n.audit_id = $${params.push(q.auditId)}`);
    return pagedQuery<NonconformityEntry>(
      this.db,
      {
        select: `SELECT n.id, n.grade, n.status, n.description, n.due_on AS "dueOn", n.corrective_action AS "correctiveAction",
                        n.answered_at AS "answeredAt", n.closed_at AS "closedAt", r.clause, n.audit_id AS "auditId", n.created_at AS "createdAt",
                        json_build_object('id', ap.id, 'number', ap.number, 'status', ap.status) AS application,
                        json_build_object('id', en.id, 'nameZh', en.name_zh) AS enterprise
                   FROM nonconformities n
                   JOIN audits au ON au.id = n.audit_id
                   JOIN applications ap ON ap.id = au.application_id
                   JOIN organizations en ON en.id = au.enterprise_id
                   LEFT JOIN requirements r ON r.id = n.requirement_id`,
        countFrom: 'nonconformities n JOIN audits au ON au.id = n.audit_id',
        where: where.join(' AND '),
        orderBy: 'n.due_on, n.created_at, n.id',
        params,
      },
      q,
    );
  }

  /** The audit with its checklist (every requirement it checks, and its finding) and its nonconformities. */
  async get(caller: Principal, id: string): Promise<AuditView> {
    const params: unknown[] = [id];
    const [audit]: (Omit<AuditView, 'checklist' | 'nonconformities' | 'allowedActions'> & { standard_id: string })[] = await this.db.query(
      `${selectAudits('detail', caller)}
        WHERE au.id = $1 AND ${caseScope(caller, params, 'au')}`,
      params,
    );
    if (!audit) throw notFound('audit', id);
    const checklist: ChecklistItem[] = await this.db.query(
      `SELECT r.id AS "requirementId", r.clause, r.text_zh AS "textZh", r.text_en AS "textEn", r.kind, r.unit,
              r.min_value::float8 AS min, r.max_value::float8 AS max, r.critical, r.parameter_zh AS "parameterZh", r.parameter_en AS "parameterEn",
              CASE WHEN f.id IS NULL THEN NULL ELSE json_build_object(
                'measuredValue', f.measured_value::float8, 'passed', f.passed, 'laboratoryName', f.laboratory_name,
                'cnasNumber', f.cnas_number, 'reportNumber', f.report_number, 'reportDate', f.report_date,
                'laboratoryId', f.laboratory_id, 'recognised', ${RECOGNITION_JSON}, 'note', f.note, 'recordedAt', f.recorded_at,
                'evidenceFiles', ${evidenceFilesJson('ef.finding_id = f.id')}) END AS finding
         FROM requirements r LEFT JOIN findings f ON f.requirement_id = r.id AND f.audit_id = $1
        WHERE r.standard_id = $2 AND ${ON_CHECKLIST('r', '$1')} ORDER BY r.position`,
      [id, audit.standard_id],
    );
    const nonconformities = await this.nonconformitiesOf(this.db.manager, id);
    const { standard_id: _s, ...view } = audit;
    const assigned = audit.auditors.some((a) => a.id === caller.userId);
    return { ...view, checklist, nonconformities, allowedActions: assigned ? auditMachine.allowedActions(audit.status) : [] };
  }

  start(caller: Principal, id: string): Promise<AuditView> {
    return this.change(caller, id, 'start', async (tx, audit) => {
      await tx.query(`UPDATE audits SET started_at = now() WHERE id = $1`, [audit.id]);
    });
  }

  recordFinding(caller: Principal, id: string, requirementId: string, dto: RecordFindingDto): Promise<AuditView> {
    return this.change(caller, id, 'record', async (tx, audit) => {
      const req = await checklistRequirement(tx, audit, requirementId, () => notFound("requirement of this audit's checklist", requirementId));
      const passed = resultOf(req, dto);
      await assertReportDate(tx, dto.reportDate);
      // Every finding an auditor records rests on a test report, pass/fail ones too: the scheme's
      // requirements are product tests (a factory check on site would be a kind of requirement of its
      // own, which the standards do not have). A test the enterprise already had done elsewhere comes
      // in as a recognised report instead (POST /audits/:id/recognised-reports).
      const lab = await accreditedLaboratoryFor(tx, 'cnasNumber', dto, req);
      const finding = await upsertFinding(tx, audit.id, requirementId, caller.userId, {
        measuredValue: dto.measuredValue ?? null,
        passed,
        laboratoryName: lab.nameZh,
        cnasNumber: `CNAS ${lab.cnasNumber}`,
        laboratoryId: lab.id,
        reportNumber: dto.reportNumber,
        reportDate: dto.reportDate,
        recognisedReportId: null,
        note: dto.note ?? null,
      });
      if (dto.evidenceFileIds) {
        await replaceEvidenceFiles(tx, caller, dto.evidenceFileIds, { column: 'finding_id', id: finding.id, applicationId: audit.application_id });
      }
    });
  }

  raiseNonconformity(caller: Principal, id: string, dto: RaiseNonconformityDto): Promise<AuditView> {
    return this.change(caller, id, 'record', async (tx, audit) => {
      if (dto.requirementId) {
        const [req] = await tx.query(`SELECT 1 FROM requirements r WHERE r.id = $1 AND r.standard_id = $2 AND ${ON_CHECKLIST('r', '$3')}`, [
          dto.requirementId,
          audit.standard_id,
          audit.id,
        ]);
        if (!req) throw fieldError('REFERENCE_NOT_FOUND', 'requirementId', "not a requirement of this audit's checklist");
      }
      // Without a due date the scheme's default applies, counted in working days (Beijing dates, the holiday table).
      const [nc] = await tx.query(
        `INSERT INTO nonconformities (audit_id, requirement_id, grade, description, due_on, raised_by)
         VALUES ($1, $2, $3, $4, coalesce($5::date, add_working_days(${SHENZHEN_TODAY}, $7)), $6)
         RETURNING id, due_on, (SELECT number FROM applications WHERE id = $8) AS number`,
        [
          audit.id,
          dto.requirementId ?? null,
          dto.grade,
          dto.description,
          dto.dueOn ?? null,
          caller.userId,
          NONCONFORMITY_WORKING_DAYS[dto.grade],
          audit.application_id,
        ],
      );
      await enqueue(tx, nonconformityRaisedNotice({ id: nc.id, enterpriseId: audit.enterprise_id, number: nc.number, grade: dto.grade, dueOn: nc.due_on }));
    });
  }

  /** Refused, with the clauses, while any requirement has no finding; queues the evaluation. */
  submit(caller: Principal, id: string): Promise<AuditView> {
    return this.change(caller, id, 'submit', async (tx, audit) => {
      const missing: { clause: string }[] = await tx.query(
        `SELECT r.clause FROM requirements r
          WHERE r.standard_id = $1 AND ${ON_CHECKLIST('r', '$2')}
            AND NOT EXISTS (SELECT 1 FROM findings f WHERE f.audit_id = $2 AND f.requirement_id = r.id)
          ORDER BY r.position`,
        [audit.standard_id, audit.id],
      );
      if (missing.length) {
        throw new DomainError('RULE_VIOLATION', `findings are missing for clauses ${missing.map((m) => m.clause).join(', ')}`, {
          rule: 'findings_missing',
          clauses: missing.map((m) => m.clause).join(', '),
          missingClauses: missing.map((m) => m.clause),
        });
      }
      await tx.query(`UPDATE audits SET submitted_at = now() WHERE id = $1`, [audit.id]);
      await enqueue(tx, evaluateAudit(audit.id, audit.certification_body_id));
    });
  }

  /** After "corrections required", the auditors continue (close nonconformities) and submit again. */
  resume(caller: Principal, id: string): Promise<AuditView> {
    return this.change(caller, id, 'resume', async (_tx, audit) => {
      if (audit.outcome !== 'corrections_required') {
        throw new DomainError('ILLEGAL_TRANSITION', `audit outcome is '${audit.outcome}': only an audit that requires corrections can be resumed`, {
          state: 'evaluated',
          outcome: audit.outcome,
        });
      }
    });
  }

  /** The evaluation job: scores the audit and, when it passed, moves the application to the decision. */
  async evaluate(auditId: string, outboxId: string): Promise<string> {
    return this.db.transaction(async (tx) => {
      const [audit]: AuditRow[] = await tx.query(`SELECT * FROM audits WHERE id = $1 FOR UPDATE`, [auditId]);
      if (!audit || audit.status !== 'submitted') {
        await completeOutbox(tx, outboxId);
        return audit?.status ?? 'missing';
      }
      const requirements = await tx.query(
        `SELECT r.clause, r.critical, f.passed FROM requirements r JOIN audits au ON au.id = $2
           LEFT JOIN findings f ON f.requirement_id = r.id AND f.audit_id = $2
          WHERE r.standard_id = $1 AND ${ON_CHECKLIST('r', '$2')} ORDER BY r.position`,
        [audit.standard_id, audit.id],
      );
      const ncs = await tx.query(`SELECT grade, status, description FROM nonconformities WHERE audit_id = $1`, [audit.id]);
      const score = scoreAudit(
        requirements.map((r: { clause: string; critical: boolean; passed: boolean | null }) => ({ ...r, passed: r.passed ?? undefined })),
        ncs,
      );
      auditMachine.next(audit.status, 'evaluate');
      await tx.query(`UPDATE audits SET status = 'evaluated', outcome = $2, outcome_reasons = $3, evaluated_at = now(), version = version + 1 WHERE id = $1`, [
        audit.id,
        score.outcome,
        JSON.stringify(score.reasons),
      ]);
      // An audit of an issued certificate: its outcome is the certificate's (public record, plan, decision due).
      await recordCertificateAuditOutcome(tx, audit, score.outcome);
      if (score.outcome === 'passed' && audit.trigger === 'transition' && audit.certificate_id) {
        // A delta audit against a superseded standard's new version: the certificate moves to it.
        await completeTransition(tx, { certificate_id: audit.certificate_id, standard_id: audit.standard_id });
      } else if (score.outcome === 'passed') {
        const app = await readApplication(tx, audit.application_id, { forUpdate: true });
        if (app?.status === 'in_evaluation') {
          await this.transitions.apply(tx, app, 'complete_evaluation', SYSTEM, `audit passed: ${score.reasons[0]}`);
        }
      }
      await completeOutbox(tx, outboxId);
      return score.outcome;
    });
  }

  answerNonconformity(caller: Principal, id: string, dto: CorrectiveActionDto): Promise<NonconformityView> {
    return this.changeNonconformity(caller, id, 'answer', 'enterprise', async (tx, applicationId) => {
      await tx.query(`UPDATE nonconformities SET corrective_action = $2, answered_at = now(), answered_by = $3 WHERE id = $1`, [
        id,
        dto.correctiveAction,
        caller.userId,
      ]);
      await attachEvidenceFiles(tx, caller, dto.evidenceFileIds, { column: 'nonconformity_id', id, applicationId });
      const [nc] = await tx.query(
        `SELECT n.audit_id, n.version, au.certification_body_id, ap.number,
                array(SELECT aa.auditor_id FROM audit_auditors aa WHERE aa.audit_id = n.audit_id ORDER BY aa.lead DESC, aa.auditor_id) AS auditors
           FROM nonconformities n JOIN audits au ON au.id = n.audit_id JOIN applications ap ON ap.id = au.application_id WHERE n.id = $1`,
        [id],
      );
      await enqueue(
        tx,
        nonconformityAnsweredNotice({
          id,
          auditId: nc.audit_id,
          bodyId: nc.certification_body_id,
          number: nc.number,
          auditorIds: nc.auditors,
          round: nc.version,
        }),
      );
    });
  }

  closeNonconformity(caller: Principal, id: string): Promise<NonconformityView> {
    return this.changeNonconformity(caller, id, 'close', 'auditor', async (tx) => {
      await tx.query(`UPDATE nonconformities SET closed_at = now(), closed_by = $2 WHERE id = $1`, [id, caller.userId]);
    });
  }

  reopenNonconformity(caller: Principal, id: string, reason: string): Promise<NonconformityView> {
    return this.changeNonconformity(caller, id, 'reopen', 'auditor', async (tx) => {
      await tx.query(`UPDATE nonconformities SET description = description || E'\n— ' || $2, answered_at = NULL, answered_by = NULL WHERE id = $1`, [
        id,
        `reopened: ${reason}`,
      ]);
    });
  }

  async declareConflict(caller: Principal, dto: DeclareConflictDto): Promise<AuditorConflictView> {
    const auditorId = dto.auditorId ?? caller.userId;
    if (dto.auditorId && !caller.roles.includes('cb_admin')) {
      throw new DomainError('FORBIDDEN_ROLE', 'only a cb_admin may declare a conflict for another auditor');
    }
    const [auditor] = await this.db.query(`SELECT id FROM users WHERE id = $1 AND organization_id = $2 AND 'auditor' = ANY(roles)`, [
      auditorId,
      caller.organizationId,
    ]);
    if (!auditor) throw fieldError('REFERENCE_NOT_FOUND', 'auditorId', 'no auditor of your organization with this id');
    const [enterprise] = await this.db.query(`SELECT id FROM organizations WHERE id = $1 AND kind = 'enterprise'`, [dto.enterpriseId]);
    if (!enterprise) throw fieldError('REFERENCE_NOT_FOUND', 'enterpriseId', 'no enterprise with this id');
    const [row]: AuditorConflictView[] = await this.db.query(
      `INSERT INTO auditor_conflicts (auditor_id, enterprise_id, reason) VALUES ($1, $2, $3)
       RETURNING id, auditor_id AS "auditorId", enterprise_id AS "enterpriseId", reason, declared_at AS "declaredAt"`,
      [auditorId, dto.enterpriseId, dto.reason],
    );
    return row;
  }

  /** The conflicts declared by the caller's organization's auditors, newest first. */
  async listConflicts(caller: Principal, q: PageQuery): Promise<Page<AuditorConflictEntry>> {
    return pagedQuery<AuditorConflictEntry>(
      this.db,
      {
        select: `SELECT c.id, c.auditor_id AS "auditorId", u.display_name AS "auditorName", c.enterprise_id AS "enterpriseId",
                        o.name_zh AS "enterpriseNameZh", c.reason, c.declared_at AS "declaredAt"
                   FROM auditor_conflicts c JOIN users u ON u.id = c.auditor_id JOIN organizations o ON o.id = c.enterprise_id`,
        countFrom: 'auditor_conflicts c JOIN users u ON u.id = c.auditor_id',
        where: 'u.organization_id = $1',
        orderBy: 'c.declared_at DESC, c.id',
        params: [caller.organizationId],
      },
      q,
    );
  }

  /** An audit action: visible to the caller, taken by one of its assigned auditors, allowed in its state, versioned (also a recognised report's acceptance). */
  async change(
    caller: Principal,
    id: string,
    action: 'start' | 'record' | 'submit' | 'resume',
    work: (tx: EntityManager, audit: AuditRow) => Promise<void>,
  ): Promise<AuditView> {
    await this.db.transaction(async (tx) => {
      const params: unknown[] = [id];
      const [audit]: AuditRow[] = await tx.query(`SELECT au.* FROM audits au WHERE au.id = $1 AND ${caseScope(caller, params, 'au')}`, params);
      if (!audit) throw notFound('audit', id);
      await this.assertAssigned(tx, caller, audit.id);
      const to = auditMachine.next(audit.status, action);
      await work(tx, audit);
      const [ok] = await tx.query(
        `WITH c AS (UPDATE audits SET status = $3, version = version + 1 WHERE id = $1 AND version = $2 RETURNING id) SELECT id FROM c`,
        [audit.id, audit.version, to],
      );
      if (!ok) throw new DomainError('CONCURRENT_MODIFICATION', `audit was changed concurrently while '${action}' was being taken; reload it`);
    });
    return this.get(caller, id);
  }

  private async assertAssigned(tx: EntityManager, caller: Principal, auditId: string): Promise<void> {
    const [assigned] = await tx.query(`SELECT 1 FROM audit_auditors WHERE audit_id = $1 AND auditor_id = $2`, [auditId, caller.userId]);
    if (!assigned) throw new DomainError('FORBIDDEN_ROLE', 'only an auditor assigned to this audit may do this');
  }

  private async changeNonconformity(
    caller: Principal,
    id: string,
    action: 'answer' | 'close' | 'reopen',
    side: 'enterprise' | 'auditor',
    work: (tx: EntityManager, applicationId: string) => Promise<void>,
  ): Promise<NonconformityView> {
    const auditId = await this.db.transaction(async (tx) => {
      const params: unknown[] = [id];
      const [nc]: { id: string; status: NonconformityStatus; version: number; audit_id: string; audit_status: AuditStatus; application_id: string }[] =
        await tx.query(
          `SELECT n.id, n.status, n.version, n.audit_id, au.status AS audit_status, au.application_id
           FROM nonconformities n JOIN audits au ON au.id = n.audit_id
          WHERE n.id = $1 AND ${caseScope(caller, params, 'au')}`,
          params,
        );
      if (!nc) throw notFound('nonconformity', id);
      if (side === 'auditor') await this.assertAssigned(tx, caller, nc.audit_id);
      if (nc.audit_status === 'submitted') {
        throw new DomainError('ILLEGAL_TRANSITION', `audit is 'submitted': nonconformities change again once it is evaluated`, { state: nc.audit_status });
      }
      const to = nonconformityMachine.next(nc.status, action);
      await work(tx, nc.application_id);
      const [ok] = await tx.query(
        `WITH c AS (UPDATE nonconformities SET status = $3, version = version + 1 WHERE id = $1 AND version = $2 RETURNING id) SELECT id FROM c`,
        [id, nc.version, to],
      );
      if (!ok) throw new DomainError('CONCURRENT_MODIFICATION', `nonconformity was changed concurrently while '${action}' was being taken`);
      return nc.audit_id;
    });
    const [view] = (await this.nonconformitiesOf(this.db.manager, auditId)).filter((n) => n.id === id);
    return view;
  }

  private nonconformitiesOf(manager: EntityManager, auditId: string): Promise<NonconformityView[]> {
    return manager.query(
      `SELECT n.id, n.grade, n.status, n.description, n.due_on AS "dueOn", n.corrective_action AS "correctiveAction",
              n.answered_at AS "answeredAt", n.closed_at AS "closedAt", r.clause,
              ${evidenceFilesJson('ef.nonconformity_id = n.id')} AS "evidenceFiles"
         FROM nonconformities n LEFT JOIN requirements r ON r.id = n.requirement_id
        WHERE n.audit_id = $1 ORDER BY n.created_at`,
      [auditId],
    );
  }
}
