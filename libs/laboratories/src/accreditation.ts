import type { EntityManager } from 'typeorm';
import { fieldError } from '@app/shared';
import { normaliseCnasNumber } from './cnas-number';

/** What a test report is for: the requirement's standard and clause, and its parameter when it names one. */
export interface TestedRequirement {
  standardCode: string;
  clause: string;
  parameterZh: string | null;
  parameterEn: string | null;
  /** What to call the parameter in a refusal when the requirement names none: its text. */
  textZh: string;
}

export interface AccreditedLaboratory {
  id: string;
  cnasNumber: string;
  nameZh: string;
}

/** Standard codes compared as people write them: case and runs of spaces do not matter ("GB/T 2423.8" = "gb/t  2423.8"). */
const CODE = (sql: string) => `upper(regexp_replace(btrim(${sql}), '\\s+', ' ', 'g'))`;

/**
 * The laboratory a finding's test report comes from, if the register says it could issue it: in
 * the register, not withdrawn (the register keeps no date of a withdrawal, so a withdrawn
 * laboratory's reports are all refused), accredited on the report's date, i.e. the date within its
 * accreditation and outside every suspension period (from its first day up to the day before
 * reinstatement: a report from before a suspension stands while the laboratory is suspended, one
 * from within it is refused even after reinstatement), and a scope line for the requirement. A scope
 * line matches a requirement by (standard code + clause: the same standard, and the same clause or
 * no clause, i.e. the whole standard) OR by parameter name (zh exactly, en case-insensitively) when
 * the requirement names its parameter: a laboratory is accredited for a parameter by a method
 * standard, and a Shenzhen specification often tests it by that method, not by its own clause.
 * Anything else is a 400 on `field` naming the laboratory and the parameter.
 */
export async function accreditedLaboratoryFor(
  tx: EntityManager,
  field: string,
  report: { cnasNumber: string; reportDate: string },
  requirement: TestedRequirement,
): Promise<AccreditedLaboratory> {
  const number = normaliseCnasNumber(report.cnasNumber);
  const [lab] = number
    ? await tx.query(
        `SELECT id, cnas_number AS "cnasNumber", name_zh AS "nameZh", status, accredited_from AS "from", accredited_until AS "until"
           FROM laboratories WHERE cnas_number = $1`,
        [number],
      )
    : [];
  const parameter = requirement.parameterZh ?? requirement.textZh;
  const what = `${parameter} (${requirement.standardCode} ${requirement.clause})`;
  if (!lab) throw fieldError('VALIDATION_FAILED', field, `laboratory ${report.cnasNumber} is not in the laboratory register: it cannot report ${what}`);
  const named = `laboratory ${lab.cnasNumber} ${lab.nameZh}`;
  if (lab.status === 'withdrawn') throw fieldError('VALIDATION_FAILED', field, `${named} is withdrawn: it is not accredited for ${what}`);
  if (report.reportDate < lab.from || report.reportDate > lab.until) {
    throw fieldError('VALIDATION_FAILED', field, `${named} was not accredited on ${report.reportDate} (accredited ${lab.from} to ${lab.until}) for ${what}`);
  }
  // Periods never overlap (the register refuses one starting within another), so one at most holds the date.
  const [suspended] = await tx.query(
    `SELECT suspended_from::text AS "from", suspended_until::text AS "until" FROM laboratory_suspensions
      WHERE laboratory_id = $1 AND suspended_from <= $2 AND (suspended_until IS NULL OR $2 < suspended_until)
      ORDER BY suspended_from DESC LIMIT 1`,
    [lab.id, report.reportDate],
  );
  if (suspended) {
    const period = suspended.until ? `suspended from ${suspended.from}, accredited again from ${suspended.until}` : `suspended since ${suspended.from}`;
    throw fieldError('VALIDATION_FAILED', field, `${named} was suspended on ${report.reportDate} (${period}): it was not accredited for ${what}`);
  }
  const [scope] = await tx.query(
    `SELECT 1 FROM laboratory_scope_lines s
      WHERE s.laboratory_id = $1
        AND ((${CODE('s.standard_code')} = ${CODE('$2')} AND (s.clause IS NULL OR s.clause = $3))
             OR ($4::text IS NOT NULL AND s.parameter_zh = $4)
             OR ($5::text IS NOT NULL AND lower(s.parameter_en) = lower($5)))
      LIMIT 1`,
    [lab.id, requirement.standardCode, requirement.clause, requirement.parameterZh, requirement.parameterEn],
  );
  if (!scope) throw fieldError('VALIDATION_FAILED', field, `${named} is not accredited for ${what}: no scope line covers it`);
  return { id: lab.id, cnasNumber: lab.cnasNumber, nameZh: lab.nameZh };
}
