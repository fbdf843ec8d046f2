import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { DomainError, notFound, Page, PageQuery } from '@app/shared';
import { pagedQuery } from '@app/persistence';
import type { JobPayload } from './job-contract';
import { QUEUES } from './queues';

export const JOB_STATES = ['scheduled', 'pending', 'dispatched', 'completed', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** A job as the outbox records it (one row of the outbox, whichever BullMQ attempts it took). */
export class JobView {
  @ApiProperty({ example: '1042', description: 'the outbox row' }) id: string;
  @ApiProperty({ enum: QUEUES }) queue: string;
  @ApiProperty({ example: 'plan', description: "the job's name within its queue" }) job: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'what the job works on (ids), as enqueued' })
  payload: JobPayload;
  @ApiProperty({ enum: JOB_STATES, description: 'scheduled: waits for its time; pending: due, not yet handed to the queue' }) state: JobState;
  @ApiProperty({ description: 'attempts of the current round (a retry starts again at 0)' }) attempts: number;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time', description: 'when it is due' }) availableAt: Date;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) dispatchedAt: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) completedAt: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) failedAt: Date | null;
}

const STATE_SQL = `CASE WHEN o.completed_at IS NOT NULL THEN 'completed'
                        WHEN o.failed_at IS NOT NULL THEN 'failed'
                        WHEN o.dispatched_at IS NOT NULL THEN 'dispatched'
                        WHEN o.available_at > now() THEN 'scheduled'
                        ELSE 'pending' END`;

/** Selects exactly the fields of JobView. */
const JOB_VIEW = `
  SELECT o.id::text, o.queue, o.job_name AS job, o.payload, ${STATE_SQL} AS state, o.attempts, o.last_error AS "lastError",
         o.created_at AS "createdAt", o.available_at AS "availableAt", o.dispatched_at AS "dispatchedAt",
         o.completed_at AS "completedAt", o.failed_at AS "failedAt"
    FROM outbox o`;

/**
 * Background work as the outbox records it, for cb_admins (their organization's jobs) and the
 * regulator (all): what is waiting, what failed and why, and a retry for a failed job.
 */
@Injectable()
export class JobsService {
  constructor(private readonly db: DataSource) {}

  /** Newest first. */
  async list(scopeOrganizationId: string | null, q: PageQuery, state?: JobState): Promise<Page<JobView>> {
    const params: unknown[] = [];
    const where: string[] = ['TRUE'];
    if (scopeOrganizationId) where.push(`o.organization_id = $${params.push(scopeOrganizationId)}`);
    if (state) where.push(`${STATE_SQL} = $${params.push(state)}`);
    return pagedQuery<JobView>(this.db, { select: JOB_VIEW, countFrom: 'outbox o', where: where.join(' AND '), orderBy: 'o.id DESC', params }, q);
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
    const [view] = await this.db.query<JobView[]>(`${JOB_VIEW} WHERE o.id = $1`, [id]);
    return view;
  }
}
