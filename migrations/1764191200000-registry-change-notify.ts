import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every committed change to a registry entry is announced on the channel registry_entry_changed
 * with its certificate number, so API processes can drop what they keep in memory the moment it
 * is no longer true (libs/registry/src/registry-cache.ts). A trigger rather than application
 * code: no writer can forget it.
 */
export class RegistryChangeNotify1764191200000 implements MigrationInterface {
  name = 'RegistryChangeNotify1764191200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION szs_registry_entry_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('registry_entry_changed', CASE WHEN TG_OP = 'DELETE' THEN OLD.number ELSE NEW.number END);
        IF TG_OP = 'UPDATE' AND OLD.number <> NEW.number THEN
          PERFORM pg_notify('registry_entry_changed', OLD.number);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER tr__registry_entries__notify AFTER INSERT OR UPDATE OR DELETE ON registry_entries
        FOR EACH ROW EXECUTE FUNCTION szs_registry_entry_changed()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER tr__registry_entries__notify ON registry_entries`);
    await q.query(`DROP FUNCTION szs_registry_entry_changed()`);
  }
}
