import { filetypeinfo } from 'magic-bytes.js';

/** The types an evidence file may have: documents and photos a reviewer opens without running anything. */
export const EVIDENCE_CONTENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'] as const;
export type EvidenceContentType = (typeof EVIDENCE_CONTENT_TYPES)[number];

/** The extensions a downloaded file gets, so the receiving system opens it as what it is. */
const EXTENSIONS: Record<EvidenceContentType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/webp': ['webp'],
};

/** How many leading bytes the type is judged on: every signature above sits in the first 12. */
export const SNIFF_BYTES = 64;

/**
 * The type of a file judged by its first bytes (never by its name or the client's Content-Type),
 * or undefined when it is none of the accepted ones. magic-bytes.js knows hundreds of signatures;
 * only its answers that are an accepted type count, so an APNG (a PNG to every viewer) is a PNG and
 * a ZIP, an executable or HTML is nothing.
 */
export function sniffEvidenceType(head: Buffer): EvidenceContentType | undefined {
  const accepted = new Set<string>(EVIDENCE_CONTENT_TYPES);
  for (const info of filetypeinfo(head)) {
    if (info.mime && accepted.has(info.mime)) return info.mime as EvidenceContentType;
  }
  return undefined;
}

const MAX_NAME_LENGTH = 200;

/**
 * The name a file is kept and offered under: the last path segment of what the client sent,
 * without control characters, quotes or separators a header or a file system would read, cut to
 * 200 characters, with the extension of its real type appended when it does not carry one (so
 * "report.pdf" holding a PNG downloads as "report.pdf.png").
 */
export function evidenceFileName(given: string | undefined, type: EvidenceContentType): string {
  const lastSegment = (given ?? '').split(/[/\\]/).pop() ?? '';
  let name = lastSegment
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}"*:<>?|]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const extensions = EXTENSIONS[type];
  const kept = /\.([A-Za-z0-9]{1,8})$/.exec(name);
  let suffix = `.${extensions[0]}`;
  if (kept && extensions.includes(kept[1].toLowerCase())) {
    suffix = kept[0];
    name = name.slice(0, -suffix.length);
  }
  if (!name) name = 'evidence';
  // Cut by code points, not UTF-16 units, so a Chinese name never ends in half a surrogate pair.
  const chars = Array.from(name);
  if (chars.length + suffix.length > MAX_NAME_LENGTH) name = chars.slice(0, MAX_NAME_LENGTH - suffix.length).join('');
  return name + suffix;
}

/**
 * Content-Disposition for a download: an ASCII fallback for old clients and the real name in
 * RFC 5987 form (filename*=UTF-8''...), which every current browser prefers, so 检验报告.pdf
 * arrives as 检验报告.pdf without any raw non-ASCII byte in the header.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%;]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
