/**
 * The entry's lifecycle (RegistryLifecycle) with every key present: an entry last written before the
 * lifecycle existed holds '{}' until its certificate next changes, and reads as a first edition with
 * no surveillance, lineage or transition yet.
 */
export const PUBLIC_LIFECYCLE = `(jsonb_build_object(
    'edition', 1, 'renews', NULL, 'renewedBy', NULL, 'transition', NULL,
    'surveillance', jsonb_build_object('intervalMonths', 12, 'lastOn', NULL, 'lastOutcome', NULL, 'nextDue', NULL)) || r.lifecycle)`;

/** The public record of a certificate: what anyone may see, nothing else. */
export const PUBLIC_ENTRY = `
  r.number, r.status, r.holder, r.certification_body AS "certificationBody", r.category, r.standard, r.scope,
  r.issued_on AS "issuedOn", r.expires_on AS "expiresOn", ${PUBLIC_LIFECYCLE} AS lifecycle, r.updated_at AS "updatedAt"`;

export interface SearchCriteria {
  /** Trimmed, with two adjacent characters that are not spaces (the database lower-cases it). */
  text?: string;
  category?: string;
  status?: string;
  certificationBodyId?: string;
  issuedFrom?: string;
  issuedTo?: string;
  /** Keyset: entries strictly before this (issued_on, number), newest first. */
  after?: [string, string];
  /** Rows wanted: one more than the page, to know whether another page follows. */
  take: number;
}

/** Share of registry entries holding each common bigram, as Postgres's statistics last saw them. */
export type BigramFrequencies = ReadonlyMap<string, number>;

/**
 * Reads the frequencies the last ANALYZE of registry_entries gathered (its most common elements),
 * through whatever runs SQL for the caller (TypeORM in the API, plain pg in the benchmark).
 */
export async function readBigramFrequencies(query: (sql: string) => Promise<{ bigram: string; freq: number }[]>): Promise<BigramFrequencies> {
  const rows = await query(`
    SELECT u.bigram, u.freq FROM pg_stats s,
           unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS u(bigram, freq)
     WHERE s.schemaname = current_schema() AND s.tablename = 'registry_entries' AND s.attname = 'search_bigrams'
       AND u.bigram IS NOT NULL`);
  return new Map(rows.map((r) => [r.bigram, Number(r.freq)]));
}

/**
 * How many entries, newest first, a search reads from the covering index before it asks the
 * search index (bigrams and filters) instead. A common term (电子 is in one name in six) fills a page within a few
 * dozen entries; a rare one never does, and then the bigram index finds its few rows directly.
 * Either way one statement reads at most a few thousand small index entries — where the bigram
 * index alone would fetch and sort every one of the 190,000 rows 电子 matches at 1M entries.
 */
export const SEARCH_WALK = 3000;

/** Characters of the search text the covering index carries (migration 1764191100000). */
const SEARCH_HEAD = 300;

/** At most this many bigrams are looked up in the index: intersecting more costs more than it saves. */
const PROBE_BIGRAMS = 3;
/** A bigram in more than this share of entries (深圳, 公司, "lt") narrows the search too little to look up. */
const COMMON_BIGRAM = 0.1;

/** Whitespace to JavaScript and to every collation provider PostgreSQL may use (ICU adds U+001C–1F and U+0085). */
// eslint-disable-next-line no-control-regex -- U+001C–1F are whitespace to ICU collations
const SPACE = /[\s\x1c-\x1f\x85]/u;

/**
 * Characters whose lower case PostgreSQL's lower() certainly agrees on: ASCII, and characters
 * without case (Chinese, digits, punctuation). For the others (Σ, İ…) JavaScript applies
 * Unicode's special casing, which the database's locale may not.
 */
const settled = (c: string) => c.charCodeAt(0) < 128 || c.toLowerCase() === c.toUpperCase();

/** The pairs of adjacent characters of a text that hold no space: what szs_bigrams() indexes. */
export function bigramsOf(text: string): string[] {
  const chars = [...text];
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const pair = chars[i] + chars[i + 1];
    if (!SPACE.test(pair)) pairs.add(pair);
  }
  return [...pairs];
}

/**
 * The bigrams worth looking up for a text: the rarest few (a bigram the statistics do not list is
 * rarer than every one they do), preferring pairs whose lower case the database agrees on. Any
 * subset of the text's bigrams finds every entry holding the text; strpos then keeps only those
 * that really do. Empty when every pair holds a space: such a text cannot be searched by index.
 */
export function probeBigrams(text: string, frequencies: BigramFrequencies): string[] {
  const pairs = bigramsOf(text.toLowerCase());
  const safe = pairs.filter((pair) => [...pair].every(settled));
  const ranked = (safe.length ? safe : pairs).map((b) => ({ b, f: frequencies.get(b) ?? 0 })).sort((x, y) => x.f - y.f);
  const selective = ranked.filter((x) => x.f <= COMMON_BIGRAM).slice(0, PROBE_BIGRAMS);
  return (selective.length ? selective : ranked.slice(0, 1)).map((x) => x.b);
}

/**
 * One SQL statement for a registry search, newest first. Shared by the API and the benchmark's
 * bare baseline, so both run exactly the same query.
 */
export function searchStatement(c: SearchCriteria, frequencies: BigramFrequencies = new Map()): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const p = (v: unknown) => `$${values.push(v)}`;
  // Conditions on the ordering key (a range of the covering index) and on its included columns.
  const range: string[] = [];
  const filters: string[] = [];
  if (c.issuedFrom) range.push(`r.issued_on >= ${p(c.issuedFrom)}::date`);
  if (c.issuedTo) range.push(`r.issued_on <= ${p(c.issuedTo)}::date`);
  if (c.after) range.push(`(r.issued_on, r.number) < (${p(c.after[0])}::date, ${p(c.after[1])})`);
  if (c.category) filters.push(`r.category_code = ${p(c.category)}`);
  if (c.status) filters.push(`r.status = ${p(c.status)}`);
  if (c.certificationBodyId) filters.push(`r.certification_body_id = ${p(c.certificationBodyId)}::uuid`);
  // The same filters as keys of the search index (szs_search_keys, migration 1764191700000).
  const filterKeys = [
    ...(c.category ? [`c=${c.category}`] : []),
    ...(c.status ? [`s=${c.status}`] : []),
    ...(c.certificationBodyId ? [`b=${c.certificationBodyId.toLowerCase()}`] : []),
  ];
  const take = Math.trunc(c.take);
  const all = (...extra: string[]) => [...extra, ...range, ...filters].join(' AND ') || 'TRUE';

  const newest = `ORDER BY r.issued_on DESC, r.number DESC`;
  // No term and at most one filter with an index of its own (category, body; newest first within
  // it): that index is read in order and every entry it gives matches, so the page is all it reads.
  if (!c.text && filters.length <= 1 && !c.status) {
    return { text: `SELECT ${PUBLIC_ENTRY} FROM registry_entries r WHERE ${all()} ${newest} LIMIT ${take}`, values };
  }
  let probed: string[] = [];
  let match: string | undefined;
  let matchRow: string | undefined;
  if (c.text) {
    probed = probeBigrams(c.text, frequencies);
    if (!probed.length) throw new Error('a search text needs two adjacent characters that are not spaces');
    const t = `lower(${p(c.text)}::text)`;
    // A head of SEARCH_HEAD characters may have been cut short: the row's whole text decides then.
    match = `(strpos(r.search_head, ${t}) > 0 OR (char_length(r.search_head) = ${SEARCH_HEAD} AND EXISTS (
                 SELECT FROM registry_entries x WHERE x.number = r.number AND strpos(x.search_text, ${t}) > 0)))`;
    matchRow = `strpos(r.search_text, ${t}) > 0`;
  }
  // The index keys to look up. Each probed bigram paired with each filter (c=FOOD/电子): the index
  // lists exactly the entries holding both. No term: each pair of the filters (c=FOOD&s=withdrawn),
  // or the one filter.
  let keys: string[];
  if (probed.length) keys = filterKeys.length ? probed.flatMap((b) => filterKeys.map((k) => `${k}/${b}`)) : probed;
  else {
    const pairs = filterKeys.flatMap((k, i) => filterKeys.slice(i + 1).map((l) => `${k}&${l}`));
    keys = pairs.length ? pairs : filterKeys;
  }
  const probe = p(keys);
  // walk: the newest SEARCH_WALK entries of the range, index only; it stops once a page is full.
  // span: whether the range holds fewer than SEARCH_WALK entries, so that the walk saw them all
  //   and its answer is complete however few it found (asked only when the walk found too few).
  // found: otherwise the search index finds exactly the rows holding the probed keys. The
  //   filters are there as keys only, and found has no ORDER BY, on purpose: PostgreSQL, taking
  //   the term and the filters (or two filters) as independent, would otherwise read one filter's
  //   own index, or walk one in order expecting an early match (a second or more at 1M entries
  //   for 电子 in FOOD, or withdrawn in FOOD).
  // Each branch's one-time filter reads the counts, so the branch not taken costs nothing (found,
  // a CTE, is computed only when read).
  return {
    text: `
      WITH walk AS MATERIALIZED (
        SELECT r.issued_on, r.number FROM (
          SELECT r.issued_on, r.number, r.search_head, r.category_code, r.status, r.certification_body_id
            FROM registry_entries r WHERE ${range.join(' AND ') || 'TRUE'} ${newest} LIMIT ${SEARCH_WALK}) r
         WHERE ${[...filters, ...(match ? [match] : [])].join(' AND ')}
         ${newest} LIMIT ${take}),
      span AS MATERIALIZED (
        SELECT count(*) AS entries FROM (SELECT FROM registry_entries r WHERE ${range.join(' AND ') || 'TRUE'} ${newest} LIMIT ${SEARCH_WALK}) r),
      found AS MATERIALIZED (
        SELECT r.issued_on, r.number FROM registry_entries r
         WHERE ${[
           `szs_search_keys(r.search_bigrams, r.category_code, r.status, r.certification_body_id) @> ${probe}::text[]`,
           ...(matchRow ? [matchRow] : []),
           ...range,
         ].join(' AND ')}),
      hits AS (
        SELECT w.issued_on, w.number FROM walk w WHERE (SELECT count(*) FROM walk) >= ${take} OR (SELECT entries FROM span) < ${SEARCH_WALK}
        UNION ALL
        (SELECT r.issued_on, r.number FROM found r
          WHERE (SELECT count(*) FROM walk) < ${take} AND (SELECT entries FROM span) = ${SEARCH_WALK} ${newest} LIMIT ${take}))
      SELECT ${PUBLIC_ENTRY} FROM hits h JOIN registry_entries r ON r.number = h.number
       ${newest}`,
    values,
  };
}
