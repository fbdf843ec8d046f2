import { DEMO_EMAIL_DOMAIN } from '@app/shared';

/**
 * The demo world loaded by `npm start` on an empty database: the four pilot categories and three
 * candidates, illustrative Shenzhen Standard evaluation specifications with their requirements
 * (codes and figures are examples, not the official texts), a published catalogue batch, a
 * regulator, two certification bodies with authorizations, three enterprises with
 * self-declarations, an association, and a user for every role.
 */
export const DEMO_PASSWORD = 'Demo-Password-2026';

export const CATEGORIES = [
  { code: 'FOOD', nameZh: '食品', nameEn: 'Food', pilot: true },
  { code: 'FURNITURE', nameZh: '家具', nameEn: 'Furniture', pilot: true },
  { code: 'APPAREL', nameZh: '服装', nameEn: 'Apparel', pilot: true },
  { code: 'ELECTRONICS', nameZh: '电子信息产品', nameEn: 'Electronic information products', pilot: true },
  { code: 'WATCHES', nameZh: '钟表', nameEn: 'Watches and clocks', pilot: false },
  { code: 'EYEWEAR', nameZh: '眼镜', nameEn: 'Eyewear', pilot: false },
  { code: 'JEWELLERY', nameZh: '珠宝', nameEn: 'Jewellery', pilot: false },
];

type Req = { clause: string; textZh: string; textEn: string; critical: boolean } & (
  | { kind: 'measured'; unit: string; min?: number; max?: number }
  | { kind: 'pass_fail' }
);

export interface DemoStandard {
  key: string;
  code: string;
  version: string;
  titleZh: string;
  titleEn: string;
  kind: 'shenzhen' | 'group' | 'national';
  issuer: string;
  categories: string[];
  requirements: Req[];
}

export const STANDARDS: DemoStandard[] = [
  {
    key: 'phone',
    code: 'SZBZ/PJ 0101',
    version: '2026',
    titleZh: '智能手机 深圳标准评价规范',
    titleEn: 'Smartphones — Shenzhen Standard evaluation specification',
    kind: 'shenzhen',
    issuer: '深圳市市场监督管理局',
    categories: ['ELECTRONICS'],
    requirements: [
      { clause: '5.1', textZh: '典型场景待机时间', textEn: 'Standby time, typical use', kind: 'measured', unit: 'h', min: 72, critical: true },
      { clause: '5.2', textZh: '比吸收率（头部，10 g 平均）', textEn: 'Specific absorption rate (head, 10 g)', kind: 'measured', unit: 'W/kg', max: 1.6, critical: true },
      { clause: '5.3', textZh: '1.5 m 六面跌落后无功能失效', textEn: 'No functional failure after 1.5 m six-face drop', kind: 'pass_fail', critical: true },
      { clause: '5.4', textZh: '充电器平均效率', textEn: 'Charger average efficiency', kind: 'measured', unit: '%', min: 87, critical: false },
      { clause: '5.5', textZh: '防水等级不低于 IPX7', textEn: 'Water protection at least IPX7', kind: 'pass_fail', critical: false },
    ],
  },
  {
    key: 'infant',
    code: 'SZBZ/PJ 0203',
    version: '2026',
    titleZh: '婴幼儿服装 深圳标准评价规范',
    titleEn: 'Infant clothing — Shenzhen Standard evaluation specification',
    kind: 'shenzhen',
    issuer: '深圳市市场监督管理局',
    categories: ['APPAREL'],
    requirements: [
      { clause: '4.1', textZh: '甲醛含量', textEn: 'Formaldehyde content', kind: 'measured', unit: 'mg/kg', max: 20, critical: true },
      { clause: '4.2', textZh: 'pH 值', textEn: 'pH value', kind: 'measured', unit: 'pH', min: 4.0, max: 7.5, critical: true },
      { clause: '4.3', textZh: '耐唾液色牢度', textEn: 'Colour fastness to saliva', kind: 'measured', unit: '级', min: 4, critical: false },
      { clause: '4.4', textZh: '头颈部不得有绳带', textEn: 'No cords or drawstrings at head and neck', kind: 'pass_fail', critical: true },
    ],
  },
  {
    key: 'desk',
    code: 'SZBZ/PJ 0305',
    version: '2026',
    titleZh: '木制书桌 深圳标准评价规范',
    titleEn: 'Wooden desks — Shenzhen Standard evaluation specification',
    kind: 'shenzhen',
    issuer: '深圳市市场监督管理局',
    categories: ['FURNITURE'],
    requirements: [
      { clause: '6.1', textZh: '甲醛释放量（气候箱法）', textEn: 'Formaldehyde emission (chamber method)', kind: 'measured', unit: 'mg/m³', max: 0.05, critical: true },
      { clause: '6.2', textZh: '桌面耐磨性', textEn: 'Surface abrasion resistance', kind: 'measured', unit: 'r', min: 6000, critical: false },
      { clause: '6.3', textZh: '稳定性试验无倾翻', textEn: 'No tipping in the stability test', kind: 'pass_fail', critical: true },
    ],
  },
  {
    key: 'water',
    code: 'SZBZ/PJ 0402',
    version: '2026',
    titleZh: '包装饮用水 深圳标准评价规范',
    titleEn: 'Packaged drinking water — Shenzhen Standard evaluation specification',
    kind: 'shenzhen',
    issuer: '深圳市市场监督管理局',
    categories: ['FOOD'],
    requirements: [
      { clause: '5.1', textZh: '菌落总数', textEn: 'Total plate count', kind: 'measured', unit: 'CFU/mL', max: 20, critical: true },
      { clause: '5.2', textZh: '铅（以 Pb 计）', textEn: 'Lead (as Pb)', kind: 'measured', unit: 'mg/L', max: 0.005, critical: true },
      { clause: '5.3', textZh: '电导率', textEn: 'Electrical conductivity', kind: 'measured', unit: 'μS/cm', max: 10, critical: false },
      { clause: '5.4', textZh: '标签标识符合要求', textEn: 'Labelling complies', kind: 'pass_fail', critical: false },
    ],
  },
  {
    key: 'earphone-group',
    code: 'T/SZSA 018',
    version: '2025',
    titleZh: '真无线蓝牙耳机 团体标准',
    titleEn: 'True wireless earphones — group standard',
    kind: 'group',
    issuer: '深圳市标准化协会',
    categories: ['ELECTRONICS'],
    requirements: [
      { clause: '4.1', textZh: '单次续航时间', textEn: 'Playback time per charge', kind: 'measured', unit: 'h', min: 6, critical: true },
      { clause: '4.2', textZh: '最大声压级', textEn: 'Maximum sound pressure level', kind: 'measured', unit: 'dB(A)', max: 100, critical: true },
    ],
  },
];

export const BATCH = { number: '2026-01', titleZh: '深圳标准认证产品和服务目录（第一批）', titleEn: 'Shenzhen Standard catalogue, batch 1' };

export const ENTRIES = [
  { key: 'phone', categoryCode: 'ELECTRONICS', kind: 'product', nameZh: '智能手机', nameEn: 'Smartphones', standards: ['phone'] },
  { key: 'earphone', categoryCode: 'ELECTRONICS', kind: 'product', nameZh: '蓝牙耳机', nameEn: 'Bluetooth earphones', standards: ['earphone-group'] },
  { key: 'infant', categoryCode: 'APPAREL', kind: 'product', nameZh: '婴幼儿服装', nameEn: 'Infant clothing', standards: ['infant'] },
  { key: 'desk', categoryCode: 'FURNITURE', kind: 'product', nameZh: '木制书桌', nameEn: 'Wooden desks', standards: ['desk'] },
  { key: 'water', categoryCode: 'FOOD', kind: 'product', nameZh: '包装饮用水', nameEn: 'Packaged drinking water', standards: ['water'] },
] as const;

export interface DemoOrganization {
  key: string;
  kind: 'regulator' | 'certification_body' | 'enterprise' | 'association';
  nameZh: string;
  nameEn: string;
  /** First 17 characters; the check character is computed (GB 32100-2015). */
  creditCode17: string;
  address: string;
  users: { email: string; displayName: string; roles: string[] }[];
}

export const ORGANIZATIONS: DemoOrganization[] = [
  {
    key: 'regulator', kind: 'regulator', nameZh: '深圳市市场监督管理局（演示）', nameEn: 'Shenzhen Administration for Market Regulation (demo)',
    creditCode17: '11440300MB2C9F5A1', address: '深圳市福田区深南大道7010号',
    users: [{ email: `regulator@${DEMO_EMAIL_DOMAIN}`, displayName: '王监管', roles: ['regulator'] }],
  },
  {
    key: 'cb1', kind: 'certification_body', nameZh: '深圳鹏城认证中心有限公司', nameEn: 'Pengcheng Certification Centre Co., Ltd.',
    creditCode17: '91440300MA5FPC8R2', address: '深圳市南山区科技南十二路18号',
    users: [
      { email: `admin@pengcheng-cert.${DEMO_EMAIL_DOMAIN}`, displayName: '陈主任', roles: ['cb_admin'] },
      { email: `reviewer@pengcheng-cert.${DEMO_EMAIL_DOMAIN}`, displayName: '刘审核', roles: ['reviewer'] },
      { email: `auditor@pengcheng-cert.${DEMO_EMAIL_DOMAIN}`, displayName: '张检查员', roles: ['auditor'] },
      { email: `auditor2@pengcheng-cert.${DEMO_EMAIL_DOMAIN}`, displayName: '赵检查员', roles: ['auditor'] },
      { email: `decider@pengcheng-cert.${DEMO_EMAIL_DOMAIN}`, displayName: '黄决定', roles: ['decision_maker'] },
    ],
  },
  {
    key: 'cb2', kind: 'certification_body', nameZh: '深圳南方质量认证有限公司', nameEn: 'Southern Quality Certification (Shenzhen) Co., Ltd.',
    creditCode17: '91440300MA5GNF3K7', address: '深圳市福田区福华一路88号',
    users: [
      { email: `admin@south-cert.${DEMO_EMAIL_DOMAIN}`, displayName: '林主任', roles: ['cb_admin'] },
      { email: `reviewer@south-cert.${DEMO_EMAIL_DOMAIN}`, displayName: '周审核', roles: ['reviewer'] },
      { email: `auditor@south-cert.${DEMO_EMAIL_DOMAIN}`, displayName: '吴检查员', roles: ['auditor'] },
      { email: `decider@south-cert.${DEMO_EMAIL_DOMAIN}`, displayName: '郑决定', roles: ['decision_maker'] },
    ],
  },
  {
    key: 'huaqiang', kind: 'enterprise', nameZh: '深圳市华强电子有限公司', nameEn: 'Shenzhen Huaqiang Electronics Co., Ltd.',
    creditCode17: '91440300MA5DHQ2E6', address: '深圳市福田区华强北路1019号',
    users: [
      { email: `admin@huaqiang.${DEMO_EMAIL_DOMAIN}`, displayName: '李质量', roles: ['enterprise_admin'] },
      { email: `member@huaqiang.${DEMO_EMAIL_DOMAIN}`, displayName: '何专员', roles: ['enterprise_member'] },
    ],
  },
  {
    key: 'tongyue', kind: 'enterprise', nameZh: '深圳市童悦服饰有限公司', nameEn: 'Shenzhen Tongyue Apparel Co., Ltd.',
    creditCode17: '91440300MA5ETY7F4', address: '深圳市龙华区大浪时尚小镇华兴路22号',
    users: [{ email: `admin@tongyue.${DEMO_EMAIL_DOMAIN}`, displayName: '孙质量', roles: ['enterprise_admin'] }],
  },
  {
    key: 'mujiang', kind: 'enterprise', nameZh: '深圳市木匠家具有限公司', nameEn: 'Shenzhen Mujiang Furniture Co., Ltd.',
    creditCode17: '91440300MA5HMJ4G9', address: '深圳市宝安区石岩街道家具产业园6栋',
    users: [{ email: `admin@mujiang.${DEMO_EMAIL_DOMAIN}`, displayName: '钱质量', roles: ['enterprise_admin'] }],
  },
  {
    key: 'association', kind: 'association', nameZh: '深圳市标准化协会（演示）', nameEn: 'Shenzhen Standardization Association (demo)',
    creditCode17: '51440300MJL1234A5', address: '深圳市福田区莲花路1095号',
    users: [{ email: `admin@association.${DEMO_EMAIL_DOMAIN}`, displayName: '冯秘书长', roles: ['association_admin'] }],
  },
];

export const AUTHORIZATIONS = [
  { body: 'cb1', category: 'ELECTRONICS', accreditation: 'CNCA-R-2019-455' },
  { body: 'cb1', category: 'APPAREL', accreditation: 'CNCA-R-2019-455' },
  { body: 'cb1', category: 'FURNITURE', accreditation: 'CNCA-R-2019-455' },
  { body: 'cb1', category: 'FOOD', accreditation: 'CNCA-R-2019-455' },
  { body: 'cb2', category: 'ELECTRONICS', accreditation: 'CNCA-R-2021-132' },
  { body: 'cb2', category: 'APPAREL', accreditation: 'CNCA-R-2021-132' },
];

export const DECLARATIONS = [
  { enterprise: 'huaqiang', standard: 'phone', productNameZh: '华强智能手机', productNameEn: 'Huaqiang smartphone', models: ['HQ-X1', 'HQ-X1 Pro'],
    keyIndicators: [{ name: '待机时间', value: '80', unit: 'h' }, { name: '比吸收率', value: '0.9', unit: 'W/kg' }] },
  { enterprise: 'huaqiang', standard: 'earphone-group', productNameZh: '华强蓝牙耳机', productNameEn: 'Huaqiang earbuds', models: ['HQ-Buds 3'],
    keyIndicators: [{ name: '续航', value: '7.5', unit: 'h' }] },
  { enterprise: 'tongyue', standard: 'infant', productNameZh: '童悦婴儿连体衣', productNameEn: 'Tongyue baby bodysuit', models: ['TY-B66', 'TY-B73'],
    keyIndicators: [{ name: '甲醛含量', value: '≤10', unit: 'mg/kg' }] },
  { enterprise: 'mujiang', standard: 'desk', productNameZh: '木匠实木学习桌', productNameEn: 'Mujiang solid-wood study desk', models: ['MJ-D120'],
    keyIndicators: [{ name: '甲醛释放量', value: '0.03', unit: 'mg/m³' }] },
];

/** Cases already decided in the demo: the worker issues their certificates on its first start. */
export const CERTIFIED_CASES = [
  {
    enterprise: 'huaqiang', standard: 'phone', entry: 'phone', body: 'cb1',
    applicant: `admin@huaqiang.${DEMO_EMAIL_DOMAIN}`, reviewer: `reviewer@pengcheng-cert.${DEMO_EMAIL_DOMAIN}`,
    auditor: `auditor@pengcheng-cert.${DEMO_EMAIL_DOMAIN}`, decider: `decider@pengcheng-cert.${DEMO_EMAIL_DOMAIN}`,
    rationale: '初次工厂检查和型式检验全部符合 SZBZ/PJ 0101-2026，准予认证',
    scope: {
      kind: 'products',
      products: [{ nameZh: '华强智能手机', nameEn: 'Huaqiang smartphone', brand: '华强', models: ['HQ-X1', 'HQ-X1 Pro'], factoryAddress: '深圳市福田区华强北路1019号' }],
    },
  },
  {
    enterprise: 'tongyue', standard: 'infant', entry: 'infant', body: 'cb1',
    applicant: `admin@tongyue.${DEMO_EMAIL_DOMAIN}`, reviewer: `reviewer@pengcheng-cert.${DEMO_EMAIL_DOMAIN}`,
    auditor: `auditor2@pengcheng-cert.${DEMO_EMAIL_DOMAIN}`, decider: `decider@pengcheng-cert.${DEMO_EMAIL_DOMAIN}`,
    rationale: '婴幼儿服装甲醛、pH 值及绳带要求全部符合，准予认证',
    scope: {
      kind: 'products',
      products: [{ nameZh: '童悦婴儿连体衣', nameEn: 'Tongyue baby bodysuit', brand: '童悦', models: ['TY-B66', 'TY-B73'], factoryAddress: '深圳市龙华区大浪时尚小镇华兴路22号' }],
    },
  },
] as const;
