import { defineMessages, format, type Language } from '../i18n/language';
import type { Schemas } from './client';

export type FieldRefusal = Schemas['FieldErrorView'];

/**
 * A field's refusal in the person's language, by the rule the API names for each reason (its
 * `rules`, one per reason): class-validator's constraint names and the services' own. The
 * placeholders are the rule's params. A rule missing here is said with the API's English reason,
 * so a new rule degrades to English, never to nothing.
 */
const SENTENCES = defineMessages({
  zh: {
    isNotEmpty: '请填写此项',
    isDefined: '请填写此项',
    isString: '须为文本',
    isLength: '长度须为 {min}–{max} 个字符',
    isLengthExact: '须为 {min} 个字符',
    minLength: '至少 {min} 个字符',
    maxLength: '不能超过 {max} 个字符',
    min: '不能小于 {min}',
    max: '不能大于 {max}',
    isInt: '须为整数',
    isNumber: '须为数字',
    isIn: '不是可选的值',
    isEnum: '不是可选的值',
    isDateString: '须为日期（YYYY-MM-DD）',
    isISO8601: '须为日期（YYYY-MM-DD）',
    isUUID: '不是有效的记录编号',
    isEmail: '须为有效的电子邮箱地址',
    isBoolean: '须为“是”或“否”',
    isArray: '须为列表',
    isObject: '格式不正确',
    arrayMinSize: '至少 {min} 项',
    arrayMaxSize: '最多 {max} 项',
    arrayUnique: '不能有重复项',
    matches: '格式不正确（{reason}）',
    isGtin: '须为校验位正确的 GTIN-8、12、13 或 14 位条码',
    whitelistValidation: '不接受此字段',
    afterField: '须晚于 {value}',
    notBeforeField: '不能早于 {value}',
    afterToday: '须晚于今天（{today}）',
    notFuture: '不能晚于今天',
    twoAdjacentCharacters: '须包含两个相连的非空格字符',
    differsFromCurrent: '新密码不能与当前密码相同',
    unknownCategory: '没有这个产品类别：{codes}',
    withdrawnStandard: '标准 {standard} 已废止，请选择现行标准',
    standardNamedTwice: '标准 {standard} 重复列出',
    standardNotInCategory: '标准 {standard} 不适用于类别 {category}',
    emptyFile: '文件为空',
  },
  en: {
    isNotEmpty: 'Please fill this in',
    isDefined: 'Please fill this in',
    isString: 'Must be text',
    isLength: 'Must be {min} to {max} characters',
    isLengthExact: 'Must be {min} characters',
    minLength: 'At least {min} characters',
    maxLength: 'At most {max} characters',
    min: 'Must not be less than {min}',
    max: 'Must not be more than {max}',
    isInt: 'Must be a whole number',
    isNumber: 'Must be a number',
    isIn: 'Not one of the values offered',
    isEnum: 'Not one of the values offered',
    isDateString: 'Must be a date (YYYY-MM-DD)',
    isISO8601: 'Must be a date (YYYY-MM-DD)',
    isUUID: 'Not a valid record id',
    isEmail: 'Must be a valid e-mail address',
    isBoolean: 'Must be yes or no',
    isArray: 'Must be a list',
    isObject: 'Not in the expected form',
    arrayMinSize: 'At least {min} items',
    arrayMaxSize: 'At most {max} items',
    arrayUnique: 'Items must not repeat',
    matches: 'Not in the expected form ({reason})',
    isGtin: 'Must be a GTIN-8, -12, -13 or -14 barcode with a correct check digit',
    whitelistValidation: 'This field is not accepted',
    afterField: 'Must be after {value}',
    notBeforeField: 'Must not be before {value}',
    afterToday: 'Must be after today ({today})',
    notFuture: 'Must not be after today',
    twoAdjacentCharacters: 'Must hold two adjacent characters that are not spaces',
    differsFromCurrent: 'The new password must differ from the current one',
    unknownCategory: 'No such product category: {codes}',
    withdrawnStandard: 'Standard {standard} is withdrawn: choose a current one',
    standardNamedTwice: 'Standard {standard} is named twice',
    standardNotInCategory: 'Standard {standard} does not apply to category {category}',
    emptyFile: 'The file is empty',
  },
});

type RuleName = keyof (typeof SENTENCES)['zh'];

/** One reason of a field in the person's language (the API's English reason when its rule has no sentence here). */
function reasonIn(language: Language, reason: string, rule: { rule: string; params?: Record<string, unknown> } | undefined): string {
  if (!rule) return reason;
  const params = rule.params ?? {};
  const name = (rule.rule === 'isLength' && params.min !== undefined && params.min === params.max ? 'isLengthExact' : rule.rule) as RuleName;
  const template = SENTENCES[language][name];
  if (!template) return reason;
  // isLength may name no upper bound (Length(2)): the sentence with "at least" then.
  if (name === 'isLength' && params.min !== undefined && params.max === undefined) return format(SENTENCES[language].minLength, { min: String(params.min) });
  const values: Record<string, string> = { reason };
  for (const [key, value] of Object.entries(params)) values[key] = String(value);
  const sentence = format(template, values);
  // A rule that came without the values its sentence names (Nest's own checks carry none): the API's reason, never "{min}".
  return /\{\w+\}/.test(sentence) ? reason : sentence;
}

/** A 400's field refusals with each reason in the person's language, for the form fields and the alert. */
export function fieldsIn(language: Language, fields: readonly FieldRefusal[]): { field: string; reasons: string[] }[] {
  return fields.map((f) => ({
    field: f.field,
    reasons: f.rules && f.rules.length === f.reasons.length ? f.reasons.map((r, i) => reasonIn(language, r, f.rules?.[i])) : f.reasons,
  }));
}
