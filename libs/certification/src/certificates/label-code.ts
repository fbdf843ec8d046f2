import { randomBytes } from 'node:crypto';
import { hasValidMod37_36, mod37_36CheckCharacter, normalizeCode } from '@app/shared';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const RANDOM_CHARS = 12; // 36^12 ≈ 4.7e18: guessing a printed code is hopeless

/**
 * A label code for one printed mark: 12 random characters and a check character, printed as
 * XXXX-XXXX-XXXX-C. Random, not sequential, so codes cannot be enumerated.
 */
export function generateLabelCodes(n: number): string[] {
  const codes: string[] = [];
  // Rejection sampling keeps every character uniform: bytes ≥ 252 would bias 0-3.
  let pool = randomBytes(n * RANDOM_CHARS * 2);
  let at = 0;
  for (let i = 0; i < n; i++) {
    let body = '';
    while (body.length < RANDOM_CHARS) {
      if (at >= pool.length) {
        pool = randomBytes(n * RANDOM_CHARS);
        at = 0;
      }
      const b = pool[at++];
      if (b < 252) body += ALPHABET[b % 36];
    }
    codes.push(body + mod37_36CheckCharacter(body));
  }
  return codes;
}

export const formatLabelCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}-${code.slice(12)}`;

export function classifyLabelCode(input: string): { kind: 'label'; code: string } | { kind: 'invalid' } | null {
  const code = normalizeCode(input);
  if (!/^[0-9A-Z]{13}$/.test(code)) return null;
  return hasValidMod37_36(code) ? { kind: 'label', code } : { kind: 'invalid' };
}
