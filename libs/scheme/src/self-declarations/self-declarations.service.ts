import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In, Repository, SelectQueryBuilder } from 'typeorm';
import { containsPattern, DomainError, fieldError, notFound, Page, pageOf, FIELD_RULES } from '@app/shared';
import type { Principal } from '@app/identity';
import { PublicReads } from '@app/persistence';
import { DeclarationStatus, declarationMachine } from '../scheme.machines';
import { Requirement, Standard, StandardCategory, StandardKind } from '../standards/standard.entity';
import { ProductCategory } from '../categories/category.entity';
import { DeclarationDirectoryQuery, SelfDeclarationDto, SelfDeclarationQuery } from './self-declaration.dto';
import { SelfDeclarationDetailView, SelfDeclarationView } from './self-declaration.view';
import { AppliedStandard, DeclarationMeasure, DeclaredProduct, KeyIndicator, SelfDeclaration } from './self-declaration.entity';
import { contentHash, IndicatorFlag, indicatorFlags, NationalRequirement } from './declaration-rules';

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
  standardKind: StandardKind;
  categoryCode: string | null;
  standards: AppliedStandard[];
  products: DeclaredProduct[];
  flags: IndicatorFlag[];
  commitmentText: string | null;
  committedRole: string | null;
  committedAt: Date | null;
  contentHash: string | null;
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
  categoryCode: r.categoryCode,
  // Versions published before standards were listed name only their one standard.
  standards: r.standards.length
    ? r.standards
    : [
        {
          standardId: r.standardId,
          kind: r.standardKind,
          code: r.standardCode,
          version: r.standardVersion,
          titleZh: r.standardTitleZh,
          titleEn: r.standardTitleEn,
        },
      ],
  products: r.products,
  flags: r.flags,
  commitment:
    r.commitmentText && r.committedRole && r.committedAt && r.contentHash
      ? { text: r.commitmentText, signerRole: r.committedRole, signedAt: r.committedAt, contentHash: r.contentHash }
      : null,
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
    return this.page(qb, q);
  }

  /**
   * The public directory (自我声明公开): published declarations found by any 2+ characters of the
   * enterprise's names or credit code, a product's name, brand, model or barcode, or a standard's
   * code or title. Like the registry, the GIN index of the text's bigrams narrows the rows (which
   * a 2-character Chinese term needs: trigrams cannot serve it) and strpos keeps the real matches.
   */
  async directory(q: DeclarationDirectoryQuery): Promise<Page<SelfDeclarationView>> {
    const qb = this.declarations.createQueryBuilder('d').where(`d.status = 'published'`);
    if (q.q) {
      const term = q.q.toLowerCase();
      if (!/\S\S/u.test(term)) throw fieldError('VALIDATION_FAILED', 'q', 'q needs two adjacent characters that are not spaces', FIELD_RULES.searchTerm());
      qb.andWhere('d.search_bigrams @> szs_bigrams(:term)', { term }).andWhere('strpos(d.searchText, :term) > 0');
    }
    if (q.categoryCode) qb.andWhere('d.categoryCode = :categoryCode', { categoryCode: q.categoryCode });
    if (q.flagged === 'true') qb.andWhere(`jsonb_array_length(d.flags) > 0`);
    if (q.flagged === 'false') qb.andWhere(`jsonb_array_length(d.flags) = 0`);
    return this.page(qb, q);
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

  private async page(qb: SelectQueryBuilder<SelfDeclaration>, q: { offset: number; pageSize: number; page: number }): Promise<Page<SelfDeclarationView>> {
    // Built by TypeORM, run on the public pool (under its statement timeout).
    const [{ total }] = await this.reads.rows<{ total: number }>(qb.clone().select('COUNT(*)::int', 'total'));
    const rows = await this.reads.rows<DeclarationRow>(this.select(qb).orderBy('d.publishedAt', 'DESC').addOrderBy('d.id').offset(q.offset).limit(q.pageSize));
    return pageOf(rows.map(viewOf), total, q);
  }

  private async insert(tx: EntityManager, caller: Principal, dto: SelfDeclarationDto, seriesId: string, version: number): Promise<string> {
    // The commitment is signed by a person: an API key cannot vouch for the truth of anything.
    if (!caller.userId) throw new DomainError('PERSON_REQUIRED', 'the commitment to truthfulness is signed by a named person, not an API key');
    const standard = await tx.getRepository(Standard).findOneBy({ id: dto.standardId });
    if (!standard) throw fieldError('REFERENCE_NOT_FOUND', 'standardId', `no standard ${dto.standardId}`);
    if (standard.status === 'withdrawn') {
      throw fieldError(
        'VALIDATION_FAILED',
        'standardId',
        `standard ${standard.code}-${standard.version} is withdrawn`,
        FIELD_RULES.withdrawnStandard(`${standard.code}-${standard.version}`),
      );
    }
    if (dto.categoryCode !== undefined) await this.checkCategory(tx, dto.categoryCode, standard);
    const standards = await this.appliedStandards(tx, standard, dto);
    const products = (dto.products ?? []).map(({ name, brand, model, barcode, specification }) => ({
      name,
      brand,
      model,
      ...(barcode !== undefined && { barcode }),
      ...(specification !== undefined && { specification }),
    }));
    const models = modelsOf(dto, products);
    const keyIndicators = dto.keyIndicators.map(({ name, value, unit, testMethod, requirementId }) => ({
      name,
      value,
      ...(unit !== undefined && { unit }),
      ...(testMethod !== undefined && { testMethod }),
      ...(requirementId !== undefined && { requirementId }),
    }));
    const { flags, measures } = await this.flagsOf(tx, keyIndicators, standards);

    const [org] = await tx.query<{ nameZh: string; nameEn: string | null; creditCode: string }[]>(
      `SELECT name_zh AS "nameZh", name_en AS "nameEn", credit_code AS "creditCode" FROM organizations WHERE id = $1`,
      [caller.organizationId],
    );
    const content = {
      seriesId,
      version,
      enterprise: { id: caller.organizationId, creditCode: org.creditCode },
      categoryCode: dto.categoryCode ?? null,
      productNameZh: dto.productNameZh,
      productNameEn: dto.productNameEn ?? null,
      standards,
      products,
      models,
      keyIndicators,
      commitment: dto.commitment.text,
    };
    const now = new Date();
    const repo = tx.getRepository(SelfDeclaration);
    const saved = await repo.save(
      repo.create({
        seriesId,
        version,
        enterpriseId: caller.organizationId,
        standardId: dto.standardId,
        productNameZh: dto.productNameZh,
        productNameEn: dto.productNameEn ?? null,
        models,
        keyIndicators,
        categoryCode: dto.categoryCode ?? null,
        standards,
        products,
        // Publication is allowed with flags: the 2024 rules ask that a weaker or missing indicator
        // be disclosed and shown, not that the declaration be refused; supervision acts on them.
        flags,
        commitmentText: dto.commitment.text,
        committedBy: caller.userId,
        committedRole: caller.roles.includes('enterprise_admin') ? 'enterprise_admin' : 'enterprise_member',
        committedAt: now,
        publishedAt: now,
        contentHash: contentHash(content),
        searchText: [
          org.nameZh,
          org.nameEn,
          org.creditCode,
          dto.productNameZh,
          dto.productNameEn,
          ...models,
          ...products.flatMap((p) => [p.name, p.brand, p.barcode]),
          ...standards.flatMap((s) => [s.code, s.titleZh, s.titleEn]),
        ]
          .filter(Boolean)
          .join(' ')
          .toLowerCase(),
        createdBy: caller.userId,
      }),
    );
    if (measures.length) await tx.getRepository(DeclarationMeasure).insert(measures.map((m) => ({ ...m, declarationId: saved.id })));
    return saved.id;
  }

  private async checkCategory(tx: EntityManager, code: string, standard: Standard): Promise<void> {
    if (!(await tx.getRepository(ProductCategory).existsBy({ code })))
      throw fieldError('REFERENCE_NOT_FOUND', 'categoryCode', `no product category ${code}`, FIELD_RULES.unknownCategory(code));
    if (!(await tx.getRepository(StandardCategory).existsBy({ standardId: standard.id, categoryCode: code }))) {
      throw fieldError(
        'VALIDATION_FAILED',
        'categoryCode',
        `standard ${standard.code}-${standard.version} does not apply to ${code}`,
        FIELD_RULES.standardNotInCategory(`${standard.code}-${standard.version}`, code),
      );
    }
  }

  /** The declared standard first, then the further ones: platform standards by id, the enterprise's own in place. */
  private async appliedStandards(tx: EntityManager, primary: Standard, dto: SelfDeclarationDto): Promise<AppliedStandard[]> {
    const snapshot = (s: Standard): AppliedStandard => ({
      standardId: s.id,
      kind: s.kind,
      code: s.code,
      version: s.version,
      titleZh: s.titleZh,
      titleEn: s.titleEn,
    });
    const out = [snapshot(primary)];
    const ids = (dto.standards ?? []).flatMap((s) => (s.standardId ? [s.standardId] : []));
    const found = new Map((ids.length ? await tx.getRepository(Standard).findBy({ id: In(ids) }) : []).map((s) => [s.id, s]));
    for (const [i, s] of (dto.standards ?? []).entries()) {
      if (s.standardId === undefined) {
        out.push({ standardId: null, kind: 'enterprise', code: s.code as string, version: null, titleZh: s.titleZh as string, titleEn: s.titleEn ?? null });
        continue;
      }
      const std = found.get(s.standardId);
      if (!std) throw fieldError('REFERENCE_NOT_FOUND', `standards[${i}].standardId`, `no standard ${s.standardId}`);
      if (std.status === 'withdrawn')
        throw fieldError(
          'VALIDATION_FAILED',
          `standards[${i}].standardId`,
          `standard ${std.code}-${std.version} is withdrawn`,
          FIELD_RULES.withdrawnStandard(`${std.code}-${std.version}`),
        );
      if (out.some((o) => o.standardId === std.id))
        throw fieldError(
          'VALIDATION_FAILED',
          `standards[${i}].standardId`,
          `standard ${std.code}-${std.version} is named twice`,
          FIELD_RULES.standardNamedTwice(`${std.code}-${std.version}`),
        );
      out.push(snapshot(std));
    }
    return out;
  }

  /**
   * The indicators tied to a national requirement must carry a plain number; they are compared
   * with the requirement's bound, and every measured requirement of a national standard the
   * declaration names must have an indicator (the 2024 rules' weaker / missing flags).
   */
  private async flagsOf(
    tx: EntityManager,
    indicators: KeyIndicator[],
    standards: AppliedStandard[],
  ): Promise<{ flags: IndicatorFlag[]; measures: { requirementId: string; value: number }[] }> {
    const nationalIds = standards.filter((s) => s.kind === 'national' && s.standardId).map((s) => s.standardId as string);
    const tiedIds = indicators.flatMap((i) => (i.requirementId ? [i.requirementId] : []));
    const rows: (NationalRequirement & { standardId: string; kind: string; standardKind: string })[] = [];
    if (nationalIds.length || tiedIds.length) {
      const qb = tx
        .getRepository(Requirement)
        .createQueryBuilder('r')
        .innerJoin(Standard, 's', 's.id = r.standardId')
        .select(['r.id AS id', 'r.standard_id AS "standardId"', 'r.clause AS clause', 'r.text_zh AS "textZh"', 'r.kind AS kind', 'r.unit AS unit'])
        .addSelect('r.min_value::float8', 'min')
        .addSelect('r.max_value::float8', 'max')
        .addSelect('s.kind', 'standardKind')
        .addSelect(`s.code || '-' || s.version`, 'standardCode')
        .where('false')
        .orderBy('r.position');
      if (nationalIds.length) qb.orWhere('r.standard_id IN (:...nationalIds)', { nationalIds });
      if (tiedIds.length) qb.orWhere('r.id IN (:...tiedIds)', { tiedIds });
      rows.push(...(await qb.getRawMany<NationalRequirement & { standardId: string; kind: string; standardKind: string }>()));
    }
    const known = new Map(rows.map((r) => [r.id, r]));
    const tied: { name: string; value: number; requirementId: string }[] = [];
    for (const [i, ind] of indicators.entries()) {
      if (!ind.requirementId) continue;
      const r = known.get(ind.requirementId);
      if (!r || r.standardKind !== 'national' || r.kind !== 'measured') {
        throw fieldError('VALIDATION_FAILED', `keyIndicators[${i}].requirementId`, `${ind.requirementId} is not a measured requirement of a national standard`);
      }
      if (tied.some((t) => t.requirementId === r.id))
        throw fieldError('VALIDATION_FAILED', `keyIndicators[${i}].requirementId`, 'one indicator per requirement');
      if (!/^-?\d{1,12}(\.\d{1,6})?$/.test(ind.value)) {
        throw fieldError(
          'VALIDATION_FAILED',
          `keyIndicators[${i}].value`,
          'an indicator tied to a requirement must be a plain number (e.g. 80 or 0.05), the unit apart',
        );
      }
      tied.push({ name: ind.name, value: Number(ind.value), requirementId: r.id });
    }
    const required = rows.filter((r) => r.kind === 'measured' && nationalIds.includes(r.standardId));
    return { flags: indicatorFlags(tied, required, known), measures: tied.map(({ requirementId, value }) => ({ requirementId, value })) };
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
   * and only names and the credit code leave the database. The signer stays internal: its role shows.
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
      .addSelect('d.categoryCode', 'categoryCode')
      .addSelect('d.standards', 'standards')
      .addSelect('d.products', 'products')
      .addSelect('d.flags', 'flags')
      .addSelect('d.commitmentText', 'commitmentText')
      .addSelect('d.committedRole', 'committedRole')
      .addSelect('d.committedAt', 'committedAt')
      .addSelect('d.contentHash', 'contentHash')
      .addSelect('o.id', 'enterpriseId')
      .addSelect('o.name_zh', 'enterpriseNameZh')
      .addSelect('o.name_en', 'enterpriseNameEn')
      .addSelect('o.credit_code', 'enterpriseCreditCode')
      .addSelect('s.id', 'standardId')
      .addSelect('s.code', 'standardCode')
      .addSelect('s.version', 'standardVersion')
      .addSelect('s.titleZh', 'standardTitleZh')
      .addSelect('s.titleEn', 'standardTitleEn')
      .addSelect('s.kind', 'standardKind');
  }
}

/** The models: the products' own when products are declared (a given list must be exactly theirs), else as given. */
function modelsOf(dto: SelfDeclarationDto, products: DeclaredProduct[]): string[] {
  if (!products.length) return dto.models ?? [];
  const derived = [...new Set(products.map((p) => p.model))];
  if (dto.models !== undefined) {
    const given = new Set(dto.models);
    if (given.size !== derived.length || derived.some((m) => !given.has(m))) {
      throw fieldError('VALIDATION_FAILED', 'models', `models must be the products' models (${derived.join(', ')}) or be left out`);
    }
    return dto.models;
  }
  return derived;
}
