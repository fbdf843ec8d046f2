import { inflateSync } from 'node:zlib';

/**
 * WOFF 1.0 → sfnt (TrueType/OpenType) conversion, done once per font and process.
 *
 * Why: the CJK font arrives with `npm ci` only as WOFF/WOFF2 (@fontsource). pdfkit's fontkit
 * renders WOFF2 blank and re-inflates WOFF tables on every glyph lookup (seconds per PDF), but
 * handles a plain TTF fast. A WOFF is just the sfnt's tables, each optionally zlib-compressed,
 * behind a different header (https://www.w3.org/TR/WOFF/), so unwrapping it is a small job.
 */

const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'
const WOFF_HEADER_SIZE = 44;
const WOFF_ENTRY_SIZE = 20;
const SFNT_HEADER_SIZE = 12;
const SFNT_RECORD_SIZE = 16;
const HEAD_TAG = 0x68656164; // 'head'
/** OpenType: head.checkSumAdjustment = this − checksum of the whole font. */
const CHECKSUM_MAGIC = 0xb1b0afba;

interface Table {
  tag: number;
  checksum: number;
  data: Buffer;
}

/** `dropTables`: table tags ("GPOS") to leave out of the result, for tables the caller never needs. */
export function woffToSfnt(woff: Buffer, options: { dropTables?: readonly string[] } = {}): Buffer {
  if (woff.length < WOFF_HEADER_SIZE || woff.readUInt32BE(0) !== WOFF_SIGNATURE) {
    throw new Error('not a WOFF 1.0 file (WOFF2 is not supported)');
  }
  const flavor = woff.readUInt32BE(4); // the sfnt version: 0x00010000 TrueType, 'OTTO' CFF
  const drop = new Set(options.dropTables ?? []);

  const tables: Table[] = [];
  const count = woff.readUInt16BE(12);
  for (let i = 0; i < count; i++) {
    const at = WOFF_HEADER_SIZE + i * WOFF_ENTRY_SIZE;
    const tag = woff.readUInt32BE(at);
    const offset = woff.readUInt32BE(at + 4);
    const compLength = woff.readUInt32BE(at + 8);
    const origLength = woff.readUInt32BE(at + 12);
    const checksum = woff.readUInt32BE(at + 16);
    if (drop.has(tagName(tag))) continue;
    const stored = woff.subarray(offset, offset + compLength);
    // A table is stored raw when compressing it would not have made it smaller.
    const data = compLength < origLength ? inflateSync(stored) : Buffer.from(stored);
    if (data.length !== origLength) throw new Error(`WOFF table ${tagName(tag)}: ${data.length} bytes, expected ${origLength}`);
    tables.push({ tag, checksum, data });
  }
  // sfnt readers binary-search the table directory, so it must be sorted by tag.
  tables.sort((a, b) => a.tag - b.tag);

  const numTables = tables.length;
  // Offset table fields that let readers binary-search the directory (OpenType spec).
  const pow2 = 2 ** Math.floor(Math.log2(numTables));
  const directoryEnd = SFNT_HEADER_SIZE + numTables * SFNT_RECORD_SIZE;
  const total = tables.reduce((sum, t) => sum + pad4(t.data.length), directoryEnd);
  const out = Buffer.alloc(total); // zero-filled: the 4-byte padding between tables stays 0

  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(pow2 * 16, 6); // searchRange
  out.writeUInt16BE(Math.log2(pow2), 8); // entrySelector
  out.writeUInt16BE(numTables * 16 - pow2 * 16, 10); // rangeShift

  let offset = directoryEnd;
  let headOffset = -1;
  tables.forEach((t, i) => {
    const rec = SFNT_HEADER_SIZE + i * SFNT_RECORD_SIZE;
    out.writeUInt32BE(t.tag, rec);
    out.writeUInt32BE(t.checksum, rec + 4);
    out.writeUInt32BE(offset, rec + 8);
    out.writeUInt32BE(t.data.length, rec + 12);
    t.data.copy(out, offset);
    if (t.tag === HEAD_TAG) headOffset = offset;
    offset += pad4(t.data.length);
  });

  // The table layout differs from the original font's, so the whole-font checksum stored in
  // head is recomputed; cheap, and it keeps the TTF valid if anyone writes it to disk.
  if (headOffset >= 0) {
    out.writeUInt32BE(0, headOffset + 8);
    out.writeUInt32BE((CHECKSUM_MAGIC - checksum32(out)) >>> 0, headOffset + 8);
  }
  return out;
}

function pad4(n: number): number {
  return (n + 3) & ~3;
}

/** Sum of big-endian uint32 words, modulo 2^32 (the buffer's length is a multiple of 4). */
function checksum32(buf: Buffer): number {
  let sum = 0;
  for (let i = 0; i < buf.length; i += 4) sum = (sum + buf.readUInt32BE(i)) >>> 0;
  return sum;
}

function tagName(tag: number): string {
  return Buffer.from([tag >>> 24, (tag >>> 16) & 255, (tag >>> 8) & 255, tag & 255]).toString('latin1');
}
