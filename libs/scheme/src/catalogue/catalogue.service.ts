import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository, SelectQueryBuilder } from 'typeorm';
import { containsPattern, DomainError, fieldError, notFound, Page, pageOf, FIELD_RULES } from '@app/shared';
import { isRegulator, Principal } from '@app/identity';
import { ProductCategory } from '../categories/category.entity';
import { batchMachine, EntryAction, entryMachine } from '../scheme.machines';
import { Standard, StandardCategory } from '../standards/standard.entity';
import { BatchQuery, CreateBatchDto, CreateEntryDto, EntryQuery } from './catalogue.dto';
import { CatalogueBatch, CatalogueEntry, CatalogueEntryStandard } from './catalogue.entity';
import { BatchView, EntryStandardRef, EntryView } from './catalogue.view';

/** The catalogue of product and service types opened for certification, published in batches. */
@Injectable()
export class CatalogueService {
  constructor(
    private readonly db: DataSource,
    @InjectRepository(CatalogueBatch) private readonly batches: Repository<CatalogueBatch>,
    @InjectRepository(CatalogueEntry) private readonly entries: Repository<CatalogueEntry>,
    @InjectRepository(CatalogueEntryStandard) private readonly entryStandards: Repository<CatalogueEntryStandard>,
  ) {}

  async createBatch(dto: CreateBatchDto): Promise<BatchView> {
    const batch = await this.batches.save(this.batches.create({ number: dto.number, titleZh: dto.titleZh, titleEn: dto.titleEn ?? null }));
    return BatchView.of(batch, 0);
  }

  async listBatches(caller: Principal, q: BatchQuery): Promise<Page<BatchView>> {
    const qb = this.visibleBatches(this.batches.createQueryBuilder('b'), caller)
      .orderBy('b.createdAt', 'DESC')
      .addOrderBy('b.number', 'DESC')
      .offset(q.offset)
      .limit(q.pageSize);
    if (q.status) qb.andWhere('b.status = :status', { status: q.status });
    const [rows, total] = await qb.getManyAndCount();
    const counts = await this.entryCounts(rows.map((b) => b.id));
    return pageOf(
      rows.map((b) => BatchView.of(b, counts.get(b.id) ?? 0)),
      total,
      q,
    );
  }

  /** A draft batch is the regulator's work in progress: "not found" to anyone else. */
  async batch(caller: Principal, id: string): Promise<BatchView> {
    const batch = await this.visibleBatches(this.batches.createQueryBuilder('b'), caller).andWhere('b.id = :id', { id }).getOne();
    if (!batch) throw notFound('catalogue batch', id);
    return BatchView.of(batch, (await this.entryCounts([id])).get(id) ?? 0);
  }

  /**
   * Adds an entry to a draft batch. Its standards must be current and apply to its category. The
   * batch row stays locked until commit, so an entry cannot slip into a batch being published.
   */
  async addEntry(caller: Principal, batchId: string, dto: CreateEntryDto): Promise<EntryView> {
    const id = await this.db.transaction(async (tx) => {
      const batch = await tx.getRepository(CatalogueBatch).findOne({ where: { id: batchId }, lock: { mode: 'pessimistic_write' } });
      if (!batch) throw notFound('catalogue batch', batchId);
      batchMachine.next(batch.status, 'add_entry');
      if (!(await tx.getRepository(ProductCategory).existsBy({ code: dto.categoryCode }))) {
        throw fieldError('REFERENCE_NOT_FOUND', 'categoryCode', `unknown product category ${dto.categoryCode}`, FIELD_RULES.unknownCategory(dto.categoryCode));
      }
      const applicable = await tx
        .getRepository(Standard)
        .createQueryBuilder('s')
        .innerJoin(StandardCategory, 'sc', 'sc.standardId = s.id AND sc.categoryCode = :category', { category: dto.categoryCode })
        .where('s.id IN (:...ids)', { ids: dto.standardIds })
        .andWhere(`s.status = 'current'`)
        .select('s.id', 'id')
        .getRawMany<{ id: string }>();
      const wrong = dto.standardIds.filter((s) => !applicable.some((a) => a.id === s));
      if (wrong.length) {
        throw fieldError('VALIDATION_FAILED', 'standardIds', `not current standards of category ${dto.categoryCode}: ${wrong.join(', ')}`);
      }
      // A group standard enters the catalogue only after passing the advancedness evaluation (先进性评价): its latest one passed.
      const unevaluated: { id: string }[] = await tx.query(
        `SELECT s.id FROM standards s WHERE s.id = ANY($1::uuid[]) AND s.kind = 'group'
            AND (SELECT e.outcome FROM advancedness_evaluations e WHERE e.standard_id = s.id
                  ORDER BY e.evaluated_on DESC, e.created_at DESC LIMIT 1) IS DISTINCT FROM 'passed'`,
        [dto.standardIds],
      );
      if (unevaluated.length) {
        const reason = `group standards without a passed advancedness evaluation: ${unevaluated.map((s) => s.id).join(', ')}`;
        throw new DomainError('RULE_VIOLATION', `standardIds: ${reason}`, { rule: 'not_evaluated', standardIds: unevaluated.map((s) => s.id) }, [
          { field: 'standardIds', reasons: [reason] },
        ]);
      }
      const entry = await tx.getRepository(CatalogueEntry).save(
        tx.getRepository(CatalogueEntry).create({
          batchId,
          categoryCode: dto.categoryCode,
          kind: dto.kind,
          nameZh: dto.nameZh,
          nameEn: dto.nameEn ?? null,
          evaluationRules: dto.evaluationRules,
          surveillanceIntervalMonths: dto.surveillanceIntervalMonths ?? 12,
        }),
      );
      await tx.getRepository(CatalogueEntryStandard).insert(dto.standardIds.map((standardId) => ({ entryId: entry.id, standardId })));
      return entry.id;
    });
    return this.entry(caller, id);
  }

  /** Publishes a draft batch once; an empty batch would open nothing, so it is refused. */
  async publish(caller: Principal, batchId: string): Promise<BatchView> {
    await this.db.transaction(async (tx) => {
      const repo = tx.getRepository(CatalogueBatch);
      const batch = await repo.findOne({ where: { id: batchId }, lock: { mode: 'pessimistic_write' } });
      if (!batch) throw notFound('catalogue batch', batchId);
      const status = batchMachine.next(batch.status, 'publish');
      if (!(await tx.getRepository(CatalogueEntry).existsBy({ batchId }))) {
        throw new DomainError('RULE_VIOLATION', `catalogue batch ${batch.number} has no entries: add at least one before publishing`, {
          rule: 'empty_batch',
          number: batch.number,
          batchId,
        });
      }
      await repo.update({ id: batchId }, { status, publishedAt: () => 'now()' });
    });
    return this.batch(caller, batchId);
  }

  async listEntries(caller: Principal, q: EntryQuery): Promise<Page<EntryView>> {
    const qb = this.entriesWithBatch(caller).orderBy('e.categoryCode').addOrderBy('e.nameZh').addOrderBy('e.id').offset(q.offset).limit(q.pageSize);
    if (q.categoryCode) qb.andWhere('e.categoryCode = :categoryCode', { categoryCode: q.categoryCode });
    if (q.kind) qb.andWhere('e.kind = :kind', { kind: q.kind });
    if (q.batchId) qb.andWhere('e.batchId = :batchId', { batchId: q.batchId });
    if (q.status) qb.andWhere('e.status = :status', { status: q.status });
    if (q.q) qb.andWhere('(e.nameZh ILIKE :q OR e.nameEn ILIKE :q)', { q: containsPattern(q.q) });
    const [rows, total] = await qb.getManyAndCount();
    const standards = await this.standardsOf(rows.map((e) => e.id));
    return pageOf(
      rows.map((e) => EntryView.of(e, e.batch!, standards.get(e.id) ?? [])),
      total,
      q,
    );
  }

  /** An entry of a draft batch is "not found" to anyone but the regulator. */
  async entry(caller: Principal, id: string): Promise<EntryView> {
    const entry = await this.entriesWithBatch(caller).andWhere('e.id = :id', { id }).getOne();
    if (!entry) throw notFound('catalogue entry', id);
    return EntryView.of(entry, entry.batch!, (await this.standardsOf([id])).get(id) ?? []);
  }

  /** close or reopen; the row lock makes concurrent changes take turns, so the second gets a 409. */
  async changeEntry(caller: Principal, id: string, action: EntryAction): Promise<EntryView> {
    await this.db.transaction(async (tx) => {
      const repo = tx.getRepository(CatalogueEntry);
      const entry = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!entry) throw notFound('catalogue entry', id);
      await repo.update({ id }, { status: entryMachine.next(entry.status, action) });
    });
    return this.entry(caller, id);
  }

  private visibleBatches(qb: SelectQueryBuilder<CatalogueBatch>, caller: Principal): SelectQueryBuilder<CatalogueBatch> {
    return isRegulator(caller) ? qb : qb.andWhere(`b.status = 'published'`);
  }

  private entriesWithBatch(caller: Principal): SelectQueryBuilder<CatalogueEntry> {
    const qb = this.entries.createQueryBuilder('e').innerJoinAndMapOne('e.batch', CatalogueBatch, 'b', 'b.id = e.batchId');
    return isRegulator(caller) ? qb : qb.andWhere(`b.status = 'published'`);
  }

  private async entryCounts(batchIds: string[]): Promise<Map<string, number>> {
    if (!batchIds.length) return new Map();
    const rows = await this.entries
      .createQueryBuilder('e')
      .select('e.batchId', 'batchId')
      .addSelect('count(*)::int', 'count')
      .where('e.batchId IN (:...batchIds)', { batchIds })
      .groupBy('e.batchId')
      .getRawMany<{ batchId: string; count: number }>();
    return new Map(rows.map((r) => [r.batchId, r.count]));
  }

  /** The standards of a page of entries, in one query. */
  private async standardsOf(entryIds: string[]): Promise<Map<string, EntryStandardRef[]>> {
    const byEntry = new Map<string, EntryStandardRef[]>();
    if (!entryIds.length) return byEntry;
    const rows = await this.entryStandards
      .createQueryBuilder('l')
      .innerJoin(Standard, 's', 's.id = l.standardId')
      .select('l.entryId', 'entryId')
      .addSelect('s.id', 'id')
      .addSelect('s.code', 'code')
      .addSelect('s.version', 'version')
      .addSelect('s.titleZh', 'titleZh')
      .where('l.entryId IN (:...entryIds)', { entryIds })
      .orderBy('s.code')
      .addOrderBy('s.version')
      .getRawMany<EntryStandardRef & { entryId: string }>();
    for (const { entryId, ...standard } of rows) byEntry.set(entryId, [...(byEntry.get(entryId) ?? []), standard]);
    return byEntry;
  }
}
