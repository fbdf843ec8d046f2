import type { DataSource } from 'typeorm';
import { verificationUrl } from './certificate-issuer';
import { formatLabelCode } from './label-code';

const PAGE = 5000;

/**
 * A label batch's codes as CSV (serial, code, QR URL with the signed token), one chunk per page.
 * Keyset pages by serial: memory stays flat however large the batch.
 */
export async function* labelCodesAsCsv(db: DataSource, publicBaseUrl: string, batchId: string): AsyncGenerator<string> {
  yield 'serial,code,qr_url\n';
  let after = 0;
  for (;;) {
    const page: { serial: number; code: string; token: string }[] = await db.query(
      `SELECT serial, code, token FROM label_codes WHERE batch_id = $1 AND serial > $2 ORDER BY serial LIMIT ${PAGE}`,
      [batchId, after],
    );
    if (!page.length) return;
    yield page.map((r) => `${r.serial},${formatLabelCode(r.code)},${verificationUrl(publicBaseUrl, r.token)}\n`).join('');
    after = page[page.length - 1].serial;
  }
}
