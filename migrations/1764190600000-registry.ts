import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The public registry: one denormalized, public-only row per certificate, written in the same
 * transaction as every certificate change (so it is never stale), searchable by any substring of
 * 2 characters or more through a GIN index of its character bigrams — Chinese has no spaces, and
 * trigrams cannot serve a two-character query such as 电子.
 */
export class Registry1764190600000 implements MigrationInterface {
  name = 'Registry1764190600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION szs_bigrams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT coalesce(array_agg(DISTINCT b), '{}')
          FROM (SELECT substr(t, i, 2) AS b FROM generate_series(1, char_length(t) - 1) AS i) s
         WHERE b !~ '\\s'
      $$`);
    await q.query(`
      CREATE TABLE registry_entries (
        certificate_id uuid PRIMARY KEY CONSTRAINT fk__registry_entries__certificate_id REFERENCES certificates (id),
        number text NOT NULL CONSTRAINT uq__registry_entries__number UNIQUE,
        status text NOT NULL,
        holder jsonb NOT NULL,
        certification_body_id uuid NOT NULL,
        certification_body jsonb NOT NULL,
        category_code text NOT NULL,
        category jsonb NOT NULL,
        standard jsonb NOT NULL,
        scope jsonb NOT NULL,
        issued_on date NOT NULL,
        expires_on date NOT NULL,
        search_text text NOT NULL,
        search_bigrams text[] GENERATED ALWAYS AS (szs_bigrams(search_text)) STORED,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix__registry_entries__search_bigrams ON registry_entries USING gin (search_bigrams)`);
    await q.query(`CREATE INDEX ix__registry_entries__issued_on ON registry_entries (issued_on DESC, number DESC)`);
    await q.query(`CREATE INDEX ix__registry_entries__category_code ON registry_entries (category_code, issued_on DESC, number DESC)`);
    await q.query(`CREATE INDEX ix__registry_entries__certification_body_id ON registry_entries (certification_body_id, issued_on DESC, number DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE registry_entries`);
    await q.query(`DROP FUNCTION szs_bigrams(text)`);
  }
}
