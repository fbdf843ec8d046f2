import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Self-declarations as the 2024 rules ask for them (企业标准自我声明公开): the standards applied,
 * products with barcodes, indicators flagged against the national standard, the signed commitment
 * to truthfulness and a searchable public directory; and the frontrunner lists (领跑者) ranked from
 * the declared values.
 *
 * A version is immutable once published, so its standards, products and flags are kept as jsonb
 * snapshots of what was signed; the numeric values tied to a requirement get their own indexed
 * table because rankings read them across declarations. Rows published before this migration have
 * no commitment (the columns stay null for them).
 */
export class Declarations1764192900000 implements MigrationInterface {
  name = 'Declarations1764192900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE self_declarations
        ADD COLUMN category_code text CONSTRAINT fk__self_declarations__category_code REFERENCES product_categories (code),
        ADD COLUMN standards jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN products jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN flags jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN commitment_text text,
        ADD COLUMN committed_by uuid CONSTRAINT fk__self_declarations__committed_by REFERENCES users (id),
        ADD COLUMN committed_role text,
        ADD COLUMN committed_at timestamptz,
        ADD COLUMN content_hash text CONSTRAINT ck__self_declarations__content_hash CHECK (content_hash ~ '^[0-9a-f]{64}$'),
        ADD COLUMN search_text text NOT NULL DEFAULT ''`);
    // The directory's text: enterprise names and credit code, product names, brands, models,
    // barcodes, standard codes and titles, lower-cased; found by 2+ characters like the registry.
    // The service writes it; rows written without it (the ones before this migration, and the
    // reference data and benchmarks that insert by SQL) get it from what they hold.
    await q.query(`
      CREATE FUNCTION szs_declaration_search_text() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.search_text = '' THEN
          SELECT lower(concat_ws(' ', o.name_zh, o.name_en, o.credit_code, NEW.product_name_zh, NEW.product_name_en,
                                 array_to_string(NEW.models, ' '), s.code, s.title_zh, s.title_en))
            INTO NEW.search_text
            FROM organizations o, standards s WHERE o.id = NEW.enterprise_id AND s.id = NEW.standard_id;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER tg__self_declarations__search_text BEFORE INSERT OR UPDATE OF search_text ON self_declarations
        FOR EACH ROW EXECUTE FUNCTION szs_declaration_search_text()`);
    await q.query(`UPDATE self_declarations SET search_text = ''`);
    await q.query(`ALTER TABLE self_declarations ADD COLUMN search_bigrams text[] GENERATED ALWAYS AS (szs_bigrams(search_text)) STORED`);
    await q.query(`CREATE INDEX ix__self_declarations__search_bigrams ON self_declarations USING gin (search_bigrams)`);
    await q.query(`CREATE INDEX ix__self_declarations__published_at ON self_declarations (status, published_at DESC, id)`);
    await q.query(`
      CREATE TABLE self_declaration_measures (
        declaration_id uuid NOT NULL CONSTRAINT fk__self_declaration_measures__declaration_id REFERENCES self_declarations (id),
        requirement_id uuid NOT NULL CONSTRAINT fk__self_declaration_measures__requirement_id REFERENCES requirements (id),
        value numeric NOT NULL,
        CONSTRAINT pk__self_declaration_measures PRIMARY KEY (declaration_id, requirement_id)
      )`);
    await q.query(`CREATE INDEX ix__self_declaration_measures__requirement_id ON self_declaration_measures (requirement_id, value)`);
    await q.query(`
      CREATE TABLE frontrunner_lists (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        year integer NOT NULL CONSTRAINT ck__frontrunner_lists__year CHECK (year BETWEEN 2000 AND 2100),
        category_code text NOT NULL CONSTRAINT fk__frontrunner_lists__category_code REFERENCES product_categories (code),
        requirement_id uuid NOT NULL CONSTRAINT fk__frontrunner_lists__requirement_id REFERENCES requirements (id),
        indicator text NOT NULL,
        unit text,
        direction text NOT NULL CONSTRAINT ck__frontrunner_lists__direction CHECK (direction IN ('higher', 'lower')),
        size integer NOT NULL CONSTRAINT ck__frontrunner_lists__size CHECK (size BETWEEN 1 AND 50),
        ranked integer NOT NULL,
        published_at timestamptz NOT NULL DEFAULT now(),
        published_by uuid CONSTRAINT fk__frontrunner_lists__published_by REFERENCES users (id),
        CONSTRAINT uq__frontrunner_lists__indicator UNIQUE (year, category_code, requirement_id)
      )`);
    await q.query(`CREATE INDEX ix__frontrunner_lists__published_at ON frontrunner_lists (published_at DESC, id)`);
    await q.query(`
      CREATE TABLE frontrunner_entries (
        list_id uuid NOT NULL CONSTRAINT fk__frontrunner_entries__list_id REFERENCES frontrunner_lists (id),
        rank integer NOT NULL,
        declaration_id uuid NOT NULL CONSTRAINT fk__frontrunner_entries__declaration_id REFERENCES self_declarations (id),
        value numeric NOT NULL,
        CONSTRAINT pk__frontrunner_entries PRIMARY KEY (list_id, rank),
        CONSTRAINT uq__frontrunner_entries__declaration_id UNIQUE (list_id, declaration_id)
      )`);
    await q.query(`
      CREATE TABLE frontrunner_claims (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        list_id uuid NOT NULL CONSTRAINT fk__frontrunner_claims__list_id REFERENCES frontrunner_lists (id),
        declaration_id uuid NOT NULL CONSTRAINT fk__frontrunner_claims__declaration_id REFERENCES self_declarations (id),
        enterprise_id uuid NOT NULL CONSTRAINT fk__frontrunner_claims__enterprise_id REFERENCES organizations (id),
        claimed_at timestamptz NOT NULL DEFAULT now(),
        claimed_by uuid CONSTRAINT fk__frontrunner_claims__claimed_by REFERENCES users (id)
      )`);
    await q.query(`CREATE INDEX ix__frontrunner_claims__enterprise_id ON frontrunner_claims (enterprise_id, claimed_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['frontrunner_claims', 'frontrunner_entries', 'frontrunner_lists', 'self_declaration_measures']) {
      await q.query(`DROP TABLE ${t}`);
    }
    await q.query(`DROP INDEX ix__self_declarations__published_at`);
    await q.query(`DROP TRIGGER tg__self_declarations__search_text ON self_declarations`);
    await q.query(`DROP FUNCTION szs_declaration_search_text()`);
    await q.query(`
      ALTER TABLE self_declarations
        DROP COLUMN search_bigrams, DROP COLUMN search_text, DROP COLUMN content_hash, DROP COLUMN committed_at, DROP COLUMN committed_role,
        DROP COLUMN committed_by, DROP COLUMN commitment_text, DROP COLUMN flags, DROP COLUMN products, DROP COLUMN standards, DROP COLUMN category_code`);
  }
}
