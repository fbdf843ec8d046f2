import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { fieldError, notFound, Page, pageOf, containsPattern } from '@app/shared';
import type { Principal } from '@app/identity';
import { declarationMachine } from '../scheme.machines';
import { SelfDeclarationDto, SelfDeclarationQuery } from './registrations.dto';

/** The public face of a declaration: who declares which standard for what. Never contacts or authors. */
const PUBLIC_VIEW = `
  SELECT d.id, d.series_id AS "seriesId", d.version, d.status, d.product_name_zh AS "productNameZh",
         d.product_name_en AS "productNameEn", d.models, d.key_indicators AS "keyIndicators", d.published_at AS "publishedAt",
         json_build_object('id', o.id, 'nameZh', o.name_zh, 'nameEn', o.name_en, 'creditCode', o.credit_code) AS enterprise,
         json_build_object('id', s.id, 'code', s.code, 'version', s.version, 'titleZh', s.title_zh, 'titleEn', s.title_en) AS standard
    FROM self_declarations d
    JOIN organizations o ON o.id = d.enterprise_id
    JOIN standards s ON s.id = d.standard_id`;

/** Enterprises' public self-declarations (自我声明) of the standards their products follow, versioned. */
@Injectable()
export class SelfDeclarationsService {
  constructor(private readonly db: DataSource) {}

  async declare(caller: Principal, dto: SelfDeclarationDto): Promise<Record<string, unknown>> {
    const id = await this.db.transaction((tx) => this.insert(tx, caller, dto, randomUUID(), 1));
    return this.get(id);
  }

  /** A new version of the caller's own declaration; the one it replaces becomes superseded. */
  async newVersion(caller: Principal, id: string, dto: SelfDeclarationDto): Promise<Record<string, unknown>> {
    const newId = await this.db.transaction(async (tx) => {
      const current = await this.lockOwn(tx, caller, id);
      await tx.query(`UPDATE self_declarations SET status = $2 WHERE id = $1`, [id, declarationMachine.next(current.status, 'new_version')]);
      const [{ next }] = await tx.query(`SELECT max(version) + 1 AS next FROM self_declarations WHERE series_id = $1`, [current.series_id]);
      return this.insert(tx, caller, dto, current.series_id, next);
    });
    return this.get(newId);
  }

  async withdraw(caller: Principal, id: string): Promise<Record<string, unknown>> {
    await this.db.transaction(async (tx) => {
      const current = await this.lockOwn(tx, caller, id);
      await tx.query(`UPDATE self_declarations SET status = $2 WHERE id = $1`, [id, declarationMachine.next(current.status, 'withdraw')]);
    });
    return this.get(id);
  }

  async list(q: SelfDeclarationQuery): Promise<Page<Record<string, unknown>>> {
    const params: unknown[] = [q.status ?? 'published'];
    const where = ['d.status = $1'];
    if (q.enterpriseId) where.push(`d.enterprise_id = $${params.push(q.enterpriseId)}`);
    if (q.standardId) where.push(`d.standard_id = $${params.push(q.standardId)}`);
    if (q.q) where.push(`(d.product_name_zh ILIKE $${params.push(containsPattern(q.q))} OR d.product_name_en ILIKE $${params.length})`);
    const sql = where.join(' AND ');
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM self_declarations d WHERE ${sql}`, params);
    const items = await this.db.query(`${PUBLIC_VIEW} WHERE ${sql} ORDER BY d.published_at DESC, d.id LIMIT ${q.pageSize} OFFSET ${q.offset}`, params);
    return pageOf(items, total, q);
  }

  /** One version, with the list of every version of its series. */
  async get(id: string): Promise<Record<string, unknown>> {
    const [d] = await this.db.query(`${PUBLIC_VIEW} WHERE d.id = $1`, [id]);
    if (!d) throw notFound('self-declaration', id);
    const versions = await this.db.query(
      `SELECT id, version, status, published_at AS "publishedAt" FROM self_declarations WHERE series_id = $1 ORDER BY version`,
      [d.seriesId],
    );
    return { ...d, versions };
  }

  private async insert(tx: EntityManager, caller: Principal, dto: SelfDeclarationDto, seriesId: string, version: number): Promise<string> {
    const [standard] = await tx.query(`SELECT status FROM standards WHERE id = $1`, [dto.standardId]);
    if (!standard) throw fieldError('REFERENCE_NOT_FOUND', 'standardId', 'no standard with this id');
    if (standard.status === 'withdrawn') throw fieldError('VALIDATION_FAILED', 'standardId', 'the standard is withdrawn');
    const [row] = await tx.query(
      `INSERT INTO self_declarations (series_id, version, enterprise_id, standard_id, product_name_zh, product_name_en, models, key_indicators, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [seriesId, version, caller.organizationId, dto.standardId, dto.productNameZh, dto.productNameEn ?? null, dto.models,
        JSON.stringify(dto.keyIndicators), caller.userId],
    );
    return row.id;
  }

  /** Another enterprise's declaration is "not found" for changes, though it is public to read. */
  private async lockOwn(tx: EntityManager, caller: Principal, id: string): Promise<{ status: 'published' | 'superseded' | 'withdrawn'; series_id: string }> {
    const [d] = await tx.query(`SELECT status, series_id FROM self_declarations WHERE id = $1 AND enterprise_id = $2 FOR UPDATE`, [
      id, caller.organizationId,
    ]);
    if (!d) throw notFound('self-declaration', id);
    return d;
  }
}
