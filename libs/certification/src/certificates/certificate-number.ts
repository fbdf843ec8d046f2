import { hasValidMod37_36, mod37_36CheckCharacter, normalizeCode } from '@app/shared';

/**
 * Certificate numbers: SZS-<year>-<6-digit serial>-<check>, e.g. SZS-2026-000123-F. The check
 * character (ISO/IEC 7064 MOD 37,36) lets a verifier tell a typo from an unknown certificate.
 */
export function certificateNumber(year: number, serial: number): string {
  const body = `SZS${year}${String(serial).padStart(6, '0')}`;
  return `SZS-${year}-${String(serial).padStart(6, '0')}-${mod37_36CheckCharacter(body)}`;
}

const SHAPE = /^SZS(\d{4})(\d{6,})([0-9A-Z])$/;

/** 'certificate' when it has the shape and a right check character, 'invalid' when the shape fits but not the check. */
export function classifyCertificateNumber(input: string): { kind: 'certificate'; number: string } | { kind: 'invalid' } | null {
  const code = normalizeCode(input);
  const m = SHAPE.exec(code);
  if (!m) return null;
  if (!hasValidMod37_36(code)) return { kind: 'invalid' };
  return { kind: 'certificate', number: `SZS-${m[1]}-${m[2]}-${m[3]}` };
}
