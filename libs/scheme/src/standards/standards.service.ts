import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { containsPattern, DomainError, notFound, Page, pageOf } from '@app/shared';
import { enqueue } from '@app/queue';
import { assertCategoriesExist } from '../categories/known-categories';
import { StandardAction, standardMachine } from '../scheme.machines';
import { flagStandardWithdrawal, startStandardTransition } from '../follow-up-work';
import { assertOrganization } from '../scheme.references';
import { requirementProblems } from './requirement-rules';
import { CreateStandardDto, StandardQuery } from './standard.dto';
import { Requirement, Standard, StandardCategory } from './standard.entity';
import { RequirementView, StandardSummary, StandardView } from './standard.view';

/** Standards and their requirements: what catalogue entries name and audits are scored against. */
@Injectable()
export class StandardsService {
  constructor(
    private readonly db: DataSource,
    @InjectRepository(Standard) private readonly standards: Repository<Standard>,
    @InjectRepository(StandardCategory) private readonly links: Repository<StandardCategory>,
    @InjectRepository(Requirement) private readonly requirements: Repository<Requirement>,
  ) {}

  /** A standard, its categories and its requirements, in one transaction. */
  async create(dto: CreateStandardDto): Promise<StandardView> {
    const problems = requirementProblems(dto.requirements);
    if (problems.length) {
      const summary = problems.map((p) => `${p.field}: ${p.reasons.join('; ')}`).join(' | ');
      throw new DomainError('VALIDATION_FAILED', `Invalid input — ${summary}`, undefined, problems);
    }
    const id = await this.db.transaction(async (tx) => {
      await assertCategoriesExist(tx, 'categoryCodes', dto.categoryCodes);
      if (dto.issuerOrganizationId) {
        await assertOrganization(tx, 'issuerOrganizationId', dto.issuerOrganizationId);
      }
      const standard = await tx.getRepository(Standard).save(
        tx.getRepository(Standard).create({
          code: dto.code,
          version: dto.version,
          titleZh: dto.titleZh,
          titleEn: dto.titleEn ?? null,
          kind: dto.kind,
          issuer: dto.issuer,
          issuerOrganizationId: dto.issuerOrganizationId ?? null,
          publishedOn: dto.publishedOn ?? null,
        }),
      );
      await tx.getRepository(StandardCategory).insert(dto.categoryCodes.map((categoryCode) => ({ standardId: standard.id, categoryCode })));
      await tx.getRepository(Requirement).insert(
        dto.requirements.map((r, i) => ({
          standardId: standard.id,
          position: i + 1,
          clause: r.clause,
          textZh: r.textZh,
          textEn: r.textEn ?? null,
          kind: r.kind,
          unit: r.unit ?? null,
          min: r.min ?? null,
          max: r.max ?? null,
          critical: r.critical,
          parameterZh: r.parameterZh ?? null,
          parameterEn: r.parameterEn ?? null,
        })),
      );
      return standard.id;
    });
    return this.get(id);
  }

  async list(q: StandardQuery): Promise<Page<StandardSummary>> {
    const qb = this.standards.createQueryBuilder('s').orderBy('s.code').addOrderBy('s.version', 'DESC').offset(q.offset).limit(q.pageSize);
    if (q.categoryCode) {
      qb.andWhere('EXISTS (SELECT 1 FROM standard_categories sc WHERE sc.standard_id = s.id AND sc.category_code = :categoryCode)', {
        categoryCode: q.categoryCode,
      });
    }
    if (q.kind) qb.andWhere('s.kind = :kind', { kind: q.kind });
    if (q.status) qb.andWhere('s.status = :status', { status: q.status });
    if (q.q) qb.andWhere('(s.code ILIKE :q OR s.titleZh ILIKE :q OR s.titleEn ILIKE :q)', { q: containsPattern(q.q) });
    const [rows, total] = await qb.getManyAndCount();
    const codes = await this.categoryCodesOf(rows.map((s) => s.id));
    return pageOf(
      rows.map((s) => StandardSummary.of(s, codes.get(s.id) ?? [])),
      total,
      q,
    );
  }

  async get(id: string): Promise<StandardView> {
    const standard = await this.standards.findOneBy({ id });
    if (!standard) throw notFound('standard', id);
    const [codes, requirements] = await Promise.all([
      this.categoryCodesOf([id]),
      this.requirements.find({ where: { standardId: id }, order: { position: 'ASC' } }),
    ]);
    return { ...StandardSummary.of(standard, codes.get(id) ?? []), requirements: requirements.map(RequirementView.of) };
  }

  /**
   * The regulator's supersede or withdraw; the row lock makes concurrent changes take turns, so the
   * second gets a 409. A group standard published on the platform belongs to its association: it is
   * revised or withdrawn at the association's review (group-standards), never here, or its own record
   * would still say published.
   */
  async change(id: string, action: StandardAction): Promise<StandardView> {
    await this.db.transaction(async (tx) => {
      const [owned] = await tx.query(`SELECT number FROM group_standards WHERE standard_id = $1`, [id]);
      if (owned) {
        throw new DomainError('RULE_VIOLATION', `${owned.number} is a group standard: its association revises or withdraws it at review (复审)`, {
          rule: 'group_standard_row',
          number: owned.number,
          standardId: id,
        });
      }
      await changeStandard(tx, id, action);
    });
    return this.get(id);
  }

  /** The categories of a page of standards, in one query. */
  private async categoryCodesOf(ids: string[]): Promise<Map<string, string[]>> {
    const byStandard = new Map<string, string[]>();
    if (!ids.length) return byStandard;
    const links = await this.links.find({ where: { standardId: In(ids) }, order: { categoryCode: 'ASC' } });
    for (const l of links) byStandard.set(l.standardId, [...(byStandard.get(l.standardId) ?? []), l.categoryCode]);
    return byStandard;
  }
}

/**
 * supersede or withdraw a standard inside the caller's transaction: the one path every change of a
 * standard takes (the regulator's, a group standard's revision or withdrawal), so its certificates
 * always follow. The row lock makes concurrent changes take turns, so the second gets a 409.
 */
export async function changeStandard(tx: EntityManager, id: string, action: StandardAction): Promise<void> {
  const repo = tx.getRepository(Standard);
  const standard = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!standard) throw notFound('standard', id);
  await repo.update({ id }, { status: standardMachine.next(standard.status, action) });
  if (action === 'supersede') {
    // Its certificates move to the new version by a deadline counted from today (issue 11): the worker sets them.
    await tx.query(`UPDATE standards SET superseded_at = now() WHERE id = $1`, [id]);
    await enqueue(tx, startStandardTransition(id));
  } else {
    // Its certificates rely on a withdrawn standard: the worker flags them and tells their bodies.
    await enqueue(tx, flagStandardWithdrawal(id));
  }
}
