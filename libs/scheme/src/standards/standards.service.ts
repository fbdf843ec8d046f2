import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, fieldError, notFound, Page, pageOf, containsPattern } from '@app/shared';
import { standardMachine } from '../scheme.machines';
import { CategoryQuery, CreateCategoryDto, CreateStandardDto, RequirementDto, StandardQuery, UpdateCategoryDto } from './standard.dto';

const CATEGORY_VIEW = `SELECT code, name_zh AS "nameZh", name_en AS "nameEn", pilot, active FROM product_categories`;

const STANDARD_VIEW = `
  SELECT s.id, s.code, s.version, s.title_zh AS "titleZh", s.title_en AS "titleEn", s.kind, s.issuer,
         s.issuer_organization_id AS "issuerOrganizationId", s.status, s.published_on AS "publishedOn",
         (SELECT coalesce(array_agg(sc.category_code ORDER BY sc.category_code), '{}') FROM standard_categories sc
           WHERE sc.standard_id = s.id) AS "categoryCodes"
    FROM standards s`;

/** Checks a DTO cannot express: a measured requirement has a unit and a bound, pass/fail has neither. */
export function requirementProblems(reqs: RequirementDto[]): { field: string; reason: string }[] {
  const problems: { field: string; reason: string }[] = [];
  const seen = new Set<string>();
  reqs.forEach((r, i) => {
    const at = `requirements[${i}]`;
    if (seen.has(r.clause)) problems.push({ field: `${at}.clause`, reason: `clause ${r.clause} appears twice` });
    seen.add(r.clause);
    if (r.kind === 'measured') {
      if (!r.unit) problems.push({ field: `${at}.unit`, reason: 'a measured requirement needs a unit' });
      if (r.min === undefined && r.max === undefined) problems.push({ field: `${at}.min`, reason: 'a measured requirement needs min, max or both' });
      if (r.min !== undefined && r.max !== undefined && r.min > r.max) problems.push({ field: `${at}.max`, reason: `max (${r.max}) is below min (${r.min})` });
    } else {
      for (const k of ['unit', 'min', 'max'] as const) {
        if (r[k] !== undefined) problems.push({ field: `${at}.${k}`, reason: 'a pass/fail requirement has no unit or bounds' });
      }
    }
  });
  return problems;
}

/** Product categories and standards with their requirements: what audits are scored against. */
@Injectable()
export class StandardsService {
  constructor(private readonly db: DataSource) {}

  async listCategories(q: CategoryQuery): Promise<Page<Record<string, unknown>>> {
    const params: unknown[] = [];
    const where = ['TRUE'];
    if (q.pilot !== undefined) where.push(`pilot = $${params.push(q.pilot)}`);
    if (q.active !== undefined) where.push(`active = $${params.push(q.active)}`);
    const sql = where.join(' AND ');
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM product_categories WHERE ${sql}`, params);
    const items = await this.db.query(`${CATEGORY_VIEW} WHERE ${sql} ORDER BY pilot DESC, code LIMIT ${q.pageSize} OFFSET ${q.offset}`, params);
    return pageOf(items, total, q);
  }

  async getCategory(code: string): Promise<Record<string, unknown>> {
    const [row] = await this.db.query(`${CATEGORY_VIEW} WHERE code = $1`, [code]);
    if (!row) throw notFound('product category', code);
    return row;
  }

  async createCategory(dto: CreateCategoryDto): Promise<Record<string, unknown>> {
    await this.db.query(`INSERT INTO product_categories (code, name_zh, name_en, pilot) VALUES ($1, $2, $3, $4)`, [
      dto.code, dto.nameZh, dto.nameEn, dto.pilot,
    ]);
    return this.getCategory(dto.code);
  }

  async updateCategory(code: string, dto: UpdateCategoryDto): Promise<Record<string, unknown>> {
    const [row] = await this.db.query(
      `WITH u AS (UPDATE product_categories SET name_zh = coalesce($2, name_zh), name_en = coalesce($3, name_en),
                  pilot = coalesce($4, pilot), active = coalesce($5, active) WHERE code = $1 RETURNING code) SELECT code FROM u`,
      [code, dto.nameZh ?? null, dto.nameEn ?? null, dto.pilot ?? null, dto.active ?? null],
    );
    if (!row) throw notFound('product category', code);
    return this.getCategory(code);
  }

  /** A standard and its requirements, in one transaction. */
  async create(dto: CreateStandardDto): Promise<Record<string, unknown>> {
    const problems = requirementProblems(dto.requirements);
    if (problems.length) {
      throw new DomainError(
        'VALIDATION_FAILED',
        `Invalid input — ${problems.map((p) => `${p.field}: ${p.reason}`).join(' | ')}`,
        undefined,
        problems.map((p) => ({ field: p.field, reasons: [p.reason] })),
      );
    }
    const id = await this.db.transaction(async (tx) => {
      const known: { code: string }[] = await tx.query(`SELECT code FROM product_categories WHERE code = ANY($1)`, [dto.categoryCodes]);
      const unknown = dto.categoryCodes.filter((c) => !known.some((k) => k.code === c));
      if (unknown.length) throw fieldError('REFERENCE_NOT_FOUND', 'categoryCodes', `unknown product categories: ${unknown.join(', ')}`);
      if (dto.issuerOrganizationId) {
        const [org] = await tx.query(`SELECT 1 FROM organizations WHERE id = $1`, [dto.issuerOrganizationId]);
        if (!org) throw fieldError('REFERENCE_NOT_FOUND', 'issuerOrganizationId', 'no organization with this id');
      }
      const [s] = await tx.query(
        `INSERT INTO standards (code, version, title_zh, title_en, kind, issuer, issuer_organization_id, published_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [dto.code, dto.version, dto.titleZh, dto.titleEn ?? null, dto.kind, dto.issuer, dto.issuerOrganizationId ?? null, dto.publishedOn ?? null],
      );
      await tx.query(`INSERT INTO standard_categories (standard_id, category_code) SELECT $1, unnest($2::text[])`, [s.id, dto.categoryCodes]);
      for (const [i, r] of dto.requirements.entries()) {
        await tx.query(
          `INSERT INTO requirements (standard_id, position, clause, text_zh, text_en, kind, unit, min_value, max_value, critical)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          [s.id, i + 1, r.clause, r.textZh, r.textEn ?? null, r.kind, r.unit ?? null, r.min ?? null, r.max ?? null, r.critical],
        );
      }
      return s.id as string;
    });
    return this.get(id);
  }

  async list(q: StandardQuery): Promise<Page<Record<string, unknown>>> {
    const params: unknown[] = [];
    const where = ['TRUE'];
    if (q.categoryCode) where.push(`EXISTS (SELECT 1 FROM standard_categories sc WHERE sc.standard_id = s.id AND sc.category_code = $${params.push(q.categoryCode)})`);
    if (q.kind) where.push(`s.kind = $${params.push(q.kind)}`);
    if (q.status) where.push(`s.status = $${params.push(q.status)}`);
    if (q.q) where.push(`(s.code ILIKE $${params.push(containsPattern(q.q))} OR s.title_zh ILIKE $${params.length} OR s.title_en ILIKE $${params.length})`);
    const sql = where.join(' AND ');
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM standards s WHERE ${sql}`, params);
    const items = await this.db.query(`${STANDARD_VIEW} WHERE ${sql} ORDER BY s.code, s.version DESC LIMIT ${q.pageSize} OFFSET ${q.offset}`, params);
    return pageOf(items, total, q);
  }

  async get(id: string): Promise<Record<string, unknown>> {
    const [s] = await this.db.query(`${STANDARD_VIEW} WHERE s.id = $1`, [id]);
    if (!s) throw notFound('standard', id);
    const requirements = await this.db.query(
      `SELECT id, clause, text_zh AS "textZh", text_en AS "textEn", kind, unit, min_value::float8 AS min, max_value::float8 AS max, critical
         FROM requirements WHERE standard_id = $1 ORDER BY position`,
      [id],
    );
    return { ...s, requirements };
  }

  async changeStatus(id: string, action: 'supersede' | 'withdraw'): Promise<Record<string, unknown>> {
    await this.db.transaction(async (tx) => {
      const [s] = await tx.query(`SELECT status FROM standards WHERE id = $1 FOR UPDATE`, [id]);
      if (!s) throw notFound('standard', id);
      await tx.query(`UPDATE standards SET status = $2 WHERE id = $1`, [id, standardMachine.next(s.status, action)]);
    });
    return this.get(id);
  }
}
