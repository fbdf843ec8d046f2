import type { EntityManager } from 'typeorm';
import { DomainError, fieldError, FIELD_RULES } from '@app/shared';
import type { TestedRequirement } from '@app/laboratories';
import { SHENZHEN_TODAY } from '../shenzhen-date';
import { withinBounds } from './audit-scoring';
import type { AuditStatus } from './audit-status.machine';

export interface AuditRow {
  id: string;
  status: AuditStatus;
  version: number;
  outcome: string | null;
  application_id: string;
  certification_body_id: string;
  enterprise_id: string;
  standard_id: string;
  kind: string;
  certificate_id: string | null;
  trigger: string;
  due_on: string | null;
}

/**
 * Whether requirement `r` is on the checklist of the audit `auditParam` names: every requirement of
 * the standard, unless the audit has a reduced checklist (a surveillance's: requirement_ids).
 */
export const ON_CHECKLIST = (r: string, auditParam: string) =>
  `(SELECT ca.requirement_ids IS NULL OR ${r}.id = ANY(ca.requirement_ids) FROM audits ca WHERE ca.id = ${auditParam})`;

export interface ChecklistRequirement extends TestedRequirement {
  kind: 'measured' | 'pass_fail';
  unit: string | null;
  min: number | null;
  max: number | null;
}

/** A requirement on the audit's checklist, with what a test report is matched on (its standard's code, clause, parameter). */
export async function checklistRequirement(
  tx: EntityManager,
  audit: Pick<AuditRow, 'id' | 'standard_id'>,
  requirementId: string,
  missing: () => DomainError,
): Promise<ChecklistRequirement> {
  const [req] = await tx.query(
    `SELECT r.kind, r.unit, r.min_value::float8 AS min, r.max_value::float8 AS max, r.clause, r.text_zh AS "textZh",
            r.parameter_zh AS "parameterZh", r.parameter_en AS "parameterEn", s.code AS "standardCode"
       FROM requirements r JOIN standards s ON s.id = r.standard_id
      WHERE r.id = $1 AND r.standard_id = $2 AND ${ON_CHECKLIST('r', '$3')}`,
    [requirementId, audit.standard_id, audit.id],
  );
  if (!req) throw missing();
  return req;
}

/** Whether a result passes: computed from the bounds for a measured requirement, given for a pass/fail one; a missing or misplaced value is a 400. */
export function resultOf(req: ChecklistRequirement, given: { measuredValue?: number | null; passed?: boolean | null }): boolean {
  const measured = given.measuredValue ?? undefined;
  const passed = given.passed ?? undefined;
  if (req.kind === 'measured') {
    if (measured === undefined) throw fieldError('VALIDATION_FAILED', 'measuredValue', `clause ${req.clause} is measured in ${req.unit}: give the value`);
    if (passed !== undefined) throw fieldError('VALIDATION_FAILED', 'passed', 'is computed from the bounds for a measured requirement');
    return withinBounds(measured, req.min, req.max);
  }
  if (passed === undefined) throw fieldError('VALIDATION_FAILED', 'passed', `clause ${req.clause} is pass/fail: give the result`);
  if (measured !== undefined) throw fieldError('VALIDATION_FAILED', 'measuredValue', 'a pass/fail requirement has no measured value');
  return passed;
}

/** A report dated after today (Shenzhen) is a typing error, not a report. */
export async function assertReportDate(tx: EntityManager, reportDate: string): Promise<void> {
  const [{ future }] = await tx.query(`SELECT $1::date > ${SHENZHEN_TODAY} AS future`, [reportDate]);
  if (future) throw fieldError('VALIDATION_FAILED', 'reportDate', 'is after today: give the date printed on the report', FIELD_RULES.notFuture());
}

export interface FindingValues {
  measuredValue: number | null;
  passed: boolean;
  laboratoryName: string | null;
  cnasNumber: string | null;
  laboratoryId: string | null;
  reportNumber: string;
  reportDate: string;
  recognisedReportId: string | null;
  note: string | null;
}

/** Records (or replaces) the finding of one requirement of an audit. */
export async function upsertFinding(
  tx: EntityManager,
  auditId: string,
  requirementId: string,
  userId: string | null,
  v: FindingValues,
): Promise<{ id: string }> {
  const [finding]: { id: string }[] = await tx.query(
    `INSERT INTO findings (audit_id, requirement_id, measured_value, passed, laboratory_name, cnas_number, laboratory_id, report_number,
                           report_date, recognised_report_id, note, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT ON CONSTRAINT uq__findings__requirement_id DO UPDATE SET
       measured_value = EXCLUDED.measured_value, passed = EXCLUDED.passed, laboratory_name = EXCLUDED.laboratory_name,
       cnas_number = EXCLUDED.cnas_number, laboratory_id = EXCLUDED.laboratory_id, report_number = EXCLUDED.report_number,
       report_date = EXCLUDED.report_date, recognised_report_id = EXCLUDED.recognised_report_id, note = EXCLUDED.note,
       recorded_by = EXCLUDED.recorded_by, recorded_at = now()
     RETURNING id`,
    [
      auditId,
      requirementId,
      v.measuredValue,
      v.passed,
      v.laboratoryName,
      v.cnasNumber,
      v.laboratoryId,
      v.reportNumber,
      v.reportDate,
      v.recognisedReportId,
      v.note,
      userId,
    ],
  );
  return finding;
}
