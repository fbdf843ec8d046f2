import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the console reads: the verification history per day, and the indexes its work lists,
 * filters and dashboard need so that each count is one index scan for a tenant.
 *
 * `verification_daily_counts` holds one row per Shanghai day, certification body and kind of
 * code; the counterfeit detector adds to it in the same statement as its batched flush of
 * `verification_counts` (every two seconds), so a verification still writes nothing itself. A
 * day's rows number the bodies times two: 30 days for the dashboard are a few hundred rows.
 */
export class ConsoleReads1764191800000 implements MigrationInterface {
  name = 'ConsoleReads1764191800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE verification_daily_counts (
        day date NOT NULL,
        certification_body_id uuid NOT NULL CONSTRAINT fk__verification_daily_counts__certification_body_id REFERENCES organizations (id),
        kind text NOT NULL CONSTRAINT ck__verification_daily_counts__kind CHECK (kind IN ('certificate', 'label')),
        count bigint NOT NULL CONSTRAINT ck__verification_daily_counts__count CHECK (count >= 0),
        PRIMARY KEY (day, certification_body_id, kind)
      )`);
    // A body's dashboard reads its own days.
    await q.query(`CREATE INDEX ix__verification_daily_counts__certification_body_id ON verification_daily_counts (certification_body_id, day)`);

    // Dashboard: certificates by category and status (an index-only scan), issued per month.
    await q.query(`CREATE INDEX ix__certificates__category_code ON certificates (category_code, status)`);
    await q.query(`CREATE INDEX ix__certificates__issued_on ON certificates (issued_on)`);
    await q.query(`CREATE INDEX ix__certificates__certification_body_category ON certificates (certification_body_id, category_code, status, issued_on)`);
    // Audits: the calendar (planned date range) and the enterprise's side.
    await q.query(`CREATE INDEX ix__audits__certification_body_planned_on ON audits (certification_body_id, planned_on)`);
    await q.query(`CREATE INDEX ix__audits__enterprise_id ON audits (enterprise_id, planned_on)`);
    // Mark grants were found only through their certificate: the work lists ask per side and status.
    await q.query(`CREATE INDEX ix__mark_grants__certification_body_id ON mark_grants (certification_body_id, status, created_at)`);
    await q.query(`CREATE INDEX ix__mark_grants__enterprise_id ON mark_grants (enterprise_id, status, created_at)`);
    // Open nonconformities are few among all: partial, by their audit.
    await q.query(`CREATE INDEX ix__nonconformities__unclosed ON nonconformities (audit_id, status) WHERE status <> 'closed'`);
    // The regulator's open misuse reports, across bodies.
    await q.query(`CREATE INDEX ix__misuse_reports__unclosed ON misuse_reports (created_at) WHERE status <> 'closed'`);
    // Counterfeit signals raised per day, across bodies.
    await q.query(`CREATE INDEX ix__counterfeit_signals__raised_at ON counterfeit_signals (raised_at)`);
    // Failed jobs waiting for someone, per organization.
    await q.query(`CREATE INDEX ix__outbox__failed ON outbox (organization_id, failed_at) WHERE failed_at IS NOT NULL AND completed_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const ix of [
      'ix__outbox__failed',
      'ix__counterfeit_signals__raised_at',
      'ix__misuse_reports__unclosed',
      'ix__nonconformities__unclosed',
      'ix__mark_grants__enterprise_id',
      'ix__mark_grants__certification_body_id',
      'ix__audits__enterprise_id',
      'ix__audits__certification_body_planned_on',
      'ix__certificates__certification_body_category',
      'ix__certificates__issued_on',
      'ix__certificates__category_code',
    ]) {
      await q.query(`DROP INDEX ${ix}`);
    }
    await q.query(`DROP TABLE verification_daily_counts`);
  }
}
