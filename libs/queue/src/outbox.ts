import type { EntityManager } from 'typeorm';
import type { QueueName } from './queues';

export interface OutboxMessage {
  queue: QueueName;
  name: string;
  payload: Record<string, unknown>;
  /** The organization the work concerns: its cb_admin sees the job if it fails. */
  organizationId?: string | null;
  /** Not before this time (a certificate's expiry, say). */
  availableAt?: Date;
}

/**
 * Records work to be done, inside the caller's transaction: it exists if and only if the
 * state change that caused it committed.
 */
export async function enqueue(manager: EntityManager, m: OutboxMessage): Promise<string> {
  const [row] = await manager.query(
    `INSERT INTO outbox (queue, job_name, payload, organization_id, available_at)
     VALUES ($1, $2, $3, $4, COALESCE($5, now())) RETURNING id`,
    [m.queue, m.name, JSON.stringify(m.payload), m.organizationId ?? null, m.availableAt ?? null],
  );
  return String(row.id);
}

/** Marks an outbox row done; called by a processor in the transaction that did the work. */
export async function completeOutbox(manager: EntityManager, outboxId: string): Promise<void> {
  await manager.query(`UPDATE outbox SET completed_at = COALESCE(completed_at, now()) WHERE id = $1`, [outboxId]);
}
