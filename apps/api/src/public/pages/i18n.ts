import type { Service } from '@app/shared';

/** The pages speak Simplified Chinese by default and English on request; every string is here. */
export type Lang = 'zh' | 'en';

export const HTML_LANG: Record<Lang, string> = { zh: 'zh-Hans', en: 'en' };

export type VerdictKey = 'valid' | 'suspended' | 'withdrawn' | 'cancelled' | 'expired' | 'unknown' | 'notACode' | 'forged' | 'mistyped';

const zh = {
  site: '深圳标准',
  siteFull: '深圳标准认证信息平台',
  skip: '跳到主要内容',
  navVerify: '核验',
  navRegistry: '认证名录',
  navReport: '举报',
  switchTo: 'English',
  switchLabel: 'Read this page in English',
  footer: '深圳标准认证信息平台 · 由深圳市市场监督管理局指导',
  footerData: '开放数据',
  footerKeys: '二维码验签公钥',
  beijingTime: '北京时间',

  verifyTitle: '核验深圳标准证书或标志',
  verifyIntro: '输入证书上的证书编号，或产品标志上的标志编码。扫描产品上的二维码也会直接打开核验结果。',
  codeLabel: '证书编号或标志编码',
  codeHint: '证书编号形如 SZS-2026-000123-F；标志编码形如 W7G6-NVKS-H4W9-X',
  verifyButton: '核验',
  codeRequired: '请输入证书编号或标志编码',
  checkAnother: '核验其他编号',
  checkAgain: '核对后重新核验',
  forgedAdvice: '请勿购买或使用印有此二维码的产品，并可在下方举报。如果标志上印有标志编码，也可以输入编码再次核验。',

  resultKicker: '深圳标准 · 核验结果',
  resultTitle: '核验结果',
  asOf: '查询时间',
  asOfNote: '状态以查询时为准',
  verdict: {
    valid: ['有效', '真实有效：该证书现处于有效状态。请核对下方的企业、产品和型号是否与实物一致。'],
    suspended: ['暂停', '该证书已被暂停：暂停期间，产品不得使用深圳标准标志。'],
    withdrawn: ['撤销', '该证书已被认证机构撤销：产品不再具有深圳标准认证。'],
    cancelled: ['注销', '该证书已应持证企业申请注销：产品不再具有深圳标准认证。'],
    expired: ['过期', '该证书已过有效期：产品不再具有深圳标准认证。'],
    unknown: ['未知', '未找到：没有与此编码对应的深圳标准证书或标志。该编码可能不是真实的。'],
    notACode: ['未知', '这不是深圳标准证书编号或标志编码，请核对后重新输入。'],
    forged: ['无效', '此二维码不是真实的深圳标准码：签名校验未通过。请勿相信该标志。'],
    mistyped: ['无效', '编码校验位不符：编码输入有误或系伪造。请核对后重新输入。'],
  } satisfies Record<VerdictKey, [string, string]>,
  queried: '查询的编码',

  certified: '认证内容',
  certificateNumber: '证书编号',
  status: '证书状态',
  holder: '持证企业',
  creditCode: '统一社会信用代码',
  certificationBody: '认证机构',
  category: '产品类别',
  standard: '认证依据标准',
  issuedOn: '颁发日期',
  expiresOn: '有效期至',
  products: '认证产品',
  service: '认证服务',
  productName: '产品名称',
  brand: '品牌',
  models: '型号',
  factory: '生产厂址',
  sites: '服务场所',
  markGrant: '标志使用许可',
  labelCode: '标志编码',
  markGrantIntro: '此标志编码属于以下标志使用许可：',
  grantStatus: '许可状态',
  grantStatuses: { requested: '申请中', granted: '已许可', refused: '未许可', suspended: '暂停', revoked: '已撤回' } as Record<string, string>,
  grantNotActive: '注意：该标志使用许可当前不在有效状态，产品不得使用深圳标准标志。',
  supersededNote: (edition: number) => `此二维码对应的证书版本已被第 ${edition} 版取代，以下为证书的现行信息。`,
  renewedNote: (number: string) => `该证书已由证书 ${number} 换证延续：`,
  media: '可使用载体',
  mediaNames: { product: '产品本体', packaging: '包装', manual: '说明书', advertising: '广告宣传' } as Record<string, string>,
  publicRecord: '查看公开记录和状态历史',

  statuses: { valid: '有效', suspended: '暂停', withdrawn: '撤销', cancelled: '注销', expired: '过期' } as Record<string, string>,

  reportTitle: '与您看到的不符？',
  reportIntro:
    '如果产品、企业或型号与上面的信息不一致，或者您在未获认证的产品上看到深圳标准标志，请告诉我们。举报将转交发证的认证机构和市场监管部门，无需登录。',
  reportStandaloneTitle: '举报涉嫌冒用深圳标准',
  reportStandaloneIntro: '在商店或网上看到可疑的深圳标准标志或证书？请告诉我们。举报将转交相关认证机构和市场监管部门，无需登录。',
  reportCode: '证书编号、标志编码或二维码链接（选填）',
  reportDescription: '您看到了什么（必填）',
  reportDescriptionHint: '例如：包装上的型号 HQ-X9 不在认证范围内；企业名称与证书不同',
  reportWhere: '在哪里看到（选填）',
  reportWhereHint: '商店名称和地址，或网店链接',
  reportContact: '联系方式（选填）',
  reportContactHint: '电话或电子邮箱，仅认证机构和监管部门可见，用于核实情况',
  reportSubmit: '提交举报',
  reportFixErrors: '请修改以下内容后重新提交：',
  thanksTitle: '举报已收到',
  thanksReference: '您的举报编号',
  thanksKeep: '请保存此编号。联系认证机构或市场监管部门时提供此编号，即可查询处理情况。',
  thanksRoutedTo: '已转交',
  thanksRegulator: '深圳市市场监督管理局',
  thanksCertificate: '涉及证书',
  thanksBack: '返回核验页面',
  thanksAt: '提交时间',
  fieldNames: { code: '编码', description: '您看到了什么', whereSeen: '在哪里看到', contact: '联系方式' } as Record<string, string>,
  fieldProblems: {
    description: '请用 5 到 4000 个字描述您看到的情况',
    code: '编码最多 1100 个字符',
    whereSeen: '最多 500 个字',
    contact: '最多 200 个字',
  } as Record<string, string>,

  registryTitle: '深圳标准认证名录',
  registryIntro: '按企业、产品、品牌或型号查询获得深圳标准认证的产品和服务。',
  searchLabel: '企业、产品、品牌或型号',
  searchHint: '至少 2 个字，例如“电子”或“HQ-X1”',
  categoryFilter: '类别',
  allCategories: '全部',
  allStatuses: '全部',
  search: '查询',
  latest: '最新认证',
  resultsFor: (q: string) => `“${q}”的查询结果`,
  shown: (n: number) => `本页 ${n} 条`,
  noResults: '没有找到符合条件的认证。请换一个关键词，或取消筛选条件。',
  nextPage: '下一页',
  firstPage: '回到第一页',
  searchTooShort: '请至少输入 2 个字（空格不计）',
  badCursor: '翻页链接已失效，请从第一页重新查询',
  badFilter: '筛选条件无效',

  recordTitle: (n: string) => `证书 ${n}`,
  history: '状态历史',
  event: '事件',
  date: '日期',
  reason: '公开原因',
  events: { issue: '颁发', suspend: '暂停', restore: '恢复', withdraw: '撤销', cancel: '注销', expire: '过期' } as Record<string, string>,
  reasons: {
    surveillance_failed: '监督审核未通过',
    surveillance_not_performed: '未按期接受监督审核',
    nonconforming_product: '产品不符合认证要求',
    misuse_of_mark: '违规使用认证标志',
    holder_request: '持证企业申请',
    suspension_not_lifted: '暂停期满未恢复',
    other: '其他',
  } as Record<string, string>,
  verifyThis: '核验此证书',
  reportThis: '举报涉嫌冒用',

  errorTitle: { 400: '输入有误', 404: '未找到', 429: '请求过于频繁', 500: '系统暂时无法处理', 503: '服务暂时不可用' } as Record<number, string>,
  errorText: {
    400: '请求中的内容无效，请返回检查后重试。',
    404: '没有找到您要的页面或证书。',
    429: '您在短时间内的请求过多，请稍后再试。',
    500: '系统暂时无法处理您的请求，请稍后再试。',
    503: '平台的一项服务暂时无法访问，请稍后再试。',
  } as Record<number, string>,
  serviceAway: {
    postgres: '平台的数据库（PostgreSQL）暂时无法访问，这不是您的操作造成的。',
    redis: '平台的限流与计数服务（Redis）暂时无法访问，这不是您的操作造成的。',
  } satisfies Record<Service, string>,
  retryAfter: (s: number) => `请在 ${s >= 120 ? `${Math.ceil(s / 60)} 分钟` : `${s} 秒`}后再试。`,
  errorReference: '请求编号',
  invalidFields: '有误的输入项：',
};

export type Dict = typeof zh;

const en: Dict = {
  site: 'Shenzhen Standard',
  siteFull: 'Shenzhen Standard certification platform',
  skip: 'Skip to main content',
  navVerify: 'Verify',
  navRegistry: 'Registry',
  navReport: 'Report',
  switchTo: '中文',
  switchLabel: '以中文阅读此页',
  footer: 'Shenzhen Standard certification platform · under the Shenzhen Administration for Market Regulation',
  footerData: 'Open data',
  footerKeys: 'QR signing keys',
  beijingTime: 'Beijing time',

  verifyTitle: 'Verify a Shenzhen Standard certificate or mark',
  verifyIntro:
    'Type the certificate number from a certificate, or the label code printed with the mark. Scanning the QR code on a product opens the result directly.',
  codeLabel: 'Certificate number or label code',
  codeHint: 'A certificate number looks like SZS-2026-000123-F; a label code like W7G6-NVKS-H4W9-X',
  verifyButton: 'Verify',
  codeRequired: 'Type a certificate number or a label code',
  checkAnother: 'Check another code',
  checkAgain: 'Check the code and try again',
  forgedAdvice:
    'Do not buy or rely on a product with this QR code; you can report it below. If the mark has a label code printed on it, you can also type that code to check it.',

  resultKicker: 'Shenzhen Standard · verification result',
  resultTitle: 'Verification result',
  asOf: 'Checked at',
  asOfNote: 'the status is as of this time',
  verdict: {
    valid: ['VALID', 'Genuine and in force. Check that the company, product and model below match what you have in front of you.'],
    suspended: ['SUSPENDED', 'The certificate is suspended: the Shenzhen Standard mark may not be used on the product meanwhile.'],
    withdrawn: ['WITHDRAWN', 'The certification body withdrew this certificate: the product is no longer certified.'],
    cancelled: ['CANCELLED', "Cancelled at the holder's request: the product is no longer certified."],
    expired: ['EXPIRED', 'The certificate has expired: the product is no longer certified.'],
    unknown: ['UNKNOWN', 'Not found: no Shenzhen Standard certificate or mark has this code. It may not be genuine.'],
    notACode: ['UNKNOWN', 'This is not a Shenzhen Standard certificate number or label code. Check it and try again.'],
    forged: ['NOT GENUINE', 'This QR code is not a genuine Shenzhen Standard code: its signature does not verify. Do not trust this mark.'],
    mistyped: ['INVALID', 'The check character does not match: the code was mistyped or is forged. Check it and try again.'],
  },
  queried: 'Code checked',

  certified: 'What is certified',
  certificateNumber: 'Certificate number',
  status: 'Status',
  holder: 'Certificate holder',
  creditCode: 'Unified social credit code',
  certificationBody: 'Certification body',
  category: 'Product category',
  standard: 'Standard',
  issuedOn: 'Issued',
  expiresOn: 'Valid until',
  products: 'Certified products',
  service: 'Certified service',
  productName: 'Product',
  brand: 'Brand',
  models: 'Models',
  factory: 'Factory',
  sites: 'Sites',
  markGrant: 'Mark licence',
  labelCode: 'Label code',
  markGrantIntro: 'This label code belongs to the following licence to use the mark:',
  grantStatus: 'Licence status',
  grantStatuses: { requested: 'requested', granted: 'granted', refused: 'refused', suspended: 'suspended', revoked: 'revoked' },
  grantNotActive: 'Note: this licence is not in force at present, so the Shenzhen Standard mark may not be used on the product.',
  supersededNote: (edition: number) =>
    `This QR code is of an earlier edition of the certificate, superseded by edition ${edition}; the current record is shown.`,
  renewedNote: (number: string) => `This certificate was renewed by certificate ${number}:`,
  media: 'May be used on',
  mediaNames: { product: 'the product', packaging: 'packaging', manual: 'manuals', advertising: 'advertising' },
  publicRecord: 'Public record and status history',

  statuses: { valid: 'Valid', suspended: 'Suspended', withdrawn: 'Withdrawn', cancelled: 'Cancelled', expired: 'Expired' },

  reportTitle: 'Does it not match?',
  reportIntro:
    'If the product, company or model differs from the details above, or you saw the Shenzhen Standard mark on a product that is not certified, tell us. The report goes to the certification body and the market regulator. No login needed.',
  reportStandaloneTitle: 'Report suspected misuse of the Shenzhen Standard',
  reportStandaloneIntro:
    'Saw a doubtful Shenzhen Standard mark or certificate in a shop or online? Tell us. The report goes to the certification body concerned and the market regulator. No login needed.',
  reportCode: 'Certificate number, label code or QR link (optional)',
  reportDescription: 'What did you see? (required)',
  reportDescriptionHint: 'For example: the packaging shows model HQ-X9, which is not in the certified scope; the company name differs',
  reportWhere: 'Where did you see it? (optional)',
  reportWhereHint: 'Shop name and address, or a link to the online shop',
  reportContact: 'How can we reach you? (optional)',
  reportContactHint: 'Phone or email; seen only by the certification body and the regulator, to check the facts',
  reportSubmit: 'Send report',
  reportFixErrors: 'Please correct the following and send again:',
  thanksTitle: 'Report received',
  thanksReference: 'Your reference number',
  thanksKeep: 'Keep this number. Quote it when you contact the certification body or the market regulator about your report.',
  thanksRoutedTo: 'Sent to',
  thanksRegulator: 'Shenzhen Administration for Market Regulation',
  thanksCertificate: 'Certificate concerned',
  thanksBack: 'Back to verification',
  thanksAt: 'Received at',
  fieldNames: { code: 'Code', description: 'What did you see', whereSeen: 'Where', contact: 'Contact' },
  fieldProblems: {
    description: 'Describe what you saw in 5 to 4000 characters',
    code: 'At most 1100 characters',
    whereSeen: 'At most 500 characters',
    contact: 'At most 200 characters',
  },

  registryTitle: 'Shenzhen Standard registry',
  registryIntro: 'Search the products and services certified to the Shenzhen Standard by company, product, brand or model.',
  searchLabel: 'Company, product, brand or model',
  searchHint: 'At least 2 characters, e.g. “电子” or “HQ-X1”',
  categoryFilter: 'Category',
  allCategories: 'All',
  allStatuses: 'All',
  search: 'Search',
  latest: 'Latest certificates',
  resultsFor: (q: string) => `Results for “${q}”`,
  shown: (n: number) => `${n} on this page`,
  noResults: 'No certificate matches. Try another word, or remove a filter.',
  nextPage: 'Next page',
  firstPage: 'Back to the first page',
  searchTooShort: 'Type at least 2 characters (not counting spaces)',
  badCursor: 'This page link has expired: search again from the first page',
  badFilter: 'This filter is not valid',

  recordTitle: (n: string) => `Certificate ${n}`,
  history: 'Status history',
  event: 'Event',
  date: 'Date',
  reason: 'Public reason',
  events: { issue: 'Issued', suspend: 'Suspended', restore: 'Restored', withdraw: 'Withdrawn', cancel: 'Cancelled', expire: 'Expired' },
  reasons: {
    surveillance_failed: 'Surveillance audit failed',
    surveillance_not_performed: 'Surveillance audit not performed on time',
    nonconforming_product: 'Product does not conform',
    misuse_of_mark: 'Misuse of the mark',
    holder_request: "Holder's request",
    suspension_not_lifted: 'Suspension not lifted in time',
    other: 'Other',
  },
  verifyThis: 'Verify this certificate',
  reportThis: 'Report suspected misuse',

  errorTitle: { 400: 'Invalid input', 404: 'Not found', 429: 'Too many requests', 500: 'Something went wrong', 503: 'Temporarily unavailable' },
  errorText: {
    400: 'Something in the request is not valid. Go back, check it and try again.',
    404: 'The page or certificate you asked for was not found.',
    429: 'You sent too many requests in a short time. Please wait a little.',
    500: 'The platform could not answer just now. Please try again later.',
    503: 'A service of the platform is unavailable just now. Please try again later.',
  },
  serviceAway: {
    postgres: "The platform's database (PostgreSQL) is unavailable just now; nothing you did caused it.",
    redis: "The platform's rate-limit and counter store (Redis) is unavailable just now; nothing you did caused it.",
  },
  retryAfter: (s: number) => `Try again in ${s >= 120 ? `${Math.ceil(s / 60)} minutes` : `${s} seconds`}.`,
  errorReference: 'Request id',
  invalidFields: 'Not valid:',
};

export const DICTIONARIES: Record<Lang, Dict> = { zh, en };

/**
 * `?lang=en|zh` wins; otherwise the first of zh or en in Accept-Language (by q); otherwise Chinese.
 * Returns whether the choice was explicit, so links keep an explicit choice and only that.
 */
export function chooseLang(query: unknown, acceptLanguage: string | undefined): { lang: Lang; explicit: boolean } {
  if (query === 'en' || query === 'zh') return { lang: query, explicit: true };
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean);
      return { tag, q: q ? Number(q[1]) : 1, i };
    })
    .filter((x) => x.tag && x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  const first = ranked.find((x) => x.tag === 'zh' || x.tag.startsWith('zh-') || x.tag === 'en' || x.tag.startsWith('en-'));
  return { lang: first?.tag.startsWith('en') ? 'en' : 'zh', explicit: false };
}
