import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError, fieldError, notFound } from '@app/shared';
import type { Principal } from '@app/identity';
import { agreementForReport } from '@app/laboratories';
import { enqueue } from '@app/queue';
import { recognisedReportDecidedNotice, recognisedReportPresentedNotice, recognisedReportWithdrawnNotice } from '../notices';
import { caseScope } from '../tenancy';
import { AuditsService } from './audits.service';
import { AuditStatus } from './audit-status.machine';
import { assertReportDate, AuditRow, checklistRequirement, resultOf, upsertFinding } from './finding-records';
import { PresentRecognisedReportDto } from './recognised-report.dto';
import { recognisedReportMachine, RecognisedReportStatus } from './recognised-report.machine';
import { RecognisedReportView } from './recognised-report.view';

const SELECT_REPORTS = `SELECT rr.id, rr.audit_id AS "auditId", rr.requirement_id AS "requirementId", r.clause,
    json_build_object('id', ra.id, 'kind', ra.kind, 'party', ra.party, 'region', ra.region) AS agreement,
    rr.issuing_body AS "issuingBody", rr.report_number AS "reportNumber", rr.report_date AS "reportDate",
    rr.measured_value::float8 AS "measuredValue", rr.passed, rr.status, rr.refusal_reason AS "refusalReason",
    rr.presented_at AS "presentedAt", rr.decided_at AS "decidedAt", rr.withdrawn_at AS "withdrawnAt"
  FROM recognised_reports rr
  JOIN requirements r ON r.id = rr.requirement_id
  JOIN recognition_agreements ra ON ra.id = rr.agreement_id`;

/** While the audit is being prepared or carried out, an enterprise may present reports and the auditors answer them. */
const OPEN_AUDIT: readonly AuditStatus[] = ['planned', 'in_progress'];

/**
 * Recognised results (互认): the enterprise presents, for a requirement of its audit, a report it
 * already holds under a recognition agreement; an assigned auditor accepts it in place of a new
 * test (it becomes the requirement's finding, marked recognised) or refuses it with a reason.
 */
@Injectable()
export class RecognisedReportsService {
  constructor(
    private readonly db: DataSource,
    private readonly audits: AuditsService,
  ) {}

  async present(caller: Principal, auditId: string, dto: PresentRecognisedReportDto): Promise<RecognisedReportView> {
    const id = await this.db.transaction(async (tx) => {
      const audit = await this.visibleAudit(tx, caller, auditId, true);
      assertOpen(audit.status, 'present a recognised report');
      const req = await checklistRequirement(tx, audit, dto.requirementId, () =>
        fieldError('REFERENCE_NOT_FOUND', 'requirementId', "not a requirement of this audit's checklist"),
      );
      resultOf(req, dto);
      await assertReportDate(tx, dto.reportDate);
      await agreementForReport(tx, dto.agreementId, dto.reportDate);
      const [waiting] = await tx.query(`SELECT id FROM recognised_reports WHERE audit_id = $1 AND requirement_id = $2 AND status = 'presented'`, [
        audit.id,
        dto.requirementId,
      ]);
      if (waiting)
        throw fieldError('ALREADY_EXISTS', 'requirementId', `a recognised report for clause ${req.clause} awaits the auditor already (${waiting.id})`);
      const [row]: { id: string }[] = await tx.query(
        `INSERT INTO recognised_reports (audit_id, requirement_id, agreement_id, issuing_body, report_number, report_date, measured_value, passed, presented_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          audit.id,
          dto.requirementId,
          dto.agreementId,
          dto.issuingBody,
          dto.reportNumber,
          dto.reportDate,
          dto.measuredValue ?? null,
          dto.passed ?? null,
          caller.userId,
        ],
      );
      // The auditors told in the same transaction: they learn of it only if it was recorded.
      const c = await auditorsOf(tx, audit);
      await enqueue(
        tx,
        recognisedReportPresentedNotice({
          id: row.id,
          auditId: audit.id,
          applicationId: audit.application_id,
          bodyId: audit.certification_body_id,
          number: c.number,
          clause: req.clause,
          reportNumber: dto.reportNumber,
          issuingBody: dto.issuingBody,
          auditorIds: c.auditors,
        }),
      );
      return row.id;
    });
    return this.read(id);
  }

  /** The audit's recognised reports, the newest first: for its parties (the enterprise, the body, the regulator). */
  async list(caller: Principal, auditId: string): Promise<RecognisedReportView[]> {
    await this.visibleAudit(this.db.manager, caller, auditId, false);
    return this.db.query(`${SELECT_REPORTS} WHERE rr.audit_id = $1 ORDER BY rr.presented_at DESC, rr.id`, [auditId]);
  }

  /**
   * Accepted by an assigned auditor while the audit is in progress: the report becomes the
   * requirement's finding (replacing any), in the same transaction as the audit's version bump.
   * The agreement is checked again: one terminated since the report was presented no longer counts.
   */
  async accept(caller: Principal, id: string): Promise<RecognisedReportView> {
    const auditId = await this.auditOf(caller, id);
    await this.audits.change(caller, auditId, 'record', async (tx, audit) => {
      const report = await this.lockedPresented(tx, id, 'accept');
      const req = await checklistRequirement(tx, audit, report.requirement_id, () => notFound("requirement of this audit's checklist", report.requirement_id));
      const passed = resultOf(req, { measuredValue: report.measured_value, passed: report.passed });
      await agreementForReport(tx, report.agreement_id, report.report_date);
      await upsertFinding(tx, audit.id, report.requirement_id, caller.userId, {
        measuredValue: report.measured_value,
        passed,
        laboratoryName: null,
        cnasNumber: null,
        laboratoryId: null,
        reportNumber: report.report_number,
        reportDate: report.report_date,
        recognisedReportId: id,
        note: null,
      });
      await tx.query(`UPDATE recognised_reports SET status = 'accepted', decided_by = $2, decided_at = now(), version = version + 1 WHERE id = $1`, [
        id,
        caller.userId,
      ]);
      await tellEnterprise(tx, id, 'accepted', null);
    });
    return this.read(id);
  }

  async refuse(caller: Principal, id: string, reason: string): Promise<RecognisedReportView> {
    await this.db.transaction(async (tx) => {
      const [row] = await tx.query(`SELECT audit_id FROM recognised_reports WHERE id = $1`, [id]);
      if (!row) throw notFound('recognised report', id);
      const audit = await this.visibleAudit(tx, caller, row.audit_id, false, id);
      await this.assertAssigned(tx, caller, audit.id);
      assertOpen(audit.status, 'refuse a recognised report');
      await this.lockedPresented(tx, id, 'refuse');
      await tx.query(
        `UPDATE recognised_reports SET status = 'refused', refusal_reason = $2, decided_by = $3, decided_at = now(), version = version + 1 WHERE id = $1`,
        [id, reason, caller.userId],
      );
      await tellEnterprise(tx, id, 'refused', reason);
    });
    return this.read(id);
  }

  /**
   * The enterprise takes back a report the auditor has not answered (a wrong one, or to present a
   * newer one: the requirement is free again). Only while the audit is open, as presenting is.
   */
  async withdraw(caller: Principal, id: string): Promise<RecognisedReportView> {
    await this.db.transaction(async (tx) => {
      const [row] = await tx.query(`SELECT audit_id FROM recognised_reports WHERE id = $1`, [id]);
      if (!row) throw notFound('recognised report', id);
      const audit = await this.visibleAudit(tx, caller, row.audit_id, true, id);
      assertOpen(audit.status, 'withdraw a recognised report');
      const report = await this.lockedPresented(tx, id, 'withdraw');
      await tx.query(`UPDATE recognised_reports SET status = 'withdrawn', withdrawn_by = $2, withdrawn_at = now(), version = version + 1 WHERE id = $1`, [
        id,
        caller.userId,
      ]);
      // The auditors were told it awaits them: told too that it no longer does.
      const c = await auditorsOf(tx, audit);
      await enqueue(
        tx,
        recognisedReportWithdrawnNotice({
          id,
          auditId: audit.id,
          applicationId: audit.application_id,
          bodyId: audit.certification_body_id,
          number: c.number,
          clause: report.clause,
          reportNumber: report.report_number,
          auditorIds: c.auditors,
        }),
      );
    });
    return this.read(id);
  }

  /** The report's audit, for its assigned auditor (another body's report is a 404, a colleague not on the audit a 403). */
  private async auditOf(caller: Principal, id: string): Promise<string> {
    const [row] = await this.db.query(`SELECT audit_id FROM recognised_reports WHERE id = $1`, [id]);
    if (!row) throw notFound('recognised report', id);
    await this.visibleAudit(this.db.manager, caller, row.audit_id, false, id);
    return row.audit_id;
  }

  private async lockedPresented(
    tx: EntityManager,
    id: string,
    action: 'accept' | 'refuse' | 'withdraw',
  ): Promise<{
    requirement_id: string;
    agreement_id: string;
    report_number: string;
    report_date: string;
    measured_value: number | null;
    passed: boolean | null;
    clause: string;
  }> {
    const [report] = await tx.query(
      `SELECT requirement_id, agreement_id, report_number, report_date, measured_value::float8 AS measured_value, passed, status,
              (SELECT q.clause FROM requirements q WHERE q.id = requirement_id) AS clause
         FROM recognised_reports WHERE id = $1 FOR UPDATE`,
      [id],
    );
    recognisedReportMachine.next(report.status as RecognisedReportStatus, action);
    return report;
  }

  /**
   * The audit if the caller's organization is a party to it: the enterprise (when `enterpriseOnly`),
   * the body, the regulator; 404 otherwise. In a transaction that changes a report, the audit row
   * is locked, so its status cannot move on (submitted, evaluated) between the check and the write.
   */
  private async visibleAudit(tx: EntityManager, caller: Principal, auditId: string, enterpriseOnly: boolean, reportId?: string): Promise<AuditRow> {
    const params: unknown[] = [auditId];
    const lock = tx.queryRunner?.isTransactionActive ? ' FOR UPDATE OF au' : '';
    const [audit]: AuditRow[] = await tx.query(`SELECT au.* FROM audits au WHERE au.id = $1 AND ${caseScope(caller, params, 'au')}${lock}`, params);
    if (!audit || (enterpriseOnly && audit.enterprise_id !== caller.organizationId)) {
      throw reportId ? notFound('recognised report', reportId) : notFound('audit', auditId);
    }
    return audit;
  }

  private async assertAssigned(tx: EntityManager, caller: Principal, auditId: string): Promise<void> {
    const [assigned] = await tx.query(`SELECT 1 FROM audit_auditors WHERE audit_id = $1 AND auditor_id = $2`, [auditId, caller.userId]);
    if (!assigned) throw new DomainError('FORBIDDEN_ROLE', 'only an auditor assigned to this audit may do this');
  }

  private async read(id: string): Promise<RecognisedReportView> {
    const [view] = await this.db.query(`${SELECT_REPORTS} WHERE rr.id = $1`, [id]);
    return view;
  }
}

/** The audit's case number and its assigned auditors (the lead first), the people a report's notices go to. */
async function auditorsOf(tx: EntityManager, audit: AuditRow): Promise<{ number: string; auditors: string[] }> {
  const [c] = await tx.query(
    `SELECT ap.number, array(SELECT aa.auditor_id FROM audit_auditors aa WHERE aa.audit_id = $1 ORDER BY aa.lead DESC, aa.auditor_id) AS auditors
       FROM applications ap WHERE ap.id = $2`,
    [audit.id, audit.application_id],
  );
  return c;
}

/** The enterprise told of the auditor's answer, in the transaction that records it. */
async function tellEnterprise(tx: EntityManager, id: string, outcome: 'accepted' | 'refused', reason: string | null): Promise<void> {
  const [r] = await tx.query(
    `SELECT rr.audit_id, au.application_id, au.enterprise_id, ap.number, q.clause, rr.report_number
       FROM recognised_reports rr JOIN audits au ON au.id = rr.audit_id JOIN applications ap ON ap.id = au.application_id
       JOIN requirements q ON q.id = rr.requirement_id
      WHERE rr.id = $1`,
    [id],
  );
  await enqueue(
    tx,
    recognisedReportDecidedNotice({
      id,
      auditId: r.audit_id,
      applicationId: r.application_id,
      enterpriseId: r.enterprise_id,
      number: r.number,
      clause: r.clause,
      reportNumber: r.report_number,
      outcome,
      reason,
    }),
  );
}

function assertOpen(status: AuditStatus, what: string): void {
  if (!OPEN_AUDIT.includes(status)) {
    throw new DomainError('ILLEGAL_TRANSITION', `audit is '${status}': you can ${what} only while it is 'planned' or 'in_progress'`, { state: status });
  }
}
