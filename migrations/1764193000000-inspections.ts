import { MigrationInterface, QueryRunner } from 'typeorm';

const TRIGGERS_BEFORE = `'application', 'schedule', 'complaint', 'misuse_report', 'counterfeit_signal', 'abnormal_operations', 'transition', 'scope_extension', 'renewal', 'appeal'`;

/**
 * Random inspections (双随机一公开, issue 12): the regulator's checklist of inspectable matters, its
 * registers of targets (platform rows only: a published declaration, a certificate, an enterprise)
 * and of inspectors with their declared conflicts, and plans drawn from a committed seed. A plan's
 * seed is kept here secret until the draw; the population it was drawn from is frozen as published
 * JSON at commit, so the draw can be re-run from what is public. One row per drawn target carries
 * its inspectors and, later, its result; indexed by enterprise for the credit record.
 */
export class Inspections1764193000000 implements MigrationInterface {
  name = 'Inspections1764193000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE inspection_matters (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL CONSTRAINT uq__inspection_matters__code UNIQUE CONSTRAINT ck__inspection_matters__code CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{0,31}$'),
        name_zh text NOT NULL CONSTRAINT ck__inspection_matters__name_zh CHECK (char_length(name_zh) BETWEEN 1 AND 200),
        name_en text CONSTRAINT ck__inspection_matters__name_en CHECK (char_length(name_en) BETWEEN 1 AND 200),
        legal_basis text NOT NULL CONSTRAINT ck__inspection_matters__legal_basis CHECK (char_length(legal_basis) BETWEEN 1 AND 1000),
        target_kinds text[] NOT NULL CONSTRAINT ck__inspection_matters__target_kinds
          CHECK (cardinality(target_kinds) >= 1 AND target_kinds <@ ARRAY['declaration', 'certificate', 'holder']),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE inspection_targets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CONSTRAINT ck__inspection_targets__kind CHECK (kind IN ('declaration', 'certificate', 'holder')),
        -- the self-declaration, certificate or organization (holder) it stands for
        subject_id uuid NOT NULL,
        enterprise_id uuid NOT NULL CONSTRAINT fk__inspection_targets__enterprise_id REFERENCES organizations (id),
        risk_class char(1) NOT NULL CONSTRAINT ck__inspection_targets__risk_class CHECK (risk_class IN ('A', 'B', 'C', 'D')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq__inspection_targets__subject UNIQUE (kind, subject_id)
      )`);
    await q.query(`CREATE INDEX ix__inspection_targets__enterprise_id ON inspection_targets (enterprise_id)`);
    await q.query(`
      CREATE TABLE inspectors (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CONSTRAINT ck__inspectors__name CHECK (char_length(name) BETWEEN 1 AND 100),
        unit text NOT NULL CONSTRAINT ck__inspectors__unit CHECK (char_length(unit) BETWEEN 1 AND 200),
        badge_number text NOT NULL CONSTRAINT uq__inspectors__badge_number UNIQUE CONSTRAINT ck__inspectors__badge_number CHECK (char_length(badge_number) BETWEEN 1 AND 32),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE inspector_conflicts (
        inspector_id uuid NOT NULL CONSTRAINT fk__inspector_conflicts__inspector_id REFERENCES inspectors (id),
        enterprise_id uuid NOT NULL CONSTRAINT fk__inspector_conflicts__enterprise_id REFERENCES organizations (id),
        reason text NOT NULL CONSTRAINT ck__inspector_conflicts__reason CHECK (char_length(reason) BETWEEN 1 AND 1000),
        declared_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (inspector_id, enterprise_id)
      )`);
    await q.query(`
      CREATE TABLE inspection_plans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CONSTRAINT ck__inspection_plans__name CHECK (char_length(name) BETWEEN 1 AND 200),
        year integer NOT NULL CONSTRAINT ck__inspection_plans__year CHECK (year BETWEEN 2000 AND 2100),
        matter_ids uuid[] NOT NULL,
        -- whole percent per risk class: {"A": 100, "B": 50, "C": 20, "D": 5}
        rates jsonb NOT NULL,
        inspectors_per_target integer NOT NULL CONSTRAINT ck__inspection_plans__inspectors_per_target CHECK (inspectors_per_target BETWEEN 2 AND 10),
        status text NOT NULL DEFAULT 'draft'
          CONSTRAINT ck__inspection_plans__status CHECK (status IN ('draft', 'committed', 'drawn', 'results_recorded', 'closed')),
        algorithm text,
        -- secret until the draw: the API shows it only once status is past 'committed'
        seed text CONSTRAINT ck__inspection_plans__seed CHECK (seed ~ '^[0-9a-f]{64}$'),
        commitment text,
        population jsonb,
        population_hash text,
        inspector_population jsonb,
        inspectors_hash text,
        committed_at timestamptz,
        drawn_at timestamptz,
        results_published_at timestamptz,
        closed_at timestamptz,
        created_by uuid CONSTRAINT fk__inspection_plans__created_by REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT ck__inspection_plans__committed CHECK (status = 'draft' OR (seed IS NOT NULL AND commitment IS NOT NULL AND population IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX ix__inspection_plans__public ON inspection_plans (year DESC, committed_at DESC, id) WHERE status <> 'draft'`);
    await q.query(`
      CREATE TABLE inspection_results (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL CONSTRAINT fk__inspection_results__plan_id REFERENCES inspection_plans (id),
        position integer NOT NULL,
        target_id uuid NOT NULL CONSTRAINT fk__inspection_results__target_id REFERENCES inspection_targets (id),
        enterprise_id uuid NOT NULL CONSTRAINT fk__inspection_results__enterprise_id REFERENCES organizations (id),
        risk_class char(1) NOT NULL,
        inspector_ids uuid[] NOT NULL,
        -- NULL until the inspection is recorded
        outcome text CONSTRAINT ck__inspection_results__outcome CHECK (outcome IN ('conforming', 'nonconforming')),
        inspected_on date,
        inspectors_present uuid[],
        findings jsonb NOT NULL DEFAULT '[]',
        recorded_at timestamptz,
        recorded_by uuid CONSTRAINT fk__inspection_results__recorded_by REFERENCES users (id),
        CONSTRAINT uq__inspection_results__plan_target UNIQUE (plan_id, target_id),
        CONSTRAINT uq__inspection_results__plan_position UNIQUE (plan_id, position)
      )`);
    // The credit record lists an enterprise's inspection results.
    await q.query(`CREATE INDEX ix__inspection_results__enterprise_id ON inspection_results (enterprise_id, recorded_at DESC)`);

    await q.query(`ALTER TABLE audits DROP CONSTRAINT ck__audits__trigger`);
    await q.query(`ALTER TABLE audits ADD CONSTRAINT ck__audits__trigger CHECK (trigger IN (${TRIGGERS_BEFORE}, 'inspection'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    // NOT VALID: special audits an inspection brought forward stay (audits are kept for ever).
    await q.query(`ALTER TABLE audits DROP CONSTRAINT ck__audits__trigger`);
    await q.query(`ALTER TABLE audits ADD CONSTRAINT ck__audits__trigger CHECK (trigger IN (${TRIGGERS_BEFORE})) NOT VALID`);
    await q.query(`DROP TABLE inspection_results, inspection_plans, inspector_conflicts, inspectors, inspection_targets, inspection_matters`);
  }
}
