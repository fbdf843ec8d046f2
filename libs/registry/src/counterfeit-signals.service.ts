import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, notFound, Page, PageQuery } from '@app/shared';
import { pagedQuery } from '@app/persistence';
import { isRegulator, Principal } from '@app/identity';
import { CounterfeitSignalStatus, CounterfeitSignalView } from './counterfeit-signal.view';

/** Selects exactly the fields of CounterfeitSignalView. */
const SIGNAL_VIEW = `
  SELECT s.id, s.code, s.kind, s.reason, s.status, s.distinct_networks AS "distinctNetworks", s.note,
         s.raised_at AS "raisedAt", s.last_seen_at AS "lastSeenAt", s.resolved_at AS "resolvedAt",
         coalesce(v.count, 0)::int AS "verificationCount",
         json_build_object('id', c.id, 'number', c.number, 'status', c.status) AS certificate
    FROM counterfeit_signals s JOIN certificates c ON c.id = s.certificate_id
    LEFT JOIN verification_counts v ON v.code = s.code`;

/** The signals CounterfeitDetector raises, as the certification body (its own) and the regulator (all) review and resolve them. */
@Injectable()
export class CounterfeitSignalsService {
  constructor(private readonly db: DataSource) {}

  /** Newest first. */
  async list(caller: Principal, q: PageQuery, status?: CounterfeitSignalStatus): Promise<Page<CounterfeitSignalView>> {
    const params: unknown[] = [];
    const where = [isRegulator(caller) ? 'TRUE' : `s.certification_body_id = $${params.push(caller.organizationId)}`];
    if (status) where.push(`s.status = $${params.push(status)}`);
    return pagedQuery<CounterfeitSignalView>(
      this.db,
      { select: SIGNAL_VIEW, countFrom: 'counterfeit_signals s', where: where.join(' AND '), orderBy: 's.raised_at DESC, s.id DESC', params },
      q,
    );
  }

  /**
   * One conditional UPDATE decides: of concurrent resolutions exactly one finds the signal still
   * open, and a later one can never overwrite it (a confirmation turned into a dismissal).
   */
  async resolve(caller: Principal, id: string, status: 'dismissed' | 'confirmed', note?: string): Promise<CounterfeitSignalView> {
    // The tenancy scope is $2 in both statements: the caller's own signals, or all for the regulator.
    const scope = isRegulator(caller) ? '' : 'AND certification_body_id = $2';
    const scoped: unknown[] = [id, ...(isRegulator(caller) ? [] : [caller.organizationId])];
    const [, updated] = (await this.db.query(
      `UPDATE counterfeit_signals SET status = $${scoped.length + 1}, note = $${scoped.length + 2}, resolved_at = now(), resolved_by = $${scoped.length + 3}
        WHERE id = $1 ${scope} AND status = 'open' RETURNING id`,
      [...scoped, status, note ?? null, caller.userId],
    )) as [unknown, number];
    if (!updated) {
      // Missed: either not the caller's to see (404), or someone resolved it first (409 naming the state).
      const [row] = await this.db.query(`SELECT status FROM counterfeit_signals WHERE id = $1 ${scope}`, scoped);
      if (!row) throw notFound('counterfeit signal', id);
      throw new DomainError('ILLEGAL_TRANSITION', `counterfeit signal is '${row.status}': only an open one can be resolved`, {
        aggregate: 'counterfeit signal',
        state: row.status,
        action: status === 'confirmed' ? 'confirm' : 'dismiss',
        allowedFrom: ['open'],
      });
    }
    const [view] = await this.db.query<CounterfeitSignalView[]>(`${SIGNAL_VIEW} WHERE s.id = $1`, [id]);
    return view;
  }
}
