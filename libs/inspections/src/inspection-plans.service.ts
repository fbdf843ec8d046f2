import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '@app/identity';
import { pagedQuery } from '@app/persistence';
import { enqueueMany, notify, planCertificateAudit } from '@app/queue';
import { DomainError, fieldError, notFound, Page } from '@app/shared';
import {
  commitmentOf,
  DRAW_ALGORITHM,
  DrawImpossible,
  drawInspection,
  DrawInput,
  inspectorsHash,
  PopulationInspector,
  PopulationTarget,
  populationHash,
  RiskClass,
} from './draw/inspection-draw';
import { CreatePlanDto, PlanQuery, PublicPlanQuery, RecordResultDto, TargetKind } from './inspection.dto';
import { PlanAction, planMachine, PlanStatus, PUBLIC_PLAN_STATUSES, RESULTS_PUBLIC_STATUSES } from './inspection-plan.machine';
import { ENTERPRISE_JSON, LIVE_SUBJECTS, TARGET_LABEL } from './inspection-sql';
import { DrawnTargetView, DrawResultEntry, EnterpriseInspectionResult, PlanView, PublicPlanSummary, PublicPlanView, VerificationView } from './inspection.view';

/** The Shenzhen calendar date (as libs/certification/src/shenzhen-date.ts): inspection dates are Shenzhen dates. */
const SHENZHEN_TODAY = "(now() AT TIME ZONE 'Asia/Shanghai')::date";

const PLAN_VIEW = `
  SELECT p.id, p.name, p.year, p.status, p.rates, p.inspectors_per_target AS "inspectorsPerTarget", p.algorithm, p.commitment,
         CASE WHEN p.status IN ('draft', 'committed') THEN NULL ELSE p.seed END AS seed,
         p.population_hash AS "populationHash", p.inspectors_hash AS "inspectorsHash", jsonb_array_length(p.population) AS "populationSize",
         p.committed_at AS "committedAt", p.drawn_at AS "drawnAt", p.results_published_at AS "resultsPublishedAt", p.closed_at AS "closedAt",
         p.created_at AS "createdAt",
         (SELECT COALESCE(json_agg(json_build_object('id', m.id, 'code', m.code, 'nameZh', m.name_zh, 'nameEn', m.name_en) ORDER BY m.code), '[]')
            FROM inspection_matters m WHERE m.id = ANY (p.matter_ids)) AS matters
    FROM inspection_plans p`;

/** The drawn targets of a plan ($1), in draw order, with results when $2 is true. */
const DRAW_VIEW = `
  SELECT r.position, r.target_id AS "targetId", t.kind, t.subject_id AS "subjectId", ${TARGET_LABEL} AS label, ${ENTERPRISE_JSON} AS enterprise,
         r.risk_class AS "riskClass",
         (SELECT json_agg(json_build_object('id', i.id, 'name', i.name, 'unit', i.unit, 'badgeNumber', i.badge_number) ORDER BY x.ord)
            FROM unnest(r.inspector_ids) WITH ORDINALITY x(id, ord) JOIN inspectors i ON i.id = x.id) AS inspectors,
         CASE WHEN r.outcome IS NULL OR NOT $2::boolean THEN NULL
              ELSE json_build_object('outcome', r.outcome, 'inspectedOn', to_char(r.inspected_on, 'YYYY-MM-DD'),
                                     'inspectorsPresent', r.inspectors_present, 'findings', r.findings, 'recordedAt', r.recorded_at) END AS result
    FROM inspection_results r JOIN inspection_targets t ON t.id = r.target_id JOIN organizations e ON e.id = r.enterprise_id
   WHERE r.plan_id = $1 ORDER BY r.position`;

interface PlanState {
  id: string;
  name: string;
  status: PlanStatus;
  matter_ids: string[];
  rates: Record<RiskClass, number>;
  inspectors_per_target: number;
  seed: string | null;
  population: PopulationTarget[] | null;
  inspector_population: PopulationInspector[] | null;
}

const isPublic = (s: PlanStatus) => PUBLIC_PLAN_STATUSES.includes(s);

/**
 * Random inspection plans (双随机一公开): drafted by the regulator, committed to a secret seed whose
 * SHA-256 is published with the frozen population, drawn from that seed (then published), results
 * recorded per drawn target and published together. A nonconforming result on a certified product
 * tells the certificate's body and brings a special audit forward (certification plans it, through
 * the queue).
 */
@Injectable()
export class InspectionPlansService {
  constructor(private readonly db: DataSource) {}

  async create(caller: Principal, dto: CreatePlanDto): Promise<PlanView> {
    const known: { id: string }[] = await this.db.query(`SELECT id FROM inspection_matters WHERE id = ANY ($1::uuid[])`, [dto.matterIds]);
    const missing = dto.matterIds.findIndex((id) => !known.some((m) => m.id === id));
    if (missing >= 0) throw fieldError('REFERENCE_NOT_FOUND', `matterIds[${missing}]`, `no inspection matter with id ${dto.matterIds[missing]}`);
    const rates = { A: dto.rates.A, B: dto.rates.B, C: dto.rates.C, D: dto.rates.D };
    const [row] = await this.db.query(
      `INSERT INTO inspection_plans (name, year, matter_ids, rates, inspectors_per_target, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [dto.name, dto.year, dto.matterIds, rates, dto.inspectorsPerTarget, caller.userId],
    );
    return this.get(row.id);
  }

  async list(q: PlanQuery): Promise<Page<PlanView>> {
    const params: unknown[] = [];
    const where = ['true'];
    if (q.status) where.push(`p.status = $${params.push(q.status)}`);
    if (q.year) where.push(`p.year = $${params.push(q.year)}`);
    const page = await pagedQuery<Omit<PlanView, 'draw'>>(
      this.db,
      { select: PLAN_VIEW, countFrom: 'inspection_plans p', where: where.join(' AND '), orderBy: 'p.created_at DESC, p.id', params },
      q,
    );
    return { ...page, items: page.items.map((p) => ({ ...p, draw: [] })) };
  }

  /** The regulator's view: the draw with every result recorded so far. */
  async get(id: string): Promise<PlanView> {
    const [plan] = await this.db.query(`${PLAN_VIEW} WHERE p.id = $1`, [id]);
    if (!plan) throw notFound('inspection plan', id);
    return { ...plan, draw: await this.draw(id, true) };
  }

  /**
   * Commit: a fresh 32-byte seed, kept secret; its SHA-256 published with the population frozen in
   * id order (live targets of the kinds the plan's matters apply to, active inspectors with their
   * conflicts). Refused (422 naming the target) when some target could not get enough inspectors free
   * of conflict: a committed population cannot change, so such a plan could never be drawn.
   */
  async commit(id: string): Promise<PlanView> {
    await this.step(id, 'commit', async (tx, plan) => {
      const targets: PopulationTarget[] = await tx.query(
        `SELECT t.id, t.kind, t.subject_id AS "subjectId", t.enterprise_id AS "enterpriseId", t.risk_class AS "riskClass"
           FROM inspection_targets t
          WHERE t.kind IN (SELECT unnest(m.target_kinds) FROM inspection_matters m WHERE m.id = ANY ($1::uuid[]))
            AND (${(Object.keys(LIVE_SUBJECTS) as TargetKind[])
              .map((k) => `(t.kind = '${k}' AND t.subject_id IN (SELECT s.id FROM (${LIVE_SUBJECTS[k]}) s))`)
              .join(' OR ')})
          ORDER BY t.id`,
        [plan.matter_ids],
      );
      if (!targets.length)
        throw new DomainError('RULE_VIOLATION', 'no live target of the kinds the plan’s matters apply to is registered: nothing to draw from');
      const inspectors: PopulationInspector[] = await tx.query(
        `SELECT i.id, i.name, i.unit, i.badge_number AS "badgeNumber",
                ARRAY(SELECT k.enterprise_id::text FROM inspector_conflicts k WHERE k.inspector_id = i.id ORDER BY k.enterprise_id::text COLLATE "C") AS conflicts
           FROM inspectors i WHERE i.active ORDER BY i.id::text COLLATE "C"`,
      );
      for (const t of targets) {
        const free = inspectors.filter((i) => !i.conflicts.includes(t.enterpriseId)).length;
        if (free < plan.inspectors_per_target) throw this.impossible(new DrawImpossible(t.id, free, plan.inspectors_per_target));
      }
      const seed = randomBytes(32).toString('hex');
      await tx.query(
        `UPDATE inspection_plans SET algorithm = $2, seed = $3, commitment = $4, population = $5, population_hash = $6, inspector_population = $7,
                inspectors_hash = $8, committed_at = now() WHERE id = $1`,
        [
          plan.id,
          DRAW_ALGORITHM,
          seed,
          commitmentOf(seed),
          JSON.stringify(targets),
          populationHash(targets),
          JSON.stringify(inspectors),
          inspectorsHash(inspectors),
        ],
      );
    });
    return this.get(id);
  }

  /** The draw, from the committed seed and population (the function anyone can re-run); the seed is public from now on. */
  async drawPlan(id: string): Promise<PlanView> {
    await this.step(id, 'draw', async (tx, plan) => {
      let drawn;
      try {
        drawn = drawInspection(this.inputOf(plan));
      } catch (e) {
        throw e instanceof DrawImpossible ? this.impossible(e) : e;
      }
      const enterprises = new Map(plan.population!.map((t) => [t.id, t.enterpriseId]));
      if (drawn.length) {
        await tx.query(
          `INSERT INTO inspection_results (plan_id, position, target_id, enterprise_id, risk_class, inspector_ids)
           SELECT $1, x.position, x.target_id, x.enterprise_id, x.risk_class, x.inspector_ids
             FROM jsonb_to_recordset($2::jsonb) AS x(position int, target_id uuid, enterprise_id uuid, risk_class text, inspector_ids uuid[])`,
          [
            plan.id,
            JSON.stringify(
              drawn.map((d, i) => ({
                position: i + 1,
                target_id: d.targetId,
                enterprise_id: enterprises.get(d.targetId),
                risk_class: d.riskClass,
                inspector_ids: `{${d.inspectorIds.join(',')}}`,
              })),
            ),
          ],
        );
      }
      await tx.query(`UPDATE inspection_plans SET drawn_at = now() WHERE id = $1`, [plan.id]);
    });
    return this.get(id);
  }

  /**
   * One drawn target's result, once: the inspectors present are drawn ones, findings name the plan's
   * matters. Nonconforming on a certified product: each live certificate concerned has its body told
   * and a special audit planned (trigger `inspection`, one per result), in this transaction.
   */
  async recordResult(caller: Principal, id: string, targetId: string, dto: RecordResultDto): Promise<PlanView> {
    await this.step(id, 'record_result', async (tx, plan) => {
      const [r] = await tx.query(
        `SELECT r.id, r.inspector_ids, r.outcome, (r.inspected_on IS NULL) AS open, t.kind, t.subject_id, t.enterprise_id,
                $3::date > ${SHENZHEN_TODAY} AS future, $3::date < (p.drawn_at AT TIME ZONE 'Asia/Shanghai')::date AS before_draw
           FROM inspection_results r JOIN inspection_targets t ON t.id = r.target_id JOIN inspection_plans p ON p.id = r.plan_id
          WHERE r.plan_id = $1 AND r.target_id = $2 FOR UPDATE OF r`,
        [plan.id, targetId, dto.inspectedOn],
      );
      if (!r) throw notFound('drawn target', targetId);
      if (r.outcome) throw new DomainError('ALREADY_EXISTS', `the result of target ${targetId} is recorded already`, { targetId });
      if (r.future) throw fieldError('VALIDATION_FAILED', 'inspectedOn', 'must not be after today (Shenzhen date)');
      if (r.before_draw) throw fieldError('VALIDATION_FAILED', 'inspectedOn', 'must not be before the draw');
      const notDrawn = dto.inspectorsPresent.findIndex((i) => !r.inspector_ids.includes(i));
      if (notDrawn >= 0) throw fieldError('VALIDATION_FAILED', `inspectorsPresent[${notDrawn}]`, 'is not an inspector drawn for this target');
      const matters: { id: string; code: string }[] = await tx.query(`SELECT id, code FROM inspection_matters WHERE id = ANY ($1::uuid[])`, [plan.matter_ids]);
      const findings = dto.findings.map((f, i) => {
        const matter = matters.find((m) => m.id === f.matterId);
        if (!matter) throw fieldError('VALIDATION_FAILED', `findings[${i}].matterId`, 'is not a matter of this plan');
        return { matterId: matter.id, matterCode: matter.code, text: f.text };
      });
      if (dto.outcome === 'nonconforming' && !findings.length)
        throw fieldError('VALIDATION_FAILED', 'findings', 'a nonconforming result needs at least one finding');
      await tx.query(
        `UPDATE inspection_results SET outcome = $2, inspected_on = $3, inspectors_present = $4, findings = $5, recorded_at = now(), recorded_by = $6
          WHERE id = $1`,
        [r.id, dto.outcome, dto.inspectedOn, dto.inspectorsPresent, JSON.stringify(findings), caller.userId],
      );
      if (dto.outcome === 'nonconforming') await this.bringAuditsForward(tx, plan, r, findings);
    });
    return this.get(id);
  }

  /** Every drawn target's result recorded: published together (一公开). */
  async publishResults(id: string): Promise<PlanView> {
    await this.step(id, 'publish_results', async (tx, plan) => {
      const [{ open }] = await tx.query(`SELECT count(*)::int AS open FROM inspection_results WHERE plan_id = $1 AND outcome IS NULL`, [plan.id]);
      if (open) throw new DomainError('RULE_VIOLATION', `${open} drawn target(s) have no result recorded yet: results are published together`, { open });
      await tx.query(`UPDATE inspection_plans SET results_published_at = now() WHERE id = $1`, [plan.id]);
    });
    return this.get(id);
  }

  async close(id: string): Promise<PlanView> {
    await this.step(id, 'close', async (tx, plan) => {
      await tx.query(`UPDATE inspection_plans SET closed_at = now() WHERE id = $1`, [plan.id]);
    });
    return this.get(id);
  }

  /** Plans from their commitment on, newest year first (the public list; a keyset-friendly index backs it). */
  async listPublic(q: PublicPlanQuery): Promise<Page<PublicPlanSummary>> {
    const params: unknown[] = [];
    const where = [`p.status <> 'draft'`];
    if (q.year) where.push(`p.year = $${params.push(q.year)}`);
    return pagedQuery(
      this.db,
      {
        select: `SELECT p.id, p.name, p.year, p.status, p.commitment, CASE WHEN p.status = 'committed' THEN NULL ELSE p.seed END AS seed,
                        jsonb_array_length(p.population) AS "populationSize",
                        (SELECT count(*)::int FROM inspection_results r WHERE r.plan_id = p.id) AS "drawnCount",
                        CASE WHEN p.status IN ('results_recorded', 'closed')
                             THEN (SELECT count(*)::int FROM inspection_results r WHERE r.plan_id = p.id AND r.outcome = 'nonconforming') END AS "nonconformingCount",
                        p.committed_at AS "committedAt", p.drawn_at AS "drawnAt"
                   FROM inspection_plans p`,
        countFrom: 'inspection_plans p',
        where: where.join(' AND '),
        orderBy: 'p.year DESC, p.committed_at DESC, p.id',
        params,
      },
      q,
    );
  }

  /** Everything needed to re-run the draw, and the results once published; a draft is not found. */
  async getPublic(id: string): Promise<PublicPlanView> {
    const [plan] = await this.db.query(
      `${PLAN_VIEW.replace('FROM inspection_plans p', ', p.population, p.inspector_population AS inspectors FROM inspection_plans p')} WHERE p.id = $1`,
      [id],
    );
    if (!plan || !isPublic(plan.status)) throw notFound('inspection plan', id);
    const draw = await this.draw(id, RESULTS_PUBLIC_STATUSES.includes(plan.status));
    const result: DrawResultEntry[] | null = plan.status === 'committed' ? null : draw.map(this.entryOf);
    return { ...plan, draw, result };
  }

  /** Re-runs the published draw: the seed against its commitment, the population against its hashes, the draw against the recorded one. */
  async verify(id: string): Promise<VerificationView> {
    return this.verdictOf(await this.getPublic(id));
  }

  /** The verification of a plan already read (the plan's page shows it beside the plan). */
  verdictOf(plan: PublicPlanView): VerificationView {
    const populationHashMatches = populationHash(plan.population) === plan.populationHash;
    const inspectorsHashMatches = inspectorsHash(plan.inspectors) === plan.inspectorsHash;
    if (!plan.seed || !plan.result) {
      return {
        algorithm: plan.algorithm!,
        drawn: false,
        commitmentMatches: null,
        populationHashMatches,
        inspectorsHashMatches,
        drawMatches: null,
        matches: false,
      };
    }
    const commitmentMatches = commitmentOf(plan.seed) === plan.commitment;
    let drawMatches: boolean;
    try {
      const again = drawInspection({
        seed: plan.seed,
        targets: plan.population,
        inspectors: plan.inspectors,
        rates: plan.rates,
        inspectorsPerTarget: plan.inspectorsPerTarget,
      });
      drawMatches = JSON.stringify(again) === JSON.stringify(plan.result);
    } catch {
      drawMatches = false;
    }
    return {
      algorithm: plan.algorithm!,
      drawn: true,
      commitmentMatches,
      populationHashMatches,
      inspectorsHashMatches,
      drawMatches,
      matches: commitmentMatches && populationHashMatches && inspectorsHashMatches && drawMatches,
    };
  }

  /** An enterprise's published inspection results, newest first (for its credit record). */
  async resultsOfEnterprise(enterpriseId: string, limit = 50): Promise<EnterpriseInspectionResult[]> {
    return this.db.query(
      `SELECT p.id AS "planId", p.name AS "planName", p.year, t.kind, ${TARGET_LABEL} AS label, r.outcome,
              to_char(r.inspected_on, 'YYYY-MM-DD') AS "inspectedOn", r.findings
         FROM inspection_results r JOIN inspection_plans p ON p.id = r.plan_id JOIN inspection_targets t ON t.id = r.target_id
         JOIN organizations e ON e.id = r.enterprise_id
        WHERE r.enterprise_id = $1 AND r.outcome IS NOT NULL AND p.status IN ('results_recorded', 'closed')
        ORDER BY r.recorded_at DESC, r.id LIMIT $2`,
      [enterpriseId, limit],
    );
  }

  /** A drawn target as drawInspection returned it (its inspectors in drawn order). */
  private entryOf(d: DrawnTargetView): DrawResultEntry {
    return { targetId: d.targetId, riskClass: d.riskClass, inspectorIds: d.inspectors.map((i) => i.id) };
  }

  private draw(planId: string, withResults: boolean): Promise<DrawnTargetView[]> {
    return this.db.query(DRAW_VIEW, [planId, withResults]);
  }

  private inputOf(plan: PlanState): DrawInput {
    return {
      seed: plan.seed!,
      targets: plan.population!,
      inspectors: plan.inspector_population!,
      rates: plan.rates,
      inspectorsPerTarget: plan.inspectors_per_target,
    };
  }

  private impossible(e: DrawImpossible): DomainError {
    return new DomainError('RULE_VIOLATION', `the draw is impossible: ${e.message}`, { targetId: e.targetId, eligible: e.eligible, needed: e.needed });
  }

  private async bringAuditsForward(
    tx: EntityManager,
    plan: PlanState,
    r: { id: string; kind: TargetKind; subject_id: string; enterprise_id: string },
    findings: { matterCode: string; text: string }[],
  ): Promise<void> {
    // Certification's rows, read by name: the live certificates the inspected product or enterprise holds.
    const certificates: { id: string; number: string; certification_body_id: string }[] = await tx.query(
      `SELECT c.id, c.number, c.certification_body_id FROM certificates c
        WHERE c.status IN ('valid', 'suspended') AND CASE $1
          WHEN 'certificate' THEN c.id = $2
          WHEN 'holder' THEN c.enterprise_id = $2
          ELSE c.application_id IN (SELECT a.id FROM applications a JOIN self_declarations d ON d.id = a.self_declaration_id
                                     WHERE d.series_id = (SELECT s.series_id FROM self_declarations s WHERE s.id = $2)) END
        ORDER BY c.number`,
      [r.kind, r.subject_id],
    );
    const summary = findings
      .map((f) => `${f.matterCode}: ${f.text}`)
      .join('; ')
      .slice(0, 500);
    await enqueueMany(
      tx,
      certificates.flatMap((c) => [
        notify(
          {
            event: 'inspection_nonconforming',
            key: `inspection:${r.id}:${c.id}`,
            audience: [{ organizationId: c.certification_body_id, roles: ['cb_admin'] }],
            subjectNumber: c.number,
            link: `/console/certificates/${c.id}`,
            params: { plan: plan.name, findings: summary },
          },
          c.certification_body_id,
        ),
        planCertificateAudit({ certificateId: c.id, kind: 'special', trigger: 'inspection', sourceId: r.id }, c.certification_body_id),
      ]),
    );
  }

  /** One step of a plan: locked, the machine asked, the work and the new status written together. */
  private async step(id: string, action: PlanAction, work: (tx: EntityManager, plan: PlanState) => Promise<void>): Promise<void> {
    await this.db.transaction(async (tx) => {
      const [plan]: PlanState[] = await tx.query(
        `SELECT id, name, status, matter_ids, rates, inspectors_per_target, seed, population, inspector_population FROM inspection_plans WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!plan) throw notFound('inspection plan', id);
      const to = planMachine.next(plan.status, action);
      await work(tx, plan);
      if (to !== plan.status) await tx.query(`UPDATE inspection_plans SET status = $2, version = version + 1 WHERE id = $1`, [id, to]);
    });
  }
}
