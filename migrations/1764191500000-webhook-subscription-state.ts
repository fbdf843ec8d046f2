import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhook subscriptions get a state instead of a flag: `paused` when deliveries keep failing for
 * good (with the reason and the time, for the owner), besides `active` and `deactivated`; and the
 * count of deliveries in a row that failed after every attempt. Deliveries not sent because their
 * subscription was paused or deactivated are logged as `skipped`.
 */
export class WebhookSubscriptionState1764191500000 implements MigrationInterface {
  name = 'WebhookSubscriptionState1764191500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE webhook_subscriptions
        ADD COLUMN state text NOT NULL DEFAULT 'active'
          CONSTRAINT ck__webhook_subscriptions__state CHECK (state IN ('active', 'paused', 'deactivated')),
        ADD COLUMN consecutive_failures integer NOT NULL DEFAULT 0,
        ADD COLUMN paused_at timestamptz,
        ADD COLUMN paused_reason text`);
    await q.query(`UPDATE webhook_subscriptions SET state = 'deactivated' WHERE NOT active`);
    await q.query(`ALTER TABLE webhook_subscriptions DROP COLUMN active`);
    await q.query(`
      ALTER TABLE webhook_subscriptions ADD CONSTRAINT ck__webhook_subscriptions__paused
        CHECK ((state = 'paused') = (paused_at IS NOT NULL AND paused_reason IS NOT NULL))`);
    await q.query(`ALTER TABLE webhook_deliveries DROP CONSTRAINT ck__webhook_deliveries__status`);
    await q.query(`
      ALTER TABLE webhook_deliveries ADD CONSTRAINT ck__webhook_deliveries__status
        CHECK (status IN ('pending', 'delivered', 'failed', 'skipped'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE webhook_deliveries SET status = 'failed' WHERE status = 'skipped'`);
    await q.query(`ALTER TABLE webhook_deliveries DROP CONSTRAINT ck__webhook_deliveries__status`);
    await q.query(`
      ALTER TABLE webhook_deliveries ADD CONSTRAINT ck__webhook_deliveries__status
        CHECK (status IN ('pending', 'delivered', 'failed'))`);
    await q.query(`ALTER TABLE webhook_subscriptions ADD COLUMN active boolean NOT NULL DEFAULT true`);
    await q.query(`UPDATE webhook_subscriptions SET active = (state <> 'deactivated')`);
    await q.query(`
      ALTER TABLE webhook_subscriptions DROP CONSTRAINT ck__webhook_subscriptions__paused,
        DROP COLUMN state, DROP COLUMN consecutive_failures, DROP COLUMN paused_at, DROP COLUMN paused_reason`);
  }
}
