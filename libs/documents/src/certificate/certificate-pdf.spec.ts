import { execFileSync, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { textRuns } from '../fonts/cjk-fonts';
import { TokenSigner } from '../signing/token-signer';
import { CertificateDocument } from './certificate-document';
import { renderCertificatePdf } from './certificate-pdf';
import { sampleCertificate } from './sample-certificate';

const MAX_BYTES = 150 * 1024;
const latin1 = (pdf: Buffer) => pdf.toString('latin1');
const pageCount = (pdf: Buffer) => Number(/\/Type \/Pages\s*\/Count (\d+)/.exec(latin1(pdf))?.[1]);
const embeddedFonts = (pdf: Buffer) => latin1(pdf).match(/\/FontFile2/g)?.length ?? 0;

/** True when the font (or a fallback subset of it) has a real glyph for the character in either weight. */
const hasGlyph = (ch: string) => ([400, 700] as const).every((w) => textRuns(ch, w).every((run) => run.face.codePoints.has(ch.codePointAt(0)!)));
const isHan = (ch: string) => /\p{Script=Han}/u.test(ch);

function manyProducts(count: number, firstModels: number): CertificateDocument {
  return sampleCertificate({
    scope: {
      kind: 'products',
      products: Array.from({ length: count }, (_, i) => ({
        nameZh: `智能手机 ${i + 1} 系列`,
        nameEn: `Smartphone series ${i + 1}`,
        brand: '华强智联 HQZL',
        models: Array.from({ length: i === 0 ? firstModels : 5 }, (_, j) => `HQ-${i + 1}-${j + 1}`),
        factoryAddress: '广东省东莞市松山湖高新技术产业开发区工业北路6号',
      })),
    },
  });
}

describe('renderCertificatePdf', () => {
  it('renders one A4 page under 150 KB that embeds a subset of the Chinese font', async () => {
    const pdf = await renderCertificatePdf(sampleCertificate());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeLessThan(MAX_BYTES);
    expect(pageCount(pdf)).toBe(1);
    expect(latin1(pdf)).toContain('/MediaBox [0 0 595.28 841.89]');
    expect(embeddedFonts(pdf)).toBeGreaterThanOrEqual(1);
    // A subset font is named with a six-letter tag: "ABCDEF+NotoSansSC...".
    expect(latin1(pdf)).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC/);
  });

  it('has a glyph for every Chinese character of a realistic certificate', () => {
    const strings: string[] = [];
    const collect = (value: unknown): void => {
      if (typeof value === 'string') strings.push(value);
      else if (value && typeof value === 'object') Object.values(value).forEach(collect);
    };
    collect(sampleCertificate());
    const missing = [...strings.join('')].filter((ch) => isHan(ch) && !hasGlyph(ch));
    expect(missing).toEqual([]);
  });

  it('draws rare characters of a holder name from another subset of the font instead of empty boxes', async () => {
    expect(['骉', '鹍'].every(hasGlyph)).toBe(true);
    const common = await renderCertificatePdf(sampleCertificate());
    const rare = await renderCertificatePdf(sampleCertificate({ holder: { ...sampleCertificate().holder, nameZh: '北京骉鹍科技有限公司' } }));
    expect(embeddedFonts(rare)).toBeGreaterThan(embeddedFonts(common));
  });

  it('keeps 40 products, one with 3,000 models, on one page', async () => {
    const pdf = await renderCertificatePdf(manyProducts(40, 3000));
    expect(pageCount(pdf)).toBe(1);
    expect(pdf.length).toBeLessThan(MAX_BYTES);
  });

  it('renders a service scope and a suspended status', async () => {
    const pdf = await renderCertificatePdf(
      sampleCertificate({
        status: 'suspended',
        scope: {
          kind: 'service',
          service: { nameZh: '住宅物业管理服务', nameEn: 'Residential property management', sites: [{ name: '万科城一期', address: '深圳市龙岗区坂田街道' }] },
        },
      }),
    );
    expect(pageCount(pdf)).toBe(1);
  });
});

/**
 * What a person and a phone see: the page as a picture (poppler), the QR code decoded from it
 * (zbar), the text extracted. CI installs poppler-utils and zbar-tools and sets CI_REQUIRE_TOOLS=true,
 * so there a missing tool fails these checks; elsewhere they are skipped with a message.
 */
const tools = ['pdftoppm', 'pdftotext', 'zbarimg'];
const missingTools = tools.filter((tool) => spawnSync(tool, ['-v']).error);
const REQUIRE_TOOLS = process.env.CI_REQUIRE_TOOLS === 'true';
const INSTALL = 'apt-get install poppler-utils zbar-tools';
if (missingTools.length && !REQUIRE_TOOLS) {
  console.warn(`Skipping the certificate picture, QR and text checks: ${missingTools.join(', ')} not installed (${INSTALL}).`);
}

(missingTools.length && !REQUIRE_TOOLS ? describe.skip : describe)('renderCertificatePdf, as poppler and zbar see it', () => {
  let dir: string;
  let url: string;
  let text: string;
  let png: string;

  beforeAll(async () => {
    if (missingTools.length) throw new Error(`CI_REQUIRE_TOOLS=true but ${missingTools.join(', ')} not installed: ${INSTALL}`);
    dir = mkdtempSync(join(tmpdir(), 'szs-certificate-'));
    const signer = new TokenSigner(generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    url = `http://localhost:3000/verify?t=${await signer.sign({ t: 'c', n: 'SZS-C-2026-000127-K' })}`;
    const pdfFile = join(dir, 'certificate.pdf');
    writeFileSync(pdfFile, await renderCertificatePdf(sampleCertificate({ verificationUrl: url })));
    execFileSync('pdftoppm', ['-png', '-r', '100', '-f', '1', '-l', '1', pdfFile, join(dir, 'page')]);
    png = join(dir, 'page-1.png');
    text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfFile, '-']).toString('utf8');
  });
  afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('has a QR code that a scanner reads back as exactly the verification URL at 100 dpi', () => {
    const decoded = execFileSync('zbarimg', ['--quiet', '--raw', png], { stdio: ['ignore', 'pipe', 'ignore'] }).toString('utf8');
    expect(decoded.trim()).toBe(url);
  });

  it('prints the Chinese and English text', () => {
    const doc = sampleCertificate();
    for (const expected of [
      '深圳标准认证证书',
      'Shenzhen Standard Certification Certificate',
      doc.number,
      doc.holder.nameZh,
      doc.holder.creditCode,
      doc.certificationBody.nameZh,
      doc.standard.code,
      '电子信息产品',
      '智能手机',
      'HQ-X10 Pro',
      '2026年11月26日',
      '2029年11月25日',
      '有效',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('has a glyph for every Chinese character on the page, labels included', () => {
    const han = [...new Set([...text].filter(isHan))];
    expect(han.length).toBeGreaterThan(80);
    expect(han.filter((ch) => !hasGlyph(ch))).toEqual([]);
  });
});
