import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Surveillance (issue 11): the certificate decision a failed audit of an issued certificate awaits
 * (ISO/IEC 17065 7.11: suspend, withdraw or maintain), one per audit, taken by a decision maker who
 * was not an auditor on it.
 */
export class Surveillance1764192200000 implements MigrationInterface {
  name = 'Surveillance1764192200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE certificate_decisions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      audit_id uuid NOT NULL CONSTRAINT uq__certificate_decisions__audit_id UNIQUE
        CONSTRAINT fk__certificate_decisions__audit_id REFERENCES audits (id),
      certificate_id uuid NOT NULL CONSTRAINT fk__certificate_decisions__certificate_id REFERENCES certificates (id),
      outcome text NOT NULL CONSTRAINT ck__certificate_decisions__outcome CHECK (outcome IN ('suspend', 'withdraw', 'maintain')),
      rationale text NOT NULL,
      decided_by uuid NOT NULL CONSTRAINT fk__certificate_decisions__decided_by REFERENCES users (id),
      decided_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX ix__certificate_decisions__certificate_id ON certificate_decisions (certificate_id, decided_at)`);
    // The daily sweep asks, per page of certificates, which already have an audit planning job waiting: by this index, not a scan.
    await q.query(`CREATE INDEX ix__outbox__pending_certificate_audit ON outbox ((payload->>'certificateId'))
      WHERE completed_at IS NULL AND job_name = 'plan-certificate-audit'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix__outbox__pending_certificate_audit`);
    await q.query(`DROP TABLE certificate_decisions`);
  }
}
