import type { Schemas } from '../api/client';
import type { Language } from './language';

/**
 * The names people read for the API's codes (states, roles, kinds), in both languages. One table
 * per code family; a code the table does not know is shown as it is rather than hidden.
 */
export type Labels = Record<string, { zh: string; en: string }>;

export const STATUS_LABELS = {
  application: {
    draft: { zh: '草稿', en: 'Draft' },
    submitted: { zh: '已提交', en: 'Submitted' },
    under_review: { zh: '审查中', en: 'Under review' },
    info_requested: { zh: '待补充资料', en: 'Information requested' },
    accepted: { zh: '已受理', en: 'Accepted' },
    rejected: { zh: '不予受理', en: 'Rejected' },
    in_evaluation: { zh: '评价中', en: 'In evaluation' },
    awaiting_decision: { zh: '待认证决定', en: 'Awaiting decision' },
    granted: { zh: '已获证', en: 'Granted' },
    refused: { zh: '未获证', en: 'Refused' },
    withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  },
  audit: {
    planned: { zh: '已计划', en: 'Planned' },
    in_progress: { zh: '进行中', en: 'In progress' },
    submitted: { zh: '已提交', en: 'Submitted' },
    evaluated: { zh: '已评价', en: 'Evaluated' },
  },
  auditOutcome: {
    passed: { zh: '通过', en: 'Passed' },
    failed: { zh: '不通过', en: 'Failed' },
    corrections_required: { zh: '需整改', en: 'Corrections required' },
  },
  certificate: {
    valid: { zh: '有效', en: 'Valid' },
    suspended: { zh: '暂停', en: 'Suspended' },
    withdrawn: { zh: '撤销', en: 'Withdrawn' },
    cancelled: { zh: '注销', en: 'Cancelled' },
    expired: { zh: '过期', en: 'Expired' },
  },
  markGrant: {
    requested: { zh: '待批准', en: 'Requested' },
    granted: { zh: '已批准', en: 'Granted' },
    refused: { zh: '已拒绝', en: 'Refused' },
    suspended: { zh: '暂停', en: 'Suspended' },
    revoked: { zh: '已撤销', en: 'Revoked' },
  },
  nonconformity: {
    open: { zh: '待整改', en: 'Open' },
    answered: { zh: '已答复', en: 'Answered' },
    closed: { zh: '已关闭', en: 'Closed' },
  },
  misuseReport: {
    received: { zh: '已接收', en: 'Received' },
    reviewing: { zh: '处理中', en: 'Reviewing' },
    closed: { zh: '已结案', en: 'Closed' },
  },
  labelBatch: {
    requested: { zh: '生成中', en: 'Generating' },
    ready: { zh: '已生成', en: 'Ready' },
  },
  signal: {
    open: { zh: '待处理', en: 'Open' },
    dismissed: { zh: '已排除', en: 'Dismissed' },
    confirmed: { zh: '已确认', en: 'Confirmed' },
  },
  groupStandard: {
    proposed: { zh: '已提出', en: 'Proposed' },
    approved: { zh: '已立项', en: 'Project approved' },
    drafting: { zh: '起草中', en: 'Drafting' },
    public_comment: { zh: '征求意见中', en: 'Open for comment' },
    technical_review: { zh: '技术审查', en: 'Technical review' },
    published: { zh: '现行有效', en: 'Published' },
    review: { zh: '复审中', en: 'Under review' },
    superseded: { zh: '已被代替', en: 'Superseded' },
    withdrawn: { zh: '已废止', en: 'Withdrawn' },
  },
  /** The regulator's advancedness evaluation (先进性评价) of a group standard. */
  advancednessEvaluation: {
    passed: { zh: '通过', en: 'Passed' },
    failed: { zh: '未通过', en: 'Not passed' },
  },
  declaration: {
    published: { zh: '已公开', en: 'Published' },
    superseded: { zh: '已被替代', en: 'Superseded' },
    withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  },
  webhook: {
    active: { zh: '启用', en: 'Active' },
    paused: { zh: '已暂停', en: 'Paused' },
    deactivated: { zh: '已停用', en: 'Deactivated' },
  },
  webhookDelivery: {
    pending: { zh: '待发送', en: 'Pending' },
    delivered: { zh: '已送达', en: 'Delivered' },
    failed: { zh: '失败', en: 'Failed' },
    skipped: { zh: '未发送', en: 'Skipped' },
  },
  user: {
    active: { zh: '启用', en: 'Active' },
    inactive: { zh: '已停用', en: 'Deactivated' },
  },
  apiKey: {
    active: { zh: '有效', en: 'Active' },
    revoked: { zh: '已吊销', en: 'Revoked' },
  },
  job: {
    scheduled: { zh: '已排期', en: 'Scheduled' },
    pending: { zh: '待执行', en: 'Pending' },
    dispatched: { zh: '执行中', en: 'Running' },
    completed: { zh: '已完成', en: 'Completed' },
    failed: { zh: '失败', en: 'Failed' },
  },
  standard: {
    current: { zh: '现行', en: 'Current' },
    superseded: { zh: '已被替代', en: 'Superseded' },
    withdrawn: { zh: '已废止', en: 'Withdrawn' },
  },
  catalogueBatch: {
    draft: { zh: '草稿', en: 'Draft' },
    published: { zh: '已发布', en: 'Published' },
  },
  catalogueEntry: {
    open: { zh: '开放', en: 'Open' },
    closed: { zh: '已关闭', en: 'Closed' },
  },
  authorization: {
    active: { zh: '有效', en: 'Active' },
    revoked: { zh: '已撤销', en: 'Revoked' },
  },
  listing: {
    listed: { zh: '在列', en: 'Listed' },
    removed: { zh: '已移出', en: 'Removed' },
  },
  laboratory: {
    accredited: { zh: '认可有效', en: 'Accredited' },
    suspended: { zh: '暂停', en: 'Suspended' },
    withdrawn: { zh: '已撤销', en: 'Withdrawn' },
  },
  agreement: {
    in_force: { zh: '有效', en: 'In force' },
    terminated: { zh: '已终止', en: 'Terminated' },
  },
  recognisedReport: {
    presented: { zh: '待审核', en: 'Presented' },
    accepted: { zh: '已采信', en: 'Accepted' },
    refused: { zh: '不予采信', en: 'Refused' },
    withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  },
  appeal: {
    lodged: { zh: '已提出', en: 'Lodged' },
    under_consideration: { zh: '审理中', en: 'Under consideration' },
    upheld: { zh: '申诉成立', en: 'Upheld' },
    dismissed: { zh: '申诉驳回', en: 'Dismissed' },
  },
  creditApplication: {
    pending: { zh: '待决定', en: 'Pending' },
    granted: { zh: '已准予', en: 'Granted' },
    refused: { zh: '不予准许', en: 'Refused' },
  },
  creditAction: {
    open: { zh: '待处理', en: 'Open' },
    done: { zh: '已处理', en: 'Done' },
    lapsed: { zh: '已失效', en: 'Lapsed' },
  },
  complaint: {
    received: { zh: '已收到', en: 'Received' },
    acknowledged: { zh: '已确认受理', en: 'Acknowledged' },
    under_investigation: { zh: '调查中', en: 'Under investigation' },
    resolved: { zh: '已处理', en: 'Resolved' },
    closed: { zh: '已结案', en: 'Closed' },
  },
} satisfies Record<string, Labels>;

export const AGREEMENT_KIND_LABELS: Labels = {
  ilac_mra: { zh: 'ILAC 互认协议签约方', en: 'ILAC MRA signatory' },
  hk_macao: { zh: '港澳机构', en: 'Hong Kong / Macao body' },
  scheme_certificate: { zh: '其他认证制度证书', en: "Another scheme's certificate" },
};

export const ORGANIZATION_KIND_LABELS: Labels = {
  enterprise: { zh: '企业', en: 'Enterprise' },
  certification_body: { zh: '认证机构', en: 'Certification body' },
  regulator: { zh: '监管部门', en: 'Regulator' },
  association: { zh: '协会', en: 'Association' },
};

export const STANDARD_KIND_LABELS: Labels = {
  shenzhen: { zh: '深圳标准', en: 'Shenzhen standard' },
  group: { zh: '团体标准', en: 'Group standard' },
  national: { zh: '国家标准', en: 'National standard' },
  international: { zh: '国际标准', en: 'International standard' },
  enterprise: { zh: '企业标准', en: 'Enterprise standard' },
};

export const ENTRY_KIND_LABELS: Labels = {
  product: { zh: '产品', en: 'Product' },
  service: { zh: '服务', en: 'Service' },
};

export const ROLE_LABELS: Labels = {
  regulator: { zh: '监管人员', en: 'Regulator' },
  reviewer: { zh: '审查员', en: 'Reviewer' },
  auditor: { zh: '审核员', en: 'Auditor' },
  decision_maker: { zh: '认证决定人员', en: 'Decision maker' },
  cb_admin: { zh: '认证机构管理员', en: 'Certification body administrator' },
  enterprise_admin: { zh: '企业管理员', en: 'Enterprise administrator' },
  enterprise_member: { zh: '企业成员', en: 'Enterprise member' },
  association_admin: { zh: '协会管理员', en: 'Association administrator' },
  association_member: { zh: '协会成员', en: 'Association member' },
};

/** Where a mark may be used (MarkGrantRequestDto.media). */
export const MEDIA_LABELS: Labels = {
  product: { zh: '产品本体', en: 'Product' },
  packaging: { zh: '包装', en: 'Packaging' },
  manual: { zh: '说明书', en: 'Manual' },
  advertising: { zh: '广告宣传', en: 'Advertising' },
};

/** What happened to a certificate (its history's actions). */
export const CERTIFICATE_ACTION_LABELS: Labels = {
  issue: { zh: '颁发', en: 'Issued' },
  suspend: { zh: '暂停', en: 'Suspended' },
  restore: { zh: '恢复', en: 'Restored' },
  withdraw: { zh: '撤销', en: 'Withdrawn' },
  cancel: { zh: '注销', en: 'Cancelled' },
  expire: { zh: '到期', en: 'Expired' },
  reinstate: { zh: '恢复有效（申诉成立）', en: 'Reinstated (appeal upheld)' },
  renewed: { zh: '已再认证', en: 'Renewed' },
  scope_extended: { zh: '扩大范围', en: 'Scope extended' },
  scope_reduced: { zh: '缩小范围', en: 'Scope reduced' },
  reissue: { zh: '换版', en: 'Re-issued' },
  transition_completed: { zh: '标准换版转换完成', en: 'Standard transition completed' },
  maintained: { zh: '监督不合格后保持证书', en: 'Maintained after a failed audit' },
  surveillance_passed: { zh: '监督审核通过', en: 'Surveillance passed' },
  surveillance_failed: { zh: '监督审核不通过', en: 'Surveillance failed' },
  special_audit_passed: { zh: '专项审核通过', en: 'Special audit passed' },
  special_audit_failed: { zh: '专项审核不通过', en: 'Special audit failed' },
};

/** A certification body's decision an enterprise may appeal (DecisionAppealed.action). */
/** The decisions an appeal can be against, as DecisionAppealed.action names them. */
export const APPEALED_DECISION_LABELS: Labels = {
  refuse: { zh: '不予发证', en: 'Refusal of certification' },
  reject: { zh: '不予受理', en: 'Rejection of the application' },
  suspend: { zh: '暂停证书', en: 'Suspension of the certificate' },
  scope_reduced: { zh: '缩小认证范围', en: 'Scope reduction' },
  withdraw: { zh: '撤销证书', en: 'Withdrawal of the certificate' },
};

export const APPLICATION_KIND_LABELS: Labels = {
  initial: { zh: '初次认证', en: 'Initial' },
  renewal: { zh: '再认证', en: 'Renewal' },
  extension: { zh: '扩大范围', en: 'Extension' },
};

export const AGGREGATE_LABELS: Labels = {
  application: { zh: '申请', en: 'The application' },
  audit: { zh: '审核', en: 'The audit' },
  certificate: { zh: '证书', en: 'The certificate' },
  'mark grant': { zh: '标志使用', en: 'The mark grant' },
  appeal: { zh: '申诉', en: 'The appeal' },
  complaint: { zh: '投诉', en: 'The complaint' },
  nonconformity: { zh: '不符合项', en: 'The nonconformity' },
  'misuse report': { zh: '举报', en: 'The misuse report' },
  'webhook subscription': { zh: '订阅', en: 'The subscription' },
  webhook: { zh: '订阅', en: 'The subscription' },
  user: { zh: '用户', en: 'The user' },
  'credit action': { zh: '信用处置', en: 'The credit action' },
  'credit application': { zh: '申请', en: 'The application' },
  'serious-violation listing': { zh: '严重违法失信名单列入', en: 'The serious-violation listing' },
  'abnormal-operations listing': { zh: '经营异常名录列入', en: 'The abnormal-operations listing' },
  'group standard': { zh: '团体标准', en: 'The group standard' },
};

/** Why a certificate was suspended or withdrawn: the category shown in the public history. */
export const PUBLIC_REASON_LABELS: Labels = {
  surveillance_failed: { zh: '监督审核不合格', en: 'Surveillance audit failed' },
  surveillance_not_performed: { zh: '未按期接受监督审核', en: 'Surveillance audit not performed' },
  nonconforming_product: { zh: '产品不符合认证要求', en: 'Nonconforming product' },
  misuse_of_mark: { zh: '误用认证标志', en: 'Misuse of the mark' },
  holder_request: { zh: '持证人申请', en: 'At the holder’s request' },
  suspension_not_lifted: { zh: '暂停期满未恢复', en: 'Suspension not lifted in time' },
  appeal_upheld: { zh: '申诉成立', en: 'Appeal upheld' },
  transition_not_completed: { zh: '未按期完成标准换版转换', en: 'Standard transition not completed' },
  other: { zh: '其他', en: 'Other' },
};

/** Why an audit was planned: every AuditSummary.trigger of the contract, named (lists offer these keys). */
export const AUDIT_TRIGGER_LABELS: Record<Schemas['AuditSummary']['trigger'], { zh: string; en: string }> = {
  application: { zh: '认证申请', en: 'Application' },
  schedule: { zh: '定期监督', en: 'Scheduled surveillance' },
  complaint: { zh: '投诉', en: 'Complaint' },
  misuse_report: { zh: '举报', en: 'Misuse report' },
  counterfeit_signal: { zh: '疑似假冒', en: 'Counterfeit signal' },
  abnormal_operations: { zh: '列入经营异常名录', en: 'Abnormal operations listing' },
  transition: { zh: '标准换版转换', en: 'Standard transition' },
  scope_extension: { zh: '扩大范围', en: 'Scope extension' },
  renewal: { zh: '再认证', en: 'Renewal' },
  appeal: { zh: '申诉', en: 'Appeal' },
  inspection: { zh: '双随机抽查', en: 'Random inspection' },
};

/**
 * What a decision maker may decide for a certificate whose surveillance or special audit failed:
 * every outcome the contract (CertificateDecisionDto.outcome) allows, named. The decision form
 * offers these keys, so an outcome the API adds fails the typecheck until it is named here.
 */
export const CERTIFICATE_DECISION_LABELS: Record<Schemas['CertificateDecisionDto']['outcome'], { zh: string; en: string }> = {
  suspend: { zh: '暂停证书', en: 'Suspend the certificate' },
  reduce_scope: { zh: '缩小认证范围（移出不合格型号）', en: 'Reduce the scope (take the nonconforming models out)' },
  withdraw: { zh: '撤销证书', en: 'Withdraw the certificate' },
  maintain: { zh: '保持证书（整改已被接受）', en: 'Maintain the certificate (corrections accepted)' },
};

export const AUDIT_KIND_LABELS: Labels = {
  initial: { zh: '初次审核', en: 'Initial' },
  surveillance: { zh: '监督审核', en: 'Surveillance' },
  special: { zh: '专项审核', en: 'Special' },
  renewal: { zh: '再认证审核', en: 'Renewal' },
};

/** What was done to an application or a certificate, as its timeline or history names it. */
export const CASE_ACTION_LABELS: Labels = {
  create: { zh: '创建', en: 'Created' },
  edit: { zh: '修改', en: 'Edited' },
  submit: { zh: '提交', en: 'Submitted' },
  answer_info_request: { zh: '补充资料', en: 'Information supplied' },
  withdraw: { zh: '撤回', en: 'Withdrawn' },
  take_into_review: { zh: '开始审查', en: 'Taken into review' },
  request_info: { zh: '要求补充资料', en: 'Information requested' },
  accept: { zh: '受理', en: 'Accepted' },
  reject: { zh: '不予受理', en: 'Rejected' },
  start_evaluation: { zh: '开始评价', en: 'Evaluation started' },
  complete_evaluation: { zh: '评价完成', en: 'Evaluation completed' },
  grant: { zh: '批准发证', en: 'Granted' },
  refuse: { zh: '不予发证', en: 'Refused' },
  issue: { zh: '发证', en: 'Issued' },
  suspend: { zh: '暂停', en: 'Suspended' },
  restore: { zh: '恢复', en: 'Restored' },
  cancel: { zh: '注销', en: 'Cancelled' },
  expire: { zh: '到期', en: 'Expired' },
  reinstate: { zh: '恢复（撤销已撤回）', en: 'Reinstated' },
  renewed: { zh: '再认证', en: 'Renewed' },
  scope_extended: { zh: '扩大范围', en: 'Scope extended' },
  scope_reduced: { zh: '缩小范围', en: 'Scope reduced' },
  reissue: { zh: '换发新版', en: 'Re-issued' },
  transition_completed: { zh: '完成换版', en: 'Transition completed' },
  maintained: { zh: '保持证书', en: 'Maintained' },
  surveillance_passed: { zh: '监督审核通过', en: 'Surveillance passed' },
  surveillance_failed: { zh: '监督审核不通过', en: 'Surveillance failed' },
  special_audit_passed: { zh: '专项审核通过', en: 'Special audit passed' },
  special_audit_failed: { zh: '专项审核不通过', en: 'Special audit failed' },
};

/** A group standard's history (GroupStandardEventView.action): the association's steps and the supersession by a new version. */
export const GROUP_STANDARD_ACTION_LABELS: Labels = {
  propose: { zh: '提出', en: 'Proposed' },
  approve: { zh: '立项', en: 'Project approved' },
  start_drafting: { zh: '开始起草', en: 'Drafting started' },
  open_comment: { zh: '公开征求意见', en: 'Opened for public comment' },
  close_comment: { zh: '结束征求意见', en: 'Comment period closed' },
  return_to_drafting: { zh: '退回起草', en: 'Returned to drafting' },
  publish: { zh: '发布', en: 'Published' },
  start_review: { zh: '开始复审', en: 'Review started' },
  confirm: { zh: '复审：确认继续有效', en: 'Review: confirmed' },
  revise: { zh: '复审：修订', en: 'Review: revised' },
  withdraw: { zh: '复审：废止', en: 'Review: withdrawn' },
  supersede: { zh: '被新版本代替', en: 'Superseded by the new version' },
};

/** The four legal reasons for an abnormal-operations listing (ListEnterpriseDto.reasonCode). */
export const ABNORMAL_REASON_LABELS: Record<NonNullable<Schemas['ListEnterpriseDto']['reasonCode']>, { zh: string; en: string }> = {
  annual_report_not_filed: { zh: '未按规定期限公示年度报告', en: 'Annual report not filed in time' },
  information_not_disclosed: { zh: '未在责令期限内公示有关企业信息', en: 'Information not disclosed when ordered' },
  false_disclosure: { zh: '公示企业信息隐瞒真实情况、弄虚作假', en: 'False information disclosed' },
  unreachable_at_address: { zh: '通过登记的住所或经营场所无法联系', en: 'Unreachable at the registered address' },
};

/** The two lists of the credit record (CreditListingView.kind). */
export const LISTING_KIND_LABELS: Labels = {
  abnormal_operations: { zh: '经营异常名录', en: 'Abnormal-operations list' },
  serious_violation: { zh: '严重违法失信名单', en: 'Serious-violation list' },
};

/** What an enterprise applies for about its listing (CreditApplicationDto.kind). */
export const CREDIT_APPLICATION_KIND_LABELS: Labels = {
  removal: { zh: '申请移出名录', en: 'Removal from the list' },
  repair: { zh: '信用修复', en: 'Credit repair' },
};

/** What the body did on a credit action (CreditActionView.outcome). */
export const CREDIT_ACTION_OUTCOME_LABELS: Labels = {
  suspended: { zh: '已暂停证书', en: 'Certificate suspended' },
  withdrawn: { zh: '已撤销证书', en: 'Certificate withdrawn' },
};

export type StatusFamily = keyof typeof STATUS_LABELS;

export function labelOf(table: Labels, code: string, language: Language): string {
  return table[code]?.[language] ?? code;
}

/** The state's name in a family (application, audit...), or any family's when the family is not known. */
export function statusLabel(family: StatusFamily | undefined, code: string, language: Language): string {
  if (family) return labelOf(STATUS_LABELS[family], code, language);
  for (const table of Object.values(STATUS_LABELS) as Labels[]) if (table[code]) return table[code][language];
  return code;
}
