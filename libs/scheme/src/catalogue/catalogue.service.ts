import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, fieldError, notFound, Page, pageOf, containsPattern } from '@app/shared';
import { isRegulator, Principal } from '@app/identity';
import { batchMachine, entryMachine } from '../scheme.machines';
import { BatchQuery, CreateBatchDto, CreateEntryDto, EntryQuery } from './catalogue.dto';

const BATCH_VIEW = `
  SELECT b.id, b.number, b.title_zh AS "titleZh", b.title_en AS "titleEn", b.status, b.published_at AS "publishedAt",
         (SELECT count(*)::int FROM catalogue_entries e WHERE e.batch_id = b.id) AS "entryCount"
    FROM catalogue_batches b`;

const ENTRY_VIEW = `
  SELECT e.id, e.batch_id AS "batchId", b.number AS "batchNumber", e.category_code AS "categoryCode", e.kind,
         e.name_zh AS "nameZh", e.name_en AS "nameEn", e.evaluation_rules AS "evaluationRules", e.status,
         (SELECT coalesce(json_agg(json_build_object('id', s.id, 'code', s.code, 'version', s.version, 'titleZh', s.title_zh)
                                   ORDER BY s.code), '[]')
            FROM catalogue_entry_standards ces JOIN standards s ON s.id = ces.standard_id WHERE ces.entry_id = e.id) AS standards
    FROM catalogue_entries e JOIN catalogue_batches b ON b.id = e.batch_id`;

/** Only the regulator sees batches still being assembled. */
const publishedUnlessRegulator = (caller: Principal) => (isRegulator(caller) ? 'TRUE' : `b.status = 'published'`);

/** The catalogue of product and service types opened for certification, published in batches. */
@Injectable()
export class CatalogueService {
  constructor(private readonly db: DataSource) {}

  async createBatch(dto: CreateBatchDto): Promise<Record<string, unknown>> {
    const [b] = await this.db.query(`INSERT INTO catalogue_batches (number, title_zh, title_en) VALUES ($1, $2, $3) RETURNING id`, [
      dto.number, dto.titleZh, dto.titleEn ?? null,
    ]);
    return this.batch(b.id);
  }

  async batch(id: string, caller?: Principal): Promise<Record<string, unknown>> {
    const [b] = await this.db.query(`${BATCH_VIEW} WHERE b.id = $1 AND ${caller ? publishedUnlessRegulator(caller) : 'TRUE'}`, [id]);
    if (!b) throw notFound('catalogue batch', id);
    return b;
  }

  async listBatches(caller: Principal, q: BatchQuery): Promise<Page<Record<string, unknown>>> {
    const params: unknown[] = [];
    const where = [publishedUnlessRegulator(caller)];
    if (q.status) where.push(`b.status = $${params.push(q.status)}`);
    const sql = where.join(' AND ');
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM catalogue_batches b WHERE ${sql}`, params);
    const items = await this.db.query(`${BATCH_VIEW} WHERE ${sql} ORDER BY b.number DESC LIMIT ${q.pageSize} OFFSET ${q.offset}`, params);
    return pageOf(items, total, q);
  }

  /** Adds an entry to a draft batch; its standards must apply to its category. */
  async addEntry(batchId: string, dto: CreateEntryDto): Promise<Record<string, unknown>> {
    const id = await this.db.transaction(async (tx) => {
      const [b] = await tx.query(`SELECT status FROM catalogue_batches WHERE id = $1 FOR UPDATE`, [batchId]);
      if (!b) throw notFound('catalogue batch', batchId);
      batchMachine.next(b.status, 'add_entry');
      const [category] = await tx.query(`SELECT 1 FROM product_categories WHERE code = $1`, [dto.categoryCode]);
      if (!category) throw fieldError('REFERENCE_NOT_FOUND', 'categoryCode', `unknown product category ${dto.categoryCode}`);
      const applicable: { id: string }[] = await tx.query(
        `SELECT s.id FROM standards s JOIN standard_categories sc ON sc.standard_id = s.id
          WHERE s.id = ANY($1) AND sc.category_code = $2 AND s.status = 'current'`,
        [dto.standardIds, dto.categoryCode],
      );
      const wrong = dto.standardIds.filter((s) => !applicable.some((a) => a.id === s));
      if (wrong.length) {
        throw fieldError('VALIDATION_FAILED', 'standardIds', `not current standards of category ${dto.categoryCode}: ${wrong.join(', ')}`);
      }
      const [e] = await tx.query(
        `INSERT INTO catalogue_entries (batch_id, category_code, kind, name_zh, name_en, evaluation_rules) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [batchId, dto.categoryCode, dto.kind, dto.nameZh, dto.nameEn ?? null, dto.evaluationRules],
      );
      await tx.query(`INSERT INTO catalogue_entry_standards (entry_id, standard_id) SELECT $1, unnest($2::uuid[])`, [e.id, dto.standardIds]);
      return e.id as string;
    });
    const [entry] = await this.db.query(`${ENTRY_VIEW} WHERE e.id = $1`, [id]);
    return entry;
  }

  async publish(batchId: string): Promise<Record<string, unknown>> {
    await this.db.transaction(async (tx) => {
      const [b] = await tx.query(
        `SELECT status, (SELECT count(*)::int FROM catalogue_entries WHERE batch_id = $1) AS entries FROM catalogue_batches WHERE id = $1 FOR UPDATE`,
        [batchId],
      );
      if (!b) throw notFound('catalogue batch', batchId);
      const to = batchMachine.next(b.status, 'publish');
      if (!b.entries) throw new DomainError('RULE_VIOLATION', 'a catalogue batch without entries cannot be published');
      await tx.query(`UPDATE catalogue_batches SET status = $2, published_at = now() WHERE id = $1`, [batchId, to]);
    });
    return this.batch(batchId);
  }

  async listEntries(caller: Principal, q: EntryQuery): Promise<Page<Record<string, unknown>>> {
    const params: unknown[] = [];
    const where = [publishedUnlessRegulator(caller)];
    if (q.categoryCode) where.push(`e.category_code = $${params.push(q.categoryCode)}`);
    if (q.kind) where.push(`e.kind = $${params.push(q.kind)}`);
    if (q.batchId) where.push(`e.batch_id = $${params.push(q.batchId)}`);
    if (q.status) where.push(`e.status = $${params.push(q.status)}`);
    if (q.q) where.push(`(e.name_zh ILIKE $${params.push(containsPattern(q.q))} OR e.name_en ILIKE $${params.length})`);
    const sql = where.join(' AND ');
    const [{ total }] = await this.db.query(
      `SELECT count(*)::int AS total FROM catalogue_entries e JOIN catalogue_batches b ON b.id = e.batch_id WHERE ${sql}`,
      params,
    );
    const items = await this.db.query(`${ENTRY_VIEW} WHERE ${sql} ORDER BY e.category_code, e.name_zh LIMIT ${q.pageSize} OFFSET ${q.offset}`, params);
    return pageOf(items, total, q);
  }

  async entry(caller: Principal, id: string): Promise<Record<string, unknown>> {
    const [e] = await this.db.query(`${ENTRY_VIEW} WHERE e.id = $1 AND ${publishedUnlessRegulator(caller)}`, [id]);
    if (!e) throw notFound('catalogue entry', id);
    return e;
  }

  async changeEntry(caller: Principal, id: string, action: 'close' | 'reopen'): Promise<Record<string, unknown>> {
    await this.db.transaction(async (tx) => {
      const [e] = await tx.query(`SELECT status FROM catalogue_entries WHERE id = $1 FOR UPDATE`, [id]);
      if (!e) throw notFound('catalogue entry', id);
      await tx.query(`UPDATE catalogue_entries SET status = $2 WHERE id = $1`, [id, entryMachine.next(e.status, action)]);
    });
    return this.entry(caller, id);
  }
}
