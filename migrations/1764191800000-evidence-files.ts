import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evidence files (corrective-action evidence, test reports): the metadata in evidence_files, the
 * bytes in 256 KiB chunks in evidence_file_chunks (PostgresEvidenceStore), so an upload streams in
 * and a download streams out one chunk at a time. A file is uploaded unattached and then attached
 * to one thing of one case: a nonconformity, a finding, or an application's timeline entry (the
 * answer to an information request); `application_id` is its case, whose parties may read it.
 */
export class EvidenceFiles1764191800000 implements MigrationInterface {
  name = 'EvidenceFiles1764191800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE evidence_files (
        id uuid PRIMARY KEY,
        organization_id uuid NOT NULL CONSTRAINT fk__evidence_files__organization_id REFERENCES organizations (id),
        uploaded_by_user_id uuid CONSTRAINT fk__evidence_files__uploaded_by_user_id REFERENCES users (id),
        uploaded_by_api_key_id uuid CONSTRAINT fk__evidence_files__uploaded_by_api_key_id REFERENCES api_keys (id),
        file_name text NOT NULL CONSTRAINT ck__evidence_files__file_name CHECK (length(file_name) BETWEEN 1 AND 255),
        content_type text NOT NULL
          CONSTRAINT ck__evidence_files__content_type CHECK (content_type IN ('application/pdf', 'image/png', 'image/jpeg', 'image/webp')),
        size bigint NOT NULL CONSTRAINT ck__evidence_files__size CHECK (size > 0),
        sha256 text NOT NULL CONSTRAINT ck__evidence_files__sha256 CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        application_id uuid CONSTRAINT fk__evidence_files__application_id REFERENCES applications (id),
        nonconformity_id uuid CONSTRAINT fk__evidence_files__nonconformity_id REFERENCES nonconformities (id),
        finding_id uuid CONSTRAINT fk__evidence_files__finding_id REFERENCES findings (id),
        application_event_id bigint CONSTRAINT fk__evidence_files__application_event_id REFERENCES application_events (id),
        attached_at timestamptz,
        CONSTRAINT ck__evidence_files__uploader CHECK (num_nonnulls(uploaded_by_user_id, uploaded_by_api_key_id) = 1),
        -- attached to exactly one thing, and then (only then) to its case
        CONSTRAINT ck__evidence_files__attachment CHECK (
          num_nonnulls(nonconformity_id, finding_id, application_event_id) <= 1
          AND (application_id IS NULL) = (num_nonnulls(nonconformity_id, finding_id, application_event_id) = 0)
          AND (application_id IS NULL) = (attached_at IS NULL))
      )`);
    await q.query(`CREATE INDEX ix__evidence_files__nonconformity_id ON evidence_files (nonconformity_id) WHERE nonconformity_id IS NOT NULL`);
    await q.query(`CREATE INDEX ix__evidence_files__finding_id ON evidence_files (finding_id) WHERE finding_id IS NOT NULL`);
    await q.query(`CREATE INDEX ix__evidence_files__application_event_id ON evidence_files (application_event_id) WHERE application_event_id IS NOT NULL`);
    await q.query(`CREATE INDEX ix__evidence_files__application_id ON evidence_files (application_id) WHERE application_id IS NOT NULL`);
    // The sweep of abandoned uploads reads the unattached files by age.
    await q.query(`CREATE INDEX ix__evidence_files__unattached ON evidence_files (created_at) WHERE application_id IS NULL`);
    // The chunks are written before their metadata row (the size and digest are known only at the
    // end of the stream), in the same transaction: the reference is checked at commit.
    await q.query(`
      CREATE TABLE evidence_file_chunks (
        file_id uuid NOT NULL CONSTRAINT fk__evidence_file_chunks__file_id REFERENCES evidence_files (id)
          ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
        seq integer NOT NULL CONSTRAINT ck__evidence_file_chunks__seq CHECK (seq >= 0),
        data bytea NOT NULL CONSTRAINT ck__evidence_file_chunks__data CHECK (length(data) BETWEEN 1 AND 262144),
        CONSTRAINT pk__evidence_file_chunks PRIMARY KEY (file_id, seq)
      )`);
    // PDFs and images are compressed already: TOAST compression would be tried on every chunk in vain.
    await q.query(`ALTER TABLE evidence_file_chunks ALTER COLUMN data SET STORAGE EXTERNAL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE evidence_file_chunks`);
    await q.query(`DROP TABLE evidence_files`);
  }
}
