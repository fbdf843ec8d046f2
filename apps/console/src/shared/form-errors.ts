import type { FormInstance } from 'antd';
import type { ApiError } from '../api/client';
import { fieldsIn } from '../api/field-sentences';
import type { Language } from '../i18n/language';

/**
 * A 400's `fields` placed next to the form fields they name. A server path such as
 * `scope.products.0.name` addresses the nested form field ['scope', 'products', 0, 'name'];
 * each reason in the person's language. Returns the refusals no field of the form carries, for
 * the form's own alert.
 */
export function applyFieldErrors(form: FormInstance, error: ApiError, language: Language): { field: string; reasons: string[] }[] {
  const unplaced: { field: string; reasons: string[] }[] = [];
  const placed: { name: (string | number)[]; errors: string[] }[] = [];
  const known = new Set(Object.keys(form.getFieldsValue(true) as object));
  for (const f of fieldsIn(language, error.fields)) {
    // Some checks name array items as `requirements[1].max`, others as `requirements.1.max`: both address the same field.
    const name = f.field
      .replace(/\[(\d+)\]/g, '.$1')
      .split('.')
      .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    if (known.has(String(name[0]))) placed.push({ name, errors: f.reasons });
    else unplaced.push(f);
  }
  form.setFields(placed);
  return unplaced;
}
