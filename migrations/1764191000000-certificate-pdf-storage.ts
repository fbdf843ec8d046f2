import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A certificate PDF is already deflate-compressed, so Postgres's TOAST compression (pglz) never
 * shrinks it, yet it was tried on every write: about 0.5 ms of server CPU per 47 KB PDF, a tenth
 * of the database's share of issuing a certificate (bench:pipeline). EXTERNAL stores it out of
 * line without trying. No rewrite: values already stored stay as they are.
 */
export class CertificatePdfStorage1764191000000 implements MigrationInterface {
  name = 'CertificatePdfStorage1764191000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE certificates ALTER COLUMN pdf SET STORAGE EXTERNAL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE certificates ALTER COLUMN pdf SET STORAGE EXTENDED`);
  }
}
