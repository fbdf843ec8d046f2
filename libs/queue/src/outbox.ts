import type { EntityManager } from 'typeorm';
import type { SqlWriter } from '@app/persistence';
import type { OutboxMessage } from './job-contract';

/**
 * Records work to be done, inside the caller's transaction (an EntityManager, or a script's pg
 * client through `pgSqlWriter`): it exists if and only if the state change that caused it
 * committed. The message is checked against the job contract.
 */
export async function enqueue(manager: SqlWriter, m: OutboxMessage): Promise<string> {
  const [row] = await manager.query(
    `INSERT INTO outbox (queue, job_name, payload, organization_id, available_at)
     VALUES ($1, $2, $3, $4, COALESCE($5, now())) RETURNING id`,
    [m.queue, m.name, JSON.stringify(m.payload), m.organizationId ?? null, m.availableAt ?? null],
  );
  return String(row.id);
}

/**
 * Records many messages in one statement (a sweep's page of work): the same rows `enqueue` writes,
 * without a round trip each.
 */
export async function enqueueMany(manager: SqlWriter, messages: OutboxMessage[]): Promise<void> {
  if (!messages.length) return;
  await manager.query(
    `INSERT INTO outbox (queue, job_name, payload, organization_id, available_at)
     SELECT q, n, p::jsonb, o::uuid, COALESCE(a, now())
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[]) AS m(q, n, p, o, a)`,
    [
      messages.map((m) => m.queue),
      messages.map((m) => m.name),
      messages.map((m) => JSON.stringify(m.payload)),
      messages.map((m) => m.organizationId ?? null),
      messages.map((m) => m.availableAt ?? null),
    ],
  );
}

/** Marks an outbox row done; called by a processor in the transaction that did the work. */
export async function completeOutbox(manager: EntityManager, outboxId: string): Promise<void> {
  await manager.query(`UPDATE outbox SET completed_at = COALESCE(completed_at, now()) WHERE id = $1`, [outboxId]);
}
