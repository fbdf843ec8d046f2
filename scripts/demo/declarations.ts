import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { AppliedStandard, contentHash, DeclaredProduct, indicatorFlags, KeyIndicator, NationalRequirement } from '@app/scheme';
import { DEMO_EMAIL_DOMAIN } from '@app/shared';
import { insertOrganization, ReferenceIds, ReferenceOrganization } from '../fixtures/reference-data';

const COMMITMENT = '本企业承诺：所公开的标准及指标真实有效，产品按所声明的标准组织生产，并对声明内容的真实性负责。';

/** Three more smartphone makers, so the ranking and the frontrunner list have a field (no logins: only their declarations show). */
const MAKERS: ReferenceOrganization[] = [
  ['pengcheng', '深圳市鹏城通讯设备有限公司', 'Shenzhen Pengcheng Telecom Equipment Co., Ltd.', '91440300MA5HPT1K2'],
  ['nanshan', '深圳市南山智联科技有限公司', 'Shenzhen Nanshan Smartlink Technology Co., Ltd.', '91440300MA5HNW2L3'],
  ['guangming', '深圳市光明移动终端有限公司', 'Shenzhen Guangming Mobile Terminals Co., Ltd.', '91440300MA5HGM3N4'],
].map(([key, nameZh, nameEn, creditCode17]) => ({
  key,
  kind: 'enterprise' as const,
  nameZh,
  nameEn,
  creditCode17,
  address: '深圳市南山区科技园',
  users: [{ email: `quality@${key}.${DEMO_EMAIL_DOMAIN}`, displayName: '质量负责人', roles: ['enterprise_admin'] }],
}));

/** [enterprise, product, brand, models with barcodes, standby hours, charger efficiency %]: guangming's standby is below the national 72 h and it leaves the efficiency out. */
const PHONES: [string, string, string, [string, string][], number, number | null][] = [
  [
    'huaqiang',
    '华强智能手机 X2',
    '华强',
    [
      ['HQ-X2', '6901234000016'],
      ['HQ-X2 Pro', '6901234000023'],
    ],
    110,
    89,
  ],
  ['pengcheng', '鹏城 5G 智能手机', '鹏城', [['PC-50', '6901234000030']], 120, 88],
  ['nanshan', '智联 S 系列智能手机', '智联', [['ZL-S7', '6901234000047']], 96, 90],
  [
    'guangming',
    '光明入门智能手机',
    '光明',
    [
      ['GM-A1', '6901234000054'],
      ['GM-A1 Lite', '6901234000061'],
    ],
    60,
    null,
  ],
];

/**
 * The demo's self-declarations in the 2024 shape and a frontrunner list: a national standard with
 * measured requirements, four smartphone declarations (products with barcodes, indicators tied to
 * the national requirements, the commitment signed, one flagged weaker and missing), and the
 * regulator's 2026 frontrunner list of standby time in ELECTRONICS (top 3), with a valid claim.
 * Written by SQL as the rest of the demo; flags and hashes come from the same rules the service uses.
 */
export async function seedDeclarations(db: Client, world: ReferenceIds, users: Map<string, { id: string; organizationId: string }>): Promise<void> {
  const orgs = new Map(world.organizations);
  for (const m of MAKERS) orgs.set(m.key, await insertOrganization(db, m));
  const { rows: std } = await db.query(
    `INSERT INTO standards (code, version, title_zh, title_en, kind, issuer, published_on)
     VALUES ('GB/T 35143', '2026', '移动电话通用技术规范（演示）', 'Mobile phones — general technical specification (demo)', 'national', '国家市场监督管理总局', '2026-01-01')
     RETURNING id, code, version, title_zh AS "titleZh", title_en AS "titleEn"`,
  );
  const national = std[0];
  await db.query(`INSERT INTO standard_categories (standard_id, category_code) VALUES ($1, 'ELECTRONICS')`, [national.id]);
  const { rows: reqs } = await db.query<NationalRequirement>(
    `INSERT INTO requirements (standard_id, position, clause, text_zh, text_en, kind, unit, min_value, critical)
     VALUES ($1, 1, '5.1', '典型场景待机时间', 'Standby time, typical use', 'measured', 'h', 72, true),
            ($1, 2, '5.2', '充电器平均效率', 'Charger average efficiency', 'measured', '%', 85, false)
     RETURNING id, $2::text AS "standardCode", clause, text_zh AS "textZh", unit, min_value::float8 AS min, max_value::float8 AS max`,
    [national.id, `${national.code}-${national.version}`],
  );
  const [standby, efficiency] = reqs;
  const phoneStandardId = world.standards.get('phone')!;
  const { rows: phoneStd } = await db.query(`SELECT code, version, title_zh AS "titleZh", title_en AS "titleEn" FROM standards WHERE id = $1`, [
    phoneStandardId,
  ]);
  const signer = users.get(`admin@huaqiang.${DEMO_EMAIL_DOMAIN}`)!;

  const declared = new Map<string, string>();
  for (const [i, [enterprise, productNameZh, brand, models, hours, percent]] of PHONES.entries()) {
    const seriesId = randomUUID();
    const { rows: org } = await db.query(`SELECT name_zh, name_en, credit_code FROM organizations WHERE id = $1`, [orgs.get(enterprise)]);
    const standards: AppliedStandard[] = [
      {
        standardId: phoneStandardId,
        kind: 'shenzhen',
        code: phoneStd[0].code,
        version: phoneStd[0].version,
        titleZh: phoneStd[0].titleZh,
        titleEn: phoneStd[0].titleEn,
      },
      { standardId: national.id, kind: 'national', code: national.code, version: national.version, titleZh: national.titleZh, titleEn: national.titleEn },
      { standardId: null, kind: 'enterprise', code: `Q/${brand} 001-2026`, version: null, titleZh: `${productNameZh}企业标准`, titleEn: null },
    ];
    const products: DeclaredProduct[] = models.map(([model, barcode]) => ({ name: productNameZh, brand, model, barcode, specification: '6.5英寸 8GB+256GB' }));
    const tied = [
      { name: '待机时间', value: hours, unit: 'h', requirement: standby, testMethod: 'GB/T 18287-2013 附录B' },
      ...(percent === null ? [] : [{ name: '充电器平均效率', value: percent, unit: '%', requirement: efficiency, testMethod: 'GB 20943-2013' }]),
    ];
    const keyIndicators: KeyIndicator[] = [
      ...tied.map((t) => ({ name: t.name, value: String(t.value), unit: t.unit, testMethod: t.testMethod, requirementId: t.requirement.id })),
      { name: '屏幕峰值亮度', value: '≥ 800', unit: 'nit', testMethod: '企业内部方法 QM-07' },
    ];
    const flags = indicatorFlags(
      tied.map((t) => ({ name: t.name, value: t.value, requirementId: t.requirement.id })),
      reqs,
      new Map(reqs.map((r) => [r.id, r])),
    );
    const content = {
      seriesId,
      version: 1,
      enterprise: { id: orgs.get(enterprise), creditCode: org[0].credit_code },
      categoryCode: 'ELECTRONICS',
      productNameZh,
      productNameEn: null,
      standards,
      products,
      models: models.map(([m]) => m),
      keyIndicators,
      commitment: COMMITMENT,
    };
    const searchText = [
      org[0].name_zh,
      org[0].name_en,
      org[0].credit_code,
      productNameZh,
      ...products.flatMap((p) => [p.model, p.name, p.brand, p.barcode]),
      ...standards.flatMap((s) => [s.code, s.titleZh, s.titleEn]),
    ]
      .filter(Boolean)
      .join(' ')
      .toLowerCase();
    const { rows } = await db.query(
      `INSERT INTO self_declarations (series_id, version, enterprise_id, standard_id, product_name_zh, models, key_indicators, category_code, standards,
                                      products, flags, commitment_text, committed_by, committed_role, committed_at, content_hash, search_text, published_at, created_by)
       VALUES ($1, 1, $2, $3, $4, $5, $6, 'ELECTRONICS', $7, $8, $9, $10, $11, 'enterprise_admin', now() - make_interval(days => $12), $13, $14,
               now() - make_interval(days => $12), $11)
       RETURNING id`,
      [
        seriesId,
        orgs.get(enterprise),
        phoneStandardId,
        productNameZh,
        content.models,
        JSON.stringify(keyIndicators),
        JSON.stringify(standards),
        JSON.stringify(products),
        JSON.stringify(flags),
        COMMITMENT,
        enterprise === 'huaqiang' ? signer.id : null,
        30 - i,
        contentHash(content),
        searchText,
      ],
    );
    declared.set(enterprise, rows[0].id);
    for (const t of tied) {
      await db.query(`INSERT INTO self_declaration_measures (declaration_id, requirement_id, value) VALUES ($1, $2, $3)`, [
        rows[0].id,
        t.requirement.id,
        t.value,
      ]);
    }
  }

  // The 2026 list: the top 3 by standby time, higher is better, ties by earlier publication.
  const { rows: regulator } = await db.query(`SELECT id FROM users WHERE email = $1`, [`regulator@${DEMO_EMAIL_DOMAIN}`]);
  const { rows: list } = await db.query(
    `INSERT INTO frontrunner_lists (year, category_code, requirement_id, indicator, unit, direction, size, ranked, published_by)
     VALUES (2026, 'ELECTRONICS', $1, $2, 'h', 'higher', 3, (SELECT COUNT(*) FROM self_declaration_measures WHERE requirement_id = $1), $3)
     RETURNING id`,
    [standby.id, standby.textZh, regulator[0]?.id ?? null],
  );
  await db.query(
    `INSERT INTO frontrunner_entries (list_id, rank, declaration_id, value)
     SELECT $1, row_number() OVER (ORDER BY m.value DESC, d.published_at, d.id), m.declaration_id, m.value
       FROM self_declaration_measures m JOIN self_declarations d ON d.id = m.declaration_id AND d.status = 'published'
      WHERE m.requirement_id = $2 ORDER BY m.value DESC, d.published_at, d.id LIMIT 3`,
    [list[0].id, standby.id],
  );
  await db.query(`INSERT INTO frontrunner_claims (list_id, declaration_id, enterprise_id, claimed_by) VALUES ($1, $2, $3, $4)`, [
    list[0].id,
    declared.get('huaqiang'),
    orgs.get('huaqiang'),
    signer.id,
  ]);
}
