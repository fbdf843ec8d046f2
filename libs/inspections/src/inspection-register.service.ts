import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { pagedQuery } from '@app/persistence';
import { fieldError, notFound, Page, PageQuery } from '@app/shared';
import { AddTargetDto, CreateInspectorDto, CreateMatterDto, DeclareInspectorConflictDto, TargetKind, TargetQuery, UpdateInspectorDto } from './inspection.dto';
import { InspectorView, MatterView, TargetSyncView, TargetView } from './inspection.view';
import { RiskClass } from './draw/inspection-draw';
import { ENTERPRISE_JSON, LIVE_SUBJECTS, TARGET_LABEL } from './inspection-sql';

const MATTER_VIEW = `SELECT m.id, m.code, m.name_zh AS "nameZh", m.name_en AS "nameEn", m.legal_basis AS "legalBasis", m.target_kinds AS "targetKinds",
                            m.created_at AS "createdAt" FROM inspection_matters m`;

const TARGET_VIEW = `SELECT t.id, t.kind, t.subject_id AS "subjectId", ${TARGET_LABEL} AS label, ${ENTERPRISE_JSON} AS enterprise,
                            t.risk_class AS "riskClass", t.created_at AS "createdAt", t.updated_at AS "updatedAt"
                       FROM inspection_targets t JOIN organizations e ON e.id = t.enterprise_id`;

const INSPECTOR_VIEW = `SELECT i.id, i.name, i.unit, i.badge_number AS "badgeNumber", i.active,
         COALESCE((SELECT json_agg(json_build_object('enterpriseId', k.enterprise_id, 'enterpriseNameZh', o.name_zh, 'reason', k.reason,
                                                     'declaredAt', k.declared_at) ORDER BY k.declared_at, k.enterprise_id)
                     FROM inspector_conflicts k JOIN organizations o ON o.id = k.enterprise_id WHERE k.inspector_id = i.id), '[]') AS conflicts
    FROM inspectors i`;

const SUBJECT_KEY: Record<TargetKind, string> = { declaration: 'd.id', certificate: 'c.id', holder: 'o.id' };

/**
 * The regulator's three registers of random inspections: the checklist of inspectable matters
 * (随机抽查事项清单), the targets (检查对象名录库: only rows the platform holds) with their risk class, and
 * the law-enforcement inspectors (执法检查人员名录库) with the enterprises each declared a conflict with.
 */
@Injectable()
export class InspectionRegisterService {
  constructor(private readonly db: DataSource) {}

  async createMatter(dto: CreateMatterDto): Promise<MatterView> {
    const [exists] = await this.db.query(`SELECT 1 FROM inspection_matters WHERE code = $1`, [dto.code]);
    if (exists) throw fieldError('ALREADY_EXISTS', 'code', `a matter with code ${dto.code} exists already`);
    const [row] = await this.db.query(
      `INSERT INTO inspection_matters (code, name_zh, name_en, legal_basis, target_kinds) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (code) DO NOTHING RETURNING id`,
      [dto.code, dto.nameZh, dto.nameEn ?? null, dto.legalBasis, dto.targetKinds],
    );
    if (!row) throw fieldError('ALREADY_EXISTS', 'code', `a matter with code ${dto.code} exists already`);
    return this.matter(row.id);
  }

  async listMatters(q: PageQuery): Promise<Page<MatterView>> {
    return pagedQuery(this.db, { select: MATTER_VIEW, countFrom: 'inspection_matters m', where: 'true', orderBy: 'm.code', params: [] }, q);
  }

  async matter(id: string): Promise<MatterView> {
    const [row] = await this.db.query(`${MATTER_VIEW} WHERE m.id = $1`, [id]);
    if (!row) throw notFound('inspection matter', id);
    return row;
  }

  /** Registers a platform row as a target, or sets the risk class of one registered already; an id that names no live row of its kind is a 400. */
  async addTarget(dto: AddTargetDto): Promise<TargetView> {
    const [subject] = await this.db.query(`${LIVE_SUBJECTS[dto.kind]} AND ${SUBJECT_KEY[dto.kind]} = $1`, [dto.subjectId]);
    if (!subject) throw fieldError('REFERENCE_NOT_FOUND', 'subjectId', `no ${this.describe(dto.kind)} with id ${dto.subjectId}`);
    const [row] = await this.db.query(
      `INSERT INTO inspection_targets (kind, subject_id, enterprise_id, risk_class) VALUES ($1, $2, $3, $4)
       ON CONFLICT (kind, subject_id) DO UPDATE SET risk_class = EXCLUDED.risk_class, updated_at = now() RETURNING id`,
      [dto.kind, dto.subjectId, subject.enterprise_id, dto.riskClass],
    );
    return this.target(row.id);
  }

  /** Loads every live row of a kind not yet registered, at the given risk class (the regulator then raises the risky ones). */
  async syncTargets(kind: TargetKind, riskClass: RiskClass): Promise<TargetSyncView> {
    const rows: unknown[] = await this.db.query(
      `INSERT INTO inspection_targets (kind, subject_id, enterprise_id, risk_class)
       SELECT $1, s.id, s.enterprise_id, $2 FROM (${LIVE_SUBJECTS[kind]}) s
       ON CONFLICT (kind, subject_id) DO NOTHING RETURNING id`,
      [kind, riskClass],
    );
    return { added: rows.length };
  }

  async listTargets(q: TargetQuery): Promise<Page<TargetView>> {
    const params: unknown[] = [];
    const where = ['true'];
    if (q.kind) where.push(`t.kind = $${params.push(q.kind)}`);
    if (q.riskClass) where.push(`t.risk_class = $${params.push(q.riskClass)}`);
    if (q.enterpriseId) where.push(`t.enterprise_id = $${params.push(q.enterpriseId)}`);
    return pagedQuery(
      this.db,
      { select: TARGET_VIEW, countFrom: 'inspection_targets t', where: where.join(' AND '), orderBy: 't.risk_class, t.created_at, t.id', params },
      q,
    );
  }

  async target(id: string): Promise<TargetView> {
    const [row] = await this.db.query(`${TARGET_VIEW} WHERE t.id = $1`, [id]);
    if (!row) throw notFound('inspection target', id);
    return row;
  }

  async createInspector(dto: CreateInspectorDto): Promise<InspectorView> {
    const [row] = await this.db.query(
      `INSERT INTO inspectors (name, unit, badge_number) VALUES ($1, $2, $3) ON CONFLICT (badge_number) DO NOTHING RETURNING id`,
      [dto.name, dto.unit, dto.badgeNumber],
    );
    if (!row) throw fieldError('ALREADY_EXISTS', 'badgeNumber', `an inspector with badge number ${dto.badgeNumber} is registered already`);
    return this.inspector(row.id);
  }

  async updateInspector(id: string, dto: UpdateInspectorDto): Promise<InspectorView> {
    const [, count] = await this.db.query(
      `UPDATE inspectors SET name = COALESCE($2, name), unit = COALESCE($3, unit), active = COALESCE($4, active) WHERE id = $1`,
      [id, dto.name ?? null, dto.unit ?? null, dto.active ?? null],
    );
    if (!count) throw notFound('inspector', id);
    return this.inspector(id);
  }

  /** A declared conflict: the inspector is never drawn for a target of that enterprise (in plans committed from now on). */
  async declareConflict(id: string, dto: DeclareInspectorConflictDto): Promise<InspectorView> {
    await this.db.transaction(async (tx) => {
      const [inspector] = await tx.query(`SELECT id FROM inspectors WHERE id = $1 FOR UPDATE`, [id]);
      if (!inspector) throw notFound('inspector', id);
      await this.assertEnterprise(tx, dto.enterpriseId);
      const [row] = await tx.query(
        `INSERT INTO inspector_conflicts (inspector_id, enterprise_id, reason) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING inspector_id`,
        [id, dto.enterpriseId, dto.reason],
      );
      if (!row) throw fieldError('ALREADY_EXISTS', 'enterpriseId', 'the inspector declared a conflict with this enterprise already');
    });
    return this.inspector(id);
  }

  async listInspectors(q: PageQuery): Promise<Page<InspectorView>> {
    return pagedQuery(this.db, { select: INSPECTOR_VIEW, countFrom: 'inspectors i', where: 'true', orderBy: 'i.badge_number, i.id', params: [] }, q);
  }

  async inspector(id: string): Promise<InspectorView> {
    const [row] = await this.db.query(`${INSPECTOR_VIEW} WHERE i.id = $1`, [id]);
    if (!row) throw notFound('inspector', id);
    return row;
  }

  private async assertEnterprise(tx: EntityManager, id: string): Promise<void> {
    const [org] = await tx.query(`SELECT 1 FROM organizations WHERE id = $1 AND kind = 'enterprise'`, [id]);
    if (!org) throw fieldError('REFERENCE_NOT_FOUND', 'enterpriseId', `no enterprise with id ${id}`);
  }

  private describe(kind: TargetKind): string {
    return kind === 'declaration' ? 'published self-declaration' : kind === 'certificate' ? 'valid or suspended certificate' : 'enterprise';
  }
}
