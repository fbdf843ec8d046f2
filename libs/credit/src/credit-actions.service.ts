import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { notFound, Page } from '@app/shared';
import { isRegulator, Principal } from '@app/identity';
import { pagedQuery } from '@app/persistence';
import { enqueueMany, notify, OutboxMessage } from '@app/queue';
import { CertificatesService, SHENZHEN_TODAY } from '@app/certification';
import { CreditActionQuery, RecordCreditActionDto } from './credit.dto';
import { creditActionMachine, CreditActionStatus } from './credit.machines';
import { CreditActionView } from './credit.views';
import { ENTERPRISE_JSON } from './credit-sql';
import { BODY_STATUS_ROLES, creditActionDueOn, handOver } from './serious-violations.service';
import { HolidaysService } from '@app/notifications';

export const CREDIT_ACTION_VIEW = `
  SELECT x.id, x.listing_id AS "listingId", s.reason AS "listingReason",
         jsonb_build_object('id', c.id, 'number', c.number, 'status', c.status) AS certificate,
         ${ENTERPRISE_JSON('h')} AS holder, jsonb_build_object('id', b.id, 'nameZh', b.name_zh, 'nameEn', b.name_en) AS "certificationBody",
         x.status, to_char(x.due_on, 'YYYY-MM-DD') AS "dueOn", (x.status = 'open' AND x.due_on < ${SHENZHEN_TODAY}) AS overdue,
         x.outcome, x.done_at AS "doneAt", x.escalated_at AS "escalatedAt", x.created_at AS "createdAt"
    FROM credit_actions x
    JOIN serious_violation_listings s ON s.id = x.listing_id
    JOIN certificates c ON c.id = x.certificate_id
    JOIN organizations h ON h.id = x.enterprise_id
    JOIN organizations b ON b.id = x.certification_body_id`;

/** Open credit actions read per sweep statement. */
const SWEEP_PAGE = 500;

/**
 * The credit actions a serious listing handed to certification bodies: the body acts through the
 * certificate's own suspension or withdrawal (CertificatesService, the path every status change
 * takes), here or on the certificate's route; the daily sweep closes what was done there, reminds
 * a body past the due date and tells the regulator (escalation), once each.
 */
@Injectable()
export class CreditActionsService {
  constructor(
    private readonly db: DataSource,
    private readonly certificates: CertificatesService,
    private readonly holidays: HolidaysService,
  ) {}

  list(caller: Principal, q: CreditActionQuery): Promise<Page<CreditActionView>> {
    const params: unknown[] = [];
    const where = [scope(caller, params)];
    if (q.status) where.push(`x.status = $${params.push(q.status)}`);
    if (q.overdue !== undefined) where.push(`${q.overdue ? '' : 'NOT '}(x.status = 'open' AND x.due_on < ${SHENZHEN_TODAY})`);
    return pagedQuery(this.db, { select: CREDIT_ACTION_VIEW, countFrom: 'credit_actions x', where: where.join(' AND '), orderBy: 'x.due_on, x.id', params }, q);
  }

  async get(caller: Principal, id: string): Promise<CreditActionView> {
    const params: unknown[] = [id];
    const [row] = await this.db.query(`${CREDIT_ACTION_VIEW} WHERE x.id = $1 AND ${scope(caller, params)}`, params);
    if (!row) throw notFound('credit action', id);
    return row;
  }

  /** The body suspends or withdraws the certificate; the action closes with it, in one transaction. */
  async record(caller: Principal, id: string, dto: RecordCreditActionDto): Promise<CreditActionView> {
    await this.db.transaction(async (tx) => {
      const [action]: { id: string; status: CreditActionStatus; certificate_id: string }[] = await tx.query(
        `SELECT id, status, certificate_id FROM credit_actions WHERE id = $1 AND certification_body_id = $2 FOR UPDATE`,
        [id, caller.organizationId],
      );
      if (!action) throw notFound('credit action', id);
      creditActionMachine.next(action.status, 'record');
      const { to } = await this.certificates.changeWithin(tx, action.certificate_id, dto.action, caller, dto.publicReason, dto.privateNote ?? null);
      await tx.query(`UPDATE credit_actions SET status = 'done', outcome = $2, done_at = now(), done_by = $3 WHERE id = $1`, [id, to, caller.userId]);
    });
    return this.get(caller, id);
  }

  /**
   * One round as of `today` (a Shenzhen date; tests pass their own): valid certificates of a listed
   * holder still without an action get one; open actions whose certificate
   * the body suspended or withdrew on its own route are done (with which and when), those whose
   * certificate ended otherwise lapse, and those past their due date remind the body and tell the
   * regulator, once (escalated_at; the notification keys make a retried round tell nobody twice).
   */
  async sweep(today?: string): Promise<{ handedOver: number; closed: number; lapsed: number; escalated: number }> {
    // A certificate issued after its holder was listed (its application was under way) goes to its body too.
    const day = today ?? (await this.db.query(`SELECT ${SHENZHEN_TODAY}::text AS d`))[0].d;
    const dueOn = await creditActionDueOn(this.holidays, day);
    const handedOver = await this.db.transaction((tx) => handOver(tx, null, dueOn));
    const [{ closed }] = await this.db.query(
      `WITH acted AS (
         SELECT DISTINCT ON (x.id) x.id, e.to_status, e.created_at, e.actor_user_id
           FROM credit_actions x
           JOIN certificate_events e ON e.certificate_id = x.certificate_id AND e.action IN ('suspend', 'withdraw') AND e.created_at >= x.created_at
          WHERE x.status = 'open'
          ORDER BY x.id, e.id),
       done AS (
         UPDATE credit_actions x SET status = 'done', outcome = a.to_status, done_at = a.created_at, done_by = a.actor_user_id
           FROM acted a WHERE x.id = a.id AND x.status = 'open'
         RETURNING 1)
       SELECT count(*)::int AS closed FROM done`,
    );
    const [{ lapsed }] = await this.db.query(
      `WITH gone AS (
         UPDATE credit_actions x SET status = 'lapsed' FROM certificates c
          WHERE x.status = 'open' AND c.id = x.certificate_id AND c.status IN ('expired', 'cancelled')
         RETURNING 1)
       SELECT count(*)::int AS lapsed FROM gone`,
    );
    let escalated = 0;
    for (;;) {
      const n = await this.db.transaction(async (tx) => {
        const due: { id: string; number: string; due_on: string; certification_body_id: string; body: string }[] = await tx.query(
          `SELECT x.id, c.number, to_char(x.due_on, 'YYYY-MM-DD') AS due_on, x.certification_body_id, b.name_zh AS body
             FROM credit_actions x JOIN certificates c ON c.id = x.certificate_id JOIN organizations b ON b.id = x.certification_body_id
            WHERE x.status = 'open' AND x.escalated_at IS NULL AND x.due_on < coalesce($1::date, ${SHENZHEN_TODAY})
            ORDER BY x.due_on, x.id LIMIT ${SWEEP_PAGE} FOR UPDATE OF x SKIP LOCKED`,
          [today ?? null],
        );
        if (!due.length) return 0;
        const regulators: { id: string }[] = await tx.query(`SELECT id FROM organizations WHERE kind = 'regulator'`);
        const messages: OutboxMessage<'notifications'>[] = due.flatMap((a) => [
          notify(
            {
              event: 'credit_action_overdue',
              key: `credit-action:${a.id}:overdue`,
              audience: [{ organizationId: a.certification_body_id, roles: BODY_STATUS_ROLES }],
              subjectNumber: a.number,
              link: `/console/credit-actions/${a.id}`,
              params: { dueOn: a.due_on },
            },
            a.certification_body_id,
          ),
          notify({
            event: 'credit_action_escalated',
            key: `credit-action:${a.id}:escalated`,
            audience: regulators.map((r) => ({ organizationId: r.id, roles: ['regulator'] })),
            subjectNumber: a.number,
            link: `/console/credit-actions/${a.id}`,
            params: { dueOn: a.due_on, body: a.body },
          }),
        ]);
        await enqueueMany(tx, messages);
        await tx.query(`UPDATE credit_actions SET escalated_at = now() WHERE id = ANY($1)`, [due.map((a) => a.id)]);
        return due.length;
      });
      escalated += n;
      if (n < SWEEP_PAGE) break;
    }
    return { handedOver, closed, lapsed, escalated };
  }
}

/** The regulator sees every action; a body those it must take; the holder those about its certificates. */
function scope(caller: Principal, params: unknown[]): string {
  if (isRegulator(caller)) return 'TRUE';
  if (caller.organizationKind === 'certification_body') return `x.certification_body_id = $${params.push(caller.organizationId)}`;
  return caller.organizationKind === 'enterprise' ? `x.enterprise_id = $${params.push(caller.organizationId)}` : 'FALSE';
}
