import { create, Font } from 'fontkit';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { woffToSfnt } from './woff';

/**
 * Noto Sans SC from @fontsource/noto-sans-sc, so the font arrives with `npm ci` and no system
 * font is needed. The package's "chinese-simplified" file holds the ~7,300 common characters
 * (GB 2312 and more) plus Latin; rarer characters (some enterprise names use them) live in its
 * numbered unicode-range subsets, which are loaded only when a text needs them.
 *
 * Each file is converted from WOFF to TTF and parsed once per process (see woff.ts for why),
 * and the parsed font is handed to every PDF: pdfkit accepts a fontkit font object, and
 * sharing it keeps fontkit's glyph and metrics caches warm from one certificate to the next.
 * pdfkit still makes a separate glyph subset per document.
 */
export type FontWeight = 400 | 700;

export interface FontFace {
  /** The name the face is registered under in a PDF document. */
  readonly key: string;
  readonly font: Font;
  readonly codePoints: ReadonlySet<number>;
}

export interface TextRun {
  face: FontFace;
  text: string;
}

const PACKAGE = '@fontsource/noto-sans-sc';
const MAIN_SUBSET = 'chinese-simplified';
/**
 * OpenType layout tables pdfkit would run fontkit's shaper over for every word: they more
 * than double the time per certificate, and horizontal Chinese and plain Latin need none of
 * them (the cost is Latin kerning). The vertical-writing metrics are unused too.
 */
const UNUSED_TABLES = ['GSUB', 'GPOS', 'GDEF', 'BASE', 'STAT', 'vhea', 'vmtx'];

const faces = new Map<string, FontFace | null>();
let subsetRanges: { subset: string; from: number; to: number }[] | undefined;
let filesDir: string | undefined;

export function mainFace(weight: FontWeight): FontFace {
  const face = loadFace(MAIN_SUBSET, weight);
  if (!face) throw new Error(`${PACKAGE} has no ${MAIN_SUBSET} file for weight ${weight}: run npm ci`);
  return face;
}

/**
 * Cuts a text into runs that each draw with one face: the main face wherever it has the
 * glyph, else the package subset whose unicode-range holds the character. A character no
 * file has stays with the main face (it would print as an empty box in any of them).
 */
export function textRuns(text: string, weight: FontWeight): TextRun[] {
  const main = mainFace(weight);
  const runs: TextRun[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const last = runs[runs.length - 1];
    let face: FontFace;
    // Control characters (line breaks) have no glyph anywhere: keep them in the current run.
    if (cp < 0x20) face = last?.face ?? main;
    else if (main.codePoints.has(cp)) face = main;
    else face = fallbackFace(cp, weight) ?? main;
    if (last && last.face === face) last.text += ch;
    else runs.push({ face, text: ch });
  }
  return runs;
}

function fallbackFace(cp: number, weight: FontWeight): FontFace | null {
  for (const r of ranges()) {
    if (cp < r.from || cp > r.to) continue;
    const face = loadFace(r.subset, weight);
    if (face?.codePoints.has(cp)) return face;
  }
  return null;
}

function loadFace(subset: string, weight: FontWeight): FontFace | null {
  const key = `NotoSansSC-${subset}-${weight}`;
  let face = faces.get(key);
  if (face === undefined) {
    const file = join(packageFiles(), `noto-sans-sc-${subset}-${weight}-normal.woff`);
    if (existsSync(file)) {
      const font = create(woffToSfnt(readFileSync(file), { dropTables: UNUSED_TABLES })) as Font;
      face = { key, font, codePoints: new Set(font.characterSet) };
    } else face = null;
    faces.set(key, face);
  }
  return face;
}

/** The package's unicode.json: subset name ("[87]", "latin", ...) → CSS unicode-range. */
function ranges(): { subset: string; from: number; to: number }[] {
  if (!subsetRanges) {
    const json = JSON.parse(readFileSync(join(packageFiles(), '..', 'unicode.json'), 'utf8')) as Record<string, string>;
    subsetRanges = [];
    for (const [name, list] of Object.entries(json)) {
      const subset = name.replace(/^\[(\d+)\]$/, '$1');
      for (const part of list.split(',')) {
        const [from, to = from] = part.trim().replace(/^U\+/i, '').split('-');
        subsetRanges.push({ subset, from: parseInt(from, 16), to: parseInt(to, 16) });
      }
    }
  }
  return subsetRanges;
}

function packageFiles(): string {
  filesDir ??= join(dirname(require.resolve(`${PACKAGE}/package.json`)), 'files');
  return filesDir;
}
