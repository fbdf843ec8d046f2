import { chooseLang, DICTIONARIES } from './i18n';

describe('page language', () => {
  it('is Chinese by default and English on ?lang=en', () => {
    expect(chooseLang(undefined, undefined)).toEqual({ lang: 'zh', explicit: false });
    expect(chooseLang('en', 'zh-CN')).toEqual({ lang: 'en', explicit: true });
    expect(chooseLang('zh', 'en-US')).toEqual({ lang: 'zh', explicit: true });
    expect(chooseLang('fr', undefined)).toEqual({ lang: 'zh', explicit: false });
  });

  it('follows the first of Chinese or English in Accept-Language, by weight', () => {
    expect(chooseLang(undefined, 'en-US,en;q=0.9').lang).toBe('en');
    expect(chooseLang(undefined, 'fr-FR, en;q=0.8, zh-CN;q=0.9').lang).toBe('zh');
    expect(chooseLang(undefined, 'de, en-GB;q=0.5').lang).toBe('en');
    expect(chooseLang(undefined, 'de, fr').lang).toBe('zh');
    expect(chooseLang(undefined, 'zh-Hans-CN, en').lang).toBe('zh');
  });

  it("names the history events and public reasons of a certificate's life after issue in both languages", () => {
    const events = [
      'surveillance_passed',
      'surveillance_failed',
      'scope_extended',
      'scope_reduced',
      'reissue',
      'renewed',
      'transition_set',
      'transition_completed',
      'appeal_upheld',
    ];
    const reasons = ['transition_not_completed', 'appeal_upheld', 'complaint_upheld'];
    for (const dict of [DICTIONARIES.zh, DICTIONARIES.en]) {
      for (const e of events) expect(dict.events[e]).toBeTruthy();
      for (const r of reasons) expect(dict.reasons[r]).toBeTruthy();
    }
    expect(DICTIONARIES.zh.events.surveillance_passed).not.toBe(DICTIONARIES.en.events.surveillance_passed);
  });

  it('has every string in both languages', () => {
    const keys = (o: object): string[] => Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v).map((x) => `${k}.${x}`) : [k]));
    expect(keys(DICTIONARIES.en).sort()).toEqual(keys(DICTIONARIES.zh).sort());
  });
});
