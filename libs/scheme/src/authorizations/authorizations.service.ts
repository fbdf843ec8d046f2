import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository, SelectQueryBuilder } from 'typeorm';
import { fieldError, notFound, Page, pageOf, FIELD_RULES } from '@app/shared';
import { ProductCategory } from '../categories/category.entity';
import { authorizationMachine, authorizationStatusOf } from '../scheme.machines';
import { assertOrganization } from '../scheme.references';
import { AuthorizationQuery, CreateAuthorizationDto } from './authorization.dto';
import { AuthorizationView } from './authorization.view';
import { Authorization } from './authorization.entity';

interface AuthorizationRow {
  id: string;
  categoryCode: string;
  accreditationNumber: string;
  validFrom: string;
  validUntil: string;
  revokedAt: Date | null;
  revokedReason: string | null;
  validToday: boolean;
  bodyId: string;
  bodyNameZh: string;
  bodyNameEn: string | null;
}

const viewOf = (r: AuthorizationRow): AuthorizationView => ({
  id: r.id,
  certificationBody: { id: r.bodyId, nameZh: r.bodyNameZh, nameEn: r.bodyNameEn },
  categoryCode: r.categoryCode,
  accreditationNumber: r.accreditationNumber,
  validFrom: r.validFrom,
  validUntil: r.validUntil,
  status: authorizationStatusOf(r),
  validToday: r.validToday,
  revokedAt: r.revokedAt,
  revokedReason: r.revokedReason,
});

/** Which certification body may certify which category, and until when: known to every user of the platform. */
@Injectable()
export class AuthorizationsService {
  constructor(
    private readonly db: DataSource,
    @InjectRepository(Authorization) private readonly authorizations: Repository<Authorization>,
  ) {}

  async create(dto: CreateAuthorizationDto): Promise<AuthorizationView> {
    // Both are 'YYYY-MM-DD' (strict ISO dates), so text order is date order.
    if (dto.validUntil <= dto.validFrom)
      throw fieldError('VALIDATION_FAILED', 'validUntil', `must be after validFrom (${dto.validFrom})`, FIELD_RULES.after('validFrom', dto.validFrom));
    await assertOrganization(this.db.manager, 'certificationBodyId', dto.certificationBodyId, 'certification_body');
    if (!(await this.db.getRepository(ProductCategory).existsBy({ code: dto.categoryCode }))) {
      throw fieldError('REFERENCE_NOT_FOUND', 'categoryCode', `unknown product category ${dto.categoryCode}`, FIELD_RULES.unknownCategory(dto.categoryCode));
    }
    const saved = await this.authorizations.save(
      this.authorizations.create({
        certificationBodyId: dto.certificationBodyId,
        categoryCode: dto.categoryCode,
        accreditationNumber: dto.accreditationNumber,
        validFrom: dto.validFrom,
        validUntil: dto.validUntil,
      }),
    );
    return this.get(saved.id);
  }

  async get(id: string): Promise<AuthorizationView> {
    const row = await this.select(this.authorizations.createQueryBuilder('a').where('a.id = :id', { id })).getRawOne<AuthorizationRow>();
    if (!row) throw notFound('authorization', id);
    return viewOf(row);
  }

  async list(q: AuthorizationQuery): Promise<Page<AuthorizationView>> {
    const qb = this.authorizations.createQueryBuilder('a');
    if (q.certificationBodyId) qb.andWhere('a.certificationBodyId = :body', { body: q.certificationBodyId });
    if (q.categoryCode) qb.andWhere('a.categoryCode = :category', { category: q.categoryCode });
    if (q.validOn) {
      qb.andWhere('a.revokedAt IS NULL AND CAST(:validOn AS date) BETWEEN a.validFrom AND a.validUntil', { validOn: q.validOn });
    }
    const total = await qb.getCount();
    const rows = await this.select(qb)
      .orderBy('a.categoryCode')
      .addOrderBy('o.name_zh')
      .addOrderBy('a.validFrom', 'DESC')
      .addOrderBy('a.id')
      .offset(q.offset)
      .limit(q.pageSize)
      .getRawMany<AuthorizationRow>();
    return pageOf(rows.map(viewOf), total, q);
  }

  /** Revokes once; the row lock makes a concurrent second revocation a 409. */
  async revoke(id: string, reason: string): Promise<AuthorizationView> {
    await this.db.transaction(async (tx) => {
      const repo = tx.getRepository(Authorization);
      const a = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!a) throw notFound('authorization', id);
      authorizationMachine.next(authorizationStatusOf(a), 'revoke');
      await repo.update({ id }, { revokedAt: () => 'now()', revokedReason: reason });
    });
    return this.get(id);
  }

  /**
   * The view's columns, with the body's names only: organizations belong to identity and hold
   * contacts, so they are joined by table and only public columns leave the database.
   */
  private select(qb: SelectQueryBuilder<Authorization>): SelectQueryBuilder<Authorization> {
    return qb
      .innerJoin('organizations', 'o', 'o.id = a.certification_body_id')
      .select('a.id', 'id')
      .addSelect('a.categoryCode', 'categoryCode')
      .addSelect('a.accreditationNumber', 'accreditationNumber')
      .addSelect('a.validFrom', 'validFrom')
      .addSelect('a.validUntil', 'validUntil')
      .addSelect('a.revokedAt', 'revokedAt')
      .addSelect('a.revokedReason', 'revokedReason')
      .addSelect('(a.revoked_at IS NULL AND current_date BETWEEN a.valid_from AND a.valid_until)', 'validToday')
      .addSelect('o.id', 'bodyId')
      .addSelect('o.name_zh', 'bodyNameZh')
      .addSelect('o.name_en', 'bodyNameEn');
  }
}
