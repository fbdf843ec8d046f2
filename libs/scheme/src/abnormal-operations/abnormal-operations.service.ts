import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, Repository, SelectQueryBuilder } from 'typeorm';
import { containsPattern, fieldError, notFound, Page, pageOf } from '@app/shared';
import type { Principal } from '@app/identity';
import { PublicReads } from '@app/persistence';
import { enqueueMany, planCertificateAudit } from '@app/queue';
import { listingMachine, listingStatusOf } from '../scheme.machines';
import { assertOrganization } from '../scheme.references';
import { ListEnterpriseDto, ListingQuery } from './abnormal-operation.dto';
import { ListingDecisionView, ListingView } from './abnormal-operation.view';
import type { AbnormalReason } from '../scheme.machines';
import { AbnormalOperation } from './abnormal-operation.entity';

interface ListingRow {
  id: string;
  reasonCode: AbnormalReason | null;
  reason: string;
  decision: (Omit<ListingDecisionView, 'appeal'> & { reconsiderationUntil: string; litigationUntil: string }) | null;
  displayEnded: boolean;
  listedAt: Date;
  removedAt: Date | null;
  removedReason: string | null;
  enterpriseId: string;
  enterpriseNameZh: string;
  enterpriseNameEn: string | null;
  enterpriseCreditCode: string;
}

const viewOf = (r: ListingRow): ListingView => ({
  id: r.id,
  status: listingStatusOf(r),
  enterprise: { id: r.enterpriseId, nameZh: r.enterpriseNameZh, nameEn: r.enterpriseNameEn, creditCode: r.enterpriseCreditCode },
  reasonCode: r.reasonCode,
  reason: r.reason,
  decision: listingDecisionOf(r.decision),
  listedAt: r.listedAt,
  removedAt: r.removedAt,
  removedReason: r.removedReason,
  publiclyDisplayed: !r.displayEnded,
});

/**
 * The appeal route stated on a listing decision: administrative reconsideration within 60 days
 * (行政复议法 art. 20) or litigation within 6 months (行政诉讼法 art. 46), both counted from the
 * decision (the day it is served is taken as its date: the platform serves it in the console).
 */
export function appealRoute(reconsiderationUntil: string, litigationUntil: string) {
  return {
    reconsiderationUntil,
    litigationUntil,
    textZh: `如不服本决定，可于 ${reconsiderationUntil} 前依法申请行政复议，或者于 ${litigationUntil} 前依法提起行政诉讼。`,
    textEn: `To challenge this decision, apply for administrative reconsideration by ${reconsiderationUntil}, or bring administrative litigation by ${litigationUntil}.`,
  };
}

/** A listing decision as LISTING_DECISION_JSON reads it. */
export type RawListingDecision = Omit<ListingDecisionView, 'appeal'> & { reconsiderationUntil: string; litigationUntil: string };

/** The decision with its appeal route, from what LISTING_DECISION_JSON read. */
export const listingDecisionOf = (d: RawListingDecision | null): ListingDecisionView | null =>
  d && { number: d.number, date: d.date, authority: d.authority, legalBasis: d.legalBasis, appeal: appealRoute(d.reconsiderationUntil, d.litigationUntil) };

/** The decision columns of a listing (alias `l`) as one JSON value with its appeal deadlines; null without a decision. */
export const LISTING_DECISION_JSON = (l: string) => `CASE WHEN ${l}.decision_number IS NULL THEN NULL ELSE jsonb_build_object(
    'number', ${l}.decision_number, 'date', ${l}.decision_date, 'authority', ${l}.deciding_authority, 'legalBasis', ${l}.legal_basis,
    'reconsiderationUntil', ${l}.decision_date + 60, 'litigationUntil', (${l}.decision_date + interval '6 months')::date) END`;

/** The public abnormal-operations list (异常经营名录); a listed enterprise cannot submit applications. */
@Injectable()
export class AbnormalOperationsService {
  constructor(
    private readonly db: DataSource,
    @InjectRepository(AbnormalOperation) private readonly listings: Repository<AbnormalOperation>,
    private readonly reads: PublicReads,
  ) {}

  /** Lists an enterprise; a second open listing is a 409 (a concurrent one hits the partial unique index, also 409). */
  async add(caller: Principal, dto: ListEnterpriseDto): Promise<ListingView> {
    // The legal reason and the decision that states it go together.
    if (dto.reasonCode && !dto.decision) throw fieldError('VALIDATION_FAILED', 'decision', 'a listing with a legal reason needs its listing decision');
    if (dto.decision && !dto.reasonCode) throw fieldError('VALIDATION_FAILED', 'reasonCode', 'a listing decision names one of the four legal reasons');
    await assertOrganization(this.db.manager, 'enterpriseId', dto.enterpriseId, 'enterprise');
    const open = await this.listings.findOneBy({ enterpriseId: dto.enterpriseId, removedAt: IsNull() });
    if (open) throw fieldError('ALREADY_EXISTS', 'enterpriseId', `the enterprise is on the list already (listing ${open.id})`);
    const saved = await this.db.transaction(async (tx) => {
      const repo = tx.getRepository(AbnormalOperation);
      const listing = await repo.save(
        repo.create({
          enterpriseId: dto.enterpriseId,
          reason: dto.reason,
          reasonCode: dto.reasonCode ?? null,
          decisionNumber: dto.decision?.number ?? null,
          decisionDate: dto.decision?.date ?? null,
          decidingAuthority: dto.decision?.authority ?? null,
          legalBasis: dto.decision?.legalBasis ?? null,
          listedBy: caller.userId,
        }),
      );
      // A listed holder is a risk signal for each of its live certificates: an unannounced special audit
      // of each, one per listing. Raw SQL: the certificates are certification's rows, read here only for this.
      const live: { id: string; certification_body_id: string }[] = await tx.query(
        `SELECT id, certification_body_id FROM certificates WHERE enterprise_id = $1 AND status IN ('valid', 'suspended')`,
        [dto.enterpriseId],
      );
      await enqueueMany(
        tx,
        live.map((c) =>
          planCertificateAudit(
            { certificateId: c.id, kind: 'special', trigger: 'abnormal_operations', sourceId: listing.id, unannounced: true },
            c.certification_body_id,
          ),
        ),
      );
      return listing;
    });
    return this.get(saved.id);
  }

  /** Takes a listing off the list, once; the row lock makes a concurrent second removal a 409. */
  async remove(caller: Principal, id: string, reason: string): Promise<ListingView> {
    await this.db.transaction((tx) => this.removeWithin(tx, id, reason, caller.userId));
    return this.get(id);
  }

  /** The removal itself, in the caller's transaction: a granted removal application (credit) takes it with its decision. */
  async removeWithin(tx: EntityManager, id: string, reason: string, userId: string | null): Promise<void> {
    const repo = tx.getRepository(AbnormalOperation);
    const listing = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!listing) throw notFound('abnormal-operations listing', id);
    listingMachine.next(listingStatusOf(listing), 'remove');
    await repo.update({ id }, { removedAt: () => 'now()', removedReason: reason, removedBy: userId });
  }

  async get(id: string): Promise<ListingView> {
    const [row] = await this.reads.rows<ListingRow>(this.select(this.listings.createQueryBuilder('l').where('l.id = :id', { id })));
    if (!row) throw notFound('abnormal-operations listing', id);
    return viewOf(row);
  }

  /** Public: the enterprises on the list now, unless removed listings are asked for; never one whose display credit repair ended. */
  async list(q: ListingQuery): Promise<Page<ListingView>> {
    const qb = this.listings
      .createQueryBuilder('l')
      .where((q.status ?? 'listed') === 'listed' ? 'l.removedAt IS NULL' : 'l.removedAt IS NOT NULL')
      .andWhere('l.displayEndedAt IS NULL');
    if (q.enterpriseId) qb.andWhere('l.enterpriseId = :enterpriseId', { enterpriseId: q.enterpriseId });
    if (q.q) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM organizations f WHERE f.id = l.enterprise_id AND (f.name_zh ILIKE :q OR f.name_en ILIKE :q OR f.credit_code = :code))',
        { q: containsPattern(q.q), code: q.q.trim().toUpperCase() },
      );
    }
    // Built by TypeORM, run on the public pool (under its statement timeout).
    const [{ total }] = await this.reads.rows<{ total: number }>(qb.clone().select('COUNT(*)::int', 'total'));
    const rows = await this.reads.rows<ListingRow>(this.select(qb).orderBy('l.listedAt', 'DESC').addOrderBy('l.id').offset(q.offset).limit(q.pageSize));
    return pageOf(rows.map(viewOf), total, q);
  }

  /** Public columns only: organizations belong to identity and hold contacts, so they are joined by table. */
  private select(qb: SelectQueryBuilder<AbnormalOperation>): SelectQueryBuilder<AbnormalOperation> {
    return qb
      .innerJoin('organizations', 'o', 'o.id = l.enterprise_id')
      .select('l.id', 'id')
      .addSelect('l.reason', 'reason')
      .addSelect('l.reason_code', 'reasonCode')
      .addSelect(LISTING_DECISION_JSON('l'), 'decision')
      .addSelect('l.display_ended_at IS NOT NULL', 'displayEnded')
      .addSelect('l.listedAt', 'listedAt')
      .addSelect('l.removedAt', 'removedAt')
      .addSelect('l.removedReason', 'removedReason')
      .addSelect('o.id', 'enterpriseId')
      .addSelect('o.name_zh', 'enterpriseNameZh')
      .addSelect('o.name_en', 'enterpriseNameEn')
      .addSelect('o.credit_code', 'enterpriseCreditCode');
  }
}
