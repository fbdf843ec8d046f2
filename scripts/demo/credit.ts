import type { Client } from 'pg';

/** Days before now, as SQL: the demo's listings and applications have some history. */
const ago = (days: number) => `now() - interval '${days} days'`;

/**
 * The credit record in the demo (issue 12): Mujiang Furniture on the abnormal-operations list for
 * an annual report not filed, with its listing decision and a removal application waiting for the
 * regulator; Tongyue Apparel on the serious-violation list. Tongyue's certificate is issued by the
 * worker after the seed, so its credit action for the body comes from the credit sweep's catch-up
 * (a certificate of a listed holder without one), as it would for a certificate issued after a listing.
 */
export async function seedCredit(db: Client): Promise<void> {
  const org = async (nameZh: string): Promise<string> => (await db.query(`SELECT id FROM organizations WHERE name_zh = $1`, [nameZh])).rows[0].id;
  const mujiang = await org('深圳市木匠家具有限公司');
  const tongyue = await org('深圳市童悦服饰有限公司');
  const { rows: regulatorUser } = await db.query(
    `SELECT u.id FROM users u JOIN organizations o ON o.id = u.organization_id WHERE o.kind = 'regulator' ORDER BY u.created_at LIMIT 1`,
  );
  const listedBy = regulatorUser[0]?.id ?? null;

  const { rows: abnormal } = await db.query(
    `INSERT INTO abnormal_operations (enterprise_id, reason, reason_code, decision_number, decision_date, deciding_authority, legal_basis, listed_at, listed_by)
     VALUES ($1, '未在规定期限内报送2025年度报告', 'annual_report_not_filed', '深市监信列〔2026〕0412号', (${ago(12)})::date,
             '深圳市市场监督管理局', '《企业经营异常名录管理暂行办法》第四条第（一）项', ${ago(12)}, $2)
     RETURNING id`,
    [mujiang, listedBy],
  );
  const { rows: mujiangAdmin } = await db.query(`SELECT id FROM users WHERE organization_id = $1 ORDER BY created_at LIMIT 1`, [mujiang]);
  await db.query(
    `INSERT INTO credit_applications (kind, listing_kind, listing_id, enterprise_id, reason, corrections, submitted_at, submitted_by, due_on)
     VALUES ('removal', 'abnormal_operations', $1, $2, '已补报2025年度报告并公示', '2026年补报年度报告，已在国家企业信用信息公示系统公示，可查询核实',
             ${ago(2)}, $3, (now() AT TIME ZONE 'Asia/Shanghai')::date - 2 + 7)`,
    [abnormal[0].id, mujiang, mujiangAdmin[0]?.id ?? null],
  );

  await db.query(
    `INSERT INTO serious_violation_listings (enterprise_id, reason, legal_basis, decision_number, decision_date, deciding_authority, listed_at, listed_by)
     VALUES ($1, '在认证活动中提供虚假检测报告（演示数据）', '《市场监督管理严重违法失信名单管理办法》第九条', '深市监严列〔2026〕0037号',
             (${ago(3)})::date, '深圳市市场监督管理局', ${ago(3)}, $2)`,
    [tongyue, listedBy],
  );
}
