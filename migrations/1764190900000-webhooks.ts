import { MigrationInterface, QueryRunner } from 'typeorm';

/** Integrators' webhook subscriptions to registry changes, and the log of every delivery. */
export class Webhooks1764190900000 implements MigrationInterface {
  name = 'Webhooks1764190900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhook_subscriptions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL CONSTRAINT fk__webhook_subscriptions__organization_id REFERENCES organizations (id),
        url text NOT NULL CONSTRAINT ck__webhook_subscriptions__url CHECK (url ~ '^https?://'),
        description text,
        -- the HMAC key: the platform must sign with it, so it is kept (shown to the subscriber once)
        secret text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix__webhook_subscriptions__organization_id ON webhook_subscriptions (organization_id)`);
    await q.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subscription_id uuid NOT NULL CONSTRAINT fk__webhook_deliveries__subscription_id REFERENCES webhook_subscriptions (id),
        event_sequence bigint NOT NULL,
        payload jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending' CONSTRAINT ck__webhook_deliveries__status CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        last_status_code integer,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz,
        CONSTRAINT uq__webhook_deliveries__event_sequence UNIQUE (subscription_id, event_sequence)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE webhook_deliveries`);
    await q.query(`DROP TABLE webhook_subscriptions`);
  }
}
