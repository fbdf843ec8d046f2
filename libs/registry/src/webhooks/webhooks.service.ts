import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig, DomainError, fieldError, notFound, Page, PageQuery } from '@app/shared';
import { pagedQuery } from '@app/persistence';
import type { Principal } from '@app/identity';
import { completeOutbox, enqueue } from '@app/queue';
import { deliverWebhook } from '../follow-up-work';
import { checkWebhookUrl, resolveWebhookHost, WebhookAddressRefused, WebhookAddressRules, webhookAddressRules } from './webhook-address';
import { postWebhook } from './webhook-client';
import { signWebhook } from './webhook-signature';
import { WebhookSubscriptionAction, WebhookSubscriptionState, webhookSubscriptionMachine } from './webhook-subscription-state.machine';
import type { RegistryChange } from '../registry-entry.view';
import { REGISTRY_CHANGE } from '../registry.service';
import { WebhookDeliveryView, WebhookSubscriptionCreated, WebhookSubscriptionView } from './webhook.view';

const DELIVERY_TIMEOUT_MS = 10_000;

/** Selects exactly the fields of WebhookSubscriptionView. */
const SUBSCRIPTION_VIEW = `
  SELECT id, url, description, state, state = 'active' AS active, consecutive_failures AS "consecutiveFailures",
         paused_at AS "pausedAt", paused_reason AS "pausedReason", created_at AS "createdAt"
    FROM webhook_subscriptions`;

/**
 * Webhooks for integrators: every public registry change (the change feed's items) is POSTed,
 * HMAC-signed, to each active subscription; deliveries go through the queue, are retried with
 * backoff, and are logged for the subscriber to inspect. Only public addresses receive them
 * (checked when subscribing and again at every delivery); a subscription whose deliveries keep
 * failing is paused until its owner resumes it.
 */
@Injectable()
export class WebhooksService {
  private readonly logger = new Logger(WebhooksService.name);
  private readonly rules: WebhookAddressRules;

  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.rules = webhookAddressRules(config);
  }

  async subscribe(caller: Principal, url: string, description?: string): Promise<WebhookSubscriptionCreated> {
    const checked = await this.checkUrl(url);
    const secret = `whsec_${randomBytes(32).toString('base64url')}`;
    const id = await this.db.transaction(async (tx) => {
      // One subscriber of an organization at a time, so two concurrent requests cannot both pass the cap.
      // NO KEY UPDATE: rows that merely reference the organization are not held up.
      await tx.query(`SELECT 1 FROM organizations WHERE id = $1 FOR NO KEY UPDATE`, [caller.organizationId]);
      const [{ n }] = await tx.query(`SELECT count(*)::int AS n FROM webhook_subscriptions WHERE organization_id = $1 AND state <> 'deactivated'`, [
        caller.organizationId,
      ]);
      const cap = this.config.WEBHOOK_MAX_SUBSCRIPTIONS;
      if (n >= cap) {
        throw new DomainError(
          'LIMIT_REACHED',
          `the organization already has ${n} webhook subscriptions (active or paused), the most allowed (WEBHOOK_MAX_SUBSCRIPTIONS=${cap}); deactivate one first`,
          { quota: 'WEBHOOK_MAX_SUBSCRIPTIONS', limit: cap, used: n },
        );
      }
      const [row] = await tx.query(`INSERT INTO webhook_subscriptions (organization_id, url, description, secret) VALUES ($1, $2, $3, $4) RETURNING id`, [
        caller.organizationId,
        checked,
        description ?? null,
        secret,
      ]);
      return row.id as string;
    });
    return { ...(await this.get(caller, id)), secret };
  }

  /** Newest first. */
  async list(caller: Principal, q: PageQuery): Promise<Page<WebhookSubscriptionView>> {
    return pagedQuery<WebhookSubscriptionView>(
      this.db,
      {
        select: SUBSCRIPTION_VIEW,
        countFrom: 'webhook_subscriptions',
        where: 'organization_id = $1',
        orderBy: 'created_at DESC, id DESC',
        params: [caller.organizationId],
      },
      q,
    );
  }

  async get(caller: Principal, id: string): Promise<WebhookSubscriptionView> {
    const [row] = await this.db.query<WebhookSubscriptionView[]>(`${SUBSCRIPTION_VIEW} WHERE id = $1 AND organization_id = $2`, [id, caller.organizationId]);
    if (!row) throw notFound('webhook subscription', id);
    return row;
  }

  deactivate(caller: Principal, id: string): Promise<WebhookSubscriptionView> {
    return this.transition(caller, id, 'deactivate');
  }

  /** Back to `active` with a clean failure count; the URL must still pass the address rules. */
  async resume(caller: Principal, id: string): Promise<WebhookSubscriptionView> {
    const sub = await this.get(caller, id);
    webhookSubscriptionMachine.next(sub.state, 'resume');
    await this.checkUrl(sub.url);
    return this.transition(caller, id, 'resume');
  }

  /** The newest change first (one delivery per change and subscription). */
  async deliveries(caller: Principal, id: string, q: PageQuery): Promise<Page<WebhookDeliveryView>> {
    await this.get(caller, id);
    // (subscription_id, event_sequence) is unique: the order has no ties.
    return pagedQuery<WebhookDeliveryView>(
      this.db,
      {
        select: `SELECT id, event_sequence::text AS sequence, status, attempts, last_status_code AS "lastStatusCode", last_error AS "lastError",
                        created_at AS "createdAt", delivered_at AS "deliveredAt"
                   FROM webhook_deliveries`,
        countFrom: 'webhook_deliveries',
        where: 'subscription_id = $1',
        orderBy: 'event_sequence DESC',
        params: [id],
      },
      q,
    );
  }

  /** Job: one delivery per active subscription for a registry change, each its own job. */
  async fanOut(sequence: string, outboxId: string): Promise<number> {
    return this.db.transaction(async (tx) => {
      const [change] = await tx.query<RegistryChange[]>(`${REGISTRY_CHANGE} WHERE e.id = $1`, [sequence]);
      let n = 0;
      if (change) {
        const created: { id: string; subscription_id: string }[] = await tx.query(
          `INSERT INTO webhook_deliveries (subscription_id, event_sequence, payload)
           SELECT id, $1, $2 FROM webhook_subscriptions WHERE state = 'active'
           ON CONFLICT (subscription_id, event_sequence) DO NOTHING RETURNING id, subscription_id`,
          [sequence, JSON.stringify(change)],
        );
        for (const d of created) {
          await enqueue(tx, deliverWebhook(d.id));
        }
        n = created.length;
      }
      await completeOutbox(tx, outboxId);
      return n;
    });
  }

  /**
   * Job: POSTs one delivery; anything but a 2xx throws, so BullMQ retries it with backoff. The URL
   * is checked again here (a name may resolve elsewhere now) and the connection goes only to the
   * checked address. The last attempt's failure counts against the subscription, which is paused
   * after WEBHOOK_PAUSE_AFTER_FAILURES of them in a row; a success clears the count.
   */
  async deliver(deliveryId: string, outboxId: string, finalAttempt: boolean): Promise<'delivered' | 'skipped'> {
    const [d] = await this.db.query(
      `SELECT d.status, d.payload, d.subscription_id AS "subscriptionId", s.url, s.secret, s.state FROM webhook_deliveries d
         JOIN webhook_subscriptions s ON s.id = d.subscription_id WHERE d.id = $1`,
      [deliveryId],
    );
    // A delivery that failed for good may be sent again when an operator retries its job.
    if (!d || d.status === 'delivered' || d.status === 'skipped') {
      await completeOutbox(this.db.manager, outboxId);
      return 'skipped';
    }
    if (d.state !== 'active') {
      // Changes made while a subscription is paused are not sent later: its owner reads them from
      // the change feed (after the last delivered sequence) when resuming.
      await this.db.transaction(async (tx) => {
        await tx.query(`UPDATE webhook_deliveries SET status = 'skipped', last_error = $2 WHERE id = $1 AND status = 'pending'`, [
          deliveryId,
          `not sent: the subscription is ${d.state}`,
        ]);
        await completeOutbox(tx, outboxId);
      });
      return 'skipped';
    }
    const body = JSON.stringify(d.payload);
    let status: number | null = null;
    let error: string;
    try {
      const answer = await postWebhook(
        d.url,
        {
          'Content-Type': 'application/json',
          'User-Agent': 'ShenzhenStandard-Webhooks/1',
          'X-SZS-Delivery': deliveryId,
          'X-SZS-Signature': signWebhook(d.secret, body),
        },
        body,
        { rules: this.rules, timeoutMs: DELIVERY_TIMEOUT_MS },
      );
      status = answer.status;
      if (status >= 200 && status < 300) {
        await this.db.transaction(async (tx) => {
          await tx.query(
            `UPDATE webhook_deliveries SET status = 'delivered', attempts = attempts + 1, last_status_code = $2, last_error = NULL,
                    delivered_at = now() WHERE id = $1`,
            [deliveryId, status],
          );
          await tx.query(`UPDATE webhook_subscriptions SET consecutive_failures = 0 WHERE id = $1`, [d.subscriptionId]);
          await completeOutbox(tx, outboxId);
        });
        return 'delivered';
      }
      // The status only: with WEBHOOK_ALLOWED_NETWORKS open, the body could be an internal service's answer, readable by the subscriber.
      error = `receiver answered ${status}`;
    } catch (e) {
      error = e instanceof WebhookAddressRefused ? `not sent, no connection made: ${e.message}` : (e as Error).message;
    }
    error = error.slice(0, 2000);
    await this.db.transaction(async (tx) => {
      await tx.query(
        `UPDATE webhook_deliveries SET attempts = attempts + 1, last_status_code = $2, last_error = $3,
                status = CASE WHEN $4 THEN 'failed' ELSE status END WHERE id = $1`,
        [deliveryId, status, error, finalAttempt],
      );
      if (finalAttempt) await this.countFinalFailure(tx, d.subscriptionId, error);
    });
    this.logger.warn({ deliveryId, status, error, finalAttempt }, 'webhook delivery failed');
    throw new Error(`webhook delivery ${deliveryId} failed: ${error}`);
  }

  private async countFinalFailure(tx: EntityManager, subscriptionId: string, error: string): Promise<void> {
    const [sub] = await tx.query(`SELECT state, consecutive_failures AS failures FROM webhook_subscriptions WHERE id = $1 FOR UPDATE`, [subscriptionId]);
    if (!sub) return;
    const failures = Number(sub.failures) + 1;
    const state = sub.state as WebhookSubscriptionState;
    if (failures < this.config.WEBHOOK_PAUSE_AFTER_FAILURES || !webhookSubscriptionMachine.can(state, 'pause')) {
      await tx.query(`UPDATE webhook_subscriptions SET consecutive_failures = $2 WHERE id = $1`, [subscriptionId, failures]);
      return;
    }
    const reason = `${failures} deliveries in a row failed after every attempt (the last: ${error})`.slice(0, 2000);
    await tx.query(`UPDATE webhook_subscriptions SET state = $2, consecutive_failures = $3, paused_at = now(), paused_reason = $4 WHERE id = $1`, [
      subscriptionId,
      webhookSubscriptionMachine.next(state, 'pause'),
      failures,
      reason,
    ]);
    this.logger.warn({ subscriptionId, failures }, 'webhook subscription paused');
  }

  private async transition(caller: Principal, id: string, action: WebhookSubscriptionAction): Promise<WebhookSubscriptionView> {
    await this.db.transaction(async (tx) => {
      const [sub] = await tx.query(`SELECT state FROM webhook_subscriptions WHERE id = $1 AND organization_id = $2 FOR UPDATE`, [id, caller.organizationId]);
      if (!sub) throw notFound('webhook subscription', id);
      const next = webhookSubscriptionMachine.next(sub.state, action);
      await tx.query(
        `UPDATE webhook_subscriptions SET state = $2,
                consecutive_failures = CASE WHEN $2 = 'active' THEN 0 ELSE consecutive_failures END,
                paused_at = NULL, paused_reason = NULL
          WHERE id = $1`,
        [id, next],
      );
    });
    return this.get(caller, id);
  }

  /** The URL as it will be used (WHATWG-normalized), or a 400 naming `url` and saying why it is refused. */
  private async checkUrl(raw: string): Promise<string> {
    try {
      const url = checkWebhookUrl(raw, this.rules);
      await resolveWebhookHost(url, this.rules);
      return url.href;
    } catch (e) {
      if (e instanceof WebhookAddressRefused) throw fieldError('VALIDATION_FAILED', 'url', e.message);
      throw e;
    }
  }
}
