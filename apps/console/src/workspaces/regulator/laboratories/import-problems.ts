import { defineMessages } from '../../../i18n/language';

/**
 * What is wrong with a line of an import file, by the code the API gives each error (its English
 * message is the API's own): the operator reads it in the console's language.
 */
export const IMPORT_PROBLEMS = defineMessages({
  zh: {
    not_utf8: '文件不是 UTF-8 编码的文本',
    unreadable: '不是可读的 CSV 文件：{detail}',
    empty_file: '文件为空：首行应为列名',
    unknown_column: '未知的列；可用的列为 {columns}',
    column_twice: '列名重复',
    column_missing: '缺少此列',
    no_rows: '没有认可范围条目：每条范围一行',
    too_many_rows: '一个文件最多 {max} 条范围',
    cell_count: '本行有 {cells} 个单元格，列名行有 {expected} 个',
    empty: '不能为空',
    too_long: '超过 {max} 个字符',
    control_character: '含有控制字符',
    cnas_number: '应为 L 加 4 位数字，如 L0235 或 CNAS L0235',
    date: '应为日期，格式 YYYY-MM-DD',
    before_from: '早于认可起始日期（{from}）',
    status: '应为 {statuses} 之一',
    differs: '与第 {line} 行中 {cnasNumber} 的内容不一致',
    withdrawn: '{cnasNumber} 已从名录撤销，导入不能更改它',
  },
  en: {
    not_utf8: 'the file is not UTF-8 text',
    unreadable: 'not a readable CSV file: {detail}',
    empty_file: 'the file is empty: the first line names the columns',
    unknown_column: 'unknown column; the columns are {columns}',
    column_twice: 'named twice',
    column_missing: 'column is missing',
    no_rows: 'no scope lines: give one row per scope line',
    too_many_rows: 'at most {max} scope lines in one file',
    cell_count: 'has {cells} cells, the header {expected}',
    empty: 'is empty',
    too_long: 'is longer than {max} characters',
    control_character: 'contains a control character',
    cnas_number: 'must be L and 4 digits, e.g. L0235 or CNAS L0235',
    date: 'must be a date, YYYY-MM-DD',
    before_from: 'is before accredited_from ({from})',
    status: 'must be one of {statuses}',
    differs: 'differs from line {line} for {cnasNumber}',
    withdrawn: '{cnasNumber} is withdrawn from the register: it is not changed by an import',
  },
});
