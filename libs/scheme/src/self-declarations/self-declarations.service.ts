import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import { containsPattern, fieldError, notFound, Page, pageOf } from '@app/shared';
import type { Principal } from '@app/identity';
import { PublicReads } from '@app/persistence';
import { DeclarationStatus, declarationMachine } from '../scheme.machines';
import { Standard } from '../standards/standard.entity';
import { SelfDeclarationDto, SelfDeclarationQuery } from './self-declaration.dto';
import { SelfDeclarationDetailView, SelfDeclarationView } from './self-declaration.view';
import { KeyIndicator, SelfDeclaration } from './self-declaration.entity';

interface DeclarationRow {
  id: string;
  seriesId: string;
  version: number;
  status: DeclarationStatus;
  productNameZh: string;
  productNameEn: string | null;
  models: string[];
  keyIndicators: KeyIndicator[];
  publishedAt: Date;
  enterpriseId: string;
  enterpriseNameZh: string;
  enterpriseNameEn: string | null;
  enterpriseCreditCode: string;
  standardId: string;
  standardCode: string;
  standardVersion: string;
  standardTitleZh: string;
  standardTitleEn: string | null;
}

const viewOf = (r: DeclarationRow): SelfDeclarationView => ({
  id: r.id,
  seriesId: r.seriesId,
  version: r.version,
  status: r.status,
  productNameZh: r.productNameZh,
  productNameEn: r.productNameEn,
  models: r.models,
  keyIndicators: r.keyIndicators,
  publishedAt: r.publishedAt,
  enterprise: { id: r.enterpriseId, nameZh: r.enterpriseNameZh, nameEn: r.enterpriseNameEn, creditCode: r.enterpriseCreditCode },
  standard: { id: r.standardId, code: r.standardCode, version: r.standardVersion, titleZh: r.standardTitleZh, titleEn: r.standardTitleEn },
});

/** Enterprises' public, versioned self-declarations (自我声明) of the standards their products follow. */
@Injectable()
export class SelfDeclarationsService {
  constructor(
    private readonly db: DataSource,
    @InjectRepository(SelfDeclaration) private readonly declarations: Repository<SelfDeclaration>,
    private readonly reads: PublicReads,
  ) {}

  /** Version 1 of a new declaration of the caller's enterprise. */
  async declare(caller: Principal, dto: SelfDeclarationDto): Promise<SelfDeclarationDetailView> {
    const id = await this.db.transaction((tx) => this.insert(tx, caller, dto, randomUUID(), 1));
    return this.get(id);
  }

  /**
   * The next version of the caller's own published declaration, which becomes superseded in the
   * same transaction. Its row stays locked until commit, so two concurrent new versions take
   * turns and the second finds it superseded (409).
   */
  async newVersion(caller: Principal, id: string, dto: SelfDeclarationDto): Promise<SelfDeclarationDetailView> {
    const newId = await this.db.transaction(async (tx) => {
      const current = await this.lockOwn(tx, caller, id);
      await tx.getRepository(SelfDeclaration).update({ id }, { status: declarationMachine.next(current.status, 'new_version') });
      const latest = (await tx.getRepository(SelfDeclaration).maximum('version', { seriesId: current.seriesId })) ?? current.version;
      return this.insert(tx, caller, dto, current.seriesId, latest + 1);
    });
    return this.get(newId);
  }

  async withdraw(caller: Principal, id: string): Promise<SelfDeclarationDetailView> {
    await this.db.transaction(async (tx) => {
      const current = await this.lockOwn(tx, caller, id);
      await tx.getRepository(SelfDeclaration).update({ id }, { status: declarationMachine.next(current.status, 'withdraw') });
    });
    return this.get(id);
  }

  /** Public: published declarations unless another status is asked for. */
  async list(q: SelfDeclarationQuery): Promise<Page<SelfDeclarationView>> {
    const qb = this.declarations.createQueryBuilder('d').where('d.status = :status', { status: q.status ?? 'published' });
    if (q.enterpriseId) qb.andWhere('d.enterpriseId = :enterpriseId', { enterpriseId: q.enterpriseId });
    if (q.standardId) qb.andWhere('d.standardId = :standardId', { standardId: q.standardId });
    if (q.q) qb.andWhere('(d.productNameZh ILIKE :q OR d.productNameEn ILIKE :q)', { q: containsPattern(q.q) });
    // Built by TypeORM, run on the public pool (under its statement timeout).
    const [{ total }] = await this.reads.rows<{ total: number }>(qb.clone().select('COUNT(*)::int', 'total'));
    const rows = await this.reads.rows<DeclarationRow>(this.select(qb).orderBy('d.publishedAt', 'DESC').addOrderBy('d.id').offset(q.offset).limit(q.pageSize));
    return pageOf(rows.map(viewOf), total, q);
  }

  /** Public: one version, with the list of every version of its declaration. */
  async get(id: string): Promise<SelfDeclarationDetailView> {
    const [row] = await this.reads.rows<DeclarationRow>(this.select(this.declarations.createQueryBuilder('d').where('d.id = :id', { id })));
    if (!row) throw notFound('self-declaration', id);
    const versions = await this.reads.query<{ id: string; version: number; status: DeclarationStatus; publishedAt: Date }>(
      `SELECT id, version, status, published_at AS "publishedAt" FROM self_declarations WHERE series_id = $1 ORDER BY version`,
      [row.seriesId],
    );
    return { ...viewOf(row), versions: versions.map(({ id, version, status, publishedAt }) => ({ id, version, status, publishedAt })) };
  }

  private async insert(tx: EntityManager, caller: Principal, dto: SelfDeclarationDto, seriesId: string, version: number): Promise<string> {
    const standard = await tx.getRepository(Standard).findOneBy({ id: dto.standardId });
    if (!standard) throw fieldError('REFERENCE_NOT_FOUND', 'standardId', `no standard ${dto.standardId}`);
    if (standard.status === 'withdrawn') {
      throw fieldError('VALIDATION_FAILED', 'standardId', `standard ${standard.code}-${standard.version} is withdrawn`);
    }
    const repo = tx.getRepository(SelfDeclaration);
    const saved = await repo.save(
      repo.create({
        seriesId,
        version,
        enterpriseId: caller.organizationId,
        standardId: dto.standardId,
        productNameZh: dto.productNameZh,
        productNameEn: dto.productNameEn ?? null,
        models: dto.models,
        keyIndicators: dto.keyIndicators.map(({ name, value, unit }) => (unit === undefined ? { name, value } : { name, value, unit })),
        createdBy: caller.userId,
      }),
    );
    return saved.id;
  }

  /** Scoped to the caller's enterprise in the query: another enterprise's declaration is "not found" for changes. */
  private async lockOwn(tx: EntityManager, caller: Principal, id: string): Promise<SelfDeclaration> {
    const d = await tx.getRepository(SelfDeclaration).findOne({
      where: { id, enterpriseId: caller.organizationId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!d) throw notFound('self-declaration', id);
    return d;
  }

  /**
   * The public columns only. Organizations belong to identity and hold contacts: joined by table,
   * and only names and the credit code leave the database.
   */
  private select(qb: SelectQueryBuilder<SelfDeclaration>): SelectQueryBuilder<SelfDeclaration> {
    return qb
      .innerJoin('organizations', 'o', 'o.id = d.enterprise_id')
      .innerJoin(Standard, 's', 's.id = d.standardId')
      .select('d.id', 'id')
      .addSelect('d.seriesId', 'seriesId')
      .addSelect('d.version', 'version')
      .addSelect('d.status', 'status')
      .addSelect('d.productNameZh', 'productNameZh')
      .addSelect('d.productNameEn', 'productNameEn')
      .addSelect('d.models', 'models')
      .addSelect('d.keyIndicators', 'keyIndicators')
      .addSelect('d.publishedAt', 'publishedAt')
      .addSelect('o.id', 'enterpriseId')
      .addSelect('o.name_zh', 'enterpriseNameZh')
      .addSelect('o.name_en', 'enterpriseNameEn')
      .addSelect('o.credit_code', 'enterpriseCreditCode')
      .addSelect('s.id', 'standardId')
      .addSelect('s.code', 'standardCode')
      .addSelect('s.version', 'standardVersion')
      .addSelect('s.titleZh', 'standardTitleZh')
      .addSelect('s.titleEn', 'standardTitleEn');
  }
}
