import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The public lists (the serious-violation list on display and the laboratory register): their
 * searches find any 2 characters through GIN indexes of bigrams (szs_bigrams, as the registry and
 * the directories do: a 2-character Chinese term has no trigram). Expression indexes, so neither
 * table gains a column; the services' search expressions (ENTERPRISE_SEARCH_TEXT in libs/credit,
 * LABORATORY_SEARCH_TEXT in libs/laboratories) must stay exactly these for the planner to use them.
 */
export class PublicLists1764193300000 implements MigrationInterface {
  name = 'PublicLists1764193300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX ix__organizations__enterprise_search ON organizations
        USING gin (szs_bigrams(lower(name_zh || ' ' || coalesce(name_en, '') || ' ' || credit_code))) WHERE kind = 'enterprise'`);
    // The public walk of the serious-violation list reads only the listings on display: in force, not ended by credit repair.
    await q.query(`
      CREATE INDEX ix__serious_violation_listings__displayed ON serious_violation_listings (listed_at DESC, id)
        WHERE removed_at IS NULL AND display_ended_at IS NULL`);
    await q.query(`
      CREATE INDEX ix__laboratories__search ON laboratories
        USING gin (szs_bigrams(lower(cnas_number || ' ' || name_zh || ' ' || coalesce(name_en, ''))))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix__laboratories__search`);
    await q.query(`DROP INDEX ix__serious_violation_listings__displayed`);
    await q.query(`DROP INDEX ix__organizations__enterprise_search`);
  }
}
