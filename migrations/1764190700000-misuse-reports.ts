import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Misuse reports from the public (no login): what someone saw, where, and optionally how to reach
 * them. Routed to the certification body of the certificate the code belongs to (when it matches
 * one) and always to the regulator. The reporter's address is kept only as a keyed hash.
 */
export class MisuseReports1764190700000 implements MigrationInterface {
  name = 'MisuseReports1764190700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE misuse_report_seq`);
    await q.query(`
      CREATE TABLE misuse_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- MR-<year in Beijing time>-<serial>: what the reporter quotes when they call back
        reference text NOT NULL CONSTRAINT uq__misuse_reports__reference UNIQUE
          DEFAULT 'MR-' || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY') || '-' || lpad(nextval('misuse_report_seq')::text, 6, '0'),
        code text CONSTRAINT ck__misuse_reports__code CHECK (char_length(code) BETWEEN 1 AND 1100),
        certificate_id uuid CONSTRAINT fk__misuse_reports__certificate_id REFERENCES certificates (id),
        certification_body_id uuid CONSTRAINT fk__misuse_reports__certification_body_id REFERENCES organizations (id),
        description text NOT NULL CONSTRAINT ck__misuse_reports__description CHECK (char_length(description) BETWEEN 1 AND 4000),
        where_seen text CONSTRAINT ck__misuse_reports__where_seen CHECK (char_length(where_seen) BETWEEN 1 AND 500),
        contact text CONSTRAINT ck__misuse_reports__contact CHECK (char_length(contact) BETWEEN 1 AND 200),
        status text NOT NULL DEFAULT 'received' CONSTRAINT ck__misuse_reports__status CHECK (status IN ('received', 'reviewing', 'closed')),
        reporter_ip_hash text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        status_changed_at timestamptz,
        status_changed_by uuid CONSTRAINT fk__misuse_reports__status_changed_by REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix__misuse_reports__certification_body_id ON misuse_reports (certification_body_id, created_at DESC)`);
    await q.query(`CREATE INDEX ix__misuse_reports__created_at ON misuse_reports (created_at DESC)`);
    await q.query(`CREATE INDEX ix__misuse_reports__certificate_id ON misuse_reports (certificate_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE misuse_reports`);
    await q.query(`DROP SEQUENCE misuse_report_seq`);
  }
}
