import { creditCodeCheckCharacter, creditCodeProblem } from './credit-code';

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts codes whose check character is right', () => {
    for (const code of ['91350100M000100Y43', '914403001922038216', '91440300708461136T']) {
      expect(creditCodeProblem(code)).toBeNull();
    }
  });

  it('computes the check character of the standard example', () => {
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
  });

  it('catches every single-character typo in the check position', () => {
    const good = '91350100M000100Y43';
    for (const c of '0123456789ABCDEFGHJKLMNPQRTUWXY') {
      if (c === good[17]) continue;
      expect(creditCodeProblem(good.slice(0, 17) + c)).toBe('check_character');
    }
  });

  it('names the length and character problems', () => {
    expect(creditCodeProblem('9135010')).toBe('length');
    expect(creditCodeProblem('91350100M000100YI3')).toBe('characters');
    expect(creditCodeProblem('913501A0M000100Y43')).toBe('characters');
  });
});
