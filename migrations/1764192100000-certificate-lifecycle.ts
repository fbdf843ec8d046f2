import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The certificate's life after issue (issue 11), the columns its parts share: audits of a
 * certificate (surveillance, special, a renewal's or an extension's reduced checklist), applications
 * that renew or extend a certificate, the certificate's surveillance plan, lineage, edition and
 * standard transition, and the public registry entry's copy of them (`lifecycle`).
 * Each part's own tables (editions, complaints, appeals, notifications) come in migrations of their own.
 */
export class CertificateLifecycle1764192100000 implements MigrationInterface {
  name = 'CertificateLifecycle1764192100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE catalogue_entries
      ADD COLUMN surveillance_interval_months integer NOT NULL DEFAULT 12
        CONSTRAINT ck__catalogue_entries__surveillance_interval_months CHECK (surveillance_interval_months BETWEEN 1 AND 36)`);

    await q.query(`ALTER TABLE applications
      ADD COLUMN kind text NOT NULL DEFAULT 'initial' CONSTRAINT ck__applications__kind CHECK (kind IN ('initial', 'renewal', 'extension')),
      ADD COLUMN certificate_id uuid CONSTRAINT fk__applications__certificate_id REFERENCES certificates (id),
      ADD CONSTRAINT ck__applications__certificate_id CHECK ((kind = 'initial') = (certificate_id IS NULL))`);
    await q.query(`CREATE INDEX ix__applications__certificate_id ON applications (certificate_id) WHERE certificate_id IS NOT NULL`);

    await q.query(`ALTER TABLE certificates
      ADD COLUMN surveillance_interval_months integer NOT NULL DEFAULT 12,
      ADD COLUMN next_surveillance_due date,
      ADD COLUMN last_surveillance_on date,
      ADD COLUMN last_surveillance_outcome text CONSTRAINT ck__certificates__last_surveillance_outcome
        CHECK (last_surveillance_outcome IN ('passed', 'failed')),
      ADD COLUMN renews_certificate_id uuid CONSTRAINT uq__certificates__renews_certificate_id UNIQUE
        CONSTRAINT fk__certificates__renews_certificate_id REFERENCES certificates (id),
      ADD COLUMN edition integer NOT NULL DEFAULT 1,
      ADD COLUMN transition_deadline date,
      ADD COLUMN transition_standard_id uuid CONSTRAINT fk__certificates__transition_standard_id REFERENCES standards (id),
      ADD COLUMN suspension_ends_on date`);
    // The daily sweeps walk these by keyset: only live certificates carry a due date.
    await q.query(`CREATE INDEX ix__certificates__next_surveillance_due ON certificates (next_surveillance_due, id)
      WHERE status IN ('valid', 'suspended') AND next_surveillance_due IS NOT NULL`);
    await q.query(`CREATE INDEX ix__certificates__transition_deadline ON certificates (transition_deadline, id)
      WHERE transition_deadline IS NOT NULL`);
    await q.query(`CREATE INDEX ix__certificates__live ON certificates (id) WHERE status IN ('valid', 'suspended')`);

    // An audit of an issued certificate keeps application_id (the certificate's own application, or
    // the renewal's or extension's), so every existing join and tenancy rule holds for it.
    await q.query(`ALTER TABLE audits
      ADD COLUMN certificate_id uuid CONSTRAINT fk__audits__certificate_id REFERENCES certificates (id),
      ADD COLUMN trigger text NOT NULL DEFAULT 'application' CONSTRAINT ck__audits__trigger CHECK (trigger IN (
        'application', 'schedule', 'complaint', 'misuse_report', 'counterfeit_signal', 'abnormal_operations',
        'transition', 'scope_extension', 'renewal', 'appeal')),
      ADD COLUMN source_id uuid,
      ADD COLUMN cycle integer,
      ADD COLUMN due_on date,
      ADD COLUMN unannounced boolean NOT NULL DEFAULT false,
      ADD COLUMN requirement_ids uuid[]`);
    await q.query(`COMMENT ON COLUMN audits.requirement_ids IS 'the reduced checklist; NULL means every requirement of the standard'`);
    await q.query(`CREATE INDEX ix__audits__certificate_id ON audits (certificate_id, kind, status) WHERE certificate_id IS NOT NULL`);
    // Planning runs in jobs that may repeat: one surveillance audit per certificate and cycle.
    await q.query(`CREATE UNIQUE INDEX uq__audits__certificate_cycle ON audits (certificate_id, cycle) WHERE kind = 'surveillance'`);
    // ... and one special audit per certificate and cause.
    await q.query(`CREATE UNIQUE INDEX uq__audits__certificate_source ON audits (certificate_id, trigger, source_id) WHERE kind = 'special'`);

    await q.query(`ALTER TABLE registry_entries ADD COLUMN lifecycle jsonb NOT NULL DEFAULT '{}'::jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE registry_entries DROP COLUMN lifecycle`);
    await q.query(`ALTER TABLE audits DROP COLUMN certificate_id, DROP COLUMN trigger, DROP COLUMN source_id, DROP COLUMN cycle,
      DROP COLUMN due_on, DROP COLUMN unannounced, DROP COLUMN requirement_ids`);
    await q.query(`ALTER TABLE certificates DROP COLUMN surveillance_interval_months, DROP COLUMN next_surveillance_due,
      DROP COLUMN last_surveillance_on, DROP COLUMN last_surveillance_outcome, DROP COLUMN renews_certificate_id, DROP COLUMN edition,
      DROP COLUMN transition_deadline, DROP COLUMN transition_standard_id, DROP COLUMN suspension_ends_on`);
    await q.query(`ALTER TABLE applications DROP CONSTRAINT ck__applications__certificate_id, DROP COLUMN certificate_id, DROP COLUMN kind`);
    await q.query(`ALTER TABLE catalogue_entries DROP COLUMN surveillance_interval_months`);
  }
}
