import type { FieldError } from '@app/shared';
import type { RequirementKind } from './standard.entity';

export interface RequirementInput {
  clause: string;
  kind: RequirementKind;
  unit?: string | null;
  min?: number | null;
  max?: number | null;
}

/**
 * What a DTO cannot express about a standard's requirements: clauses are unique, a measured
 * requirement has a unit and at least one bound (min <= max), a pass/fail one has neither.
 * A JSON null counts as absent. Each problem names the field (`requirements[2].unit`), so the client can point at it.
 */
export function requirementProblems(requirements: readonly RequirementInput[]): FieldError[] {
  const problems: FieldError[] = [];
  const add = (field: string, reason: string) => problems.push({ field, reasons: [reason] });
  const seen = new Map<string, number>();
  requirements.forEach((r, i) => {
    const at = `requirements[${i}]`;
    const first = seen.get(r.clause);
    if (first !== undefined) add(`${at}.clause`, `clause ${r.clause} is also requirements[${first}]`);
    else seen.set(r.clause, i);
    if (r.kind === 'measured') {
      if (r.unit == null) add(`${at}.unit`, 'a measured requirement needs a unit');
      if (r.min == null && r.max == null) add(`${at}.min`, 'a measured requirement needs min, max or both');
      if (r.min != null && r.max != null && r.min > r.max) add(`${at}.max`, `max (${r.max}) is below min (${r.min})`);
    } else {
      for (const k of ['unit', 'min', 'max'] as const) {
        if (r[k] != null) add(`${at}.${k}`, 'a pass/fail requirement has no unit or bounds');
      }
    }
  });
  return problems;
}
