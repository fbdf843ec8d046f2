import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The scheme catalogue: product categories, standards and their requirements, catalogue entries
 * published in batches, certification-body authorizations, enterprises' self-declarations and
 * the abnormal-operations list.
 */
export class Scheme1764190100000 implements MigrationInterface {
  name = 'Scheme1764190100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE product_categories (
        code text PRIMARY KEY CONSTRAINT ck__product_categories__code CHECK (code ~ '^[A-Z][A-Z0-9_]{1,31}$'),
        name_zh text NOT NULL,
        name_en text NOT NULL,
        pilot boolean NOT NULL DEFAULT false,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE standards (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL,
        version text NOT NULL,
        title_zh text NOT NULL,
        title_en text,
        kind text NOT NULL CONSTRAINT ck__standards__kind
          CHECK (kind IN ('shenzhen', 'group', 'national', 'international', 'enterprise')),
        issuer text NOT NULL,
        issuer_organization_id uuid CONSTRAINT fk__standards__issuer_organization_id REFERENCES organizations (id),
        status text NOT NULL DEFAULT 'current' CONSTRAINT ck__standards__status CHECK (status IN ('current', 'superseded', 'withdrawn')),
        published_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq__standards__version UNIQUE (code, version)
      )`);
    await q.query(`
      CREATE TABLE standard_categories (
        standard_id uuid NOT NULL CONSTRAINT fk__standard_categories__standard_id REFERENCES standards (id) ON DELETE CASCADE,
        category_code text NOT NULL CONSTRAINT fk__standard_categories__category_code REFERENCES product_categories (code),
        PRIMARY KEY (standard_id, category_code)
      )`);
    await q.query(`
      CREATE TABLE requirements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        standard_id uuid NOT NULL CONSTRAINT fk__requirements__standard_id REFERENCES standards (id) ON DELETE CASCADE,
        position integer NOT NULL,
        clause text NOT NULL,
        text_zh text NOT NULL,
        text_en text,
        kind text NOT NULL CONSTRAINT ck__requirements__kind CHECK (kind IN ('measured', 'pass_fail')),
        unit text,
        min_value numeric,
        max_value numeric,
        critical boolean NOT NULL DEFAULT false,
        CONSTRAINT uq__requirements__clause UNIQUE (standard_id, clause),
        CONSTRAINT ck__requirements__unit CHECK (
          (kind = 'measured' AND unit IS NOT NULL AND (min_value IS NOT NULL OR max_value IS NOT NULL))
          OR (kind = 'pass_fail' AND unit IS NULL AND min_value IS NULL AND max_value IS NULL)),
        CONSTRAINT ck__requirements__max_value CHECK (min_value IS NULL OR max_value IS NULL OR min_value <= max_value)
      )`);
    await q.query(`
      CREATE TABLE catalogue_batches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL CONSTRAINT uq__catalogue_batches__number UNIQUE,
        title_zh text NOT NULL,
        title_en text,
        status text NOT NULL DEFAULT 'draft' CONSTRAINT ck__catalogue_batches__status CHECK (status IN ('draft', 'published')),
        published_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE catalogue_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        batch_id uuid NOT NULL CONSTRAINT fk__catalogue_entries__batch_id REFERENCES catalogue_batches (id),
        category_code text NOT NULL CONSTRAINT fk__catalogue_entries__category_code REFERENCES product_categories (code),
        kind text NOT NULL CONSTRAINT ck__catalogue_entries__kind CHECK (kind IN ('product', 'service')),
        name_zh text NOT NULL,
        name_en text,
        evaluation_rules text NOT NULL,
        status text NOT NULL DEFAULT 'open' CONSTRAINT ck__catalogue_entries__status CHECK (status IN ('open', 'closed')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix__catalogue_entries__batch_id ON catalogue_entries (batch_id)`);
    await q.query(`CREATE INDEX ix__catalogue_entries__category_code ON catalogue_entries (category_code)`);
    await q.query(`
      CREATE TABLE catalogue_entry_standards (
        entry_id uuid NOT NULL CONSTRAINT fk__catalogue_entry_standards__entry_id REFERENCES catalogue_entries (id) ON DELETE CASCADE,
        standard_id uuid NOT NULL CONSTRAINT fk__catalogue_entry_standards__standard_id REFERENCES standards (id),
        PRIMARY KEY (entry_id, standard_id)
      )`);
    await q.query(`
      CREATE TABLE authorizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        certification_body_id uuid NOT NULL CONSTRAINT fk__authorizations__certification_body_id REFERENCES organizations (id),
        category_code text NOT NULL CONSTRAINT fk__authorizations__category_code REFERENCES product_categories (code),
        accreditation_number text NOT NULL,
        valid_from date NOT NULL,
        valid_until date NOT NULL,
        revoked_at timestamptz,
        revoked_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck__authorizations__valid_until CHECK (valid_until > valid_from)
      )`);
    await q.query(`CREATE INDEX ix__authorizations__certification_body_id ON authorizations (certification_body_id, category_code)`);
    await q.query(`
      CREATE TABLE self_declarations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        series_id uuid NOT NULL,
        version integer NOT NULL CONSTRAINT ck__self_declarations__version CHECK (version >= 1),
        enterprise_id uuid NOT NULL CONSTRAINT fk__self_declarations__enterprise_id REFERENCES organizations (id),
        standard_id uuid NOT NULL CONSTRAINT fk__self_declarations__standard_id REFERENCES standards (id),
        product_name_zh text NOT NULL,
        product_name_en text,
        models text[] NOT NULL DEFAULT '{}',
        key_indicators jsonb NOT NULL DEFAULT '[]',
        status text NOT NULL DEFAULT 'published' CONSTRAINT ck__self_declarations__status CHECK (status IN ('published', 'superseded', 'withdrawn')),
        published_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid CONSTRAINT fk__self_declarations__created_by REFERENCES users (id),
        CONSTRAINT uq__self_declarations__version UNIQUE (series_id, version)
      )`);
    await q.query(`CREATE INDEX ix__self_declarations__enterprise_id ON self_declarations (enterprise_id, status)`);
    await q.query(`
      CREATE TABLE abnormal_operations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enterprise_id uuid NOT NULL CONSTRAINT fk__abnormal_operations__enterprise_id REFERENCES organizations (id),
        reason text NOT NULL,
        listed_at timestamptz NOT NULL DEFAULT now(),
        listed_by uuid CONSTRAINT fk__abnormal_operations__listed_by REFERENCES users (id),
        removed_at timestamptz,
        removed_reason text,
        removed_by uuid CONSTRAINT fk__abnormal_operations__removed_by REFERENCES users (id)
      )`);
    // At most one open listing per enterprise.
    await q.query(`CREATE UNIQUE INDEX uq__abnormal_operations__enterprise_id ON abnormal_operations (enterprise_id) WHERE removed_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'abnormal_operations',
      'self_declarations',
      'authorizations',
      'catalogue_entry_standards',
      'catalogue_entries',
      'catalogue_batches',
      'requirements',
      'standard_categories',
      'standards',
      'product_categories',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
