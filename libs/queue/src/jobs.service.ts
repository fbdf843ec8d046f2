import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, notFound } from '@app/shared';
import type { JobPayload } from './job-contract';

export interface JobView {
  id: string;
  queue: string;
  job: string;
  /** Any job's payload, as the job contract defines it. */
  payload: JobPayload;
  state: 'scheduled' | 'pending' | 'dispatched' | 'completed' | 'failed';
  attempts: number;
  lastError: string | null;
  createdAt: string;
  availableAt: string;
  dispatchedAt: string | null;
  completedAt: string | null;
  failedAt: string | null;
}

const STATE_SQL = `CASE WHEN o.completed_at IS NOT NULL THEN 'completed'
                        WHEN o.failed_at IS NOT NULL THEN 'failed'
                        WHEN o.dispatched_at IS NOT NULL THEN 'dispatched'
                        WHEN o.available_at > now() THEN 'scheduled'
                        ELSE 'pending' END`;

/**
 * Background work as the outbox records it, for cb_admins (their organization's jobs) and the
 * regulator (all): what is waiting, what failed and why, and a retry for a failed job.
 */
@Injectable()
export class JobsService {
  constructor(private readonly db: DataSource) {}

  async list(scopeOrganizationId: string | null, state?: JobView['state'], limit = 100): Promise<JobView[]> {
    const params: unknown[] = [];
    const where: string[] = ['TRUE'];
    if (scopeOrganizationId) where.push(`o.organization_id = $${params.push(scopeOrganizationId)}`);
    if (state) where.push(`${STATE_SQL} = $${params.push(state)}`);
    return this.db.query(
      `SELECT o.id::text, o.queue, o.job_name AS job, o.payload, ${STATE_SQL} AS state, o.attempts, o.last_error AS "lastError",
              o.created_at AS "createdAt", o.available_at AS "availableAt", o.dispatched_at AS "dispatchedAt",
              o.completed_at AS "completedAt", o.failed_at AS "failedAt"
         FROM outbox o WHERE ${where.join(' AND ')} ORDER BY o.id DESC LIMIT ${Math.min(limit, 500)}`,
      params,
    );
  }

  /**
   * Sends a failed job round again: a fresh job id, so BullMQ does not mistake it for the failed
   * one. One conditional UPDATE decides, so of concurrent retries exactly one wins and the job
   * is dispatched once; the others find it no longer failed.
   */
  async retry(scopeOrganizationId: string | null, id: string): Promise<JobView> {
    // The tenancy scope is $2 in both statements: the organization's jobs, or all for the regulator.
    const scope = scopeOrganizationId ? 'AND organization_id = $2' : '';
    const scoped: unknown[] = [id, ...(scopeOrganizationId ? [scopeOrganizationId] : [])];
    const [, updated] = (await this.db.query(
      `UPDATE outbox SET failed_at = NULL, last_error = NULL, dispatched_at = NULL, retry_count = retry_count + 1, attempts = 0
        WHERE id = $1 ${scope} AND failed_at IS NOT NULL AND completed_at IS NULL RETURNING id`,
      scoped,
    )) as [unknown, number];
    if (!updated) {
      const [row] = await this.db.query(`SELECT ${STATE_SQL} AS state FROM outbox o WHERE id = $1 ${scope}`, scoped);
      if (!row) throw notFound('job', id);
      throw new DomainError('ILLEGAL_TRANSITION', `job is '${row.state}': only a failed job can be retried`, {
        aggregate: 'job',
        state: row.state,
        action: 'retry',
        allowedFrom: ['failed'],
      });
    }
    const [view] = (await this.list(scopeOrganizationId, undefined, 500)).filter((j) => j.id === String(id));
    return view;
  }
}
