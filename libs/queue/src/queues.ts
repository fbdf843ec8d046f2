import type { QueueName } from './job-contract';

// Keyed by queue so that `satisfies` stops the build while a queue of the contract (Jobs) is missing here, or one here is not in it.
const REGISTERED = {
  'audit-planning': true,
  'audit-evaluation': true,
  'certificate-issue': true,
  'certificate-status': true,
  'label-codes': true,
  notifications: true,
  webhooks: true,
} satisfies Record<QueueName, true>;

/** Every BullMQ queue of the platform, as the job contract names them. Work reaches them only through the outbox. */
export const QUEUES: readonly QueueName[] = Object.keys(REGISTERED) as QueueName[];

/** BullMQ refuses integer-looking custom ids; a manual retry gets a fresh id so the failed job stays visible. */
export const jobIdOf = (outboxId: string | number, retry = 0) => (retry ? `outbox-${outboxId}-r${retry}` : `outbox-${outboxId}`);

/** BullMQ options of every job: retries with exponential backoff, from configuration. */
export function jobOptions(config: { JOB_ATTEMPTS: number; JOB_BACKOFF_MS: number }, jobId: string, delay = 0) {
  return {
    jobId,
    delay,
    attempts: config.JOB_ATTEMPTS,
    backoff: { type: 'exponential' as const, delay: config.JOB_BACKOFF_MS },
    // Completed jobs are kept a day so a re-dispatch of the same outbox row is recognised and skipped.
    removeOnComplete: { age: 86_400, count: 100_000 },
    removeOnFail: { age: 30 * 86_400 },
  };
}
