import { MigrationInterface, QueryRunner } from 'typeorm';

/** Certification applications, their optimistic-lock version and their timeline. */
export class Applications1764190200000 implements MigrationInterface {
  name = 'Applications1764190200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE application_number_seq`);
    await q.query(`
      CREATE TABLE applications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL CONSTRAINT uq__applications__number UNIQUE,
        enterprise_id uuid NOT NULL CONSTRAINT fk__applications__enterprise_id REFERENCES organizations (id),
        certification_body_id uuid NOT NULL CONSTRAINT fk__applications__certification_body_id REFERENCES organizations (id),
        catalogue_entry_id uuid NOT NULL CONSTRAINT fk__applications__catalogue_entry_id REFERENCES catalogue_entries (id),
        self_declaration_id uuid NOT NULL CONSTRAINT fk__applications__self_declaration_id REFERENCES self_declarations (id),
        standard_id uuid NOT NULL CONSTRAINT fk__applications__standard_id REFERENCES standards (id),
        category_code text NOT NULL CONSTRAINT fk__applications__category_code REFERENCES product_categories (code),
        scope jsonb NOT NULL,
        status text NOT NULL DEFAULT 'draft' CONSTRAINT ck__applications__status CHECK (status IN (
          'draft', 'submitted', 'under_review', 'info_requested', 'accepted', 'rejected', 'in_evaluation',
          'awaiting_decision', 'granted', 'refused', 'withdrawn')),
        version integer NOT NULL DEFAULT 1,
        reviewer_id uuid CONSTRAINT fk__applications__reviewer_id REFERENCES users (id),
        created_by uuid CONSTRAINT fk__applications__created_by REFERENCES users (id),
        submitted_at timestamptz,
        closed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix__applications__enterprise_id ON applications (enterprise_id, created_at DESC)`);
    await q.query(`CREATE INDEX ix__applications__certification_body_id ON applications (certification_body_id, status, created_at DESC)`);
    await q.query(`
      CREATE TABLE application_events (
        id bigserial PRIMARY KEY,
        application_id uuid NOT NULL CONSTRAINT fk__application_events__application_id REFERENCES applications (id),
        action text NOT NULL,
        from_status text,
        to_status text NOT NULL,
        actor_user_id uuid CONSTRAINT fk__application_events__actor_user_id REFERENCES users (id),
        actor_api_key_id uuid CONSTRAINT fk__application_events__actor_api_key_id REFERENCES api_keys (id),
        actor_organization_id uuid CONSTRAINT fk__application_events__actor_organization_id REFERENCES organizations (id),
        reason text,
        details jsonb,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX ix__application_events__application_id ON application_events (application_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE application_events`);
    await q.query(`DROP TABLE applications`);
    await q.query(`DROP SEQUENCE application_number_seq`);
  }
}
