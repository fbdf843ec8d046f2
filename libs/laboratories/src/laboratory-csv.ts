import { parse } from 'csv-parse/sync';
import { normaliseCnasNumber } from './cnas-number';
import { LABORATORY_STATUSES, LaboratoryStatus } from './laboratory.machines';

/**
 * The import file's columns, as operators load the CNAS register: one row per scope line, the
 * laboratory's columns repeated on each of its rows. The header row names them (any order);
 * name_en, status, parameter_en, clause and limits may be left out or empty.
 */
export const LABORATORY_CSV_COLUMNS = [
  'cnas_number',
  'name_zh',
  'name_en',
  'address',
  'accredited_from',
  'accredited_until',
  'status',
  'object_tested',
  'parameter_zh',
  'parameter_en',
  'standard_code',
  'clause',
  'limits',
] as const;
type Column = (typeof LABORATORY_CSV_COLUMNS)[number];
const REQUIRED: readonly Column[] = [
  'cnas_number',
  'name_zh',
  'address',
  'accredited_from',
  'accredited_until',
  'object_tested',
  'parameter_zh',
  'standard_code',
];

/** Longest text per column: a register line is short, and a cell of megabytes is abuse, not data. */
const MAX_LENGTH: Record<Column, number> = {
  cnas_number: 20,
  name_zh: 200,
  name_en: 300,
  address: 300,
  accredited_from: 10,
  accredited_until: 10,
  status: 20,
  object_tested: 200,
  parameter_zh: 200,
  parameter_en: 300,
  standard_code: 60,
  clause: 20,
  limits: 500,
};

/** At most this many scope lines in one file (the largest Shenzhen laboratories have a few thousand). */
export const LABORATORY_CSV_MAX_ROWS = 5000;
/** At most this many bytes in one file: 5,000 lines of register text fit with room to spare. */
export const LABORATORY_CSV_MAX_BYTES = 2 * 1024 * 1024;
/** At most this many errors listed: the rest of a broken file adds nothing but bytes. */
const MAX_ERRORS = 100;

export interface CsvError {
  /** The file's line (1 is the header); a quoted cell over several lines counts its last. */
  line: number;
  /** The header's name for the column, or null for an error of the whole row. */
  column: string | null;
  message: string;
}

export interface ImportedScopeLine {
  objectTested: string;
  parameterZh: string;
  parameterEn: string | null;
  standardCode: string;
  clause: string | null;
  limits: string | null;
}

export interface ImportedLaboratory {
  cnasNumber: string;
  nameZh: string;
  nameEn: string | null;
  address: string;
  accreditedFrom: string;
  accreditedUntil: string;
  status: LaboratoryStatus;
  scopeLines: ImportedScopeLine[];
  /** The first line of the laboratory in the file, to name it in a later error. */
  line: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (s: string) => DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
// Control characters (NUL and the like) have no place in a register; tab and newlines inside a quoted cell are folded to spaces.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * Reads an import file whole and validates every row before anything is written: the laboratories
 * it describes, or every error by line and column. Cells are kept as the text they are: one that
 * looks like a spreadsheet formula (=, +, -, @) is stored as written, never evaluated.
 */
export function parseLaboratoryCsv(content: Buffer): { laboratories: ImportedLaboratory[]; errors: CsvError[] } {
  const errors: CsvError[] = [];
  const fail = (line: number, column: string | null, message: string) => {
    if (errors.length < MAX_ERRORS) errors.push({ line, column, message });
  };
  const text = content.toString('utf8');
  if (text.includes('\uFFFD')) return { laboratories: [], errors: [{ line: 1, column: null, message: 'the file is not UTF-8 text' }] };
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      max_record_size: 4096,
    }) as unknown as typeof records;
  } catch (e) {
    const err = e as { lines?: number; message: string };
    return { laboratories: [], errors: [{ line: err.lines ?? 1, column: null, message: `not a readable CSV file: ${err.message}` }] };
  }
  if (!records.length) return { laboratories: [], errors: [{ line: 1, column: null, message: 'the file is empty: the first line names the columns' }] };
  const [header, ...rows] = records;
  const names = header.record.map((h) => h.toLowerCase());
  names.forEach((n, i) => {
    if (!(LABORATORY_CSV_COLUMNS as readonly string[]).includes(n))
      fail(1, n || `#${i + 1}`, `unknown column; the columns are ${LABORATORY_CSV_COLUMNS.join(', ')}`);
    else if (names.indexOf(n) !== i) fail(1, n, 'named twice');
  });
  for (const r of REQUIRED) if (!names.includes(r)) fail(1, r, 'column is missing');
  if (errors.length) return { laboratories: [], errors };
  if (!rows.length) return { laboratories: [], errors: [{ line: 2, column: null, message: 'no scope lines: give one row per scope line' }] };
  if (rows.length > LABORATORY_CSV_MAX_ROWS) {
    return {
      laboratories: [],
      errors: [{ line: LABORATORY_CSV_MAX_ROWS + 2, column: null, message: `at most ${LABORATORY_CSV_MAX_ROWS} scope lines in one file` }],
    };
  }

  const byNumber = new Map<string, ImportedLaboratory>();
  for (const { record, info } of rows) {
    const line = info.lines;
    if (record.length !== names.length) {
      fail(line, null, `has ${record.length} cells, the header ${names.length}`);
      continue;
    }
    const cell = (c: Column): string => {
      const i = names.indexOf(c);
      return i < 0 ? '' : record[i].replace(/[\t\r\n]+/g, ' ');
    };
    let ok = true;
    const bad = (c: Column, message: string) => {
      ok = false;
      fail(line, c, message);
    };
    for (const c of LABORATORY_CSV_COLUMNS) {
      const v = cell(c);
      if (!v && REQUIRED.includes(c)) bad(c, 'is empty');
      else if (v.length > MAX_LENGTH[c]) bad(c, `is longer than ${MAX_LENGTH[c]} characters`);
      else if (CONTROL.test(v)) bad(c, 'contains a control character');
    }
    const cnasNumber = normaliseCnasNumber(cell('cnas_number'));
    if (cell('cnas_number') && !cnasNumber) bad('cnas_number', 'must be L and 4 digits, e.g. L0235 or CNAS L0235');
    for (const c of ['accredited_from', 'accredited_until'] as const) if (cell(c) && !isDate(cell(c))) bad(c, 'must be a date, YYYY-MM-DD');
    if (isDate(cell('accredited_from')) && isDate(cell('accredited_until')) && cell('accredited_until') < cell('accredited_from')) {
      bad('accredited_until', `is before accredited_from (${cell('accredited_from')})`);
    }
    const status = (cell('status') || 'accredited').toLowerCase();
    if (!(LABORATORY_STATUSES as readonly string[]).includes(status)) bad('status', `must be one of ${LABORATORY_STATUSES.join(', ')}`);
    if (!ok || !cnasNumber) continue;

    const lab: Omit<ImportedLaboratory, 'scopeLines' | 'line'> = {
      cnasNumber,
      nameZh: cell('name_zh'),
      nameEn: cell('name_en') || null,
      address: cell('address'),
      accreditedFrom: cell('accredited_from'),
      accreditedUntil: cell('accredited_until'),
      status: status as LaboratoryStatus,
    };
    const known = byNumber.get(cnasNumber);
    if (known) {
      // The laboratory's columns are repeated on each of its rows: they must say the same thing.
      const columnOf: Record<keyof typeof lab, Column> = {
        cnasNumber: 'cnas_number',
        nameZh: 'name_zh',
        nameEn: 'name_en',
        address: 'address',
        accreditedFrom: 'accredited_from',
        accreditedUntil: 'accredited_until',
        status: 'status',
      };
      const differs = (Object.keys(lab) as (keyof typeof lab)[]).filter((k) => lab[k] !== known[k]);
      for (const k of differs) fail(line, columnOf[k], `differs from line ${known.line} for ${cnasNumber}`);
      if (differs.length) continue;
    }
    const target = known ?? { ...lab, scopeLines: [], line };
    byNumber.set(cnasNumber, target);
    target.scopeLines.push({
      objectTested: cell('object_tested'),
      parameterZh: cell('parameter_zh'),
      parameterEn: cell('parameter_en') || null,
      standardCode: cell('standard_code'),
      clause: cell('clause') || null,
      limits: cell('limits') || null,
    });
  }
  return errors.length ? { laboratories: [], errors } : { laboratories: [...byNumber.values()], errors };
}
