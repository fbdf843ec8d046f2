import PDFDocument from 'pdfkit';
import { FontFace, FontWeight, mainFace, textRuns } from '../fonts/cjk-fonts';
import { drawQrCode } from '../qr/qr-code';
import { CERTIFICATE_STATUS_LABELS, CertificateDocument, CertificateScope, CertificateStatus } from './certificate-document';

// A4 in PDF points; everything is laid out by hand on one page (no automatic page breaks).
const PAGE_W = 595.28;
const PAGE_H = 841.89;
const LEFT = 60;
const RIGHT = PAGE_W - 60;
const BOTTOM = PAGE_H - 44;
const LABEL_W = 122;
const VALUE_X = LEFT + LABEL_W + 10;
const VALUE_W = RIGHT - VALUE_X;
const ROW_PAD = 4;
const MAX_EXTRA_PAD = 5;
const QR_SIZE = 118;

const NAVY = '#1f3a68';
const INK = '#1a1a1a';
const MUTED = '#5f6670';
const RULE = '#d3d9e3';
const STATUS_COLOURS: Record<CertificateStatus, string> = {
  valid: '#1b7a3d',
  suspended: '#b26a00',
  withdrawn: '#b3261e',
  cancelled: '#b3261e',
  expired: '#b3261e',
};

/** Sizes the scope text is tried at, down to the smallest still comfortably legible in print. */
const SCOPE_SCALES = [1, 0.9, 0.8, 0.72];
const MIN_SCOPE_SCALE = SCOPE_SCALES[SCOPE_SCALES.length - 1];
/** How many models a product lists when not all of them fit. */
const MODEL_CAPS = [24, 8];
/** Defensive caps for single fields: a certificate never needs more, and it must stay one page. */
const MAX_CHARS = { name: 90, address: 120, brand: 40, model: 40, title: 120 };

interface Style {
  size: number;
  weight?: FontWeight;
  color?: string;
  spacing?: number;
}

interface Block {
  text: string;
  style: Style;
  /** Space before the block, in points. */
  gap?: number;
}

interface Row {
  labelZh: string;
  labelEn: string;
  value: Block[];
}

/**
 * Renders a one-page A4 certificate, Simplified Chinese with English, with a vector QR code of
 * `doc.verificationUrl`. The Chinese font is embedded as a subset of the glyphs used.
 */
export function renderCertificatePdf(doc: CertificateDocument): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const pdf = new PDFDocument({
      size: 'A4',
      margin: 0,
      lang: 'zh-CN',
      // No default font: pdfkit would parse Helvetica's AFM for every document, and it is never used.
      font: null as unknown as string,
      info: {
        Title: `深圳标准认证证书 Shenzhen Standard Certification Certificate ${doc.number}`,
        Author: doc.certificationBody.nameZh,
        Subject: doc.holder.nameZh,
      },
    });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    try {
      new CertificateLayout(pdf, doc).draw();
      pdf.end();
    } catch (e) {
      reject(e);
    }
  });
}

class CertificateLayout {
  private readonly registered = new Set<string>();
  private rowPad = ROW_PAD;
  /** Rows are measured more than once (to share out the page, then to draw). */
  private readonly heights = new Map<string, number>();

  constructor(
    private readonly pdf: PDFKit.PDFDocument,
    private readonly doc: CertificateDocument,
  ) {}

  draw(): void {
    const status = CERTIFICATE_STATUS_LABELS[this.doc.status];
    if (this.doc.status !== 'valid') this.watermark(`${status.zh} ${status.en.toUpperCase()}`);
    this.border();
    const rowsTop = this.header();
    const bandTop = this.footer();
    this.rows(rowsTop, bandTop - 10);
  }

  private border(): void {
    const p = this.pdf;
    p.save();
    p.lineWidth(2.4)
      .strokeColor(NAVY)
      .rect(20, 20, PAGE_W - 40, PAGE_H - 40)
      .stroke();
    p.lineWidth(0.6)
      .rect(26, 26, PAGE_W - 52, PAGE_H - 52)
      .stroke();
    p.restore();
  }

  /** Faint diagonal status word, so a printout of a suspended or ended certificate says so. */
  private watermark(text: string): void {
    const p = this.pdf;
    p.save();
    p.rotate(-35, { origin: [PAGE_W / 2, PAGE_H / 2] });
    p.fillOpacity(0.08);
    this.write(text, 0, PAGE_H / 2 - 40, { size: 64, weight: 700, color: STATUS_COLOURS[this.doc.status] }, PAGE_W, 'center');
    p.restore();
  }

  /** Returns where the rows start. */
  private header(): number {
    let y = 50;
    this.write('SHENZHEN STANDARD  ·  深圳标准', LEFT, y, { size: 8, color: NAVY, spacing: 1.5 }, RIGHT - LEFT, 'center');
    y += 22;
    this.write('深圳标准认证证书', LEFT, y, { size: 26, weight: 700, color: NAVY, spacing: 5 }, RIGHT - LEFT, 'center');
    y += 40;
    this.write('Shenzhen Standard Certification Certificate', LEFT, y, { size: 13, color: NAVY, spacing: 0.4 }, RIGHT - LEFT, 'center');
    y += 26;
    this.inline(
      [
        { text: '证书编号 Certificate No.  ', style: { size: 10, color: MUTED } },
        { text: this.doc.number, style: { size: 12, weight: 700, color: INK, spacing: 0.5 } },
      ],
      'center',
      y,
    );
    y += 24;
    this.rule(y, NAVY, 0.8);
    return y + 6;
  }

  /**
   * The bottom band: QR code with the URL under it on the right, the certification body and
   * the dates on the left, the conformity statement above both. Returns the band's top.
   */
  private footer(): number {
    const { doc } = this;
    const urlStyle: Style = { size: 6, color: MUTED };
    const urlWidth = 260;
    const urlTop = BOTTOM - this.height(doc.verificationUrl, urlStyle, urlWidth);
    this.write(doc.verificationUrl, RIGHT - urlWidth, urlTop, urlStyle, urlWidth, 'right');
    const captionTop = urlTop - 11;
    this.write('扫码查询证书当前状态 Scan for the current status', RIGHT - urlWidth, captionTop, { size: 7, color: NAVY }, urlWidth, 'right');
    const qrTop = captionTop - 2 - QR_SIZE;
    drawQrCode(this.pdf, doc.verificationUrl, RIGHT - QR_SIZE, qrTop, QR_SIZE);

    const body = doc.certificationBody;
    const leftWidth = RIGHT - QR_SIZE - 24 - LEFT;
    const blocks: Block[] = [
      { text: '认证机构 Certification body', style: { size: 8, color: MUTED } },
      { text: cap(body.nameZh, MAX_CHARS.name), style: { size: 11.5, weight: 700, color: INK }, gap: 3 },
    ];
    if (body.nameEn) blocks.push({ text: cap(body.nameEn, MAX_CHARS.name), style: { size: 9, color: MUTED }, gap: 1 });
    if (body.accreditationNumber) {
      blocks.push({ text: `批准号 Accreditation No.  ${body.accreditationNumber}`, style: { size: 8.5, color: INK }, gap: 4 });
    }
    let y = this.blocks(blocks, LEFT, qrTop + 6, leftWidth) + 12;
    const dates = [
      { label: '发证日期 Date of issue', date: formatDate(doc.issuedOn) },
      { label: '有效期至 Valid until', date: formatDate(doc.expiresOn) },
    ];
    const labelStyle: Style = { size: 8.5, color: MUTED };
    const valueX = LEFT + Math.max(...dates.map((d) => this.width(d.label, labelStyle))) + 10;
    for (const { label, date } of dates) {
      this.inline([{ text: label, style: labelStyle }], LEFT, y, 10.5);
      this.inline(
        [
          { text: date.zh, style: { size: 10.5, weight: 700, color: INK } },
          { text: date.en ? `　${date.en}` : '', style: { size: 8.5, color: MUTED } },
        ],
        valueX,
        y,
      );
      y += 17;
    }

    const service = doc.scope.kind === 'service';
    const statement: Block[] = [
      { text: `经评价，上述${service ? '服务' : '产品'}符合认证依据的要求，特发此证。`, style: { size: 9.5, color: INK } },
      {
        text: `This is to certify that the ${service ? 'service' : 'products'} above have been evaluated and found to conform to the certification standard.`,
        style: { size: 8, color: MUTED },
        gap: 1,
      },
    ];
    const statementTop = qrTop - 14 - this.blocksHeight(statement, RIGHT - LEFT);
    this.blocks(statement, LEFT, statementTop, RIGHT - LEFT);
    return statementTop - 10;
  }

  private rows(top: number, bottom: number): void {
    const { doc } = this;
    const status = CERTIFICATE_STATUS_LABELS[doc.status];
    const before: Row[] = [
      {
        labelZh: '获证组织',
        labelEn: 'Certificate holder',
        value: [
          { text: cap(doc.holder.nameZh, MAX_CHARS.name), style: { size: 12, weight: 700, color: INK } },
          ...(doc.holder.nameEn ? [{ text: cap(doc.holder.nameEn, MAX_CHARS.name), style: { size: 9, color: MUTED }, gap: 1 }] : []),
        ],
      },
      {
        labelZh: '统一社会信用代码',
        labelEn: 'Unified social credit code',
        value: [{ text: doc.holder.creditCode, style: { size: 10.5, color: INK, spacing: 0.5 } }],
      },
      { labelZh: '地址', labelEn: 'Address', value: [{ text: cap(doc.holder.address, MAX_CHARS.address), style: { size: 10, color: INK } }] },
      {
        labelZh: '认证类别',
        labelEn: 'Category',
        value: [
          { text: doc.category.nameZh, style: { size: 10.5, color: INK } },
          { text: `${doc.category.nameEn} (${doc.category.code})`, style: { size: 9, color: MUTED }, gap: 1 },
        ],
      },
      {
        labelZh: '认证依据',
        labelEn: 'Certification standard',
        value: [
          { text: `${doc.standard.code}　版本 Version ${doc.standard.version}`, style: { size: 10.5, weight: 700, color: INK } },
          { text: `《${cap(doc.standard.titleZh, MAX_CHARS.title)}》`, style: { size: 10, color: INK }, gap: 2 },
          ...(doc.standard.titleEn ? [{ text: cap(doc.standard.titleEn, MAX_CHARS.title), style: { size: 9, color: MUTED }, gap: 1 }] : []),
        ],
      },
    ];
    const after: Row[] = [
      {
        labelZh: '证书状态',
        labelEn: 'Status',
        value: [{ text: `${status.zh}  ${status.en}`, style: { size: 11, weight: 700, color: STATUS_COLOURS[doc.status] } }],
      },
    ];

    const fixed = [...before, ...after].reduce((sum, row) => sum + this.rowHeight(row), 0);
    const scopeLabel = doc.scope.kind === 'products' ? { zh: '认证产品', en: 'Certified products' } : { zh: '认证服务', en: 'Certified service' };
    const scopeBudget = bottom - top - fixed - 2 * ROW_PAD;
    const scope: Row = { labelZh: scopeLabel.zh, labelEn: scopeLabel.en, value: this.fitScope(doc.scope, scopeBudget) };
    const rows = [...before, scope, ...after];

    // A short scope leaves room: give it to the rows' padding (up to a point) so the page looks filled.
    const spare = bottom - top - fixed - this.rowHeight(scope);
    this.rowPad = ROW_PAD + Math.max(0, Math.min(MAX_EXTRA_PAD, spare / (2 * rows.length)));
    let y = top;
    for (const row of rows) y = this.row(row, y);
  }

  private rowHeight(row: Row): number {
    const label = this.labelBlocks(row);
    return Math.max(this.blocksHeight(label, LABEL_W), this.blocksHeight(row.value, VALUE_W)) + 2 * this.rowPad;
  }

  private row(row: Row, y: number): number {
    const height = this.rowHeight(row);
    this.blocks(this.labelBlocks(row), LEFT, y + this.rowPad, LABEL_W);
    this.blocks(row.value, VALUE_X, y + this.rowPad, VALUE_W);
    this.rule(y + height, RULE, 0.5);
    return y + height;
  }

  private labelBlocks(row: Row): Block[] {
    return [
      { text: row.labelZh, style: { size: 9.5, weight: 700, color: NAVY } },
      { text: row.labelEn, style: { size: 7.5, color: MUTED }, gap: 1 },
    ];
  }

  /**
   * The scope is the one part whose length varies a lot (one product or dozens, a few models
   * or thousands). To keep the certificate on one page: shrink the text, then list fewer models
   * per product, then fewer entries with "…and N more"; the public registry has the full list.
   */
  private fitScope(scope: CertificateScope, budget: number): Block[] {
    const fits = (blocks: Block[]) => this.blocksHeight(blocks, VALUE_W) <= budget;
    const total = scope.kind === 'products' ? scope.products.length : scope.service.sites.length;
    for (const models of [Infinity, ...MODEL_CAPS]) {
      for (const scale of models === Infinity ? SCOPE_SCALES : [MIN_SCOPE_SCALE]) {
        const blocks = scopeBlocks(scope, scale, total, models);
        if (fits(blocks)) return blocks;
      }
    }
    const models = MODEL_CAPS[MODEL_CAPS.length - 1];
    const shown = largestFitting(total - 1, (k) => fits(scopeBlocks(scope, MIN_SCOPE_SCALE, k, models)));
    return scopeBlocks(scope, MIN_SCOPE_SCALE, Math.max(shown, 1), models);
  }

  // ---- text primitives ----------------------------------------------------------------

  private blocks(blocks: Block[], x: number, y: number, width: number): number {
    for (const b of blocks) {
      y += b.gap ?? 0;
      this.write(b.text, x, y, b.style, width);
      y += this.height(b.text, b.style, width);
    }
    return y;
  }

  private blocksHeight(blocks: Block[], width: number): number {
    return blocks.reduce((sum, b) => sum + (b.gap ?? 0) + this.height(b.text, b.style, width), 0);
  }

  /**
   * Measured with the main face: CJK glyphs all have the same advance in Noto Sans SC, so a
   * character drawn from a fallback subset takes the same room.
   */
  private height(text: string, style: Style, width: number): number {
    const key = `${style.size}|${style.weight}|${style.spacing}|${width}|${text}`;
    let height = this.heights.get(key);
    if (height === undefined) {
      const face = mainFace(style.weight ?? 400);
      if (!text.includes('\n') && this.width(text, style) <= width) {
        // One line: what heightOfString would return, without running the line wrapper.
        this.useFace(face, style);
        height = this.pdf.currentLineHeight(true) + lineGap(style);
      } else {
        this.useFace(face, style);
        height = this.pdf.heightOfString(text, { width, lineGap: lineGap(style), characterSpacing: style.spacing ?? 0 });
      }
      this.heights.set(key, height);
    }
    return height;
  }

  /** One line of differently styled pieces, from x or centred on the page; `lineSize` aligns it with a line of that size. */
  private inline(pieces: Block[], x: number | 'center', y: number, lineSize?: number): void {
    const widths = pieces.map((p) => this.width(p.text, p.style));
    let at = x === 'center' ? (PAGE_W - widths.reduce((a, b) => a + b, 0)) / 2 : x;
    const largest = lineSize ?? Math.max(...pieces.map((p) => p.style.size));
    pieces.forEach((p, i) => {
      // Share a baseline, not a top line: move smaller pieces down by the ascent they lack.
      if (p.text) this.write(p.text, at, y + (largest - p.style.size) * 0.88, p.style, widths[i] + 1, 'left');
      at += widths[i];
    });
  }

  private width(text: string, style: Style): number {
    return textRuns(text, style.weight ?? 400).reduce((sum, run) => {
      this.useFace(run.face, style);
      return sum + this.pdf.widthOfString(run.text, { characterSpacing: style.spacing ?? 0 });
    }, 0);
  }

  /** Draws text, switching to a fallback face for characters the main face lacks. */
  private write(text: string, x: number, y: number, style: Style, width: number, align: 'left' | 'center' | 'right' = 'left'): void {
    const options = { width, align, lineGap: lineGap(style), characterSpacing: style.spacing ?? 0 };
    const runs = textRuns(text, style.weight ?? 400);
    const oneLine = runs.length === 1 && !text.includes('\n') ? this.width(text, style) : Infinity;
    if (oneLine <= width) {
      // Most texts fit on a line: place them ourselves and spare pdfkit's line wrapper, which
      // is a large share of the time per certificate.
      const dx = align === 'center' ? (width - oneLine) / 2 : align === 'right' ? width - oneLine : 0;
      this.useFace(runs[0].face, style);
      this.pdf.text(text, x + dx, y, { lineBreak: false, characterSpacing: options.characterSpacing });
      return;
    }
    runs.forEach((run, i) => {
      this.useFace(run.face, style);
      const continued = i < runs.length - 1;
      if (i === 0) this.pdf.text(run.text, x, y, { ...options, continued });
      else this.pdf.text(run.text, { ...options, continued });
    });
  }

  private useFace(face: FontFace, style: Style): void {
    if (!this.registered.has(face.key)) {
      this.pdf.registerFont(face.key, fontSource(face));
      this.registered.add(face.key);
    }
    this.pdf
      .font(face.key)
      .fontSize(style.size)
      .fillColor(style.color ?? INK);
  }

  private rule(y: number, color: string, width: number): void {
    this.pdf.save().moveTo(LEFT, y).lineTo(RIGHT, y).lineWidth(width).strokeColor(color).stroke().restore();
  }
}

/**
 * pdfkit takes an already parsed fontkit font (PDFFontFactory.open checks for `layout`), which
 * lets every document share one; @types/pdfkit does not list that source type.
 */
function fontSource(face: FontFace): FontSource {
  return face.font as unknown as FontSource;
}

type FontSource = Parameters<PDFKit.PDFDocument['registerFont']>[1];

function lineGap(style: Style): number {
  return style.size * 0.18;
}

/** The scope's blocks at a size scale, with the first `items` entries and `models` models each. */
function scopeBlocks(scope: CertificateScope, scale: number, items: number, models: number): Block[] {
  const s = (size: number) => size * scale;
  const blocks: Block[] = [];
  if (scope.kind === 'products') {
    const products = scope.products;
    const numbered = products.length > 1;
    products.slice(0, items).forEach((p, i) => {
      const name = [p.nameZh, p.nameEn]
        .filter(Boolean)
        .map((n) => cap(n!, MAX_CHARS.name))
        .join('　');
      blocks.push({ text: `${numbered ? `${i + 1}. ` : ''}${name}`, style: { size: s(10.5), weight: 700, color: INK }, gap: i ? s(5) : 0 });
      blocks.push({
        text: `品牌 Brand：${cap(p.brand, MAX_CHARS.brand)}　　型号 Models：${modelList(p.models, models)}`,
        style: { size: s(8.5), color: INK },
        gap: s(1.5),
      });
      blocks.push({ text: `生产厂地址 Factory：${cap(p.factoryAddress, MAX_CHARS.address)}`, style: { size: s(8.5), color: MUTED }, gap: s(1) });
    });
    const more = products.length - items;
    if (more > 0) blocks.push({ text: `……另有 ${more} 项产品 / …and ${more} more products`, style: { size: s(8.5), color: NAVY }, gap: s(4) });
  } else {
    const { service } = scope;
    const name = [service.nameZh, service.nameEn]
      .filter(Boolean)
      .map((n) => cap(n!, MAX_CHARS.name))
      .join('　');
    blocks.push({ text: name, style: { size: s(10.5), weight: 700, color: INK } });
    if (service.sites.length) blocks.push({ text: '服务场所 Sites', style: { size: s(8), color: MUTED }, gap: s(3) });
    service.sites.slice(0, items).forEach((site, i) => {
      blocks.push({
        text: `${i + 1}. ${cap(site.name, MAX_CHARS.name)}：${cap(site.address, MAX_CHARS.address)}`,
        style: { size: s(8.5), color: INK },
        gap: s(1.5),
      });
    });
    const more = service.sites.length - items;
    if (more > 0) blocks.push({ text: `……另有 ${more} 个场所 / …and ${more} more sites`, style: { size: s(8.5), color: NAVY }, gap: s(4) });
  }
  return blocks;
}

function modelList(models: string[], limit: number): string {
  const shown = models.slice(0, limit).map((m) => cap(m, MAX_CHARS.model));
  if (shown.length === models.length) return shown.join('、');
  return `${shown.join('、')} 等共 ${models.length} 个型号 (${models.length} models in total)`;
}

/** The largest k in [0, max] with ok(k), for ok true up to some k and false after. */
function largestFitting(max: number, ok: (k: number) => boolean): number {
  let lo = 0;
  let hi = max;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ok(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function cap(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function formatDate(iso: string): { zh: string; en: string } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return { zh: iso, en: '' };
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return { zh: `${year}年${month}月${day}日`, en: `${day} ${MONTHS[month - 1] ?? ''} ${year}` };
}
