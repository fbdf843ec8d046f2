import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig, DomainError, notFound } from '@app/shared';
import { pagedQuery } from '@app/persistence';
import type { Principal } from '@app/identity';
import { completeOutbox, enqueue, NotificationAudience, NotificationRequest } from '@app/queue';
import { isDeliverableAddress } from './email-address';
import { sendEmail } from './follow-up-work';
import { Mailer } from './mailer';
import { NotificationPage, NotificationQuery, NotificationView, ReadAllView } from './notification.view';
import { renderNotification } from './templates';

/** Selects exactly the fields of NotificationView. */
const NOTIFICATION_VIEW = `
  SELECT id, event, subject, body, link, subject_number AS "subjectNumber", created_at AS "createdAt",
         read_at IS NOT NULL AS read, read_at AS "readAt"
    FROM notifications`;

interface Recipient {
  userId: string | null;
  email: string;
}

/**
 * People told of events: the notify job resolves a request's audience to recipients and writes,
 * per recipient, one inbox message (users) and one e-mail delivery (when SMTP_URL is set), each
 * unique on (recipient, key) so that nobody is told of one event twice; every new delivery is
 * sent by its own job. The inbox routes read and mark the caller's own messages only.
 */
@Injectable()
export class NotificationsService {
  private readonly logger = new Logger(NotificationsService.name);

  constructor(
    private readonly db: DataSource,
    private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Job: the inbox messages and e-mail deliveries of one event. Safe to run again: what exists is left alone. */
  async notify(request: NotificationRequest, outboxId: string): Promise<{ inbox: number; emails: number }> {
    const message = renderNotification(request, this.config.PUBLIC_BASE_URL);
    return this.db.transaction(async (tx) => {
      const recipients = await this.recipients(tx, request.audience);
      const users = recipients.filter((r) => r.userId).map((r) => r.userId!);
      const inbox: unknown[] = await tx.query(
        `INSERT INTO notifications (user_id, event, key, subject, body, link, subject_number)
         SELECT u, $2, $3, $4, $5, $6, $7 FROM unnest($1::uuid[]) u
         ON CONFLICT (user_id, key) DO NOTHING RETURNING id`,
        [users, request.event, request.key, message.subject, message.body, request.link, request.subjectNumber ?? null],
      );
      let emails = 0;
      if (this.mailer.enabled) {
        const addressed = recipients.filter((r) => {
          if (isDeliverableAddress(r.email)) return true;
          this.logger.warn({ key: request.key, userId: r.userId }, 'notification e-mail not sent: the address is not a plain mailbox');
          return false;
        });
        const created: { id: string }[] = await tx.query(
          `INSERT INTO email_deliveries (recipient, user_id, event, key, subject, body)
           SELECT r.email, r.user_id, $3, $4, $5, $6 FROM unnest($1::text[], $2::uuid[]) AS r (email, user_id)
           ON CONFLICT (lower(recipient), key) DO NOTHING RETURNING id`,
          [addressed.map((r) => r.email), addressed.map((r) => r.userId), request.event, request.key, message.subject, message.body],
        );
        for (const d of created) await enqueue(tx, sendEmail(d.id));
        emails = created.length;
      }
      await completeOutbox(tx, outboxId);
      return { inbox: inbox.length, emails };
    });
  }

  /**
   * Job: sends one e-mail delivery. The row stays locked while the message goes out, so a second
   * job for it (a re-dispatch after Redis lost its state) waits, then finds it sent and stops.
   * A failure is recorded and thrown, so BullMQ retries with backoff; the last one marks it failed.
   */
  async sendEmail(deliveryId: string, outboxId: string, finalAttempt: boolean): Promise<'sent' | 'skipped'> {
    const outcome = await this.db.transaction(async (tx) => {
      const [d] = await tx.query(`SELECT id, recipient, subject, body, status FROM email_deliveries WHERE id = $1 FOR UPDATE`, [deliveryId]);
      if (!d || d.status === 'sent') {
        await completeOutbox(tx, outboxId);
        return { result: 'skipped' as const };
      }
      try {
        const messageId = await this.mailer.send({ to: d.recipient, subject: d.subject, text: d.body, messageId: this.messageIdOf(deliveryId) });
        await tx.query(
          `UPDATE email_deliveries SET status = 'sent', attempts = attempts + 1, message_id = $2, last_error = NULL, sent_at = now() WHERE id = $1`,
          [deliveryId, messageId],
        );
        await completeOutbox(tx, outboxId);
        return { result: 'sent' as const };
      } catch (e) {
        const error = (e instanceof Error ? e.message : String(e)).slice(0, 2000);
        await tx.query(
          `UPDATE email_deliveries SET attempts = attempts + 1, last_error = $2, status = CASE WHEN $3 THEN 'failed' ELSE status END WHERE id = $1`,
          [deliveryId, error, finalAttempt],
        );
        return { result: 'failed' as const, error };
      }
    });
    if (outcome.result === 'failed') {
      this.logger.warn({ deliveryId, error: outcome.error, finalAttempt }, 'notification e-mail failed');
      throw new Error(`e-mail delivery ${deliveryId} failed: ${outcome.error}`);
    }
    return outcome.result;
  }

  /** The caller's inbox, newest first, with the unread count. API keys have no inbox (the routes are for people). */
  async list(caller: Principal, q: NotificationQuery): Promise<NotificationPage> {
    const userId = this.person(caller);
    const params: unknown[] = [userId];
    let where = 'user_id = $1';
    if (q.unread !== undefined) where += q.unread ? ' AND read_at IS NULL' : ' AND read_at IS NOT NULL';
    const [page, unreadCount] = await Promise.all([
      pagedQuery<NotificationView>(this.db, { select: NOTIFICATION_VIEW, countFrom: 'notifications', where, orderBy: 'created_at DESC, id DESC', params }, q),
      this.unreadCount(userId),
    ]);
    return { ...page, unreadCount };
  }

  /** Marks one of the caller's messages read (or unread again); another person's is a 404, as if it did not exist. */
  async mark(caller: Principal, id: string, read: boolean): Promise<NotificationView> {
    const userId = this.person(caller);
    const [row] = await this.db.query<NotificationView[]>(
      `WITH m AS (UPDATE notifications SET read_at = CASE WHEN $3 THEN coalesce(read_at, now()) ELSE NULL END
                   WHERE id = $1 AND user_id = $2 RETURNING *)
       ${NOTIFICATION_VIEW.replace('FROM notifications', 'FROM m')}`,
      [id, userId, read],
    );
    if (!row) throw notFound('notification', id);
    return row;
  }

  async readAll(caller: Principal): Promise<ReadAllView> {
    const userId = this.person(caller);
    // Counted in SQL: TypeORM answers a bare UPDATE … RETURNING with [rows, count], not the rows.
    const [{ marked }] = await this.db.query(
      `WITH m AS (UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL RETURNING 1) SELECT count(*)::int AS marked FROM m`,
      [userId],
    );
    return { marked, unreadCount: await this.unreadCount(userId) };
  }

  private async unreadCount(userId: string): Promise<number> {
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL`, [userId]);
    return n;
  }

  /** The person behind the call; the routes take people only (PersonAuth), this keeps the service honest too. */
  private person(caller: Principal): string {
    if (!caller.userId) throw new DomainError('PERSON_REQUIRED', 'notifications belong to people: an API key has no inbox');
    return caller.userId;
  }

  /** Active users for an organization (with any of the roles) or one user; an address as given. One entry per person or address. */
  private async recipients(tx: EntityManager, audience: NotificationAudience[]): Promise<Recipient[]> {
    const found = new Map<string, Recipient>();
    const add = (r: Recipient) => {
      const k = r.userId ?? `@${r.email.toLowerCase()}`;
      if (!found.has(k)) found.set(k, r);
    };
    for (const a of audience) {
      if ('organizationId' in a) {
        const rows: { id: string; email: string }[] = await tx.query(
          `SELECT id, email FROM users WHERE organization_id = $1 AND active AND ($2::text[] IS NULL OR roles && $2::text[]) ORDER BY created_at, id`,
          [a.organizationId, a.roles?.length ? a.roles : null],
        );
        rows.forEach((u) => add({ userId: u.id, email: u.email }));
      } else if ('userId' in a) {
        const [u] = await tx.query(`SELECT id, email FROM users WHERE id = $1 AND active`, [a.userId]);
        if (u) add({ userId: u.id, email: u.email });
      } else {
        add({ userId: null, email: a.email });
      }
    }
    return [...found.values()];
  }

  /** A Message-ID of our own per delivery (RFC 5322), under the platform's host. */
  private messageIdOf(deliveryId: string): string {
    return `<${deliveryId}@${new URL(this.config.PUBLIC_BASE_URL).hostname || 'szs.local'}>`;
  }
}
