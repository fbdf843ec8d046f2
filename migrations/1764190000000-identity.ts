import { MigrationInterface, QueryRunner } from 'typeorm';

/** Organizations, users and API keys. Constraint names are `<kind>__<table>__<column>` (see error-body.ts). */
export class Identity1764190000000 implements MigrationInterface {
  name = 'Identity1764190000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CONSTRAINT ck__organizations__kind
          CHECK (kind IN ('enterprise', 'certification_body', 'regulator', 'association')),
        name_zh text NOT NULL,
        name_en text,
        credit_code text NOT NULL CONSTRAINT ck__organizations__credit_code CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
        address text NOT NULL,
        contact_name text,
        contact_email text,
        contact_phone text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq__organizations__credit_code UNIQUE (credit_code)
      )`);
    await q.query(`CREATE INDEX ix__organizations__kind ON organizations (kind)`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL CONSTRAINT fk__users__organization_id REFERENCES organizations (id),
        email text NOT NULL,
        display_name text NOT NULL,
        password_hash text NOT NULL,
        roles text[] NOT NULL CONSTRAINT ck__users__roles CHECK (roles <@ ARRAY['regulator','reviewer','auditor',
          'decision_maker','cb_admin','enterprise_admin','enterprise_member','association_admin']::text[]),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX uq__users__email ON users (lower(email))`);
    await q.query(`CREATE INDEX ix__users__organization_id ON users (organization_id)`);
    await q.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL CONSTRAINT fk__api_keys__organization_id REFERENCES organizations (id),
        name text NOT NULL,
        prefix text NOT NULL CONSTRAINT uq__api_keys__prefix UNIQUE,
        key_hash text NOT NULL,
        roles text[] NOT NULL,
        created_by uuid CONSTRAINT fk__api_keys__created_by REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);
    await q.query(`CREATE INDEX ix__api_keys__organization_id ON api_keys (organization_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE api_keys`);
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TABLE organizations`);
  }
}
