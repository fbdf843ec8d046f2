import { MigrationInterface, QueryRunner } from 'typeorm';

/** Verification counts per code, and the counterfeit signals raised for certification bodies. */
export class CounterfeitSignals1764190800000 implements MigrationInterface {
  name = 'CounterfeitSignals1764190800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE verification_counts (
        code text PRIMARY KEY,
        kind text NOT NULL CONSTRAINT ck__verification_counts__kind CHECK (kind IN ('certificate', 'label')),
        certificate_id uuid CONSTRAINT fk__verification_counts__certificate_id REFERENCES certificates (id),
        count bigint NOT NULL DEFAULT 0,
        first_at timestamptz NOT NULL DEFAULT now(),
        last_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE counterfeit_signals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL,
        kind text NOT NULL CONSTRAINT ck__counterfeit_signals__kind CHECK (kind IN ('certificate', 'label')),
        reason text NOT NULL CONSTRAINT ck__counterfeit_signals__reason CHECK (reason IN ('many_networks', 'ended_certificate')),
        certificate_id uuid NOT NULL CONSTRAINT fk__counterfeit_signals__certificate_id REFERENCES certificates (id),
        certification_body_id uuid NOT NULL CONSTRAINT fk__counterfeit_signals__certification_body_id REFERENCES organizations (id),
        distinct_networks integer,
        status text NOT NULL DEFAULT 'open' CONSTRAINT ck__counterfeit_signals__status CHECK (status IN ('open', 'dismissed', 'confirmed')),
        note text,
        raised_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz,
        resolved_by uuid CONSTRAINT fk__counterfeit_signals__resolved_by REFERENCES users (id)
      )`);
    // One open signal per code and reason: repeated sightings update it instead of piling up.
    await q.query(`CREATE UNIQUE INDEX uq__counterfeit_signals__code ON counterfeit_signals (code, reason) WHERE status = 'open'`);
    await q.query(`CREATE INDEX ix__counterfeit_signals__certification_body_id ON counterfeit_signals (certification_body_id, status, raised_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE counterfeit_signals`);
    await q.query(`DROP TABLE verification_counts`);
  }
}
