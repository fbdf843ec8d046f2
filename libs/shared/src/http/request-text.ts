import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import type { FieldError } from '../errors/domain-error';
import { invalidInput } from './validation';

export const NUL_REASON = 'must not contain the NUL character (U+0000)';
export const SURROGATE_REASON = 'must be well-formed Unicode (no lone surrogate such as U+D800)';

// In a `u` regex a paired surrogate is one astral code point, so this matches only lone halves.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** Why PostgreSQL cannot store this string as text or jsonb, or undefined when it can. */
export function unstorableReason(value: string): string | undefined {
  if (value.includes('\u0000')) return NUL_REASON;
  // Text silently turns a lone surrogate into U+FFFD on the way to UTF-8, and jsonb refuses its escape.
  if (LONE_SURROGATE.test(value)) return SURROGATE_REASON;
  return undefined;
}

/**
 * Every string a request carries (values and object keys, at any depth), named by its path in the
 * same shape as the validation errors: `description`, `scope.products[0].models[1]`.
 */
export function unstorableFields(value: unknown, path = ''): FieldError[] {
  const out: FieldError[] = [];
  const visit = (v: unknown, at: string, depth: number): void => {
    if (typeof v === 'string') {
      const reason = unstorableReason(v);
      if (reason) out.push({ field: at || 'value', reasons: [reason] });
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => visit(item, `${at}[${i}]`, depth + 1));
    } else if (v && typeof v === 'object' && depth < 64) {
      for (const [k, item] of Object.entries(v)) {
        const keyReason = unstorableReason(k);
        // A bad key is named as it arrived but with the bad characters made visible, so the message stays printable.
        const name = keyReason ? JSON.stringify(k).slice(1, -1) : k;
        const child = at ? `${at}.${name}` : name;
        if (keyReason) out.push({ field: child, reasons: [keyReason] });
        visit(item, child, depth + 1);
      }
    }
  };
  visit(value, path, 0);
  return out;
}

/** Longer than any identifier, number, code or signed token a path carries (a QR token is about 200). */
export const MAX_PATH_PARAMETER_LENGTH = 1024;
export const PATH_PARAMETER_REASON = `must be at most ${MAX_PATH_PARAMETER_LENGTH} characters`;

/** Path parameters over the limit, named; `value` is one parameter (`@Param('id')`) or all of them (`@Param()`). */
function overlongParameters(value: unknown, name: string | undefined): FieldError[] {
  const entries: [string, unknown][] = name ? [[name, value]] : value && typeof value === 'object' ? Object.entries(value) : [];
  return entries
    .filter(([, v]) => typeof v === 'string' && v.length > MAX_PATH_PARAMETER_LENGTH)
    .map(([field]) => ({ field, reasons: [PATH_PARAMETER_REASON] }));
}

/**
 * Text no handler should ever see, refused as a 400 naming each field before any handler or
 * validation runs — on the body, the query and the path parameters of every route, the pages
 * included (their filter renders the 400 as a page):
 * - characters PostgreSQL cannot store: it refuses NUL in text and jsonb, and a lone surrogate
 *   is silently altered in text and refused in jsonb, so without this the database failed (500);
 * - a path parameter longer than any identifier (the router admits longer ones only so that
 *   the answer can name the parameter).
 */
@Injectable()
export class RequestTextPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body' && metadata.type !== 'query' && metadata.type !== 'param') return value;
    // @Param('id') hands over the value alone: name it after the parameter.
    const fields = unstorableFields(value, metadata.data ?? '');
    if (metadata.type === 'param') fields.push(...overlongParameters(value, metadata.data));
    if (!fields.length) return value;
    throw invalidInput(fields);
  }
}
