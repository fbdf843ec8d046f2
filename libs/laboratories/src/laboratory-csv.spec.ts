import { normaliseCnasNumber } from './cnas-number';
import { LABORATORY_CSV_COLUMNS, parseLaboratoryCsv } from './laboratory-csv';

const HEADER = LABORATORY_CSV_COLUMNS.join(',');
const row = (cnas: string, over: Partial<Record<(typeof LABORATORY_CSV_COLUMNS)[number], string>> = {}) => {
  const cells: Record<string, string> = {
    cnas_number: cnas,
    name_zh: '深圳检测',
    name_en: '',
    address: '深圳市',
    accredited_from: '2022-01-01',
    accredited_until: '2028-12-31',
    status: '',
    object_tested: '手机',
    parameter_zh: '待机时间',
    parameter_en: '',
    standard_code: 'YD/T 1539',
    clause: '',
    limits: '',
    ...over,
  };
  return LABORATORY_CSV_COLUMNS.map((c) => cells[c]).join(',');
};
const parse = (...lines: string[]) => parseLaboratoryCsv(Buffer.from(lines.join('\n')));

describe('CNAS numbers', () => {
  it.each([
    ['CNAS L0235', 'L0235'],
    ['L0235', 'L0235'],
    [' cnas l0235 ', 'L0235'],
    ['CNASL0235', 'L0235'],
    ['L235', null],
    ['L02351', null],
    ['CNAS C0235', null],
  ])('%s is %s', (input, expected) => expect(normaliseCnasNumber(input)).toBe(expected));
});

describe('the laboratory CSV file', () => {
  it('groups the rows of one laboratory into its scope lines, in the order given, and keeps formula-looking cells as text', () => {
    const { laboratories, errors } = parse(
      HEADER,
      row('CNAS L0001'),
      row('L0001', { parameter_zh: '跌落', limits: '=1+2' }),
      row('L0002', { status: 'Suspended' }),
    );
    expect(errors).toEqual([]);
    expect(laboratories.map((l) => [l.cnasNumber, l.status, l.line, l.scopeLines.map((s) => [s.parameterZh, s.limits])])).toEqual([
      [
        'L0001',
        'accredited',
        2,
        [
          ['待机时间', null],
          ['跌落', '=1+2'],
        ],
      ],
      ['L0002', 'suspended', 4, [['待机时间', null]]],
    ]);
  });

  it('reads a file with a BOM and with the columns in any order, optional ones left out', () => {
    const header = ['standard_code', 'parameter_zh', 'object_tested', 'accredited_until', 'accredited_from', 'address', 'name_zh', 'cnas_number'].join(',');
    const { laboratories, errors } = parseLaboratoryCsv(Buffer.from(`\uFEFF${header}\r\nGB 1,噪声,手机,2028-12-31,2022-01-01,深圳市,甲,L0003\r\n`));
    expect(errors).toEqual([]);
    expect(laboratories[0]).toMatchObject({ cnasNumber: 'L0003', nameEn: null, status: 'accredited', scopeLines: [{ standardCode: 'GB 1', clause: null }] });
  });

  it('lists every error by line and column and returns no laboratory', () => {
    const { laboratories, errors } = parse(
      HEADER,
      row('L0004', { accredited_until: '2021-12-31' }),
      row('L0005', { name_zh: 'a\u0000b' }),
      row('L0006', { limits: 'x'.repeat(501) }),
      row('L0007'),
      row('L0007', { name_zh: '另一个名字' }),
    );
    expect(laboratories).toEqual([]);
    expect(errors).toEqual([
      { line: 2, column: 'accredited_until', code: 'before_from', params: { from: '2022-01-01' }, message: 'is before accredited_from (2022-01-01)' },
      { line: 3, column: 'name_zh', code: 'control_character', params: {}, message: 'contains a control character' },
      { line: 4, column: 'limits', code: 'too_long', params: { max: 500 }, message: 'is longer than 500 characters' },
      { line: 6, column: 'name_zh', code: 'differs', params: { line: 5, cnasNumber: 'L0007' }, message: 'differs from line 5 for L0007' },
    ]);
  });

  it('refuses a file that is not UTF-8, not closed, too long or empty', () => {
    expect(parseLaboratoryCsv(Buffer.from([0xff, 0xfe, 0x41])).errors[0].message).toContain('UTF-8');
    expect(parse(HEADER, `L0008,"unclosed`).errors[0]).toMatchObject({ column: null, message: expect.stringContaining('not a readable CSV file') });
    expect(parse(HEADER, ...Array.from({ length: 5001 }, () => row('L0009'))).errors).toEqual([
      { line: 5002, column: null, code: 'too_many_rows', params: { max: 5000 }, message: 'at most 5000 scope lines in one file' },
    ]);
    expect(parse('').errors[0].message).toContain('empty');
  });
});
