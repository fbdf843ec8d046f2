import type { Client } from 'pg';

interface DemoScopeLine {
  objectTested: string;
  parameterZh: string;
  parameterEn: string;
  standardCode: string;
  clause?: string;
  limits?: string;
}

interface DemoLaboratory {
  cnasNumber: string;
  nameZh: string;
  nameEn: string;
  address: string;
  accreditedFrom: string;
  accreditedUntil: string;
  status: 'accredited' | 'suspended';
  /** The periods CNAS suspended it, oldest first; the last open (no `until`) for a suspended laboratory. */
  suspensions?: { from: string; until?: string; reason: string }[];
  scopeLines: DemoScopeLine[];
}

/** The demo register: the laboratory the demo findings name (L0235, for every demo specification) and a few more of Shenzhen's kind. */
const LABORATORIES: DemoLaboratory[] = [
  {
    cnasNumber: 'L0235',
    nameZh: '深圳市计量质量检测研究院',
    nameEn: 'Shenzhen Academy of Metrology and Quality Inspection',
    address: '深圳市南山区龙珠大道4号',
    accreditedFrom: '2023-05-12',
    accreditedUntil: '2029-05-11',
    status: 'accredited',
    scopeLines: [
      { objectTested: '智能手机', parameterZh: '深圳标准评价项目（全部）', parameterEn: 'All evaluation items', standardCode: 'SZBZ/PJ 0101' },
      { objectTested: '婴幼儿服装', parameterZh: '深圳标准评价项目（全部）', parameterEn: 'All evaluation items', standardCode: 'SZBZ/PJ 0203' },
      { objectTested: '木制书桌', parameterZh: '深圳标准评价项目（全部）', parameterEn: 'All evaluation items', standardCode: 'SZBZ/PJ 0305' },
      { objectTested: '包装饮用水', parameterZh: '深圳标准评价项目（全部）', parameterEn: 'All evaluation items', standardCode: 'SZBZ/PJ 0402' },
      { objectTested: '真无线蓝牙耳机', parameterZh: '团体标准检测项目（全部）', parameterEn: 'All test items', standardCode: 'T/SZSA 018' },
      { objectTested: '移动电话', parameterZh: '比吸收率', parameterEn: 'Specific absorption rate', standardCode: 'GB/T 28447', limits: '0.001–10 W/kg' },
    ],
  },
  {
    cnasNumber: 'L3127',
    nameZh: '深圳市鹏城电子产品检测中心有限公司',
    nameEn: 'Shenzhen Pengcheng Electronic Products Testing Centre Co., Ltd.',
    address: '深圳市南山区粤海街道高新南七道数字技术园B2栋',
    accreditedFrom: '2022-09-01',
    accreditedUntil: '2028-08-31',
    status: 'accredited',
    scopeLines: [
      { objectTested: '移动电话', parameterZh: '待机时间', parameterEn: 'Standby time', standardCode: 'YD/T 1539', clause: '5.3', limits: '0–500 h' },
      { objectTested: '移动电话', parameterZh: '跌落试验', parameterEn: 'Drop test', standardCode: 'GB/T 2423.8', limits: '0.1–2 m' },
      { objectTested: '电子产品', parameterZh: '外壳防护等级', parameterEn: 'Degree of protection (IP code)', standardCode: 'GB/T 4208', limits: 'IPX1–IPX8' },
      {
        objectTested: '蓝牙耳机',
        parameterZh: '最大声压级',
        parameterEn: 'Maximum sound pressure level',
        standardCode: 'GB/T 12060.7',
        limits: '40–130 dB(A)',
      },
    ],
  },
  {
    cnasNumber: 'L5582',
    nameZh: '深圳前海纺织品与家具检测有限公司',
    nameEn: 'Shenzhen Qianhai Textile and Furniture Testing Co., Ltd.',
    address: '深圳市前海深港合作区南山街道梦海大道5035号',
    accreditedFrom: '2024-01-15',
    accreditedUntil: '2030-01-14',
    status: 'accredited',
    scopeLines: [
      { objectTested: '纺织品', parameterZh: '甲醛含量', parameterEn: 'Formaldehyde content', standardCode: 'GB/T 2912.1', limits: '≥ 20 mg/kg' },
      { objectTested: '纺织品', parameterZh: 'pH 值', parameterEn: 'pH value', standardCode: 'GB/T 7573', limits: 'pH 2–12' },
      {
        objectTested: '人造板及其制品',
        parameterZh: '甲醛释放量',
        parameterEn: 'Formaldehyde emission',
        standardCode: 'GB/T 17657',
        clause: '4.60',
        limits: '0.01–1 mg/m³',
      },
    ],
  },
  {
    cnasNumber: 'L4410',
    nameZh: '深圳市宝安食品与水质检验所',
    nameEn: "Shenzhen Bao'an Food and Water Quality Inspection Institute",
    address: '深圳市宝安区新安街道创业二路88号',
    accreditedFrom: '2021-06-01',
    accreditedUntil: '2027-05-31',
    status: 'suspended',
    suspensions: [
      { from: '2023-03-06', until: '2023-05-22', reason: 'CNAS 复评审：水中铅测定的质量控制记录不完整，暂停认可至整改完成' },
      { from: '2025-10-20', reason: 'CNAS 监督评审发现菌落总数检测的环境监控不符合认可准则要求，暂停认可' },
    ],
    scopeLines: [
      { objectTested: '饮用水', parameterZh: '菌落总数', parameterEn: 'Total plate count', standardCode: 'GB 4789.2' },
      { objectTested: '饮用水', parameterZh: '铅（以 Pb 计）', parameterEn: 'Lead (as Pb)', standardCode: 'GB 5009.12', limits: '≥ 0.001 mg/L' },
    ],
  },
];

const AGREEMENTS = [
  {
    kind: 'hk_macao',
    party: 'HKAS 香港认可处',
    region: '中国香港',
    scope: 'HKAS 认可实验室出具的电子电气产品检测报告（CEPA 框架）',
    validFrom: '2024-01-01',
    validUntil: '2028-12-31',
  },
  {
    kind: 'ilac_mra',
    party: 'A2LA 美国实验室认可协会',
    region: '美国',
    scope: 'ILAC MRA 签约方认可实验室的检测报告',
    validFrom: '2023-07-01',
    validUntil: null,
  },
  { kind: 'hk_macao', party: 'IPAC 澳门认证机构', region: '中国澳门', scope: '食品及饮用水检测报告', validFrom: '2025-03-01', validUntil: '2027-02-28' },
];

/**
 * The laboratory register and recognition agreements of the demo, after the certified cases: their
 * findings (L0235, by SQL) are tied to the register with a report date, and the smartphone case's
 * drop test rests on a recognised Hong Kong report the auditor accepted.
 */
export async function seedLaboratories(db: Client): Promise<void> {
  for (const lab of LABORATORIES) {
    const { rows } = await db.query(
      `INSERT INTO laboratories (cnas_number, name_zh, name_en, address, accredited_from, accredited_until, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [lab.cnasNumber, lab.nameZh, lab.nameEn, lab.address, lab.accreditedFrom, lab.accreditedUntil, lab.status],
    );
    for (const [i, s] of lab.scopeLines.entries()) {
      await db.query(
        `INSERT INTO laboratory_scope_lines (laboratory_id, position, object_tested, parameter_zh, parameter_en, standard_code, clause, limits)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [rows[0].id, i + 1, s.objectTested, s.parameterZh, s.parameterEn, s.standardCode, s.clause ?? null, s.limits ?? null],
      );
    }
    for (const p of lab.suspensions ?? []) {
      await db.query(
        `INSERT INTO laboratory_suspensions (laboratory_id, suspended_from, suspended_until, reason, recorded_by, ended_by, ended_at)
         SELECT $1, $2::date, $3::date, $4, r.id, CASE WHEN $3::date IS NULL THEN NULL ELSE r.id END, CASE WHEN $3::date IS NULL THEN NULL ELSE $3::date END
           FROM (SELECT u.id FROM users u JOIN organizations o ON o.id = u.organization_id WHERE o.kind = 'regulator' ORDER BY u.created_at LIMIT 1) r`,
        [rows[0].id, p.from, p.until ?? null, p.reason],
      );
    }
  }
  const agreements = new Map<string, string>();
  for (const a of AGREEMENTS) {
    const { rows } = await db.query(
      `INSERT INTO recognition_agreements (kind, party, region, scope, valid_from, valid_until) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [a.kind, a.party, a.region, a.scope, a.validFrom, a.validUntil],
    );
    agreements.set(a.party, rows[0].id);
  }
  // The demo findings name L0235 by text: the register's row and a report date a few days before the finding.
  await db.query(
    `UPDATE findings f SET laboratory_id = l.id, report_date = (f.recorded_at AT TIME ZONE 'Asia/Shanghai')::date - 3
       FROM laboratories l WHERE l.cnas_number = 'L0235' AND f.cnas_number = 'CNAS L0235' AND f.laboratory_id IS NULL`,
  );
  // One smartphone audit: its drop test (5.3) came from Hong Kong, presented by the enterprise and accepted by the auditor.
  const { rows: target } = await db.query(
    `SELECT f.id AS finding_id, f.audit_id, f.requirement_id, f.recorded_by, f.recorded_at,
            (SELECT u.id FROM users u WHERE u.organization_id = au.enterprise_id ORDER BY u.email LIMIT 1) AS presenter
       FROM findings f JOIN audits au ON au.id = f.audit_id JOIN requirements r ON r.id = f.requirement_id JOIN standards s ON s.id = r.standard_id
      WHERE s.code = 'SZBZ/PJ 0101' AND r.clause = '5.3'
      ORDER BY au.planned_on, au.id LIMIT 1`,
  );
  if (!target.length || !target[0].presenter) return;
  const t = target[0];
  const { rows: report } = await db.query(
    `INSERT INTO recognised_reports (audit_id, requirement_id, agreement_id, issuing_body, report_number, report_date, passed, status,
                                     presented_by, presented_at, decided_by, decided_at)
     VALUES ($1, $2, $3, 'SGS Hong Kong Limited', 'HKGE2600815301', ($4::timestamptz AT TIME ZONE 'Asia/Shanghai')::date - 30, true, 'accepted',
             $5, $4::timestamptz - interval '2 days', $6, $4::timestamptz)
     RETURNING id, report_number, report_date`,
    [t.audit_id, t.requirement_id, agreements.get('HKAS 香港认可处'), t.recorded_at, t.presenter, t.recorded_by],
  );
  await db.query(
    `UPDATE findings SET recognised_report_id = $2, laboratory_id = NULL, laboratory_name = NULL, cnas_number = NULL,
            report_number = $3, report_date = $4 WHERE id = $1`,
    [t.finding_id, report[0].id, report[0].report_number, report[0].report_date],
  );
}
