import type { RegistryEntryView, RegistryLifecycle } from './registry-entry.view';

/** The lifecycle columns come last, so a reader of the earlier columns by position keeps working. */
export const CSV_HEADER =
  'number,status,holder_name_zh,holder_name_en,holder_credit_code,certification_body_zh,category_code,standard_code,standard_version,products,issued_on,expires_on,' +
  'edition,last_surveillance_on,last_surveillance_outcome,next_surveillance_due,renews,renewed_by,transition_deadline,transition_standard_code,transition_standard_version\n';

/**
 * Characters that make a spreadsheet read a cell as a formula (or, for tab and carriage return,
 * shift it into one): names and products are written by enterprises, so `=HYPERLINK(...)` in a
 * product name must not run in the computer of whoever opens the export.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field. A cell that a spreadsheet would run is neutralised as OWASP recommends: a single
 * quote in front, inside a quoted field (the quote is shown, nothing is evaluated). Otherwise
 * RFC 4180: quoted when it holds a comma, a quote or a line break.
 */
export function csvField(v: unknown): string {
  const raw = v === null || v === undefined ? '' : String(v);
  const s = FORMULA_START.test(raw) ? `'${raw}` : raw;
  return s !== raw || /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The fields of an entry the CSV shows. */
export type CsvEntry = Pick<RegistryEntryView, 'number' | 'status' | 'issuedOn' | 'expiresOn' | 'holder'> & {
  certificationBody: Pick<RegistryEntryView['certificationBody'], 'nameZh'>;
  category: Pick<RegistryEntryView['category'], 'code'>;
  standard: Pick<RegistryEntryView['standard'], 'code' | 'version'>;
  scope: { kind: string; products?: { nameZh: string; brand: string; models: string[] }[]; service?: { nameZh: string } };
  lifecycle: RegistryLifecycle;
};

export function csvLine(e: CsvEntry): string {
  const products =
    e.scope.kind === 'products'
      ? (e.scope.products ?? []).map((p) => `${p.nameZh} (${p.brand}: ${p.models.join(' / ')})`).join('; ')
      : (e.scope.service?.nameZh ?? '');
  const l = e.lifecycle;
  return (
    [
      e.number,
      e.status,
      e.holder.nameZh,
      e.holder.nameEn,
      e.holder.creditCode,
      e.certificationBody.nameZh,
      e.category.code,
      e.standard.code,
      e.standard.version,
      products,
      e.issuedOn,
      e.expiresOn,
      l.edition,
      l.surveillance.lastOn,
      l.surveillance.lastOutcome,
      l.surveillance.nextDue,
      l.renews,
      l.renewedBy,
      l.transition?.deadline,
      l.transition?.standard?.code,
      l.transition?.standard?.version,
    ]
      .map(csvField)
      .join(',') + '\n'
  );
}

export const jsonLine = (entry: object) => `${JSON.stringify(entry)}\n`;
