import type { Client } from 'pg';
import { DEMO_EMAIL_DOMAIN } from '@app/shared';
import type { ReferenceIds } from '../fixtures/reference-data';

const GROUP_CODE = 'SZSA';
const ADMIN = `admin@association.${DEMO_EMAIL_DOMAIN}`;
const REGULATOR = `regulator@${DEMO_EMAIL_DOMAIN}`;

type Step = [action: string, from: string | null, to: string, daysAgo: number, note: string | null];

/**
 * The demo association's group standards (团体标准), as its work would have left them: its group
 * code SZSA; the earphone standard the catalogue already names (T/SZSA 018—2025), published with
 * the passed advancedness evaluation that let it in; a draft out for public comment with a comment
 * waiting for its answer; and a withdrawn one (废止 at review), its standards row withdrawn too.
 */
export async function seedGroupStandards(db: Client, world: ReferenceIds): Promise<void> {
  const associationId = world.organizations.get('association')!;
  const { rows: people } = await db.query(`SELECT email, id FROM users WHERE email = ANY($1)`, [[ADMIN, REGULATOR]]);
  const userId = (email: string) => people.find((p) => p.email === email)!.id as string;
  await db.query(`INSERT INTO group_codes (organization_id, code, created_at) VALUES ($1, $2, now() - interval '3 years')`, [associationId, GROUP_CODE]);

  const insert = async (fields: Record<string, unknown>, history: Step[]): Promise<string> => {
    const base = {
      organization_id: associationId,
      scope: '本文件规定了产品的技术要求、试验方法和检验规则。',
      category_codes: ['ELECTRONICS'],
      full_text_open: true,
      ...fields,
    };
    const columns = Object.keys(base);
    const { rows } = await db.query(
      `INSERT INTO group_standards (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
      Object.values(base),
    );
    for (const [action, from, to, daysAgo, note] of history) {
      await db.query(
        `INSERT INTO group_standard_events (group_standard_id, action, from_status, to_status, actor_user_id, actor_organization_id, note, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, now() - make_interval(days => $8))`,
        [rows[0].id, action, from, to, userId(ADMIN), associationId, note, daysAgo],
      );
    }
    return rows[0].id;
  };
  const copyRequirements = (groupStandardId: string, standardId: string) =>
    db.query(
      `INSERT INTO group_standard_requirements (group_standard_id, position, clause, text_zh, text_en, kind, unit, min_value, max_value, critical)
       SELECT $1, position, clause, text_zh, text_en, kind, unit, min_value, max_value, critical FROM requirements WHERE standard_id = $2`,
      [groupStandardId, standardId],
    );
  const toPublication = (d: number): Step[] => [
    ['propose', null, 'proposed', d + 200, null],
    ['approve', 'proposed', 'approved', d + 180, '理事会审议通过立项'],
    ['start_drafting', 'approved', 'drafting', d + 170, null],
    ['open_comment', 'drafting', 'public_comment', d + 100, null],
    ['close_comment', 'public_comment', 'technical_review', d + 60, null],
    ['publish', 'technical_review', 'published', d, '技术审查通过'],
  ];

  // Published and in the catalogue (the earphone entry): evaluated and passed.
  const earphoneStandard = world.standards.get('earphone-group')!;
  const earphone = await insert(
    {
      status: 'published',
      sequence: 18,
      year: 2025,
      number: `T/${GROUP_CODE} 018—2025`,
      title_zh: '真无线蓝牙耳机 团体标准',
      title_en: 'True wireless earphones — group standard',
      ics: '33.160',
      ccs: 'M72',
      summary: '规定真无线蓝牙耳机的续航时间、最大声压级等关键指标，严于国家标准。',
      proposed_on: '2024-06-20',
      approved_on: '2024-07-10',
      comment_from: '2024-09-01',
      comment_to: '2024-09-30',
      published_on: '2025-01-15',
      implementation_on: '2025-03-01',
      standard_id: earphoneStandard,
    },
    toPublication(300),
  );
  await copyRequirements(earphone, earphoneStandard);
  await db.query(
    `INSERT INTO advancedness_evaluations (standard_id, outcome, evaluated_on, summary, recorded_by_user_id) VALUES ($1, 'passed', '2025-02-10', $2, $3)`,
    [earphoneStandard, '续航时间、最大声压级均优于 GB/T 相应国家标准要求，评价通过。', userId(REGULATOR)],
  );

  // Out for public comment, with one comment waiting for its answer.
  const draft = await insert(
    {
      status: 'public_comment',
      title_zh: '智能手表 健康监测功能技术要求',
      title_en: 'Smart watches — Technical requirements for health monitoring',
      ics: '35.240',
      ccs: 'L63',
      summary: '规定智能手表心率、血氧测量的准确度要求与试验方法（征求意见稿）。',
      proposed_on: '2026-06-01',
      approved_on: '2026-06-20',
    },
    [
      ['propose', null, 'proposed', 150, null],
      ['approve', 'proposed', 'approved', 130, '理事会审议通过立项'],
      ['start_drafting', 'approved', 'drafting', 120, null],
      ['open_comment', 'drafting', 'public_comment', 5, null],
    ],
  );
  await db.query(
    `UPDATE group_standards SET comment_from = (now() AT TIME ZONE 'Asia/Shanghai')::date - 5, comment_to = (now() AT TIME ZONE 'Asia/Shanghai')::date + 24 WHERE id = $1`,
    [draft],
  );
  await db.query(
    `INSERT INTO group_standard_requirements (group_standard_id, position, clause, text_zh, text_en, kind, unit, min_value, max_value, critical) VALUES
       ($1, 1, '5.1', '心率测量误差', 'Heart rate measurement error', 'measured', 'bpm', NULL, 5, true),
       ($1, 2, '5.2', '血氧饱和度测量误差', 'SpO2 measurement error', 'measured', '%', NULL, 3, true),
       ($1, 3, '6.1', '佩戴部位无皮肤刺激', 'No skin irritation where worn', 'pass_fail', NULL, NULL, NULL, false)`,
    [draft],
  );
  await db.query(
    `INSERT INTO group_standard_comments (group_standard_id, clause, text, commenter_name, commenter_email, created_at)
     VALUES ($1, '5.1', '建议区分静息与运动状态分别规定心率测量误差。', '李工程师', 'li@example.cn', now() - interval '2 days')`,
    [draft],
  );

  // Withdrawn (废止) at its review: its standards row is withdrawn with it.
  const { rows: old } = await db.query(
    `INSERT INTO standards (code, version, title_zh, title_en, kind, issuer, issuer_organization_id, status, published_on)
     VALUES ($1, '2020', '移动电源 团体标准', 'Power banks — group standard', 'group', '深圳市标准化协会（演示）', $2, 'withdrawn', '2020-05-10') RETURNING id`,
    [`T/${GROUP_CODE} 003`, associationId],
  );
  await db.query(`INSERT INTO standard_categories (standard_id, category_code) VALUES ($1, 'ELECTRONICS')`, [old[0].id]);
  await db.query(
    `INSERT INTO requirements (standard_id, position, clause, text_zh, text_en, kind, unit, min_value, max_value, critical)
     VALUES ($1, 1, '4.1', '额定容量', 'Rated capacity', 'measured', 'mAh', 5000, NULL, true)`,
    [old[0].id],
  );
  const withdrawn = await insert(
    {
      status: 'withdrawn',
      sequence: 3,
      year: 2020,
      number: `T/${GROUP_CODE} 003—2020`,
      title_zh: '移动电源 团体标准',
      title_en: 'Power banks — group standard',
      ics: '29.220',
      ccs: 'K82',
      proposed_on: '2019-09-01',
      approved_on: '2019-09-20',
      comment_from: '2019-12-01',
      comment_to: '2019-12-30',
      published_on: '2020-05-10',
      implementation_on: '2020-07-01',
      withdrawn_on: '2025-05-20',
      standard_id: old[0].id,
    },
    [
      ...toPublication(2030),
      ['start_review', 'published', 'review', 200, null],
      ['withdraw', 'review', 'withdrawn', 195, '复审结论：已被国家标准 GB 4943.1 覆盖，废止'],
    ],
  );
  await copyRequirements(withdrawn, old[0].id);
}
