import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The credit record (信用记录): the abnormal-operations listing gains its legal reason and listing
 * decision; the serious-violation list (严重违法失信名单); the enterprise's applications for removal
 * from the abnormal-operations list and for credit repair (信用修复); and the credit actions a serious
 * listing hands to the certification bodies of the holder's valid certificates.
 */
export class Credit1764193100000 implements MigrationInterface {
  name = 'Credit1764193100000';

  async up(q: QueryRunner): Promise<void> {
    // Listings made before the legal reasons were recorded keep a null reason code (their free text stays).
    await q.query(`
      ALTER TABLE abnormal_operations
        ADD COLUMN reason_code text CONSTRAINT ck__abnormal_operations__reason_code
          CHECK (reason_code IN ('annual_report_not_filed', 'information_not_disclosed', 'false_disclosure', 'unreachable_at_address')),
        ADD COLUMN decision_number text,
        ADD COLUMN decision_date date,
        ADD COLUMN deciding_authority text,
        ADD COLUMN legal_basis text,
        ADD COLUMN display_ended_at timestamptz`);
    await q.query(`
      CREATE TABLE serious_violation_listings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enterprise_id uuid NOT NULL CONSTRAINT fk__serious_violation_listings__enterprise_id REFERENCES organizations (id),
        reason text NOT NULL,
        legal_basis text NOT NULL,
        decision_number text NOT NULL,
        decision_date date NOT NULL,
        deciding_authority text NOT NULL,
        listed_at timestamptz NOT NULL DEFAULT now(),
        listed_by uuid CONSTRAINT fk__serious_violation_listings__listed_by REFERENCES users (id),
        removed_at timestamptz,
        removed_reason text,
        removed_by uuid CONSTRAINT fk__serious_violation_listings__removed_by REFERENCES users (id),
        display_ended_at timestamptz
      )`);
    // At most one serious listing in force per enterprise (a concurrent second one is a 409).
    await q.query(`CREATE UNIQUE INDEX uq__serious_violation_listings__enterprise_id ON serious_violation_listings (enterprise_id) WHERE removed_at IS NULL`);
    await q.query(`CREATE INDEX ix__serious_violation_listings__listed_at ON serious_violation_listings (listed_at DESC, id)`);

    await q.query(`
      CREATE TABLE credit_applications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CONSTRAINT ck__credit_applications__kind CHECK (kind IN ('removal', 'repair')),
        listing_kind text NOT NULL CONSTRAINT ck__credit_applications__listing_kind CHECK (listing_kind IN ('abnormal_operations', 'serious_violation')),
        listing_id uuid NOT NULL,
        enterprise_id uuid NOT NULL CONSTRAINT fk__credit_applications__enterprise_id REFERENCES organizations (id),
        reason text NOT NULL,
        corrections text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CONSTRAINT ck__credit_applications__status CHECK (status IN ('pending', 'granted', 'refused')),
        submitted_at timestamptz NOT NULL DEFAULT now(),
        submitted_by uuid CONSTRAINT fk__credit_applications__submitted_by REFERENCES users (id),
        due_on date NOT NULL,
        decided_at timestamptz,
        decided_by uuid CONSTRAINT fk__credit_applications__decided_by REFERENCES users (id),
        decision_reason text,
        overdue_flagged_at timestamptz,
        CONSTRAINT ck__credit_applications__removal CHECK (kind = 'repair' OR listing_kind = 'abnormal_operations')
      )`);
    // One undecided application of a kind per listing.
    await q.query(`CREATE UNIQUE INDEX uq__credit_applications__pending ON credit_applications (listing_id, kind) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX ix__credit_applications__due_on ON credit_applications (due_on, id) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX ix__credit_applications__enterprise_id ON credit_applications (enterprise_id, submitted_at DESC)`);

    await q.query(`
      CREATE TABLE credit_actions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        listing_id uuid NOT NULL CONSTRAINT fk__credit_actions__listing_id REFERENCES serious_violation_listings (id),
        certificate_id uuid NOT NULL CONSTRAINT fk__credit_actions__certificate_id REFERENCES certificates (id),
        certification_body_id uuid NOT NULL CONSTRAINT fk__credit_actions__certification_body_id REFERENCES organizations (id),
        enterprise_id uuid NOT NULL CONSTRAINT fk__credit_actions__enterprise_id REFERENCES organizations (id),
        status text NOT NULL DEFAULT 'open' CONSTRAINT ck__credit_actions__status CHECK (status IN ('open', 'done', 'lapsed')),
        due_on date NOT NULL,
        outcome text CONSTRAINT ck__credit_actions__outcome CHECK (outcome IN ('suspended', 'withdrawn')),
        done_at timestamptz,
        done_by uuid CONSTRAINT fk__credit_actions__done_by REFERENCES users (id),
        escalated_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq__credit_actions__certificate UNIQUE (listing_id, certificate_id)
      )`);
    await q.query(`CREATE INDEX ix__credit_actions__due_on ON credit_actions (due_on, id) WHERE status = 'open'`);
    await q.query(`CREATE INDEX ix__credit_actions__certification_body_id ON credit_actions (certification_body_id, status, due_on)`);
    await q.query(`CREATE INDEX ix__credit_actions__enterprise_id ON credit_actions (enterprise_id)`);
    await q.query(`CREATE INDEX ix__credit_actions__certificate_id ON credit_actions (certificate_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE credit_actions`);
    await q.query(`DROP TABLE credit_applications`);
    await q.query(`DROP TABLE serious_violation_listings`);
    await q.query(`
      ALTER TABLE abnormal_operations DROP COLUMN reason_code, DROP COLUMN decision_number, DROP COLUMN decision_date,
        DROP COLUMN deciding_authority, DROP COLUMN legal_basis, DROP COLUMN display_ended_at`);
  }
}
