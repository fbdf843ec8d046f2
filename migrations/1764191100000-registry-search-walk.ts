import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Registry search reads the newest entries first from one covering index (index-only: no visit
 * to the wide rows) and stops as soon as a page is full; only a rare term falls back to the
 * bigram index (see libs/registry/src/registry-search.ts). The index carries the first 300
 * characters of the search text — a whole one could pass the 2.7 kB limit of a btree entry
 * (50 products of 200 models each) — and a head of exactly 300 characters tells the search to
 * read the rest from the row.
 */
export class RegistrySearchWalk1764191100000 implements MigrationInterface {
  name = 'RegistrySearchWalk1764191100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE registry_entries ADD COLUMN search_head text GENERATED ALWAYS AS (left(search_text, 300)) STORED`);
    await q.query(`DROP INDEX ix__registry_entries__issued_on`);
    await q.query(`
      CREATE INDEX ix__registry_entries__newest ON registry_entries (issued_on DESC, number DESC)
        INCLUDE (search_head, category_code, status, certification_body_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix__registry_entries__newest`);
    await q.query(`CREATE INDEX ix__registry_entries__issued_on ON registry_entries (issued_on DESC, number DESC)`);
    await q.query(`ALTER TABLE registry_entries DROP COLUMN search_head`);
  }
}
