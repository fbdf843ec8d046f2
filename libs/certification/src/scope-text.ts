import { isRegulator, Principal } from '@app/identity';
import { containsPattern } from '@app/shared';

/**
 * The SQL condition "`text` is part of the record's number or of a text in its scope" (a
 * product's names, brand, models, factory; a service's name and sites), for the `q` filter of
 * the applications. The scope's `kind` is left out so that "products" does not match every
 * record. It reads each of the caller's records: cheap for an enterprise or a body; the
 * regulator names an enterprise or a body with it (ApplicationsService).
 */
export function numberOrScopeContains(alias: string, params: unknown[], text: string): string {
  const p = `$${params.push(containsPattern(text))}`;
  return `(${alias}.number ILIKE ${p} OR EXISTS (
    SELECT 1 FROM jsonb_path_query(${alias}.scope - 'kind', 'strict $.** ? (@.type() == "string")') v WHERE v #>> '{}' ILIKE ${p}))`;
}

/**
 * The `q` filter of the certificates: `text` is part of the certificate's registry search text
 * (number, holder, products' names, brands and models, service), which every certificate has,
 * lower-cased, in `registry_entries`. An enterprise's certificates are few: each is looked up by
 * its key. A body's and the regulator's are many (a million took 8 s to scan): their candidates
 * come from the registry's search index (migration 1764191700000), a body's through the keys
 * that pair its id with each bigram of the text, so the index lists only its own entries.
 * The text must hold two adjacent characters that are not spaces (CertificateQuery).
 */
export function certificateTextMatch(caller: Principal, params: unknown[], text: string): string {
  const t = `lower($${params.push(text)}::text)`;
  if (!isRegulator(caller) && caller.organizationKind !== 'certification_body') {
    return `EXISTS (SELECT 1 FROM registry_entries r WHERE r.certificate_id = c.id AND strpos(r.search_text, ${t}) > 0)`;
  }
  const keys = isRegulator(caller)
    ? `szs_bigrams(${t})`
    : `ARRAY(SELECT 'b=' || $${params.push(caller.organizationId)}::text || '/' || b FROM unnest(szs_bigrams(${t})) b)`;
  return `c.id IN (SELECT r.certificate_id FROM registry_entries r
                    WHERE szs_search_keys(r.search_bigrams, r.category_code, r.status, r.certification_body_id) @> ${keys}
                      AND strpos(r.search_text, ${t}) > 0)`;
}
