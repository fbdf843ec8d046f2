import { randomBytes } from 'node:crypto';
import type { Client } from 'pg';
import { commitmentOf, DRAW_ALGORITHM, drawInspection, inspectorsHash, PopulationInspector, PopulationTarget, populationHash } from '@app/inspections';
import { DEMO_EMAIL_DOMAIN } from '@app/shared';
import type { ReferenceIds } from '../fixtures/reference-data';

const MATTERS = [
  {
    code: 'SZS-DECL-01',
    nameZh: '企业标准自我声明公开及执行情况',
    nameEn: 'Self-declared enterprise standards: disclosure and compliance',
    legalBasis: '《企业标准化促进办法》第十二条、第二十三条',
    targetKinds: ['declaration', 'holder'],
  },
  {
    code: 'SZS-MARK-01',
    nameZh: '认证证书和认证标志使用情况',
    nameEn: 'Use of certificates and the certification mark',
    legalBasis: '《中华人民共和国认证认可条例》第二十八条；《认证证书和认证标志管理办法》',
    targetKinds: ['certificate', 'holder'],
  },
];

const INSPECTORS = [
  { name: '李明', unit: '深圳市市场监督管理局福田监管局', badge: 'SZ-FT-0231' },
  { name: '王芳', unit: '深圳市市场监督管理局福田监管局', badge: 'SZ-FT-0418' },
  { name: '张伟', unit: '深圳市市场监督管理局南山监管局', badge: 'SZ-NS-0107' },
  { name: '陈静', unit: '深圳市市场监督管理局南山监管局', badge: 'SZ-NS-0352' },
  { name: '刘洋', unit: '深圳市市场监督管理局龙华监管局', badge: 'SZ-LH-0076' },
];

/**
 * A completed random inspection (双随机一公开) in the demo: the checklist, the registers (every
 * enterprise and published declaration of the reference world as targets, five inspectors, one
 * declared conflict), and a 2026 plan committed, drawn with the published algorithm, its results
 * recorded (one nonconforming, on a declaration) and published — re-runnable by anyone from its
 * public JSON (/api/v1/public/inspection-plans/{id}/verify says it matches).
 */
export async function seedInspections(db: Client, world: ReferenceIds): Promise<void> {
  const matterIds: string[] = [];
  for (const m of MATTERS) {
    const { rows } = await db.query(
      `INSERT INTO inspection_matters (code, name_zh, name_en, legal_basis, target_kinds) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [m.code, m.nameZh, m.nameEn, m.legalBasis, m.targetKinds],
    );
    matterIds.push(rows[0].id);
  }
  // Huaqiang sells the most and had a complaint last year: class A; the other enterprises C, their declarations B.
  const huaqiang = world.organizations.get('huaqiang')!;
  await db.query(
    `INSERT INTO inspection_targets (kind, subject_id, enterprise_id, risk_class)
     SELECT 'holder', o.id, o.id, CASE WHEN o.id = $1 THEN 'A' ELSE 'C' END FROM organizations o WHERE o.kind = 'enterprise'`,
    [huaqiang],
  );
  await db.query(
    `INSERT INTO inspection_targets (kind, subject_id, enterprise_id, risk_class)
     SELECT 'declaration', d.id, d.enterprise_id, 'B' FROM self_declarations d WHERE d.status = 'published'`,
  );
  const inspectorIds: string[] = [];
  for (const i of INSPECTORS) {
    const { rows } = await db.query(`INSERT INTO inspectors (name, unit, badge_number) VALUES ($1, $2, $3) RETURNING id`, [i.name, i.unit, i.badge]);
    inspectorIds.push(rows[0].id);
  }
  await db.query(`INSERT INTO inspector_conflicts (inspector_id, enterprise_id, reason) VALUES ($1, $2, '配偶在该企业任质量经理')`, [
    inspectorIds[0],
    huaqiang,
  ]);

  const { rows: population } = await db.query<PopulationTarget>(
    `SELECT id, kind, subject_id AS "subjectId", enterprise_id AS "enterpriseId", risk_class AS "riskClass" FROM inspection_targets ORDER BY id`,
  );
  const { rows: inspectors } = await db.query<PopulationInspector>(
    `SELECT i.id, i.name, i.unit, i.badge_number AS "badgeNumber",
            ARRAY(SELECT k.enterprise_id::text FROM inspector_conflicts k WHERE k.inspector_id = i.id ORDER BY k.enterprise_id::text COLLATE "C") AS conflicts
       FROM inspectors i WHERE i.active ORDER BY i.id::text COLLATE "C"`,
  );
  const rates = { A: 100, B: 50, C: 50, D: 10 };
  const seed = randomBytes(32).toString('hex');
  const drawn = drawInspection({ seed, targets: population, inspectors, rates, inspectorsPerTarget: 2 });
  const { rows: regulator } = await db.query(`SELECT id FROM users WHERE email = $1`, [`regulator@${DEMO_EMAIL_DOMAIN}`]);
  const { rows: plan } = await db.query(
    `INSERT INTO inspection_plans (name, year, matter_ids, rates, inspectors_per_target, status, algorithm, seed, commitment, population, population_hash,
                                   inspector_population, inspectors_hash, committed_at, drawn_at, results_published_at, created_by, created_at)
     VALUES ('2026年度深圳标准认证企业“双随机、一公开”抽查（第一批）', 2026, $1, $2, 2, 'results_recorded', $3, $4, $5, $6, $7, $8, $9,
             now() - interval '30 days', now() - interval '28 days', now() - interval '2 days', $10, now() - interval '32 days')
     RETURNING id`,
    [
      matterIds,
      rates,
      DRAW_ALGORITHM,
      seed,
      commitmentOf(seed),
      JSON.stringify(population),
      populationHash(population),
      JSON.stringify(inspectors),
      inspectorsHash(inspectors),
      regulator[0].id,
    ],
  );
  // The first drawn declaration is found nonconforming; everything else conforms.
  const bad = drawn.find((d) => population.find((t) => t.id === d.targetId)!.kind === 'declaration') ?? drawn[0];
  for (const [n, d] of drawn.entries()) {
    const nonconforming = d === bad;
    await db.query(
      `INSERT INTO inspection_results (plan_id, position, target_id, enterprise_id, risk_class, inspector_ids, outcome, inspected_on, inspectors_present,
                                       findings, recorded_at, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, (now() AT TIME ZONE 'Asia/Shanghai')::date - 20 + least($2::int, 15), $6, $8, now() - interval '3 days', $9)`,
      [
        plan[0].id,
        n + 1,
        d.targetId,
        population.find((t) => t.id === d.targetId)!.enterpriseId,
        d.riskClass,
        d.inspectorIds,
        nonconforming ? 'nonconforming' : 'conforming',
        JSON.stringify(
          nonconforming ? [{ matterId: matterIds[0], matterCode: MATTERS[0].code, text: '抽检样品的待机时间为 68 h，低于自我声明公开的 80 h 指标' }] : [],
        ),
        regulator[0].id,
      ],
    );
  }
}
