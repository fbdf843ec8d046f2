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

/**
 * What is wrong with a line or cell, as a code with its values: the API says it in English (message),
 * the console in the operator's language from the same code and values.
 */
const PROBLEMS = {
  not_utf8: () => 'the file is not UTF-8 text',
  unreadable: (p: { detail: string }) => `not a readable CSV file: ${p.detail}`,
  empty_file: () => 'the file is empty: the first line names the columns',
  unknown_column: (p: { columns: string }) => `unknown column; the columns are ${p.columns}`,
  column_twice: () => 'named twice',
  column_missing: () => 'column is missing',
  no_rows: () => 'no scope lines: give one row per scope line',
  too_many_rows: (p: { max: number }) => `at most ${p.max} scope lines in one file`,
  cell_count: (p: { cells: number; expected: number }) => `has ${p.cells} cells, the header ${p.expected}`,
  empty: () => 'is empty',
  too_long: (p: { max: number }) => `is longer than ${p.max} characters`,
  control_character: () => 'contains a control character',
  cnas_number: () => 'must be L and 4 digits, e.g. L0235 or CNAS L0235',
  date: () => 'must be a date, YYYY-MM-DD',
  before_from: (p: { from: string }) => `is before accredited_from (${p.from})`,
  status: (p: { statuses: string }) => `must be one of ${p.statuses}`,
  differs: (p: { line: number; cnasNumber: string }) => `differs from line ${p.line} for ${p.cnasNumber}`,
  withdrawn: (p: { cnasNumber: string }) => `${p.cnasNumber} is withdrawn from the register: it is not changed by an import`,
} as const;
export type CsvProblem = keyof typeof PROBLEMS;
type ProblemParams<C extends CsvProblem> = Parameters<(typeof PROBLEMS)[C]> extends [infer P] ? P : Record<string, never>;

export interface CsvError {
  /** The file's line (1 is the header); a quoted cell over several lines counts its last. */
  line: number;
  /** The header's name for the column, or null for an error of the whole row. */
  column: string | null;
  code: CsvProblem;
  /** The values the message names (a limit, another line), for saying it in another language. */
  params: Record<string, string | number>;
  message: string;
}

/** One error of an import file, its English message made from its code. */
export function csvError<C extends CsvProblem>(
  line: number,
  column: string | null,
  code: C,
  ...params: ProblemParams<C> extends Record<string, never> ? [] : [ProblemParams<C>]
): CsvError {
  const values = (params[0] ?? {}) as Record<string, string | number>;
  return { line, column, code, params: values, message: (PROBLEMS[code] as (p: typeof values) => string)(values) };
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
  const fail = (error: CsvError) => {
    if (errors.length < MAX_ERRORS) errors.push(error);
  };
  const text = content.toString('utf8');
  if (text.includes('\uFFFD')) return { laboratories: [], errors: [csvError(1, null, 'not_utf8')] };
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
    return { laboratories: [], errors: [csvError(err.lines ?? 1, null, 'unreadable', { detail: err.message })] };
  }
  if (!records.length) return { laboratories: [], errors: [csvError(1, null, 'empty_file')] };
  const [header, ...rows] = records;
  const names = header.record.map((h) => h.toLowerCase());
  names.forEach((n, i) => {
    if (!(LABORATORY_CSV_COLUMNS as readonly string[]).includes(n))
      fail(csvError(1, n || `#${i + 1}`, 'unknown_column', { columns: LABORATORY_CSV_COLUMNS.join(', ') }));
    else if (names.indexOf(n) !== i) fail(csvError(1, n, 'column_twice'));
  });
  for (const r of REQUIRED) if (!names.includes(r)) fail(csvError(1, r, 'column_missing'));
  if (errors.length) return { laboratories: [], errors };
  if (!rows.length) return { laboratories: [], errors: [csvError(2, null, 'no_rows')] };
  if (rows.length > LABORATORY_CSV_MAX_ROWS) {
    return {
      laboratories: [],
      errors: [csvError(LABORATORY_CSV_MAX_ROWS + 2, null, 'too_many_rows', { max: LABORATORY_CSV_MAX_ROWS })],
    };
  }

  const byNumber = new Map<string, ImportedLaboratory>();
  for (const { record, info } of rows) {
    const line = info.lines;
    if (record.length !== names.length) {
      fail(csvError(line, null, 'cell_count', { cells: record.length, expected: names.length }));
      continue;
    }
    const cell = (c: Column): string => {
      const i = names.indexOf(c);
      return i < 0 ? '' : record[i].replace(/[\t\r\n]+/g, ' ');
    };
    let ok = true;
    const bad = (error: CsvError) => {
      ok = false;
      fail(error);
    };
    for (const c of LABORATORY_CSV_COLUMNS) {
      const v = cell(c);
      if (!v && REQUIRED.includes(c)) bad(csvError(line, c, 'empty'));
      else if (v.length > MAX_LENGTH[c]) bad(csvError(line, c, 'too_long', { max: MAX_LENGTH[c] }));
      else if (CONTROL.test(v)) bad(csvError(line, c, 'control_character'));
    }
    const cnasNumber = normaliseCnasNumber(cell('cnas_number'));
    if (cell('cnas_number') && !cnasNumber) bad(csvError(line, 'cnas_number', 'cnas_number'));
    for (const c of ['accredited_from', 'accredited_until'] as const) if (cell(c) && !isDate(cell(c))) bad(csvError(line, c, 'date'));
    if (isDate(cell('accredited_from')) && isDate(cell('accredited_until')) && cell('accredited_until') < cell('accredited_from')) {
      bad(csvError(line, 'accredited_until', 'before_from', { from: cell('accredited_from') }));
    }
    const status = (cell('status') || 'accredited').toLowerCase();
    if (!(LABORATORY_STATUSES as readonly string[]).includes(status)) bad(csvError(line, 'status', 'status', { statuses: LABORATORY_STATUSES.join(', ') }));
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
      for (const k of differs) fail(csvError(line, columnOf[k], 'differs', { line: known.line, cnasNumber }));
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
