import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Renewal and changes of a certificate (issue 11): one renewal audit per application, the
 * certificate's editions (each re-issue keeps the superseded edition's token and PDF), the public
 * details of a history event (the models a scope change names, the edition a re-issue made), and
 * what a mark grant ended by a scope reduction says to whoever scans one of its labels.
 */
export class CertificateChanges1764192300000 implements MigrationInterface {
  name = 'CertificateChanges1764192300000';

  async up(q: QueryRunner): Promise<void> {
    // The planner's job may repeat: a renewal application still has exactly one audit (the initial
    // index covers kind 'initial' only; an extension's audit is a special one, unique by its source).
    await q.query(`CREATE UNIQUE INDEX uq__audits__renewal_application_id ON audits (application_id) WHERE kind = 'renewal'`);

    await q.query(`
      CREATE TABLE certificate_editions (
        certificate_id uuid NOT NULL CONSTRAINT fk__certificate_editions__certificate_id REFERENCES certificates (id),
        edition integer NOT NULL CONSTRAINT ck__certificate_editions__edition CHECK (edition >= 1),
        token text NOT NULL,
        pdf_sha256 text,
        -- NULL for the current edition (its PDF is certificates.pdf); kept here once superseded
        pdf bytea,
        reason text NOT NULL,
        changed_fields text[] NOT NULL DEFAULT '{}',
        issued_by_user_id uuid CONSTRAINT fk__certificate_editions__issued_by_user_id REFERENCES users (id),
        issued_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk__certificate_editions PRIMARY KEY (certificate_id, edition)
      )`);
    // Every certificate issued so far is its own first edition.
    await q.query(`INSERT INTO certificate_editions (certificate_id, edition, token, pdf_sha256, reason, issued_at)
      SELECT id, 1, token, pdf_sha256, 'issued', created_at FROM certificates WHERE token IS NOT NULL AND edition = 1`);

    await q.query(`ALTER TABLE certificate_events ADD COLUMN details jsonb`);
    await q.query(
      `COMMENT ON COLUMN certificate_events.details IS 'public details of the event: models of a scope change, edition of a re-issue, the renewing certificate'`,
    );

    // The day a standard was superseded starts its certificates' transition period.
    await q.query(`ALTER TABLE standards ADD COLUMN superseded_at timestamptz`);

    await q.query(`ALTER TABLE mark_grants ADD COLUMN removed_models text[], ADD COLUMN scope_reduced_on date`);
    await q.query(`COMMENT ON COLUMN mark_grants.removed_models IS 'models a scope reduction took from this grant (its labels say so when scanned)'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE mark_grants DROP COLUMN removed_models, DROP COLUMN scope_reduced_on`);
    await q.query(`ALTER TABLE standards DROP COLUMN superseded_at`);
    await q.query(`ALTER TABLE certificate_events DROP COLUMN details`);
    await q.query(`DROP TABLE certificate_editions`);
    await q.query(`DROP INDEX uq__audits__renewal_application_id`);
  }
}
