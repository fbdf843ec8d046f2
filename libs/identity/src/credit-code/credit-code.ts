/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a
 * 31-character alphabet (no I, O, S, V, Z); the 18th is a check character over the first 17.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export type CreditCodeProblem = 'length' | 'characters' | 'check_character';

export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]) * WEIGHTS[i];
  return ALPHABET[(31 - (sum % 31)) % 31];
}

/** Why a code is wrong, or null when it is a well-formed code with the right check character. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return 'length';
  if (!SHAPE.test(code)) return 'characters';
  return creditCodeCheckCharacter(code.slice(0, 17)) === code[17] ? null : 'check_character';
}

export function describeCreditCodeProblem(code: string, problem: CreditCodeProblem): string {
  switch (problem) {
    case 'length':
      return `unified social credit code must have 18 characters, "${code}" has ${code.length}`;
    case 'characters':
      return 'unified social credit code may use only digits and the capitals A-H, J-N, P-R, T, U, W-Y, with digits in positions 3-8 (the administrative division)';
    case 'check_character': {
      const expected = creditCodeCheckCharacter(code.slice(0, 17));
      return `unified social credit code check character is wrong: GB 32100-2015 gives "${expected}" for the first 17 characters, not "${code[17]}"`;
    }
  }
}
