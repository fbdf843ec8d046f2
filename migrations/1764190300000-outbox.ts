import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The transactional outbox: a state change and the work it causes are written in one
 * transaction; the worker's dispatcher moves rows to BullMQ (job id = outbox id) and the
 * reconciler re-enqueues rows whose job Redis no longer knows.
 */
export class Outbox1764190300000 implements MigrationInterface {
  name = 'Outbox1764190300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        queue text NOT NULL,
        job_name text NOT NULL,
        payload jsonb NOT NULL,
        organization_id uuid CONSTRAINT fk__outbox__organization_id REFERENCES organizations (id),
        available_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        dispatched_at timestamptz,
        completed_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        failed_at timestamptz,
        retry_count integer NOT NULL DEFAULT 0
      )`);
    await q.query(`CREATE INDEX ix__outbox__undispatched ON outbox (available_at, id) WHERE dispatched_at IS NULL`);
    await q.query(`CREATE INDEX ix__outbox__unfinished ON outbox (dispatched_at) WHERE completed_at IS NULL AND dispatched_at IS NOT NULL`);
    // Wakes the dispatcher at commit instead of waiting for its next poll.
    await q.query(`
      CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('outbox', '');
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE outbox`);
    await q.query(`DROP FUNCTION outbox_notify()`);
  }
}
