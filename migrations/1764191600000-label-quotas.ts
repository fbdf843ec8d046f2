import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Label-code quotas read, at every order, an enterprise's batches of the day and those still
 * generating, and a mark grant's total: indexes so that stays a few index entries at any history.
 */
export class LabelQuotas1764191600000 implements MigrationInterface {
  name = 'LabelQuotas1764191600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ix__label_batches__enterprise_id ON label_batches (enterprise_id, created_at)`);
    await q.query(`CREATE INDEX ix__label_batches__mark_grant_id ON label_batches (mark_grant_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix__label_batches__mark_grant_id`);
    await q.query(`DROP INDEX ix__label_batches__enterprise_id`);
  }
}
