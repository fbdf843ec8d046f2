import { MigrationInterface, QueryRunner } from 'typeorm';

/** Audits (evaluation) of an application: auditors and their conflicts, findings, nonconformities; decisions. */
export class Audits1764190400000 implements MigrationInterface {
  name = 'Audits1764190400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE auditor_conflicts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        auditor_id uuid NOT NULL CONSTRAINT fk__auditor_conflicts__auditor_id REFERENCES users (id),
        enterprise_id uuid NOT NULL CONSTRAINT fk__auditor_conflicts__enterprise_id REFERENCES organizations (id),
        reason text NOT NULL,
        declared_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq__auditor_conflicts__enterprise_id UNIQUE (auditor_id, enterprise_id)
      )`);
    await q.query(`
      CREATE TABLE audits (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL CONSTRAINT fk__audits__application_id REFERENCES applications (id),
        certification_body_id uuid NOT NULL CONSTRAINT fk__audits__certification_body_id REFERENCES organizations (id),
        enterprise_id uuid NOT NULL CONSTRAINT fk__audits__enterprise_id REFERENCES organizations (id),
        standard_id uuid NOT NULL CONSTRAINT fk__audits__standard_id REFERENCES standards (id),
        kind text NOT NULL CONSTRAINT ck__audits__kind CHECK (kind IN ('initial', 'surveillance', 'special', 'renewal')),
        status text NOT NULL DEFAULT 'planned' CONSTRAINT ck__audits__status CHECK (status IN ('planned', 'in_progress', 'submitted', 'evaluated')),
        outcome text CONSTRAINT ck__audits__outcome CHECK (outcome IN ('passed', 'failed', 'corrections_required')),
        outcome_reasons jsonb,
        planned_on date NOT NULL,
        started_at timestamptz,
        submitted_at timestamptz,
        evaluated_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Planning is a job that may run twice: one initial audit per application, whatever happens.
    await q.query(`CREATE UNIQUE INDEX uq__audits__application_id ON audits (application_id) WHERE kind = 'initial'`);
    await q.query(`CREATE INDEX ix__audits__certification_body_id ON audits (certification_body_id, status)`);
    await q.query(`
      CREATE TABLE audit_auditors (
        audit_id uuid NOT NULL CONSTRAINT fk__audit_auditors__audit_id REFERENCES audits (id),
        auditor_id uuid NOT NULL CONSTRAINT fk__audit_auditors__auditor_id REFERENCES users (id),
        lead boolean NOT NULL DEFAULT false,
        assigned_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (audit_id, auditor_id)
      )`);
    await q.query(`CREATE INDEX ix__audit_auditors__auditor_id ON audit_auditors (auditor_id)`);
    await q.query(`
      CREATE TABLE findings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        audit_id uuid NOT NULL CONSTRAINT fk__findings__audit_id REFERENCES audits (id),
        requirement_id uuid NOT NULL CONSTRAINT fk__findings__requirement_id REFERENCES requirements (id),
        measured_value numeric,
        passed boolean NOT NULL,
        laboratory_name text,
        cnas_number text,
        report_number text,
        note text,
        recorded_by uuid NOT NULL CONSTRAINT fk__findings__recorded_by REFERENCES users (id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq__findings__requirement_id UNIQUE (audit_id, requirement_id)
      )`);
    await q.query(`
      CREATE TABLE nonconformities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        audit_id uuid NOT NULL CONSTRAINT fk__nonconformities__audit_id REFERENCES audits (id),
        requirement_id uuid CONSTRAINT fk__nonconformities__requirement_id REFERENCES requirements (id),
        grade text NOT NULL CONSTRAINT ck__nonconformities__grade CHECK (grade IN ('major', 'minor')),
        description text NOT NULL,
        due_on date NOT NULL,
        status text NOT NULL DEFAULT 'open' CONSTRAINT ck__nonconformities__status CHECK (status IN ('open', 'answered', 'closed')),
        corrective_action text,
        answered_at timestamptz,
        answered_by uuid CONSTRAINT fk__nonconformities__answered_by REFERENCES users (id),
        closed_at timestamptz,
        closed_by uuid CONSTRAINT fk__nonconformities__closed_by REFERENCES users (id),
        raised_by uuid NOT NULL CONSTRAINT fk__nonconformities__raised_by REFERENCES users (id),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix__nonconformities__audit_id ON nonconformities (audit_id)`);
    await q.query(`
      CREATE TABLE decisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL CONSTRAINT uq__decisions__application_id UNIQUE
          CONSTRAINT fk__decisions__application_id REFERENCES applications (id),
        outcome text NOT NULL CONSTRAINT ck__decisions__outcome CHECK (outcome IN ('granted', 'refused')),
        rationale text NOT NULL,
        decided_by uuid NOT NULL CONSTRAINT fk__decisions__decided_by REFERENCES users (id),
        decided_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['decisions', 'nonconformities', 'findings', 'audit_auditors', 'audits', 'auditor_conflicts']) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
