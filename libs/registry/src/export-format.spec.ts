import { parse } from 'csv-parse/sync';
import { CSV_HEADER, csvField, csvLine, CsvEntry, jsonLine } from './export-format';
import type { RegistryLifecycle } from './registry-entry.view';

const FIRST_EDITION: RegistryLifecycle = {
  edition: 1,
  surveillance: { intervalMonths: 12, lastOn: null, lastOutcome: null, nextDue: '2027-03-01' },
  renews: null,
  renewedBy: null,
  transition: null,
};

const entry = (over: { holderZh?: string; holderEn?: string | null; product?: string; brand?: string; lifecycle?: RegistryLifecycle }): CsvEntry => ({
  number: 'SZS-2026-000001-6',
  status: 'valid',
  issuedOn: '2026-03-01',
  expiresOn: '2029-02-28',
  holder: { nameZh: over.holderZh ?? '深圳市华强电子有限公司', nameEn: over.holderEn ?? null, creditCode: '91440300MA5DC8KQ5N' },
  certificationBody: { nameZh: '深圳鹏城认证中心' },
  category: { code: 'ELECTRONICS' },
  standard: { code: 'SZS 0001', version: '2026' },
  scope: { kind: 'products', products: [{ nameZh: over.product ?? '智能手机', brand: over.brand ?? '华强', models: ['HQ-X1', 'HQ-X1 Pro'] }] },
  lifecycle: over.lifecycle ?? FIRST_EDITION,
});

const parsed = (line: string): string[][] => parse(CSV_HEADER + line, { relax_quotes: false });

describe('registry CSV export', () => {
  it('neutralises every cell a spreadsheet would run: =, +, -, @, tab and carriage return in front', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      const value = `${start}HYPERLINK("http://evil.example","x")`;
      const field = csvField(value);
      expect(field.startsWith(`"'`)).toBe(true);
      expect(parse(field)[0][0]).toBe(`'${value}`);
    }
  });

  it('keeps other cells as they are, quoted only where RFC 4180 needs it', () => {
    expect(csvField('深圳市华强电子有限公司')).toBe('深圳市华强电子有限公司');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"\n')).toBe('"say ""hi""\n"');
    expect(csvField('HQ-X1 = good')).toBe('HQ-X1 = good'); // a formula character later in the cell is harmless
    expect(csvField(null)).toBe('');
    expect(csvField('2026-03-01')).toBe('2026-03-01');
  });

  it('writes a line a CSV parser reads back cell by cell, the hostile ones with their quote', () => {
    const hostile = entry({ holderZh: '+深圳市恶意公司', holderEn: '@SUM(1+1)', product: '=HYPERLINK("http://evil.example","x")', brand: '华强, "正品"' });
    const [header, row] = parsed(csvLine(hostile));
    const cell = (name: string) => row[header.indexOf(name)];
    expect(row).toHaveLength(header.length);
    expect(cell('holder_name_zh')).toBe("'+深圳市恶意公司");
    expect(cell('holder_name_en')).toBe("'@SUM(1+1)");
    expect(cell('products')).toBe(`'=HYPERLINK("http://evil.example","x") (华强, "正品": HQ-X1 / HQ-X1 Pro)`);
    expect(cell('number')).toBe('SZS-2026-000001-6');
    expect(cell('certification_body_zh')).toBe('深圳鹏城认证中心');
    expect(cell('issued_on')).toBe('2026-03-01');
  });

  it("writes the certificate's life after issue in the last columns: surveillance, edition, lineage, transition", () => {
    const cellsOf = (lifecycle: RegistryLifecycle) => {
      const [header, row] = parsed(csvLine(entry({ lifecycle })));
      expect(row).toHaveLength(header.length);
      expect(header.slice(0, 12)).toEqual(CSV_HEADER.split(',').slice(0, 12)); // the earlier columns keep their places
      return Object.fromEntries(header.map((name, i) => [name, row[i]]));
    };
    expect(cellsOf(FIRST_EDITION)).toMatchObject({
      edition: '1',
      last_surveillance_on: '',
      last_surveillance_outcome: '',
      next_surveillance_due: '2027-03-01',
      renews: '',
      renewed_by: '',
      transition_deadline: '',
      transition_standard_code: '',
      transition_standard_version: '',
    });
    const later: RegistryLifecycle = {
      edition: 2,
      surveillance: { intervalMonths: 12, lastOn: '2027-02-20', lastOutcome: 'passed', nextDue: '2028-03-01' },
      renews: 'SZS-2023-000017-4',
      renewedBy: 'SZS-2029-000311-8',
      transition: { deadline: '2028-06-30', standard: { code: 'SZS 0001', version: '2027' } },
    };
    expect(cellsOf(later)).toMatchObject({
      edition: '2',
      last_surveillance_on: '2027-02-20',
      last_surveillance_outcome: 'passed',
      next_surveillance_due: '2028-03-01',
      renews: 'SZS-2023-000017-4',
      renewed_by: 'SZS-2029-000311-8',
      transition_deadline: '2028-06-30',
      transition_standard_code: 'SZS 0001',
      transition_standard_version: '2027',
    });
  });

  it('leaves JSON Lines verbatim: they are data, not a spreadsheet', () => {
    const hostile = entry({ product: '=HYPERLINK("http://evil.example","x")' });
    expect(JSON.parse(jsonLine(hostile))).toEqual(hostile);
  });
});
