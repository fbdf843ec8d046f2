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
 * its key. A body's come from the registry's index by body. The regulator's are read from the
 * registry entries one by one: a substring test per entry, 0.2–0.3 s at a million whatever the
 * term (docs/benchmarks.md). The registry's bigram index is not used here on purpose: for a term
 * that most entries hold (产品), the planner turns to a sequential scan that recomputes each
 * entry's index keys, 18 s at a million.
 */
export function certificateTextMatch(caller: Principal, params: unknown[], text: string): string {
  const t = `strpos(r.search_text, lower($${params.push(text)}::text)) > 0`;
  if (isRegulator(caller)) return `c.id IN (SELECT r.certificate_id FROM registry_entries r WHERE ${t})`;
  if (caller.organizationKind === 'certification_body') {
    return `c.id IN (SELECT r.certificate_id FROM registry_entries r WHERE r.certification_body_id = $${params.push(caller.organizationId)} AND ${t})`;
  }
  return `EXISTS (SELECT 1 FROM registry_entries r WHERE r.certificate_id = c.id AND ${t})`;
}
