import { create, Font } from 'fontkit';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { woffToSfnt } from './woff';

const woffFile = join(dirname(require.resolve('@fontsource/noto-sans-sc/package.json')), 'files', 'noto-sans-sc-chinese-simplified-400-normal.woff');

const tableTags = (sfnt: Buffer) => Array.from({ length: sfnt.readUInt16BE(4) }, (_, i) => sfnt.toString('latin1', 12 + i * 16, 16 + i * 16));

describe('woffToSfnt', () => {
  const woff = readFileSync(woffFile);

  it('turns the packaged WOFF into a TrueType font with the Chinese glyphs', () => {
    const ttf = woffToSfnt(woff);
    expect(ttf.readUInt32BE(0)).toBe(0x00010000);
    const font = create(ttf) as Font;
    expect(font.familyName).toMatch(/^Noto Sans SC/);
    for (const ch of '深圳标准认证证书有限公司') expect(font.glyphForCodePoint(ch.codePointAt(0)!).id).not.toBe(0);
  });

  it('writes a sorted table directory and a valid whole-font checksum', () => {
    const ttf = woffToSfnt(woff);
    const tags = tableTags(ttf);
    expect(tags).toEqual([...tags].sort());
    let sum = 0;
    for (let i = 0; i < ttf.length; i += 4) sum = (sum + ttf.readUInt32BE(i)) >>> 0;
    expect(sum).toBe(0xb1b0afba);
  });

  it('leaves out the tables asked for', () => {
    const ttf = woffToSfnt(woff, { dropTables: ['GPOS', 'GSUB'] });
    expect(tableTags(ttf)).not.toContain('GPOS');
    expect(tableTags(ttf)).toContain('glyf');
    expect((create(ttf) as Font).glyphForCodePoint('深'.codePointAt(0)!).id).not.toBe(0);
  });

  it('refuses what is not WOFF 1.0', () => {
    expect(() => woffToSfnt(Buffer.from('wOF2' + '\0'.repeat(60), 'latin1'))).toThrow(/not a WOFF 1.0 file/);
  });
});
