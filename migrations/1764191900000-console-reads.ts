import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the console reads: the verification history per day, and the indexes its work lists,
 * filters and dashboard need so that each count is one index scan for a tenant.
 *
 * `verification_daily_counts` holds one row per Shanghai day, certification body and kind of
 * code; the counterfeit detector adds to it in the same statement as its batched flush of
 * `verification_counts` (every two seconds), so a verification still writes nothing itself. A
 * day's rows number the bodies times two: 30 days for the dashboard are a few hundred rows.
 *
 * `certificate_counts` keeps the certificates counted per certification body, category, status
 * and month of issue, so the dashboard sums a few thousand rows instead of counting a million
 * certificates (grouped counts over covering indexes took 540 ms at 1M; docs/benchmarks.md). A
 * statement-level trigger applies each statement's net change in one upsert, keys in order, so
 * concurrent status changes take the counter rows' locks in the same order and cannot deadlock
 * on them; a statement that changes no counted column (the PDF, the token) nets to nothing and
 * writes nothing.
 */
export class ConsoleReads1764191900000 implements MigrationInterface {
  name = 'ConsoleReads1764191900000';

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

    await q.query(`
      CREATE TABLE certificate_counts (
        certification_body_id uuid NOT NULL,
        category_code text NOT NULL,
        status text NOT NULL,
        issued_month date NOT NULL,
        count bigint NOT NULL,
        PRIMARY KEY (certification_body_id, category_code, status, issued_month)
      )`);
    await q.query(`
      CREATE FUNCTION szs_count_certificates() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO certificate_counts AS cc (certification_body_id, category_code, status, issued_month, count)
          SELECT certification_body_id, category_code, status, date_trunc('month', issued_on)::date, count(*)
            FROM new_rows GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
          ON CONFLICT (certification_body_id, category_code, status, issued_month) DO UPDATE SET count = cc.count + EXCLUDED.count;
        ELSIF TG_OP = 'UPDATE' THEN
          INSERT INTO certificate_counts AS cc (certification_body_id, category_code, status, issued_month, count)
          SELECT certification_body_id, category_code, status, month, sum(delta)
            FROM (SELECT certification_body_id, category_code, status, date_trunc('month', issued_on)::date AS month, 1 AS delta FROM new_rows
                  UNION ALL
                  SELECT certification_body_id, category_code, status, date_trunc('month', issued_on)::date, -1 FROM old_rows) d
           GROUP BY 1, 2, 3, 4 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3, 4
          ON CONFLICT (certification_body_id, category_code, status, issued_month) DO UPDATE SET count = cc.count + EXCLUDED.count;
        ELSE
          UPDATE certificate_counts cc SET count = cc.count - d.n
            FROM (SELECT certification_body_id, category_code, status, date_trunc('month', issued_on)::date AS month, count(*) AS n
                    FROM old_rows GROUP BY 1, 2, 3, 4) d
           WHERE (cc.certification_body_id, cc.category_code, cc.status, cc.issued_month) = (d.certification_body_id, d.category_code, d.status, d.month);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER tr__certificates__count_insert AFTER INSERT ON certificates REFERENCING NEW TABLE AS new_rows
                   FOR EACH STATEMENT EXECUTE FUNCTION szs_count_certificates()`);
    await q.query(`CREATE TRIGGER tr__certificates__count_update AFTER UPDATE ON certificates REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                   FOR EACH STATEMENT EXECUTE FUNCTION szs_count_certificates()`);
    await q.query(`CREATE TRIGGER tr__certificates__count_delete AFTER DELETE ON certificates REFERENCING OLD TABLE AS old_rows
                   FOR EACH STATEMENT EXECUTE FUNCTION szs_count_certificates()`);
    // The certificates already issued.
    await q.query(`
      INSERT INTO certificate_counts (certification_body_id, category_code, status, issued_month, count)
      SELECT certification_body_id, category_code, status, date_trunc('month', issued_on)::date, count(*) FROM certificates GROUP BY 1, 2, 3, 4`);
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
    ]) {
      await q.query(`DROP INDEX ${ix}`);
    }
    for (const t of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER tr__certificates__count_${t} ON certificates`);
    await q.query(`DROP FUNCTION szs_count_certificates()`);
    await q.query(`DROP TABLE certificate_counts`);
    await q.query(`DROP TABLE verification_daily_counts`);
  }
}
