import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Complaints and appeals (ISO/IEC 17065 7.13, issue 11). A complaint is about a certified product
 * (its certificate), a holder, or a certification body's own work; it is handled by the body
 * concerned (certification_body_id) or, when it is about a body, by the regulator (the column is
 * NULL), so the case tenancy rule (caseScope) applies to it unchanged. An appeal is an enterprise's
 * against one decision of its body: an application's refusal or rejection, or a certificate's
 * suspension, scope reduction or withdrawal. Both keep a timeline (who, when, from, to, why).
 */
/** A case's timeline, `<kind>_events`: who, when, from, to, why (as application_events). */
async function createTimeline(q: QueryRunner, kind: 'complaint' | 'appeal'): Promise<void> {
  const t = `${kind}_events`;
  await q.query(`
    CREATE TABLE ${t} (
      id bigserial PRIMARY KEY,
      ${kind}_id uuid NOT NULL CONSTRAINT fk__${t}__${kind}_id REFERENCES ${kind}s (id),
      action text NOT NULL,
      from_status text,
      to_status text NOT NULL,
      reason text,
      actor_user_id uuid CONSTRAINT fk__${t}__actor_user_id REFERENCES users (id),
      actor_organization_id uuid CONSTRAINT fk__${t}__actor_organization_id REFERENCES organizations (id),
      created_at timestamptz NOT NULL DEFAULT clock_timestamp()
    )`);
  await q.query(`CREATE INDEX ix__${t}__${kind}_id ON ${t} (${kind}_id, id)`);
}

export class ComplaintsAppeals1764192400000 implements MigrationInterface {
  name = 'ComplaintsAppeals1764192400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE complaint_seq`);
    await q.query(`
      CREATE TABLE complaints (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- CMP-<year>-<serial>-<check>: quoted with the complainant's e-mail to look up the status
        reference text NOT NULL CONSTRAINT uq__complaints__reference UNIQUE,
        about text NOT NULL CONSTRAINT ck__complaints__about CHECK (about IN ('product', 'holder', 'certification_body')),
        certificate_id uuid CONSTRAINT fk__complaints__certificate_id REFERENCES certificates (id),
        enterprise_id uuid CONSTRAINT fk__complaints__enterprise_id REFERENCES organizations (id),
        -- the body that handles it; NULL: the regulator handles it (a complaint about a body's own work)
        certification_body_id uuid CONSTRAINT fk__complaints__certification_body_id REFERENCES organizations (id),
        about_body_id uuid CONSTRAINT fk__complaints__about_body_id REFERENCES organizations (id),
        description text NOT NULL CONSTRAINT ck__complaints__description CHECK (char_length(description) BETWEEN 1 AND 4000),
        complainant_name text CONSTRAINT ck__complaints__complainant_name CHECK (char_length(complainant_name) BETWEEN 1 AND 200),
        complainant_email text CONSTRAINT ck__complaints__complainant_email CHECK (char_length(complainant_email) BETWEEN 3 AND 254),
        complainant_language text NOT NULL DEFAULT 'zh' CONSTRAINT ck__complaints__complainant_language CHECK (complainant_language IN ('zh', 'en')),
        complainant_user_id uuid CONSTRAINT fk__complaints__complainant_user_id REFERENCES users (id),
        misuse_report_id uuid CONSTRAINT uq__complaints__misuse_report_id UNIQUE CONSTRAINT fk__complaints__misuse_report_id REFERENCES misuse_reports (id),
        status text NOT NULL DEFAULT 'received' CONSTRAINT ck__complaints__status
          CHECK (status IN ('received', 'acknowledged', 'under_investigation', 'resolved', 'closed')),
        investigator_id uuid CONSTRAINT fk__complaints__investigator_id REFERENCES users (id),
        outcome text CONSTRAINT ck__complaints__outcome CHECK (outcome IN ('upheld', 'not_upheld', 'partly_upheld')),
        findings text CONSTRAINT ck__complaints__findings CHECK (char_length(findings) BETWEEN 1 AND 8000),
        actions_taken text CONSTRAINT ck__complaints__actions_taken CHECK (char_length(actions_taken) BETWEEN 1 AND 4000),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck__complaints__complainant CHECK (complainant_email IS NOT NULL OR complainant_user_id IS NOT NULL),
        CONSTRAINT ck__complaints__handler CHECK ((about = 'certification_body') = (certification_body_id IS NULL))
      )`);
    await q.query(`CREATE INDEX ix__complaints__certification_body_id ON complaints (certification_body_id, created_at DESC)`);
    await q.query(`CREATE INDEX ix__complaints__created_at ON complaints (created_at DESC)`);
    await q.query(`CREATE INDEX ix__complaints__complainant_user_id ON complaints (complainant_user_id) WHERE complainant_user_id IS NOT NULL`);
    await createTimeline(q, 'complaint');
    // The other end of an escalation: the report knows the complaint it became.
    await q.query(`ALTER TABLE misuse_reports ADD COLUMN complaint_id uuid CONSTRAINT fk__misuse_reports__complaint_id REFERENCES complaints (id)`);

    await q.query(`CREATE SEQUENCE appeal_seq`);
    await q.query(`
      CREATE TABLE appeals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL CONSTRAINT uq__appeals__reference UNIQUE,
        enterprise_id uuid NOT NULL CONSTRAINT fk__appeals__enterprise_id REFERENCES organizations (id),
        certification_body_id uuid NOT NULL CONSTRAINT fk__appeals__certification_body_id REFERENCES organizations (id),
        application_id uuid NOT NULL CONSTRAINT fk__appeals__application_id REFERENCES applications (id),
        certificate_id uuid CONSTRAINT fk__appeals__certificate_id REFERENCES certificates (id),
        -- the decision appealed: exactly one of an application's refusal/rejection or a certificate's change
        application_event_id bigint CONSTRAINT uq__appeals__application_event_id UNIQUE
          CONSTRAINT fk__appeals__application_event_id REFERENCES application_events (id),
        certificate_event_id bigint CONSTRAINT uq__appeals__certificate_event_id UNIQUE
          CONSTRAINT fk__appeals__certificate_event_id REFERENCES certificate_events (id),
        decision_action text NOT NULL,
        grounds text NOT NULL CONSTRAINT ck__appeals__grounds CHECK (char_length(grounds) BETWEEN 1 AND 8000),
        status text NOT NULL DEFAULT 'lodged' CONSTRAINT ck__appeals__status CHECK (status IN ('lodged', 'under_consideration', 'upheld', 'dismissed')),
        lodged_by uuid NOT NULL CONSTRAINT fk__appeals__lodged_by REFERENCES users (id),
        handler_id uuid CONSTRAINT fk__appeals__handler_id REFERENCES users (id),
        decided_by uuid CONSTRAINT fk__appeals__decided_by REFERENCES users (id),
        rationale text CONSTRAINT ck__appeals__rationale CHECK (char_length(rationale) BETWEEN 1 AND 8000),
        decided_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck__appeals__decision CHECK ((application_event_id IS NULL) <> (certificate_event_id IS NULL))
      )`);
    await q.query(`CREATE INDEX ix__appeals__certification_body_id ON appeals (certification_body_id, created_at DESC)`);
    await q.query(`CREATE INDEX ix__appeals__enterprise_id ON appeals (enterprise_id, created_at DESC)`);
    await createTimeline(q, 'appeal');

    // A refusal reversed on appeal is decided again: the first decision stays, superseded, and only
    // one decision per application is current.
    await q.query(`ALTER TABLE decisions DROP CONSTRAINT uq__decisions__application_id, ADD COLUMN superseded_at timestamptz`);
    await q.query(`CREATE UNIQUE INDEX uq__decisions__application_id_current ON decisions (application_id) WHERE superseded_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX uq__decisions__application_id_current`);
    await q.query(`ALTER TABLE decisions DROP COLUMN superseded_at, ADD CONSTRAINT uq__decisions__application_id UNIQUE (application_id)`);
    await q.query(`DROP TABLE appeal_events`);
    await q.query(`DROP TABLE appeals`);
    await q.query(`DROP SEQUENCE appeal_seq`);
    await q.query(`ALTER TABLE misuse_reports DROP COLUMN complaint_id`);
    await q.query(`DROP TABLE complaint_events`);
    await q.query(`DROP TABLE complaints`);
    await q.query(`DROP SEQUENCE complaint_seq`);
  }
}
