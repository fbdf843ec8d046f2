import type { Lang } from './i18n';

/** The complaint pages' strings (zh first), beside the shared dictionary so the two can change apart. */
const zh = {
  navComplaint: '投诉',
  title: '投诉',
  intro:
    '对获证产品、持证企业或认证机构的工作不满意？请在此投诉，无需登录。关于证书或持证企业的投诉由发证的认证机构处理；关于认证机构本身的投诉由市场监管部门处理。处理人员与被投诉事项无关。',
  about: '投诉对象（必填）',
  aboutNames: { product: '获证产品（证书）', holder: '持证企业', certification_body: '认证机构的工作' } as Record<string, string>,
  certificateNumber: '证书编号',
  certificateNumberHint: '投诉产品时必填，形如 SZS-2026-000123-F',
  creditCode: '统一社会信用代码',
  creditCodeHint: '没有证书编号时，填写被投诉企业或认证机构的 18 位代码',
  description: '投诉内容（必填）',
  descriptionHint: '发生了什么，您希望如何处理',
  name: '您的姓名（选填）',
  email: '电子邮箱（必填）',
  emailHint: '受理回执和处理结果发送至此邮箱；凭投诉编号和邮箱可查询处理进度',
  submit: '提交投诉',
  fixErrors: '请修改以下内容后重新提交：',
  fieldNames: {
    about: '投诉对象',
    certificateNumber: '证书编号',
    creditCode: '统一社会信用代码',
    description: '投诉内容',
    name: '姓名',
    email: '电子邮箱',
  } as Record<string, string>,
  problems: {
    about: '请选择投诉对象',
    certificateNumber: '请填写有效的证书编号',
    creditCode: '请填写 18 位统一社会信用代码',
    description: '请用 10 到 4000 个字说明投诉内容',
    name: '最多 200 个字',
    email: '请填写有效的电子邮箱',
  } as Record<string, string>,
  thanksTitle: '投诉已受理',
  thanksReference: '您的投诉编号',
  thanksKeep: '请保存此编号。凭此编号和您的电子邮箱可查询处理进度；处理结果将发送到您的邮箱。',
  handledBy: '处理单位',
  regulator: '深圳市市场监督管理局',
  receivedAt: '受理时间',
  certificate: '涉及证书',
  link: '投诉获证产品、持证企业或认证机构',
};

export type ComplaintDict = typeof zh;

const en: ComplaintDict = {
  navComplaint: 'Complain',
  title: 'Make a complaint',
  intro:
    "Unhappy with a certified product, a certificate holder or a certification body's work? Complain here; no login needed. A complaint about a certificate or its holder is handled by the certification body that issued it; one about a certification body itself by the market regulator. It is handled by people not involved in the matter.",
  about: 'What is it about? (required)',
  aboutNames: { product: 'A certified product (its certificate)', holder: 'A certificate holder', certification_body: "A certification body's work" },
  certificateNumber: 'Certificate number',
  certificateNumberHint: 'Required for a product; looks like SZS-2026-000123-F',
  creditCode: 'Unified social credit code',
  creditCodeHint: 'Without a certificate number: the 18-character code of the company or certification body',
  description: 'Your complaint (required)',
  descriptionHint: 'What happened, and what you would like done',
  name: 'Your name (optional)',
  email: 'Email (required)',
  emailHint: 'The acknowledgement and the outcome are sent here; with the reference it lets you check progress',
  submit: 'Send complaint',
  fixErrors: 'Please correct the following and send again:',
  fieldNames: {
    about: 'What it is about',
    certificateNumber: 'Certificate number',
    creditCode: 'Credit code',
    description: 'Complaint',
    name: 'Name',
    email: 'Email',
  },
  problems: {
    about: 'Choose what the complaint is about',
    certificateNumber: 'Give a valid certificate number',
    creditCode: 'Give the 18-character unified social credit code',
    description: 'Describe the complaint in 10 to 4000 characters',
    name: 'At most 200 characters',
    email: 'Give a valid email address',
  },
  thanksTitle: 'Complaint received',
  thanksReference: 'Your reference number',
  thanksKeep: 'Keep this number. With it and your email you can check progress; the outcome will be sent to your email.',
  handledBy: 'Handled by',
  regulator: 'Shenzhen Administration for Market Regulation',
  receivedAt: 'Received at',
  certificate: 'Certificate concerned',
  link: 'Complain about a certified product, a holder or a certification body',
};

export const COMPLAINT_DICTIONARIES: Record<Lang, ComplaintDict> = { zh, en };
