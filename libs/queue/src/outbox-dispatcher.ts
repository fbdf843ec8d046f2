import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/shared';
import type { JobPayload } from './job-contract';
import { jobIdOf, jobOptions } from './queues';
import { QueueRegistry } from './queue-registry';

interface PendingRow {
  id: string;
  queue: string;
  job_name: string;
  payload: JobPayload;
  delay_ms: number;
  retry_count: number;
}

/** Rows due within this horizon go to BullMQ as delayed jobs; later ones wait in Postgres. */
const DELAY_HORIZON = '1 hour';
const BATCH = 1000;

/**
 * Moves committed outbox rows to BullMQ, job id = outbox id. Woken by NOTIFY at commit, with a
 * poll as the safety net. Rows are claimed with SKIP LOCKED so several workers share the work;
 * a crash between adding and marking only re-adds jobs BullMQ already has (same id: skipped).
 */
@Injectable()
export class OutboxDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxDispatcher.name);
  private listener?: Client;
  private timer?: NodeJS.Timeout;
  private running = false;
  private again = false;
  private stopped = false;

  constructor(
    private readonly db: DataSource,
    private readonly queues: QueueRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.listener = new Client({ connectionString: this.config.DATABASE_URL });
    this.listener.on('error', (e) => this.logger.warn(`outbox listener: ${e.message}`));
    this.listener.on('notification', () => this.kick());
    await this.listener.connect();
    await this.listener.query('LISTEN outbox');
    this.timer = setInterval(() => this.kick(), this.config.OUTBOX_POLL_MS);
    this.kick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.listener?.end().catch(() => undefined);
    while (this.running) await new Promise((r) => setTimeout(r, 20));
  }

  /** Runs a dispatch round now, or right after the one in progress. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    void this.drain()
      .catch((e: Error) => this.logger.error(`outbox dispatch failed: ${e.message}`))
      .finally(() => {
        this.running = false;
        if (this.again && !this.stopped) {
          this.again = false;
          this.kick();
        }
      });
  }

  private async drain(): Promise<void> {
    while (!this.stopped && (await this.dispatchBatch()) === BATCH) {
      // a full batch: there may be more
    }
  }

  async dispatchBatch(): Promise<number> {
    return this.db.transaction(async (tx) => {
      const rows: PendingRow[] = await tx.query(
        `SELECT id, queue, job_name, payload, retry_count,
                greatest(0, (extract(epoch FROM available_at - now()) * 1000)::bigint) AS delay_ms
           FROM outbox
          WHERE dispatched_at IS NULL AND available_at <= now() + interval '${DELAY_HORIZON}'
          ORDER BY available_at, id
          LIMIT ${BATCH}
          FOR UPDATE SKIP LOCKED`,
      );
      if (!rows.length) return 0;
      const byQueue = new Map<string, PendingRow[]>();
      for (const r of rows) byQueue.set(r.queue, [...(byQueue.get(r.queue) ?? []), r]);
      for (const [queue, items] of byQueue) {
        await this.queues.get(queue).addBulk(
          items.map((r) => ({
            name: r.job_name,
            data: { ...r.payload, outboxId: String(r.id) },
            opts: jobOptions(this.config, jobIdOf(r.id, r.retry_count), Number(r.delay_ms)),
          })),
        );
      }
      await tx.query(`UPDATE outbox SET dispatched_at = now() WHERE id = ANY($1::bigint[])`, [rows.map((r) => r.id)]);
      return rows.length;
    });
  }
}
