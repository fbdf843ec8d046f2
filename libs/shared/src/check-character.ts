/**
 * ISO/IEC 7064 MOD 37,36: one check character over digits and capital letters. It catches every
 * single-character substitution and all but about 0.2 % of adjacent transpositions, so a mistyped
 * certificate number or label code is told apart from an unknown one.
 */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const M = 36;

export function mod37_36CheckCharacter(body: string): string {
  let p = M;
  for (const ch of body) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) throw new Error(`"${ch}" is not a digit or capital letter`);
    let s = (p + v) % M;
    if (s === 0) s = M;
    p = (2 * s) % (M + 1);
  }
  return ALPHABET[(M + 1 - p) % M];
}

export function hasValidMod37_36(code: string): boolean {
  if (code.length < 2 || !/^[0-9A-Z]+$/.test(code)) return false;
  return mod37_36CheckCharacter(code.slice(0, -1)) === code[code.length - 1];
}

/** Upper-cases and drops the separators people type or print (spaces, dashes, dots). */
export const normalizeCode = (code: string) => code.toUpperCase().replace(/[\s\-.]/g, '');
