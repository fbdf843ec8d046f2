import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, notFound } from '@app/shared';
import { isRegulator, Principal } from '@app/identity';

/** The signals as the certification body (its own) and the regulator (all) review them. */
@Injectable()
export class CounterfeitSignalsService {
  constructor(private readonly db: DataSource) {}

  list(caller: Principal, status?: string): Promise<Record<string, unknown>[]> {
    const params: unknown[] = [];
    const where = [isRegulator(caller) ? 'TRUE' : `s.certification_body_id = $${params.push(caller.organizationId)}`];
    if (status) where.push(`s.status = $${params.push(status)}`);
    return this.db.query(
      `SELECT s.id, s.code, s.kind, s.reason, s.status, s.distinct_networks AS "distinctNetworks", s.note,
              s.raised_at AS "raisedAt", s.last_seen_at AS "lastSeenAt", s.resolved_at AS "resolvedAt",
              coalesce(v.count, 0)::int AS "verificationCount",
              json_build_object('id', c.id, 'number', c.number, 'status', c.status) AS certificate
         FROM counterfeit_signals s JOIN certificates c ON c.id = s.certificate_id
         LEFT JOIN verification_counts v ON v.code = s.code
        WHERE ${where.join(' AND ')} ORDER BY s.raised_at DESC LIMIT 500`,
      params,
    );
  }

  async resolve(caller: Principal, id: string, status: 'dismissed' | 'confirmed', note?: string): Promise<Record<string, unknown>> {
    const params: unknown[] = [id];
    const scope = isRegulator(caller) ? '' : `AND certification_body_id = $${params.push(caller.organizationId)}`;
    const [row] = await this.db.query(`SELECT status FROM counterfeit_signals WHERE id = $1 ${scope}`, params);
    if (!row) throw notFound('counterfeit signal', id);
    if (row.status !== 'open') throw new DomainError('ILLEGAL_TRANSITION', `counterfeit signal is '${row.status}': only an open one can be resolved`);
    await this.db.query(`UPDATE counterfeit_signals SET status = $2, note = $3, resolved_at = now(), resolved_by = $4 WHERE id = $1`, [
      id, status, note ?? null, caller.userId,
    ]);
    const [view] = (await this.list(caller)).filter((s) => s.id === id);
    return view;
  }
}
