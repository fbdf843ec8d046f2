import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Credentials: a token version per user (bumped by a password change or reset, a deactivation or
 * a role change, so older tokens stop working), and e-mails unique per organization instead of
 * across the platform, so creating a user cannot tell an administrator that the address is
 * registered in another organization.
 */
export class Credentials1764191400000 implements MigrationInterface {
  name = 'Credentials1764191400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN token_version integer NOT NULL DEFAULT 0`);
    await q.query(`DROP INDEX uq__users__email`);
    // Same name, so a duplicate in one's own organization still answers 409 naming `email`.
    await q.query(`CREATE UNIQUE INDEX uq__users__email ON users (organization_id, lower(email))`);
    // Login finds every account with an e-mail, in any organization.
    await q.query(`CREATE INDEX ix__users__email ON users (lower(email))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix__users__email`);
    await q.query(`DROP INDEX uq__users__email`);
    await q.query(`CREATE UNIQUE INDEX uq__users__email ON users (lower(email))`);
    await q.query(`ALTER TABLE users DROP COLUMN token_version`);
  }
}
