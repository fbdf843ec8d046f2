import { DEMO_EMAIL_DOMAIN } from '@app/shared';

/**
 * What only the demo adds to the reference world (scripts/fixtures/reference-data.ts): an account
 * for every person of its organizations, all with one published password, and two cases already
 * decided.
 */
export const DEMO_PASSWORD = 'Demo-Password-2026';

/** Cases already decided in the demo: the worker issues their certificates on its first start. */
export const CERTIFIED_CASES = [
  {
    enterprise: 'huaqiang',
    standard: 'phone',
    entry: 'phone',
    body: 'cb1',
    applicant: `admin@huaqiang.${DEMO_EMAIL_DOMAIN}`,
    reviewer: `reviewer@pengcheng-cert.${DEMO_EMAIL_DOMAIN}`,
    auditor: `auditor@pengcheng-cert.${DEMO_EMAIL_DOMAIN}`,
    decider: `decider@pengcheng-cert.${DEMO_EMAIL_DOMAIN}`,
    rationale: '初次工厂检查和型式检验全部符合 SZBZ/PJ 0101-2026，准予认证',
    scope: {
      kind: 'products',
      products: [
        { nameZh: '华强智能手机', nameEn: 'Huaqiang smartphone', brand: '华强', models: ['HQ-X1', 'HQ-X1 Pro'], factoryAddress: '深圳市福田区华强北路1019号' },
      ],
    },
  },
  {
    enterprise: 'tongyue',
    standard: 'infant',
    entry: 'infant',
    body: 'cb1',
    applicant: `admin@tongyue.${DEMO_EMAIL_DOMAIN}`,
    reviewer: `reviewer@pengcheng-cert.${DEMO_EMAIL_DOMAIN}`,
    auditor: `auditor2@pengcheng-cert.${DEMO_EMAIL_DOMAIN}`,
    decider: `decider@pengcheng-cert.${DEMO_EMAIL_DOMAIN}`,
    rationale: '婴幼儿服装甲醛、pH 值及绳带要求全部符合，准予认证',
    scope: {
      kind: 'products',
      products: [
        {
          nameZh: '童悦婴儿连体衣',
          nameEn: 'Tongyue baby bodysuit',
          brand: '童悦',
          models: ['TY-B66', 'TY-B73'],
          factoryAddress: '深圳市龙华区大浪时尚小镇华兴路22号',
        },
      ],
    },
  },
] as const;
