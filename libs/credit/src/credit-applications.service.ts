import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError, fieldError, notFound, Page } from '@app/shared';
import { isRegulator, Principal } from '@app/identity';
import { pagedQuery } from '@app/persistence';
import { enqueue, enqueueMany, notify } from '@app/queue';
import { AbnormalOperationsService, listingMachine } from '@app/scheme';
import { SHENZHEN_TODAY } from '@app/certification';
import { CreditApplicationDto, CreditApplicationQuery, GrantCreditApplicationDto, RefuseCreditApplicationDto } from './credit.dto';
import {
  CREDIT_APPLICATION_DAYS,
  CreditApplicationAction,
  creditApplicationMachine,
  CreditApplicationStatus,
  ListingKind,
  repairRefusal,
  SERIOUS_MIN_DISPLAY_MONTHS,
} from './credit.machines';
import { CreditApplicationView } from './credit.views';
import { ENTERPRISE_JSON } from './credit-sql';

export const CREDIT_APPLICATION_VIEW = `
  SELECT a.id, a.kind, a.listing_kind AS "listingKind", a.listing_id AS "listingId", ${ENTERPRISE_JSON('o')} AS enterprise,
         a.reason, a.corrections, a.status, a.submitted_at AS "submittedAt", to_char(a.due_on, 'YYYY-MM-DD') AS "dueOn",
         (a.status = 'pending' AND a.due_on < ${SHENZHEN_TODAY}) AS overdue, a.decided_at AS "decidedAt", a.decision_reason AS "decisionReason"
    FROM credit_applications a JOIN organizations o ON o.id = a.enterprise_id`;

/** What an application's checks read of its listing. */
interface ListingFacts {
  id: string;
  enterprise_id: string;
  removed_at: Date | null;
  display_ended_at: Date | null;
  minimum_display_until: string;
  today: string;
}

/**
 * The enterprise's applications about its listings, decided by the regulator within 7 days:
 * removal from the abnormal-operations list (移出经营异常名录) and credit repair (信用修复), which ends a
 * listing's public display early where the rules allow (repairRefusal) and keeps the record.
 */
@Injectable()
export class CreditApplicationsService {
  constructor(
    private readonly db: DataSource,
    private readonly abnormal: AbnormalOperationsService,
  ) {}

  /** Applied for by the listed enterprise; another organization's listing is a 404. */
  async submit(caller: Principal, dto: CreditApplicationDto): Promise<CreditApplicationView> {
    if (dto.kind === 'removal' && dto.listingKind !== 'abnormal_operations') {
      throw fieldError(
        'VALIDATION_FAILED',
        'listingKind',
        'removal on application is for abnormal-operations listings (the regulator removes a serious listing)',
      );
    }
    const id = await this.db.transaction(async (tx) => {
      const listing = await this.lockListing(tx, dto.listingKind, dto.listingId);
      if (!listing || listing.enterprise_id !== caller.organizationId) throw notFound('listing', dto.listingId);
      if (dto.kind === 'removal') listingMachine.next(listing.removed_at ? 'removed' : 'listed', 'remove');
      else this.assertRepairable(dto.listingKind, listing);
      const [pending] = await tx.query(`SELECT id FROM credit_applications WHERE listing_id = $1 AND kind = $2 AND status = 'pending'`, [listing.id, dto.kind]);
      if (pending) throw new DomainError('ALREADY_EXISTS', `an application of this kind for the listing is pending already (${pending.id})`);
      const [row] = await tx.query(
        `INSERT INTO credit_applications (kind, listing_kind, listing_id, enterprise_id, reason, corrections, submitted_by, due_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7, ${SHENZHEN_TODAY} + ${CREDIT_APPLICATION_DAYS}) RETURNING id`,
        [dto.kind, dto.listingKind, listing.id, caller.organizationId, dto.reason, dto.corrections, caller.userId],
      );
      return row.id as string;
    });
    return this.get(caller, id);
  }

  /** Granted: a removal takes the listing off the list, a repair ends its public display; both with the decision, in one transaction. */
  grant(caller: Principal, id: string, dto: GrantCreditApplicationDto): Promise<CreditApplicationView> {
    return this.decide(caller, id, 'grant', dto.reason ?? null, async (tx, app) => {
      if (app.kind === 'removal') {
        await this.abnormal.removeWithin(tx, app.listing_id, dto.reason ?? app.reason, caller.userId);
        return;
      }
      const listing = (await this.lockListing(tx, app.listing_kind, app.listing_id))!;
      this.assertRepairable(app.listing_kind, listing);
      const table = app.listing_kind === 'abnormal_operations' ? 'abnormal_operations' : 'serious_violation_listings';
      await tx.query(`UPDATE ${table} SET display_ended_at = now() WHERE id = $1`, [app.listing_id]);
    });
  }

  refuse(caller: Principal, id: string, dto: RefuseCreditApplicationDto): Promise<CreditApplicationView> {
    return this.decide(caller, id, 'refuse', dto.reason, async () => undefined);
  }

  async get(caller: Principal, id: string): Promise<CreditApplicationView> {
    const params: unknown[] = [id];
    const [row] = await this.db.query(`${CREDIT_APPLICATION_VIEW} WHERE a.id = $1 AND ${scope(caller, params)}`, params);
    if (!row) throw notFound('credit application', id);
    return row;
  }

  /** The enterprise's own applications; all of them for the regulator (overdue=true: undecided past 7 days). */
  list(caller: Principal, q: CreditApplicationQuery): Promise<Page<CreditApplicationView>> {
    const params: unknown[] = [];
    const where = [scope(caller, params)];
    if (q.status) where.push(`a.status = $${params.push(q.status)}`);
    if (q.kind) where.push(`a.kind = $${params.push(q.kind)}`);
    if (q.overdue !== undefined) where.push(`${q.overdue ? '' : 'NOT '}(a.status = 'pending' AND a.due_on < ${SHENZHEN_TODAY})`);
    return pagedQuery(
      this.db,
      { select: CREDIT_APPLICATION_VIEW, countFrom: 'credit_applications a', where: where.join(' AND '), orderBy: 'a.submitted_at DESC, a.id', params },
      q,
    );
  }

  /**
   * The daily flag: each application undecided past its 7 days tells the regulator, once
   * (overdue_flagged_at; the notification key makes a retried round tell nobody twice).
   */
  async sweepOverdue(today?: string): Promise<number> {
    return this.db.transaction(async (tx) => {
      const late: { id: string; due_on: string; enterprise: string; enterprise_id: string }[] = await tx.query(
        `SELECT a.id, to_char(a.due_on, 'YYYY-MM-DD') AS due_on, o.name_zh AS enterprise, a.enterprise_id
           FROM credit_applications a JOIN organizations o ON o.id = a.enterprise_id
          WHERE a.status = 'pending' AND a.overdue_flagged_at IS NULL AND a.due_on < coalesce($1::date, ${SHENZHEN_TODAY})
          ORDER BY a.due_on, a.id FOR UPDATE OF a SKIP LOCKED`,
        [today ?? null],
      );
      if (!late.length) return 0;
      const regulators: { id: string }[] = await tx.query(`SELECT id FROM organizations WHERE kind = 'regulator'`);
      await enqueueMany(
        tx,
        late.map((a) =>
          notify({
            event: 'credit_application_overdue',
            key: `credit-application:${a.id}:overdue`,
            audience: regulators.map((r) => ({ organizationId: r.id, roles: ['regulator'] })),
            link: `/console/credit-applications/${a.id}`,
            params: { dueOn: a.due_on, enterprise: a.enterprise },
          }),
        ),
      );
      await tx.query(`UPDATE credit_applications SET overdue_flagged_at = now() WHERE id = ANY($1)`, [late.map((a) => a.id)]);
      return late.length;
    });
  }

  private async decide(
    caller: Principal,
    id: string,
    action: CreditApplicationAction,
    reason: string | null,
    effect: (tx: EntityManager, app: ApplicationState) => Promise<void>,
  ): Promise<CreditApplicationView> {
    await this.db.transaction(async (tx) => {
      const [app]: ApplicationState[] = await tx.query(
        `SELECT id, kind, listing_kind, listing_id, enterprise_id, reason, status FROM credit_applications WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!app) throw notFound('credit application', id);
      const to = creditApplicationMachine.next(app.status, action);
      await effect(tx, app);
      await tx.query(`UPDATE credit_applications SET status = $2, decided_at = now(), decided_by = $3, decision_reason = $4 WHERE id = $1`, [
        id,
        to,
        caller.userId,
        reason,
      ]);
      await enqueue(
        tx,
        notify(
          {
            event: 'credit_application_decided',
            key: `credit-application:${id}:decided`,
            audience: [{ organizationId: app.enterprise_id, roles: ['enterprise_admin'] }],
            link: `/console/credit`,
            params: { kind: app.kind, outcome: to, ...(reason ? { reason } : {}) },
          },
          app.enterprise_id,
        ),
      );
    });
    return this.get(caller, id);
  }

  /** The listing an application names, locked so a removal or repair and a decision on it do not cross. */
  private async lockListing(tx: EntityManager, kind: ListingKind, id: string): Promise<ListingFacts | undefined> {
    const table = kind === 'abnormal_operations' ? 'abnormal_operations' : 'serious_violation_listings';
    const [row] = await tx.query(
      `SELECT l.id, l.enterprise_id, l.removed_at, l.display_ended_at, ${SHENZHEN_TODAY}::text AS today,
              to_char(l.listed_at AT TIME ZONE 'Asia/Shanghai' + interval '${SERIOUS_MIN_DISPLAY_MONTHS} months', 'YYYY-MM-DD') AS minimum_display_until
         FROM ${table} l WHERE l.id = $1 FOR UPDATE`,
      [id],
    );
    return row;
  }

  /** Credit repair only where the rules allow it: a 422 saying which rule. */
  private assertRepairable(kind: ListingKind, l: ListingFacts): void {
    const refusal = repairRefusal({
      listingKind: kind,
      removed: l.removed_at !== null,
      displayEnded: l.display_ended_at !== null,
      minimumDisplayUntil: l.minimum_display_until,
      today: l.today,
    });
    if (refusal) throw new DomainError('RULE_VIOLATION', refusal.message, { rule: refusal.rule, ...refusal.params });
  }
}

interface ApplicationState {
  id: string;
  kind: 'removal' | 'repair';
  listing_kind: ListingKind;
  listing_id: string;
  enterprise_id: string;
  reason: string;
  status: CreditApplicationStatus;
}

/** The regulator sees every application; an enterprise its own; anyone else none. */
function scope(caller: Principal, params: unknown[]): string {
  if (isRegulator(caller)) return 'TRUE';
  return caller.organizationKind === 'enterprise' ? `a.enterprise_id = $${params.push(caller.organizationId)}` : 'FALSE';
}
