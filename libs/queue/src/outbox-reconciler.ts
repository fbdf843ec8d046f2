import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, PeriodicTask } from '@app/shared';
import type { JobPayload } from './job-contract';
import { jobIdOf, jobOptions } from './queues';
import { QueueRegistry } from './queue-registry';
import { ADVISORY_LOCKS } from '@app/persistence';

const RECONCILE_LOCK = ADVISORY_LOCKS.reconciler;

/**
 * Re-enqueues work that was dispatched but never finished and that BullMQ no longer knows
 * (Redis restarted empty, keys evicted): so losing Redis loses no work. A job BullMQ still
 * holds (waiting, delayed, active, failed) is left alone: its own retries and the failed-jobs
 * view deal with it. One worker at a time reconciles (advisory lock).
 */
@Injectable()
export class OutboxReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxReconciler.name);
  private readonly task = new PeriodicTask('reconcile', () => this.reconcile(), this.logger);

  constructor(
    private readonly db: DataSource,
    private readonly queues: QueueRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start(this.config.RECONCILE_INTERVAL_MS);
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** Returns how many jobs it re-enqueued. */
  async reconcile(): Promise<number> {
    return this.db.transaction(async (tx) => {
      const [{ locked }] = await tx.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [RECONCILE_LOCK]);
      if (!locked) return 0;
      const rows: { id: string; queue: string; job_name: string; payload: JobPayload; retry_count: number }[] = await tx.query(
        `SELECT id, queue, job_name, payload, retry_count FROM outbox
            WHERE completed_at IS NULL AND failed_at IS NULL AND dispatched_at IS NOT NULL
              AND dispatched_at < now() - make_interval(secs => $1 / 1000.0)
              AND available_at <= now()
            ORDER BY id LIMIT 5000`,
        [this.config.RECONCILE_AFTER_MS],
      );
      let requeued = 0;
      for (const r of rows) {
        const queue = this.queues.get(r.queue);
        const jobId = jobIdOf(r.id, r.retry_count);
        if ((await queue.getJobState(jobId)) !== 'unknown') continue;
        await queue.add(r.job_name, { ...r.payload, outboxId: String(r.id) }, jobOptions(this.config, jobId));
        requeued++;
      }
      if (requeued) this.logger.warn(`re-enqueued ${requeued} job(s) that Redis had lost`);
      return requeued;
    });
  }
}
