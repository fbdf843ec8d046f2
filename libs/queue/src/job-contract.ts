import type { Job } from 'bullmq';

/**
 * The contract of the API→worker hop: every queue, the jobs it takes and what each job carries.
 * `enqueue` accepts only a queue, job name and payload from this map, and each processor reads
 * its job data through `JobOf<queue>`, so both sides of the outbox compile against one
 * definition. The queues list (QUEUES) is checked against it as well.
 */
export interface Jobs {
  'audit-planning': {
    'plan-initial-audit': { applicationId: string };
  };
  'audit-evaluation': {
    'evaluate-audit': { auditId: string };
  };
  'certificate-issue': {
    'issue-certificate': { applicationId: string };
  };
  'certificate-status': {
    'expire-certificate': { certificateId: string };
  };
  'label-codes': {
    'generate-labels': { batchId: string };
  };
  webhooks: {
    /** A certificate change (its change-feed sequence) to turn into one delivery per active subscription. */
    'fan-out': { sequence: string };
    deliver: { deliveryId: string };
  };
}

export type QueueName = keyof Jobs;
export type JobName<Q extends QueueName> = keyof Jobs[Q] & string;

/** Any payload of any job: what an outbox row holds. */
export type JobPayload = { [Q in QueueName]: Jobs[Q][JobName<Q>] }[QueueName];

/** What every job carries besides its own payload. */
export interface OutboxJobData {
  outboxId: string;
}

/**
 * A job as a processor of queue Q receives it: one member per job name, so `switch (job.name)`
 * narrows `job.data` to that job's payload.
 */
export type JobOf<Q extends QueueName> = {
  [N in JobName<Q>]: Job<Jobs[Q][N] & OutboxJobData, unknown, N>;
}[JobName<Q>];

/** Work recorded in the outbox: one member per queue and job name, so a payload must match its job. */
export type OutboxMessage<Q extends QueueName = QueueName> = {
  [K in Q]: {
    [N in JobName<K>]: {
      queue: K;
      name: N;
      payload: Jobs[K][N];
      /** The organization the work concerns: its cb_admin sees the job if it fails. */
      organizationId?: string | null;
      /** Not before this time (a certificate's expiry, say). */
      availableAt?: Date;
    };
  }[JobName<K>];
}[Q];
