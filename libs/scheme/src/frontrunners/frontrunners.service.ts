import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError, fieldError, notFound, Page, pageOf, FIELD_RULES } from '@app/shared';
import { isRegulator, Principal } from '@app/identity';
import { PublicReads } from '@app/persistence';
import { DeclarationStatus } from '../scheme.machines';
import { Direction, directionOf, meets } from '../self-declarations/declaration-rules';
import { SelfDeclaration } from '../self-declarations/self-declaration.entity';
import { FrontrunnerClaimDto, FrontrunnerListDto, FrontrunnerListQuery, RankingQuery } from './frontrunner.dto';
import { FrontrunnerClaim, FrontrunnerEntry, FrontrunnerList } from './frontrunner.entity';
import { ClaimProblem, FrontrunnerClaimView, FrontrunnerListDetailView, FrontrunnerListView, RankedDeclarationView, RankingView } from './frontrunner.view';

/** The rule when the publisher does not give one: the top 5 ranked declarations. */
export const DEFAULT_FRONTRUNNERS = 5;

interface Indicator {
  requirementId: string;
  indicator: string;
  unit: string | null;
  direction: Direction;
}

interface RankedRow {
  rank: number;
  value: number;
  declarationId: string;
  seriesId: string;
  version: number;
  status: DeclarationStatus;
  productNameZh: string;
  productNameEn: string | null;
  publishedAt: Date;
  enterpriseId: string;
  enterpriseNameZh: string;
  enterpriseNameEn: string | null;
  enterpriseCreditCode: string;
}

const rankedView = (r: RankedRow): RankedDeclarationView => ({
  rank: r.rank,
  value: r.value,
  declarationId: r.declarationId,
  seriesId: r.seriesId,
  version: r.version,
  status: r.status,
  productNameZh: r.productNameZh,
  productNameEn: r.productNameEn,
  publishedAt: r.publishedAt,
  enterprise: { id: r.enterpriseId, nameZh: r.enterpriseNameZh, nameEn: r.enterpriseNameEn, creditCode: r.enterpriseCreditCode },
});

/** The public columns of a declaration and its enterprise (never contacts or author). */
const DECLARATION_COLUMNS = `d.id AS "declarationId", d.series_id AS "seriesId", d.version, d.status, d.product_name_zh AS "productNameZh",
  d.product_name_en AS "productNameEn", d.published_at AS "publishedAt", o.id AS "enterpriseId", o.name_zh AS "enterpriseNameZh",
  o.name_en AS "enterpriseNameEn", o.credit_code AS "enterpriseCreditCode"`;

const LIST_COLUMNS = `l.id, l.year, l.category_code AS "categoryCode", c.name_zh AS "categoryNameZh", c.name_en AS "categoryNameEn",
  l.requirement_id AS "requirementId", l.indicator, l.unit, l.direction, l.size, l.ranked, l.published_at AS "publishedAt"`;

/**
 * 公开—排行—领跑: published declarations' values of one key indicator, ranked within a category;
 * the frontrunner lists published from the ranking each year; enterprises' claims to be on them.
 *
 * The regulator publishes the lists. In the national scheme an evaluation body (often an industry
 * association) proposes them, but the list is what the scheme owner stands behind, and the
 * association role here does not yet hold evaluation mandates; a body acting for the regulator
 * would be one more role on the route, not another model.
 */
@Injectable()
export class FrontrunnersService {
  constructor(
    private readonly db: DataSource,
    private readonly reads: PublicReads,
  ) {}

  /** Public: the current ranking. The measures index (requirement, value) serves it; the page depth is bounded. */
  async ranking(q: RankingQuery): Promise<RankingView> {
    const ind = await this.indicator(this.db.manager, q.requirementId, q.direction, 'requirementId');
    const order = ind.direction === 'higher' ? 'DESC' : 'ASC';
    const from = `FROM self_declaration_measures m
      JOIN self_declarations d ON d.id = m.declaration_id AND d.status = 'published' AND d.category_code = $2
      JOIN organizations o ON o.id = d.enterprise_id
      WHERE m.requirement_id = $1`;
    const [{ total }] = await this.reads.query<{ total: number }>(`SELECT COUNT(*)::int AS total ${from}`, [q.requirementId, q.categoryCode]);
    const rows = await this.reads.query<RankedRow>(
      `SELECT (row_number() OVER (ORDER BY m.value ${order}, d.published_at, d.id))::int AS rank, m.value::float8 AS value, ${DECLARATION_COLUMNS}
         ${from} ORDER BY m.value ${order}, d.published_at, d.id OFFSET $3 LIMIT $4`,
      [q.requirementId, q.categoryCode, q.offset, q.pageSize],
    );
    return {
      ...ind,
      categoryCode: q.categoryCode,
      items: rows.map((r) => ({ ...rankedView(r), rank: r.rank + q.offset })),
      page: q.page,
      pageSize: q.pageSize,
      total,
    };
  }

  /**
   * The regulator publishes the list of a year, category and indicator: the top `size` of the
   * ranking at this moment, with their values recorded (later versions do not change the list).
   * One list per year, category and indicator (a second is 409).
   */
  async publish(caller: Principal, dto: FrontrunnerListDto): Promise<FrontrunnerListDetailView> {
    const id = await this.db.transaction(async (tx) => {
      if (!(await tx.query(`SELECT 1 FROM product_categories WHERE code = $1`, [dto.categoryCode])).length) {
        throw fieldError('REFERENCE_NOT_FOUND', 'categoryCode', `no product category ${dto.categoryCode}`, FIELD_RULES.unknownCategory(dto.categoryCode));
      }
      const ind = await this.indicator(tx, dto.requirementId, dto.direction, 'requirementId');
      const taken = await tx.getRepository(FrontrunnerList).existsBy({ year: dto.year, categoryCode: dto.categoryCode, requirementId: dto.requirementId });
      if (taken) throw new DomainError('ALREADY_EXISTS', `the ${dto.year} frontrunner list of ${dto.categoryCode} for this indicator is already published`);
      const order = ind.direction === 'higher' ? 'DESC' : 'ASC';
      const top = await tx.query<{ declarationId: string; value: string; ranked: number }[]>(
        `SELECT m.declaration_id AS "declarationId", m.value, (COUNT(*) OVER ())::int AS ranked
           FROM self_declaration_measures m
           JOIN self_declarations d ON d.id = m.declaration_id AND d.status = 'published' AND d.category_code = $2
          WHERE m.requirement_id = $1 ORDER BY m.value ${order}, d.published_at, d.id LIMIT $3`,
        [dto.requirementId, dto.categoryCode, dto.size ?? DEFAULT_FRONTRUNNERS],
      );
      if (!top.length)
        throw new DomainError('RULE_VIOLATION', `no published declaration of ${dto.categoryCode} declares this indicator: nothing to rank`, {
          rule: 'nothing_to_rank',
          category: dto.categoryCode,
        });
      const list = await tx.getRepository(FrontrunnerList).save(
        tx.getRepository(FrontrunnerList).create({
          year: dto.year,
          categoryCode: dto.categoryCode,
          ...ind,
          size: dto.size ?? DEFAULT_FRONTRUNNERS,
          ranked: top[0].ranked,
          publishedBy: caller.userId,
        }),
      );
      await tx
        .getRepository(FrontrunnerEntry)
        .insert(top.map((t, i) => ({ listId: list.id, rank: i + 1, declarationId: t.declarationId, value: Number(t.value) })));
      return list.id;
    });
    return this.list(id);
  }

  /** Public: the published lists, newest first. */
  async lists(q: FrontrunnerListQuery): Promise<Page<FrontrunnerListView>> {
    const where = `WHERE ($1::int IS NULL OR l.year = $1) AND ($2::text IS NULL OR l.category_code = $2)`;
    const values = [q.year ?? null, q.categoryCode ?? null];
    const [{ total }] = await this.reads.query<{ total: number }>(`SELECT COUNT(*)::int AS total FROM frontrunner_lists l ${where}`, values);
    const items = await this.reads.query<FrontrunnerListView>(
      `SELECT ${LIST_COLUMNS} FROM frontrunner_lists l JOIN product_categories c ON c.code = l.category_code ${where}
        ORDER BY l.published_at DESC, l.id OFFSET $3 LIMIT $4`,
      [...values, q.offset, q.pageSize],
    );
    return pageOf(items, total, q);
  }

  /** Public: one list with its frontrunners and the values recorded at publication. */
  async list(id: string): Promise<FrontrunnerListDetailView> {
    const [list] = await this.reads.query<FrontrunnerListView>(
      `SELECT ${LIST_COLUMNS} FROM frontrunner_lists l JOIN product_categories c ON c.code = l.category_code WHERE l.id = $1`,
      [id],
    );
    if (!list) throw notFound('frontrunner list', id);
    const entries = await this.reads.query<RankedRow>(
      `SELECT e.rank, e.value::float8 AS value, ${DECLARATION_COLUMNS}
         FROM frontrunner_entries e JOIN self_declarations d ON d.id = e.declaration_id JOIN organizations o ON o.id = d.enterprise_id
        WHERE e.list_id = $1 ORDER BY e.rank`,
      [id],
    );
    return { ...list, entries: entries.map(rankedView) };
  }

  /** An enterprise claims a place on a list with its own declaration (of a series on the list). */
  async claim(caller: Principal, dto: FrontrunnerClaimDto): Promise<FrontrunnerClaimView> {
    const id = await this.db.transaction(async (tx) => {
      const decl = await tx.getRepository(SelfDeclaration).findOneBy({ id: dto.declarationId, enterpriseId: caller.organizationId });
      if (!decl) throw notFound('self-declaration', dto.declarationId);
      if (!(await tx.getRepository(FrontrunnerList).existsBy({ id: dto.listId }))) throw notFound('frontrunner list', dto.listId);
      if (!(await this.entryOf(tx, dto.listId, decl.seriesId))) {
        throw new DomainError('RULE_VIOLATION', `declaration ${decl.id} (or an earlier version of it) is not on frontrunner list ${dto.listId}`, {
          rule: 'not_a_frontrunner',
        });
      }
      const repo = tx.getRepository(FrontrunnerClaim);
      return (await repo.save(repo.create({ listId: dto.listId, declarationId: decl.id, enterpriseId: caller.organizationId, claimedBy: caller.userId }))).id;
    });
    return this.getClaim(caller, id);
  }

  /** A claim, checked now: another enterprise's is "not found"; the regulator sees all. */
  async getClaim(caller: Principal, id: string): Promise<FrontrunnerClaimView> {
    const claim = await this.db.getRepository(FrontrunnerClaim).findOneBy(isRegulator(caller) ? { id } : { id, enterpriseId: caller.organizationId });
    if (!claim) throw notFound('frontrunner claim', id);
    return this.check(claim);
  }

  /** The caller's enterprise's claims (the regulator: everyone's), newest first, each checked now. */
  async claims(caller: Principal, q: FrontrunnerListQuery): Promise<Page<FrontrunnerClaimView>> {
    const [found, total] = await this.db.getRepository(FrontrunnerClaim).findAndCount({
      where: isRegulator(caller) ? {} : { enterpriseId: caller.organizationId },
      order: { claimedAt: 'DESC', id: 'ASC' },
      skip: q.offset,
      take: q.pageSize,
    });
    return pageOf(await Promise.all(found.map((c) => this.check(c))), total, q);
  }

  /**
   * A claim holds only while the declaration it names is the current (published) version, and
   * that version still declares a value at least as good as the one listed.
   */
  private async check(claim: FrontrunnerClaim): Promise<FrontrunnerClaimView> {
    const list = await this.list(claim.listId);
    const [decl] = await this.db.query<{ seriesId: string; status: DeclarationStatus }[]>(
      `SELECT series_id AS "seriesId", status FROM self_declarations WHERE id = $1`,
      [claim.declarationId],
    );
    const entry = (await this.entryOf(this.db.manager, claim.listId, decl.seriesId)) as FrontrunnerEntry;
    const [current] = await this.db.query<{ id: string; value: number | null }[]>(
      `SELECT d.id, m.value::float8 AS value FROM self_declarations d
         LEFT JOIN self_declaration_measures m ON m.declaration_id = d.id AND m.requirement_id = $2
        WHERE d.series_id = $1 AND d.status = 'published'`,
      [decl.seriesId, list.requirementId],
    );
    const problems: ClaimProblem[] = [];
    if (!current) problems.push('declaration_withdrawn');
    else if (decl.status !== 'published') problems.push('declaration_superseded');
    if (!current || current.value === null || !meets(current.value, entry.value, list.direction)) problems.push('value_not_met');
    const [org] = await this.db.query<{ nameZh: string; nameEn: string | null; creditCode: string }[]>(
      `SELECT name_zh AS "nameZh", name_en AS "nameEn", credit_code AS "creditCode" FROM organizations WHERE id = $1`,
      [claim.enterpriseId],
    );
    const { entries: _entries, ...listView } = list;
    return {
      id: claim.id,
      list: listView,
      declarationId: claim.declarationId,
      enterprise: { id: claim.enterpriseId, ...org },
      claimedAt: claim.claimedAt,
      listedRank: entry.rank,
      listedValue: entry.value,
      currentDeclarationId: current?.id ?? null,
      currentValue: current?.value ?? null,
      valid: problems.length === 0,
      problems,
    };
  }

  /** The list's entry for any version of a series. */
  private entryOf(tx: EntityManager, listId: string, seriesId: string): Promise<FrontrunnerEntry | null> {
    return tx
      .getRepository(FrontrunnerEntry)
      .createQueryBuilder('e')
      .innerJoin(SelfDeclaration, 'd', 'd.id = e.declarationId')
      .where('e.listId = :listId AND d.seriesId = :seriesId', { listId, seriesId })
      .getOne();
  }

  /** A measured requirement of a national standard, as an indicator to rank by. */
  private async indicator(tx: EntityManager, requirementId: string, direction: Direction | undefined, field: string): Promise<Indicator> {
    const [r] = await tx.query<{ textZh: string; unit: string | null; min: number | null; max: number | null; kind: string; standardKind: string }[]>(
      `SELECT r.text_zh AS "textZh", r.unit, r.min_value::float8 AS min, r.max_value::float8 AS max, r.kind, s.kind AS "standardKind"
         FROM requirements r JOIN standards s ON s.id = r.standard_id WHERE r.id = $1`,
      [requirementId],
    );
    if (!r || r.kind !== 'measured' || r.standardKind !== 'national') {
      throw fieldError('VALIDATION_FAILED', field, `${requirementId} is not a measured requirement of a national standard`);
    }
    const d = direction ?? directionOf(r);
    if (!d) throw fieldError('VALIDATION_FAILED', 'direction', 'the requirement has no bound: say whether higher or lower is better');
    return { requirementId, indicator: r.textZh, unit: r.unit, direction: d };
  }
}
