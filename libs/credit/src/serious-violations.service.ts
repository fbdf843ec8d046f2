import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { fieldError, notFound, Page, FIELD_RULES } from '@app/shared';
import type { Principal } from '@app/identity';
import { pagedQuery, PublicReads } from '@app/persistence';
import { enqueueMany, notify } from '@app/queue';
import { listingDecisionOf } from '@app/scheme';
import { SHENZHEN_TODAY } from '@app/certification';
import { addDays, addWorkingDays, HolidaysService } from '@app/notifications';
import { PublicSeriousListingQuery, SeriousListingDto, SeriousListingQuery } from './credit.dto';
import { CREDIT_ACTION_WORKING_DAYS, SERIOUS_MIN_DISPLAY_MONTHS, seriousListingMachine, seriousListingStatusOf } from './credit.machines';
import { CREDIT_CODE } from './credit-record.service';
import { PublicSeriousListingView, SeriousListingView } from './credit.views';
import { ENTERPRISE_JSON, ENTERPRISE_SEARCH_TEXT, LISTING_COLUMNS, LISTINGS, PUBLICLY_DISPLAYED } from './credit-sql';

const VIEW = `
  SELECT ${LISTING_COLUMNS}, ${ENTERPRISE_JSON('o')} AS enterprise,
         to_char(l.listed_at AT TIME ZONE 'Asia/Shanghai' + interval '${SERIOUS_MIN_DISPLAY_MONTHS} months', 'YYYY-MM-DD') AS "repairableFrom",
         (SELECT count(*)::int FROM credit_actions ca WHERE ca.listing_id = l.id) AS "creditActions",
         (SELECT count(*)::int FROM credit_actions ca WHERE ca.listing_id = l.id AND ca.status = 'open') AS "openCreditActions"
    FROM ${LISTINGS} l JOIN organizations o ON o.id = l.enterprise_id`;

/** The public list's columns (PublicSeriousListingView): public facts of the listing and the enterprise, no ids. */
const PUBLIC_VIEW = `
  SELECT jsonb_build_object('nameZh', o.name_zh, 'nameEn', o.name_en, 'creditCode', o.credit_code) AS enterprise,
         s.reason, s.decision_number AS "decisionNumber", to_char(s.decision_date, 'YYYY-MM-DD') AS "decisionDate",
         s.deciding_authority AS "decidingAuthority", s.listed_at AS "listedAt", '/credit/' || o.credit_code AS "creditPage"
    FROM serious_violation_listings s JOIN organizations o ON o.id = s.enterprise_id`;

/** Who at a certification body acts on a certificate's status (as the certificate status routes allow). */
export const BODY_STATUS_ROLES = ['cb_admin', 'decision_maker'];

/**
 * The serious-violation list (严重违法失信名单). A listing blocks new applications (eligibility) and
 * hands every valid certificate of the holder to its certification body: one credit action per
 * certificate, due in 5 working days, the body told in the same transaction.
 */
@Injectable()
export class SeriousViolationsService {
  constructor(
    private readonly db: DataSource,
    private readonly holidays: HolidaysService,
    private readonly reads: PublicReads,
  ) {}

  async add(caller: Principal, dto: SeriousListingDto): Promise<SeriousListingView> {
    const [org] = await this.db.query(`SELECT kind FROM organizations WHERE id = $1`, [dto.enterpriseId]);
    if (!org || org.kind !== 'enterprise') throw fieldError('REFERENCE_NOT_FOUND', 'enterpriseId', `no enterprise ${dto.enterpriseId}`);
    const [{ today }] = await this.db.query(`SELECT ${SHENZHEN_TODAY}::text AS today`);
    // The calendar of the weeks ahead: 5 working days never span more than a month, even over the Spring Festival.
    const dueOn = await creditActionDueOn(this.holidays, today);
    const id = await this.db.transaction(async (tx) => {
      const [open] = await tx.query(`SELECT id FROM serious_violation_listings WHERE enterprise_id = $1 AND removed_at IS NULL`, [dto.enterpriseId]);
      if (open) throw fieldError('ALREADY_EXISTS', 'enterpriseId', `the enterprise is on the serious-violation list already (listing ${open.id})`);
      const [listing] = await tx.query(
        `INSERT INTO serious_violation_listings (enterprise_id, reason, legal_basis, decision_number, decision_date, deciding_authority, listed_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [dto.enterpriseId, dto.reason, dto.decision.legalBasis, dto.decision.number, dto.decision.date, dto.decision.authority, caller.userId],
      );
      await handOver(tx, listing.id, dueOn);
      return listing.id as string;
    });
    return this.get(id);
  }

  /** Takes a listing off the list, once (the row lock makes a concurrent second removal a 409). Open credit actions stay: the violation happened. */
  async remove(caller: Principal, id: string, reason: string): Promise<SeriousListingView> {
    await this.db.transaction(async (tx) => {
      const [listing] = await tx.query(`SELECT id, removed_at FROM serious_violation_listings WHERE id = $1 FOR UPDATE`, [id]);
      if (!listing) throw notFound('serious-violation listing', id);
      seriousListingMachine.next(seriousListingStatusOf(listing), 'remove');
      await tx.query(`UPDATE serious_violation_listings SET removed_at = now(), removed_reason = $2, removed_by = $3 WHERE id = $1`, [
        id,
        reason,
        caller.userId,
      ]);
    });
    return this.get(id);
  }

  async get(id: string): Promise<SeriousListingView> {
    const [row] = await this.db.query(`${VIEW} WHERE l.kind = 'serious_violation' AND l.id = $1`, [id]);
    if (!row) throw notFound('serious-violation listing', id);
    return viewOf(row);
  }

  /** The regulator's list: in force unless removed ones are asked for. */
  async list(q: SeriousListingQuery): Promise<Page<SeriousListingView>> {
    const params: unknown[] = [];
    const where = [`l.kind = 'serious_violation'`, (q.status ?? 'listed') === 'listed' ? 'l.removed_at IS NULL' : 'l.removed_at IS NOT NULL'];
    if (q.enterpriseId) where.push(`l.enterprise_id = $${params.push(q.enterpriseId)}`);
    const page = await pagedQuery<SeriousListingView>(
      this.db,
      { select: VIEW, countFrom: `${LISTINGS} l`, where: where.join(' AND '), orderBy: 'l.listed_at DESC, l.id', params },
      q,
    );
    return { ...page, items: page.items.map(viewOf) };
  }

  /**
   * The public list: listings on display (in force, not hidden by credit repair), newest first, on
   * the public pool. A whole credit code is found by its unique index; any other 2+ characters by the
   * bigram index of enterprises' names and codes, strpos keeping the rows that really hold the text.
   */
  listPublic(q: PublicSeriousListingQuery): Promise<Page<PublicSeriousListingView>> {
    const params: unknown[] = [];
    const where = [PUBLICLY_DISPLAYED('s')];
    if (q.q !== undefined) {
      const term = q.q.trim();
      if (CREDIT_CODE.test(term.toUpperCase())) {
        where.push(`o.credit_code = $${params.push(term.toUpperCase())}`);
      } else {
        if (!/\S\S/u.test(term)) throw fieldError('VALIDATION_FAILED', 'q', 'q needs two adjacent characters that are not spaces', FIELD_RULES.searchTerm());
        const p = params.push(term.toLowerCase());
        where.push(
          `o.kind = 'enterprise' AND szs_bigrams(${ENTERPRISE_SEARCH_TEXT('o')}) @> szs_bigrams($${p}) AND strpos(${ENTERPRISE_SEARCH_TEXT('o')}, $${p}) > 0`,
        );
      }
    }
    return pagedQuery<PublicSeriousListingView>(
      this.reads,
      {
        select: PUBLIC_VIEW,
        countFrom: 'serious_violation_listings s JOIN organizations o ON o.id = s.enterprise_id',
        where: where.join(' AND '),
        orderBy: 's.listed_at DESC, s.id',
        params,
      },
      q,
    );
  }
}

const viewOf = (row: SeriousListingView): SeriousListingView => ({ ...row, decision: listingDecisionOf(row.decision as never) });

/** The due date of a credit action handed over on `today`: 5 working days later, on the regulator's holiday calendar. */
export async function creditActionDueOn(holidays: HolidaysService, today: string): Promise<string> {
  // The calendar of the weeks ahead: 5 working days never span more than a month, even over the Spring Festival.
  return addWorkingDays(today, CREDIT_ACTION_WORKING_DAYS, await holidays.calendar(today, addDays(today, 40)));
}

/**
 * One credit action per valid certificate of a holder on the serious-violation list (the listing
 * `listingId`, or every listing in force when null: the sweep's catch-up for a certificate issued
 * after the listing), its body told of each new one. The unique (listing, certificate) key makes a
 * repeat write nothing.
 */
export async function handOver(tx: EntityManager, listingId: string | null, dueOn: string): Promise<number> {
  const actions: { id: string; certification_body_id: string; number: string; holder: string }[] = await tx.query(
    `WITH fresh AS (
       INSERT INTO credit_actions (listing_id, certificate_id, certification_body_id, enterprise_id, due_on)
       SELECT l.id, c.id, c.certification_body_id, c.enterprise_id, $2::date
         FROM serious_violation_listings l JOIN certificates c ON c.enterprise_id = l.enterprise_id AND c.status = 'valid'
        WHERE ($1::uuid IS NULL OR l.id = $1) AND l.removed_at IS NULL
       ON CONFLICT (listing_id, certificate_id) DO NOTHING
       RETURNING id, certificate_id, certification_body_id)
     SELECT f.id, f.certification_body_id, c.number, o.name_zh AS holder
       FROM fresh f JOIN certificates c ON c.id = f.certificate_id JOIN organizations o ON o.id = c.enterprise_id`,
    [listingId, dueOn],
  );
  await enqueueMany(
    tx,
    actions.map((a) =>
      notify(
        {
          event: 'credit_action_due',
          key: `credit-action:${a.id}:due`,
          audience: [{ organizationId: a.certification_body_id, roles: BODY_STATUS_ROLES }],
          subjectNumber: a.number,
          link: `/console/credit-actions/${a.id}`,
          params: { dueOn, holder: a.holder },
        },
        a.certification_body_id,
      ),
    ),
  );
  return actions.length;
}
