import { Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DomainError, notFound } from '@app/shared';
import type { Principal } from '@app/identity';
import { completeOutbox, enqueue } from '@app/queue';
import { signWebhook } from './webhook-signature';

const DELIVERY_TIMEOUT_MS = 10_000;

const SUBSCRIPTION_VIEW = `SELECT id, url, description, active, created_at AS "createdAt" FROM webhook_subscriptions`;

/**
 * Webhooks for integrators: every public registry change (the change feed's items) is POSTed,
 * HMAC-signed, to each active subscription; deliveries go through the queue, are retried with
 * backoff, and are logged for the subscriber to inspect.
 */
@Injectable()
export class WebhooksService {
  private readonly logger = new Logger(WebhooksService.name);

  constructor(private readonly db: DataSource) {}

  async subscribe(caller: Principal, url: string, description?: string): Promise<Record<string, unknown>> {
    const secret = `whsec_${randomBytes(32).toString('base64url')}`;
    const [row] = await this.db.query(
      `INSERT INTO webhook_subscriptions (organization_id, url, description, secret) VALUES ($1, $2, $3, $4) RETURNING id`,
      [caller.organizationId, url, description ?? null, secret],
    );
    return { ...(await this.get(caller, row.id)), secret };
  }

  list(caller: Principal): Promise<Record<string, unknown>[]> {
    return this.db.query(`${SUBSCRIPTION_VIEW} WHERE organization_id = $1 ORDER BY created_at DESC`, [caller.organizationId]);
  }

  async get(caller: Principal, id: string): Promise<Record<string, unknown>> {
    const [row] = await this.db.query(`${SUBSCRIPTION_VIEW} WHERE id = $1 AND organization_id = $2`, [id, caller.organizationId]);
    if (!row) throw notFound('webhook subscription', id);
    return row;
  }

  async deactivate(caller: Principal, id: string): Promise<Record<string, unknown>> {
    const sub = await this.get(caller, id);
    if (!sub.active) throw new DomainError('ILLEGAL_TRANSITION', "webhook subscription is 'inactive' already");
    await this.db.query(`UPDATE webhook_subscriptions SET active = false WHERE id = $1`, [id]);
    return this.get(caller, id);
  }

  async deliveries(caller: Principal, id: string): Promise<Record<string, unknown>[]> {
    await this.get(caller, id);
    return this.db.query(
      `SELECT id, event_sequence::text AS sequence, status, attempts, last_status_code AS "lastStatusCode", last_error AS "lastError",
              created_at AS "createdAt", delivered_at AS "deliveredAt"
         FROM webhook_deliveries WHERE subscription_id = $1 ORDER BY event_sequence DESC LIMIT 500`,
      [id],
    );
  }

  /** Job: one delivery per active subscription for a registry change, each its own job. */
  async fanOut(sequence: string, outboxId: string): Promise<number> {
    return this.db.transaction(async (tx) => {
      const [change] = await tx.query(
        `SELECT e.id::text AS sequence, c.number, e.action AS event, e.from_status AS "from", e.to_status AS status,
                e.public_reason AS "publicReason", e.created_at AS at
           FROM certificate_events e JOIN certificates c ON c.id = e.certificate_id WHERE e.id = $1`,
        [sequence],
      );
      let n = 0;
      if (change) {
        const created: { id: string; subscription_id: string }[] = await tx.query(
          `INSERT INTO webhook_deliveries (subscription_id, event_sequence, payload)
           SELECT id, $1, $2 FROM webhook_subscriptions WHERE active
           ON CONFLICT (subscription_id, event_sequence) DO NOTHING RETURNING id, subscription_id`,
          [sequence, JSON.stringify(change)],
        );
        for (const d of created) {
          await enqueue(tx, { queue: 'webhooks', name: 'deliver', payload: { deliveryId: d.id } });
        }
        n = created.length;
      }
      await completeOutbox(tx, outboxId);
      return n;
    });
  }

  /** Job: POSTs one delivery; anything but a 2xx throws, so BullMQ retries it with backoff. */
  async deliver(deliveryId: string, outboxId: string, finalAttempt: boolean): Promise<'delivered' | 'skipped'> {
    const [d] = await this.db.query(
      `SELECT d.status, d.payload, s.url, s.secret, s.active FROM webhook_deliveries d
         JOIN webhook_subscriptions s ON s.id = d.subscription_id WHERE d.id = $1`,
      [deliveryId],
    );
    if (!d || d.status === 'delivered' || !d.active) {
      await completeOutbox(this.db.manager, outboxId);
      return 'skipped';
    }
    const body = JSON.stringify(d.payload);
    let status: number | null = null;
    let error: string | null = null;
    try {
      const res = await fetch(d.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'ShenzhenStandard-Webhooks/1',
          'X-SZS-Delivery': deliveryId,
          'X-SZS-Signature': signWebhook(d.secret, body),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      });
      status = res.status;
      if (res.ok) {
        await this.db.transaction(async (tx) => {
          await tx.query(
            `UPDATE webhook_deliveries SET status = 'delivered', attempts = attempts + 1, last_status_code = $2, last_error = NULL,
                    delivered_at = now() WHERE id = $1`,
            [deliveryId, status],
          );
          await completeOutbox(tx, outboxId);
        });
        return 'delivered';
      }
      error = `receiver answered ${res.status}`;
    } catch (e) {
      error = (e as Error).message;
    }
    await this.db.query(
      `UPDATE webhook_deliveries SET attempts = attempts + 1, last_status_code = $2, last_error = $3,
              status = CASE WHEN $4 THEN 'failed' ELSE status END WHERE id = $1`,
      [deliveryId, status, error, finalAttempt],
    );
    this.logger.warn({ deliveryId, status, error, finalAttempt }, 'webhook delivery failed');
    throw new Error(`webhook delivery ${deliveryId} failed: ${error}`);
  }
}
