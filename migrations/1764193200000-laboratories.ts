import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Testing laboratories (the CNAS register as the regulator keeps it, with scope lines), recognition
 * agreements (互认) and the recognised reports enterprises present under them; a finding now names
 * the registered laboratory and the report date, or the recognised report it rests on; a
 * requirement may name the test parameter a laboratory's scope line is matched on.
 */
export class Laboratories1764193200000 implements MigrationInterface {
  name = 'Laboratories1764193200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE laboratories (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cnas_number text NOT NULL CONSTRAINT uq__laboratories__cnas_number UNIQUE
          CONSTRAINT ck__laboratories__cnas_number CHECK (cnas_number ~ '^L[0-9]{4}$'),
        name_zh text NOT NULL,
        name_en text,
        address text NOT NULL,
        accredited_from date NOT NULL,
        accredited_until date NOT NULL,
        status text NOT NULL DEFAULT 'accredited' CONSTRAINT ck__laboratories__status CHECK (status IN ('accredited', 'suspended', 'withdrawn')),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck__laboratories__accredited_until CHECK (accredited_from <= accredited_until)
      )`);
    await q.query(`CREATE INDEX ix__laboratories__name_zh ON laboratories (name_zh, id)`);
    await q.query(`
      CREATE TABLE laboratory_scope_lines (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        laboratory_id uuid NOT NULL CONSTRAINT fk__laboratory_scope_lines__laboratory_id REFERENCES laboratories (id) ON DELETE CASCADE,
        position integer NOT NULL,
        object_tested text NOT NULL,
        parameter_zh text NOT NULL,
        parameter_en text,
        standard_code text NOT NULL,
        clause text,
        limits text
      )`);
    await q.query(`CREATE INDEX ix__laboratory_scope_lines__laboratory_id ON laboratory_scope_lines (laboratory_id, position)`);
    await q.query(`
      CREATE TABLE recognition_agreements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CONSTRAINT ck__recognition_agreements__kind CHECK (kind IN ('ilac_mra', 'hk_macao', 'scheme_certificate')),
        party text NOT NULL,
        region text NOT NULL,
        scope text NOT NULL,
        valid_from date NOT NULL,
        valid_until date,
        status text NOT NULL DEFAULT 'in_force' CONSTRAINT ck__recognition_agreements__status CHECK (status IN ('in_force', 'terminated')),
        created_by uuid CONSTRAINT fk__recognition_agreements__created_by REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck__recognition_agreements__valid_until CHECK (valid_until IS NULL OR valid_from <= valid_until)
      )`);
    await q.query(`
      CREATE TABLE recognised_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        audit_id uuid NOT NULL CONSTRAINT fk__recognised_reports__audit_id REFERENCES audits (id),
        requirement_id uuid NOT NULL CONSTRAINT fk__recognised_reports__requirement_id REFERENCES requirements (id),
        agreement_id uuid NOT NULL CONSTRAINT fk__recognised_reports__agreement_id REFERENCES recognition_agreements (id),
        issuing_body text NOT NULL,
        report_number text NOT NULL,
        report_date date NOT NULL,
        measured_value numeric,
        passed boolean,
        status text NOT NULL DEFAULT 'presented' CONSTRAINT ck__recognised_reports__status CHECK (status IN ('presented', 'accepted', 'refused')),
        refusal_reason text,
        presented_by uuid NOT NULL CONSTRAINT fk__recognised_reports__presented_by REFERENCES users (id),
        presented_at timestamptz NOT NULL DEFAULT now(),
        decided_by uuid CONSTRAINT fk__recognised_reports__decided_by REFERENCES users (id),
        decided_at timestamptz,
        version integer NOT NULL DEFAULT 1
      )`);
    // One report awaiting the auditor per requirement of an audit: a second waits for the first's answer.
    await q.query(`CREATE UNIQUE INDEX uq__recognised_reports__presented ON recognised_reports (audit_id, requirement_id) WHERE status = 'presented'`);
    await q.query(`CREATE INDEX ix__recognised_reports__audit_id ON recognised_reports (audit_id, presented_at)`);
    await q.query(`ALTER TABLE requirements ADD COLUMN parameter_zh text, ADD COLUMN parameter_en text`);
    await q.query(`
      ALTER TABLE findings
        ADD COLUMN report_date date,
        ADD COLUMN laboratory_id uuid CONSTRAINT fk__findings__laboratory_id REFERENCES laboratories (id),
        ADD COLUMN recognised_report_id uuid CONSTRAINT fk__findings__recognised_report_id REFERENCES recognised_reports (id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE findings DROP COLUMN recognised_report_id, DROP COLUMN laboratory_id, DROP COLUMN report_date`);
    await q.query(`ALTER TABLE requirements DROP COLUMN parameter_en, DROP COLUMN parameter_zh`);
    await q.query(`DROP TABLE recognised_reports`);
    await q.query(`DROP TABLE recognition_agreements`);
    await q.query(`DROP TABLE laboratory_scope_lines`);
    await q.query(`DROP TABLE laboratories`);
  }
}
