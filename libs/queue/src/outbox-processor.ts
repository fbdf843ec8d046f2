import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { WorkerOptions } from 'bullmq';
import type { DataSource } from 'typeorm';
import { AppConfig, ConfigError, loadConfig } from '@app/shared';
import type { JobOf, QueueName } from './job-contract';

/**
 * Base of every processor: runs the handler and, when the last attempt fails, records the
 * failure on the outbox row so cb_admins and the regulator see it. Handlers are idempotent:
 * they re-read state and skip a step already done. Q is the queue: its jobs and their data come
 * from the job contract.
 */
export abstract class OutboxProcessor<in out Q extends QueueName> extends WorkerHost {
  protected readonly logger = new Logger(this.constructor.name);

  protected constructor(protected readonly db: DataSource) {
    super();
  }

  protected abstract handle(job: JobOf<Q>): Promise<unknown>;

  async process(job: JobOf<Q>): Promise<unknown> {
    const started = Date.now();
    try {
      const result = await this.handle(job);
      this.logger.log({ jobId: job.id, queue: job.queueName, job: job.name, ms: Date.now() - started }, 'job done');
      return result;
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      this.logger.error({ jobId: job.id, queue: job.queueName, job: job.name, attempt: job.attemptsMade + 1, final, err: message }, 'job failed');
      await this.db
        .query(`UPDATE outbox SET attempts = attempts + 1, last_error = $2, failed_at = CASE WHEN $3 THEN now() ELSE failed_at END WHERE id = $1`, [
          job.data.outboxId,
          message.slice(0, 2000),
          final,
        ])
        .catch(() => undefined);
      throw e;
    }
  }
}

let cached: Partial<WorkerOptions> | undefined;

/**
 * Worker settings from the environment. Read when a processor class is declared, because
 * @Processor takes its options then.
 */
export function workerOptions(): Partial<WorkerOptions> {
  if (!cached) {
    let c: AppConfig;
    try {
      c = loadConfig();
    } catch (e) {
      // Declared while the entrypoint is still being imported, before main() can catch anything:
      // a bad configuration is left to main's own loadConfig, which stops the process with its
      // one sentence (instead of a stack trace here) before any processor runs.
      if (e instanceof ConfigError) return {};
      throw e;
    }
    cached = {
      concurrency: c.WORKER_CONCURRENCY,
      lockDuration: c.JOB_LOCK_MS,
      stalledInterval: Math.max(500, Math.floor(c.JOB_LOCK_MS / 2)),
      maxStalledCount: 5,
    };
  }
  return cached;
}

/**
 * Makes a class the worker of one queue. The queue named here and the queue of the class's jobs
 * (`OutboxProcessor<Q>`) must agree, or it does not compile: `@Processor('webhooks')` on a class
 * handling label-code jobs would otherwise take jobs it cannot read.
 */
export function ProcessorOf<Q extends QueueName>(queue: Q, options: Partial<WorkerOptions> = {}) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Nest instantiates the class with its own constructor arguments
  return <C extends abstract new (...args: any[]) => OutboxProcessor<Q>>(target: C): void => {
    Processor(queue, { ...workerOptions(), ...options })(target);
  };
}
