/** A CNAS laboratory accreditation number as the register stores it: L and four digits. */
export const CNAS_NUMBER = /^L\d{4}$/;

/**
 * The register's form of a CNAS number: operators and reports write "CNAS L0235", "L0235" or
 * "cnas l0235"; all are L0235. Null for anything that is not a laboratory number once normalised.
 */
export function normaliseCnasNumber(input: string): string | null {
  const n = input
    .trim()
    .replace(/^CNAS\s*/i, '')
    .toUpperCase();
  return CNAS_NUMBER.test(n) ? n : null;
}

/** Accepted input forms, for DTO validation (the service normalises). */
export const CNAS_NUMBER_INPUT = /^(CNAS ?)?[Ll]\d{4}$/i;
export const CNAS_NUMBER_MESSAGE = 'must be a CNAS laboratory number: L and 4 digits, e.g. "CNAS L0235" or "L0235"';
