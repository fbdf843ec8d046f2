import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, IsNull, Repository, SelectQueryBuilder } from 'typeorm';
import { containsPattern, fieldError, notFound, Page, pageOf } from '@app/shared';
import type { Principal } from '@app/identity';
import { PublicReads } from '@app/persistence';
import { enqueueMany, planCertificateAudit } from '@app/queue';
import { listingMachine, listingStatusOf } from '../scheme.machines';
import { assertOrganization } from '../scheme.references';
import { ListEnterpriseDto, ListingQuery } from './abnormal-operation.dto';
import { ListingView } from './abnormal-operation.view';
import { AbnormalOperation } from './abnormal-operation.entity';

interface ListingRow {
  id: string;
  reason: string;
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
  reason: r.reason,
  listedAt: r.listedAt,
  removedAt: r.removedAt,
  removedReason: r.removedReason,
});

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
    await assertOrganization(this.db.manager, 'enterpriseId', dto.enterpriseId, 'enterprise');
    const open = await this.listings.findOneBy({ enterpriseId: dto.enterpriseId, removedAt: IsNull() });
    if (open) throw fieldError('ALREADY_EXISTS', 'enterpriseId', `the enterprise is on the list already (listing ${open.id})`);
    const saved = await this.db.transaction(async (tx) => {
      const repo = tx.getRepository(AbnormalOperation);
      const listing = await repo.save(repo.create({ enterpriseId: dto.enterpriseId, reason: dto.reason, listedBy: caller.userId }));
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
    await this.db.transaction(async (tx) => {
      const repo = tx.getRepository(AbnormalOperation);
      const listing = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!listing) throw notFound('abnormal-operations listing', id);
      listingMachine.next(listingStatusOf(listing), 'remove');
      await repo.update({ id }, { removedAt: () => 'now()', removedReason: reason, removedBy: caller.userId });
    });
    return this.get(id);
  }

  async get(id: string): Promise<ListingView> {
    const [row] = await this.reads.rows<ListingRow>(this.select(this.listings.createQueryBuilder('l').where('l.id = :id', { id })));
    if (!row) throw notFound('abnormal-operations listing', id);
    return viewOf(row);
  }

  /** Public: the enterprises on the list now, unless removed listings are asked for. */
  async list(q: ListingQuery): Promise<Page<ListingView>> {
    const qb = this.listings.createQueryBuilder('l').where((q.status ?? 'listed') === 'listed' ? 'l.removedAt IS NULL' : 'l.removedAt IS NOT NULL');
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
      .addSelect('l.listedAt', 'listedAt')
      .addSelect('l.removedAt', 'removedAt')
      .addSelect('l.removedReason', 'removedReason')
      .addSelect('o.id', 'enterpriseId')
      .addSelect('o.name_zh', 'enterpriseNameZh')
      .addSelect('o.name_en', 'enterpriseNameEn')
      .addSelect('o.credit_code', 'enterpriseCreditCode');
  }
}
