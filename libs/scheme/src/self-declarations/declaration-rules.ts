import { createHash } from 'node:crypto';

/**
 * GS1 GTIN-8, -12, -13 or -14: digits only, the last one a mod-10 check digit with weights 3 and 1
 * alternating from the right (the check digit itself excluded), so a mistyped barcode is refused.
 */
export function isValidGtin(code: string): boolean {
  if (!/^(\d{8}|\d{12}|\d{13}|\d{14})$/.test(code)) return false;
  const digits = [...code].map(Number);
  const check = digits.pop() as number;
  const sum = digits.reverse().reduce((s, d, i) => s + d * (i % 2 === 0 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10 === check;
}

/** A requirement of a national standard as the flags compare against it. */
export interface NationalRequirement {
  id: string;
  standardCode: string;
  clause: string;
  textZh: string;
  unit: string | null;
  min: number | null;
  max: number | null;
}

/** An indicator declared with a numeric value tied to a national requirement. */
export interface TiedIndicator {
  name: string;
  value: number;
  requirementId: string;
}

export const FLAG_KINDS = ['weaker', 'missing'] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

export interface IndicatorFlag {
  kind: FlagKind;
  requirementId: string;
  standardCode: string;
  clause: string;
  requirement: string;
  /** The national bound the value is compared with ('≥ 80 h'); absent for a missing indicator's pass/fail reading. */
  bound: string | null;
  indicator: string | null;
  value: number | null;
}

const boundOf = (r: NationalRequirement) => {
  const unit = r.unit ? ` ${r.unit}` : '';
  const parts = [r.min !== null ? `≥ ${r.min}${unit}` : null, r.max !== null ? `≤ ${r.max}${unit}` : null].filter(Boolean);
  return parts.length ? parts.join(', ') : null;
};

/**
 * The 2024 rules' two flags on an enterprise standard's indicators: one WEAKER than the national
 * standard's bound (below its minimum or above its maximum), and a measured national requirement
 * MISSING from the indicators. `required` are the measured requirements of the national standards
 * the declaration names; `known` also holds those an indicator is tied to from elsewhere.
 */
export function indicatorFlags(indicators: TiedIndicator[], required: NationalRequirement[], known: Map<string, NationalRequirement>): IndicatorFlag[] {
  const flags: IndicatorFlag[] = [];
  for (const i of indicators) {
    const r = known.get(i.requirementId);
    if (!r) continue;
    if ((r.min !== null && i.value < r.min) || (r.max !== null && i.value > r.max)) {
      flags.push({
        kind: 'weaker',
        requirementId: r.id,
        standardCode: r.standardCode,
        clause: r.clause,
        requirement: r.textZh,
        bound: boundOf(r),
        indicator: i.name,
        value: i.value,
      });
    }
  }
  const tied = new Set(indicators.map((i) => i.requirementId));
  for (const r of required) {
    if (!tied.has(r.id)) {
      flags.push({
        kind: 'missing',
        requirementId: r.id,
        standardCode: r.standardCode,
        clause: r.clause,
        requirement: r.textZh,
        bound: boundOf(r),
        indicator: null,
        value: null,
      });
    }
  }
  return flags;
}

/** JSON with object keys sorted at every level: the same content always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The SHA-256 (hex) of what the signer committed to: the declaration's content and the commitment text, canonically. */
export const contentHash = (content: unknown) => createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');

export const DIRECTIONS = ['higher', 'lower'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** Whether a value is at least as good as another in the indicator's direction. */
export const meets = (value: number, listed: number, direction: Direction) => (direction === 'higher' ? value >= listed : value <= listed);

/** A requirement's better direction: a minimum means more is better, a maximum alone means less is. */
export const directionOf = (r: { min: number | null; max: number | null }): Direction | null => (r.min !== null ? 'higher' : r.max !== null ? 'lower' : null);
