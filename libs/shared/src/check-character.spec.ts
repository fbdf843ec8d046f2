import { hasValidMod37_36, mod37_36CheckCharacter } from './check-character';

describe('ISO/IEC 7064 MOD 37,36', () => {
  const body = 'SZS2026000123';
  const code = body + mod37_36CheckCharacter(body);

  it('accepts a code with its check character', () => {
    expect(hasValidMod37_36(code)).toBe(true);
  });

  it('catches every single-character substitution', () => {
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    for (let i = 0; i < code.length; i++) {
      for (const c of alphabet) {
        if (c === code[i]) continue;
        expect(hasValidMod37_36(code.slice(0, i) + c + code.slice(i + 1))).toBe(false);
      }
    }
  });

  it('catches nearly every adjacent transposition (the hybrid system misses about 1 in 600)', () => {
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    let swaps = 0;
    let missed = 0;
    for (let k = 0; k < 2000; k++) {
      let b = '';
      for (let j = 0; j < 12; j++) b += alphabet[(k * 7 + j * 13 + ((k * j) % 11)) % 36];
      const c = b + mod37_36CheckCharacter(b);
      for (let i = 0; i < c.length - 1; i++) {
        if (c[i] === c[i + 1]) continue;
        swaps++;
        if (hasValidMod37_36(c.slice(0, i) + c[i + 1] + c[i] + c.slice(i + 2))) missed++;
      }
    }
    expect(swaps).toBeGreaterThan(20000);
    expect(missed / swaps).toBeLessThan(0.005);
  });
});
