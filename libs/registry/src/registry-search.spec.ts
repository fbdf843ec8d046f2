import { bigramsOf, probeBigrams } from './registry-search';

describe('registry search bigrams', () => {
  it('pairs adjacent characters as the database does, never across a space', () => {
    expect(bigramsOf('华强电子')).toEqual(['华强', '强电', '电子']);
    expect(bigramsOf('hq-x1 pro')).toEqual(['hq', 'q-', '-x', 'x1', 'pr', 'ro']);
    expect(bigramsOf('a b')).toEqual([]);
    expect(bigramsOf('电\u3000子')).toEqual([]); // the ideographic space is a space too
    expect(bigramsOf('𠀋𠀌')).toEqual(['𠀋𠀌']); // characters beyond the BMP count once, as in PostgreSQL
  });

  it('looks up the rarest bigrams, leaving out the common ones', () => {
    const frequencies = new Map([
      ['深圳', 1],
      ['圳市', 1],
      ['市华', 0.03],
      ['华强', 0.05],
    ]);
    expect(probeBigrams('深圳市华强', frequencies)).toEqual(['市华', '华强']);
    // Only common ones: the rarest of them.
    expect(probeBigrams('深圳', new Map([['深圳', 1]]))).toEqual(['深圳']);
    // Unlisted bigrams are rarer than any listed one; at most three are looked up.
    expect(probeBigrams('SZS-2026', new Map([['sz', 0.9]]))).toEqual(['zs', 's-', '-2']);
  });

  it('prefers pairs whose lower case the database certainly agrees on', () => {
    expect(probeBigrams('ΣΑ电子', new Map())).toEqual(['电子']);
    expect(probeBigrams('Éé', new Map())).toEqual(['éé']); // nothing settled: the pair as JavaScript lower-cases it
    expect(probeBigrams('a b', new Map())).toEqual([]);
  });
});
