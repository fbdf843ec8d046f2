import { containsPattern } from '@app/shared';

/**
 * The SQL condition "`text` is part of the record's number or of a text in its scope" (a
 * product's names, brand, models, factory; a service's name and sites), for the `q` filter of
 * the lists. The scope's `kind` is left out so that "products" does not match every record. It
 * runs after the tenancy condition, over one organization's records (the regulator's, over all:
 * a scan, acceptable for a search a person types; the public registry has the indexed search).
 */
export function numberOrScopeContains(alias: string, params: unknown[], text: string): string {
  const p = `$${params.push(containsPattern(text))}`;
  return `(${alias}.number ILIKE ${p} OR EXISTS (
    SELECT 1 FROM jsonb_path_query(${alias}.scope - 'kind', 'strict $.** ? (@.type() == "string")') v WHERE v #>> '{}' ILIKE ${p}))`;
}
