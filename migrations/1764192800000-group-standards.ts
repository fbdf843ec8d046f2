import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Group standards (团体标准) run by associations: the association's group code, its standards
 * through their lifecycle (with the requirements edited while drafting, a history of every change
 * and the public comments with their answers), the regulator's advancedness evaluations (先进性评价)
 * of published standards, the association member role, and the flag a certificate carries when a
 * standard it relies on is withdrawn. Search over number and titles works for any 2 characters
 * through a GIN index of bigrams (szs_bigrams, as the registry does): Chinese has no spaces.
 */
export class GroupStandards1764192800000 implements MigrationInterface {
  name = 'GroupStandards1764192800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP CONSTRAINT ck__users__roles`);
    await q.query(`
      ALTER TABLE users ADD CONSTRAINT ck__users__roles CHECK (roles <@ ARRAY['regulator','reviewer','auditor',
        'decision_maker','cb_admin','enterprise_admin','enterprise_member','association_admin','association_member']::text[])`);
    await q.query(`
      CREATE TABLE group_codes (
        organization_id uuid PRIMARY KEY CONSTRAINT fk__group_codes__organization_id REFERENCES organizations (id),
        code text NOT NULL CONSTRAINT uq__group_codes__code UNIQUE CONSTRAINT ck__group_codes__code CHECK (code ~ '^[A-Z0-9]{2,12}$'),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE group_standards (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL CONSTRAINT fk__group_standards__organization_id REFERENCES group_codes (organization_id),
        status text NOT NULL DEFAULT 'proposed' CONSTRAINT ck__group_standards__status CHECK (status IN
          ('proposed', 'approved', 'drafting', 'public_comment', 'technical_review', 'published', 'review', 'superseded', 'withdrawn')),
        sequence integer,
        year integer,
        number text CONSTRAINT uq__group_standards__number UNIQUE,
        title_zh text NOT NULL,
        title_en text,
        scope text NOT NULL,
        ics text,
        ccs text,
        category_codes text[] NOT NULL,
        full_text_open boolean NOT NULL DEFAULT false,
        summary text,
        comment_days integer NOT NULL DEFAULT 30 CONSTRAINT ck__group_standards__comment_days CHECK (comment_days BETWEEN 30 AND 90),
        proposed_on date NOT NULL,
        approved_on date,
        comment_from date,
        comment_to date,
        published_on date,
        implementation_on date,
        withdrawn_on date,
        last_review_on date,
        revises_id uuid CONSTRAINT fk__group_standards__revises_id REFERENCES group_standards (id),
        standard_id uuid CONSTRAINT uq__group_standards__standard_id UNIQUE CONSTRAINT fk__group_standards__standard_id REFERENCES standards (id),
        search_text text GENERATED ALWAYS AS (lower(coalesce(number, '') || ' ' || title_zh || ' ' || coalesce(title_en, ''))) STORED,
        search_bigrams text[] GENERATED ALWAYS AS (szs_bigrams(lower(coalesce(number, '') || ' ' || title_zh || ' ' || coalesce(title_en, '')))) STORED,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq__group_standards__sequence UNIQUE (organization_id, sequence, year),
        CONSTRAINT ck__group_standards__implementation_on CHECK (implementation_on >= published_on),
        CONSTRAINT ck__group_standards__comment_to CHECK (comment_to >= comment_from)
      )`);
    // One revision at a time: a standard is revised by at most one draft.
    await q.query(`CREATE UNIQUE INDEX uq__group_standards__revises_id ON group_standards (revises_id) WHERE revises_id IS NOT NULL`);
    await q.query(`CREATE INDEX ix__group_standards__organization_id ON group_standards (organization_id, created_at DESC, id)`);
    await q.query(`CREATE INDEX ix__group_standards__search_bigrams ON group_standards USING gin (search_bigrams)`);
    await q.query(`CREATE INDEX ix__group_standards__listed ON group_standards (created_at DESC, id) WHERE status <> 'proposed'`);
    await q.query(`
      CREATE TABLE group_standard_requirements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        group_standard_id uuid NOT NULL CONSTRAINT fk__group_standard_requirements__group_standard_id REFERENCES group_standards (id) ON DELETE CASCADE,
        position integer NOT NULL,
        clause text NOT NULL,
        text_zh text NOT NULL,
        text_en text,
        kind text NOT NULL CONSTRAINT ck__group_standard_requirements__kind CHECK (kind IN ('measured', 'pass_fail')),
        unit text,
        min_value numeric,
        max_value numeric,
        critical boolean NOT NULL DEFAULT false,
        CONSTRAINT uq__group_standard_requirements__clause UNIQUE (group_standard_id, clause)
      )`);
    await q.query(`
      CREATE TABLE group_standard_events (
        id bigserial PRIMARY KEY,
        group_standard_id uuid NOT NULL CONSTRAINT fk__group_standard_events__group_standard_id REFERENCES group_standards (id),
        action text NOT NULL,
        from_status text,
        to_status text NOT NULL,
        actor_user_id uuid,
        actor_organization_id uuid,
        note text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix__group_standard_events__group_standard_id ON group_standard_events (group_standard_id, id)`);
    await q.query(`
      CREATE TABLE group_standard_comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        group_standard_id uuid NOT NULL CONSTRAINT fk__group_standard_comments__group_standard_id REFERENCES group_standards (id),
        clause text NOT NULL,
        text text NOT NULL,
        commenter_name text,
        commenter_email text,
        answer text CONSTRAINT ck__group_standard_comments__answer CHECK (answer IN ('accepted', 'partly_accepted', 'not_accepted')),
        reply text,
        answered_at timestamptz,
        answered_by_user_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck__group_standard_comments__reply CHECK ((answer IS NULL) = (reply IS NULL))
      )`);
    await q.query(`CREATE INDEX ix__group_standard_comments__group_standard_id ON group_standard_comments (group_standard_id, created_at, id)`);
    await q.query(`
      CREATE TABLE advancedness_evaluations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        standard_id uuid NOT NULL CONSTRAINT fk__advancedness_evaluations__standard_id REFERENCES standards (id),
        outcome text NOT NULL CONSTRAINT ck__advancedness_evaluations__outcome CHECK (outcome IN ('passed', 'failed')),
        evaluated_on date NOT NULL,
        summary text NOT NULL,
        recorded_by_user_id uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix__advancedness_evaluations__standard_id ON advancedness_evaluations (standard_id, evaluated_on DESC, created_at DESC)`);
    await q.query(`
      ALTER TABLE certificates
        ADD COLUMN standard_withdrawn_at timestamptz,
        ADD COLUMN withdrawn_standard_id uuid CONSTRAINT fk__certificates__withdrawn_standard_id REFERENCES standards (id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE certificates DROP COLUMN withdrawn_standard_id, DROP COLUMN standard_withdrawn_at`);
    await q.query(`DROP TABLE advancedness_evaluations`);
    await q.query(`DROP TABLE group_standard_comments`);
    await q.query(`DROP TABLE group_standard_events`);
    await q.query(`DROP TABLE group_standard_requirements`);
    await q.query(`DROP TABLE group_standards`);
    await q.query(`DROP TABLE group_codes`);
    await q.query(`UPDATE users SET roles = array_remove(roles, 'association_member')`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT ck__users__roles`);
    await q.query(`
      ALTER TABLE users ADD CONSTRAINT ck__users__roles CHECK (roles <@ ARRAY['regulator','reviewer','auditor',
        'decision_maker','cb_admin','enterprise_admin','enterprise_member','association_admin']::text[])`);
  }
}
