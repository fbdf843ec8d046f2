import { MigrationInterface, QueryRunner } from 'typeorm';

/** Certificates with their public history, mark-usage grants, and label-code batches. */
export class Certificates1764190500000 implements MigrationInterface {
  name = 'Certificates1764190500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE certificate_number_seq`);
    await q.query(`
      CREATE TABLE certificates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL CONSTRAINT uq__certificates__number UNIQUE,
        -- exactly one certificate per granted application, however often the issue job runs
        application_id uuid NOT NULL CONSTRAINT uq__certificates__application_id UNIQUE
          CONSTRAINT fk__certificates__application_id REFERENCES applications (id),
        enterprise_id uuid NOT NULL CONSTRAINT fk__certificates__enterprise_id REFERENCES organizations (id),
        certification_body_id uuid NOT NULL CONSTRAINT fk__certificates__certification_body_id REFERENCES organizations (id),
        category_code text NOT NULL CONSTRAINT fk__certificates__category_code REFERENCES product_categories (code),
        standard_id uuid NOT NULL CONSTRAINT fk__certificates__standard_id REFERENCES standards (id),
        scope jsonb NOT NULL,
        issued_on date NOT NULL,
        expires_on date NOT NULL,
        status text NOT NULL DEFAULT 'valid' CONSTRAINT ck__certificates__status
          CHECK (status IN ('valid', 'suspended', 'withdrawn', 'cancelled', 'expired')),
        suspended_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        token text,
        pdf bytea,
        pdf_sha256 text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck__certificates__expires_on CHECK (expires_on > issued_on)
      )`);
    await q.query(`CREATE INDEX ix__certificates__enterprise_id ON certificates (enterprise_id)`);
    await q.query(`CREATE INDEX ix__certificates__certification_body_id ON certificates (certification_body_id, status)`);
    await q.query(`CREATE INDEX ix__certificates__expires_on ON certificates (expires_on) WHERE status IN ('valid', 'suspended')`);
    await q.query(`
      CREATE TABLE certificate_events (
        id bigserial PRIMARY KEY,
        certificate_id uuid NOT NULL CONSTRAINT fk__certificate_events__certificate_id REFERENCES certificates (id),
        action text NOT NULL,
        from_status text,
        to_status text NOT NULL,
        public_reason text,
        private_note text,
        actor_user_id uuid CONSTRAINT fk__certificate_events__actor_user_id REFERENCES users (id),
        actor_organization_id uuid CONSTRAINT fk__certificate_events__actor_organization_id REFERENCES organizations (id),
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX ix__certificate_events__certificate_id ON certificate_events (certificate_id, id)`);
    await q.query(`
      CREATE TABLE mark_grants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        certificate_id uuid NOT NULL CONSTRAINT fk__mark_grants__certificate_id REFERENCES certificates (id),
        enterprise_id uuid NOT NULL CONSTRAINT fk__mark_grants__enterprise_id REFERENCES organizations (id),
        certification_body_id uuid NOT NULL CONSTRAINT fk__mark_grants__certification_body_id REFERENCES organizations (id),
        products jsonb NOT NULL,
        media text[] NOT NULL CONSTRAINT ck__mark_grants__media
          CHECK (media <@ ARRAY['product', 'packaging', 'manual', 'advertising']::text[] AND cardinality(media) > 0),
        status text NOT NULL DEFAULT 'requested' CONSTRAINT ck__mark_grants__status
          CHECK (status IN ('requested', 'granted', 'refused', 'suspended', 'revoked')),
        reason text,
        requested_by uuid CONSTRAINT fk__mark_grants__requested_by REFERENCES users (id),
        decided_by uuid CONSTRAINT fk__mark_grants__decided_by REFERENCES users (id),
        decided_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix__mark_grants__certificate_id ON mark_grants (certificate_id)`);
    await q.query(`
      CREATE TABLE label_batches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        mark_grant_id uuid NOT NULL CONSTRAINT fk__label_batches__mark_grant_id REFERENCES mark_grants (id),
        enterprise_id uuid NOT NULL CONSTRAINT fk__label_batches__enterprise_id REFERENCES organizations (id),
        quantity integer NOT NULL CONSTRAINT ck__label_batches__quantity CHECK (quantity BETWEEN 1 AND 1000000),
        status text NOT NULL DEFAULT 'requested' CONSTRAINT ck__label_batches__status CHECK (status IN ('requested', 'ready')),
        generated integer NOT NULL DEFAULT 0,
        requested_by uuid CONSTRAINT fk__label_batches__requested_by REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        ready_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE label_codes (
        code text PRIMARY KEY,
        batch_id uuid NOT NULL CONSTRAINT fk__label_codes__batch_id REFERENCES label_batches (id),
        serial integer NOT NULL,
        -- the signed QR token printed with the code, made once by the worker (signing is the slow part)
        token text NOT NULL,
        CONSTRAINT uq__label_codes__serial UNIQUE (batch_id, serial)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['label_codes', 'label_batches', 'mark_grants', 'certificate_events', 'certificates']) await q.query(`DROP TABLE ${t}`);
    await q.query(`DROP SEQUENCE certificate_number_seq`);
  }
}
