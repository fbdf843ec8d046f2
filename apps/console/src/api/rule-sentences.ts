import { defineMessages } from '../i18n/language';

/**
 * The scheme's rules, by the code a 422 RULE_VIOLATION names in `details.rule`, in the person's
 * language; the placeholders are other keys of the same `details`. A rule missing here is said
 * with the API's English message, so a new rule degrades to English, never to nothing.
 */
export const RULE_SENTENCES = defineMessages({
  zh: {
    own_account_deactivation: '不能停用自己的账号。',
    own_password_reset: '不能重置自己的密码，请在“修改密码”中更改。',
    own_administrator_role: '不能取消自己的管理员角色，须由另一位管理员操作。',
    renewal_window: '证书 {number} 的再认证申请窗口于 {opens} 开启（有效期至 {expiresOn}，到期前 {months} 个月）。',
    document_rendering: '证书文件仍在生成中，请稍后再试。',
    restore_needs_audit: '证书因暂停原因须在监督审核或特殊审核通过后恢复，或由认证决定人员记录内部说明后恢复。',
    findings_missing: '以下条款尚未填写审核发现：{clauses}。',
    nothing_to_appeal: '证书 {number} 没有可申诉的暂停、范围缩小或撤销决定。',
    misuse_report_without_certificate: '冒用举报 {reference} 未指明证书：投诉须针对具体的产品或持证人。',
    complaint_not_about_certificate: '只有针对证书的投诉，发证机构才能执行此操作。',
    evidence_not_yours: '以下证据文件不是本机构上传的：{ids}。',
    repair_display_ended: '该名单已不再公示。',
    repair_before_removal: '经营异常名录须先移出后才能信用修复（请先申请移出）。',
    repair_too_early: '严重违法失信名单至少公示 {months} 个月：{from} 起方可信用修复。',
    nothing_to_rank: '{category} 类别中没有已公开的声明包含该指标，无法排行。',
    not_a_frontrunner: '该声明（及其早期版本）不在此领跑者名单上。',
    group_standard_row: '{number} 是团体标准，由其发布团体在复审时修订或废止。',
    not_evaluated: '所选的团体标准尚未通过先进性评价（以最近一次评价为准），不能列入目录：请先在该团体标准的页面记录通过的评价。',
    empty_batch: '目录批次 {number} 尚无条目：发布前至少添加一项。',
    group_code_first: '请先登记团体代号：标准编号由它组成。',
    comment_period_open: '征求意见期至 {commentTo}，该日之后才能结束。',
    comments_unanswered: '尚有 {unanswered} 条意见未答复，请先逐条答复。',
    no_requirements: '草案尚无技术要求，请先添加。',
  },
  en: {
    own_account_deactivation: 'You cannot deactivate your own account.',
    own_password_reset: 'You cannot reset your own password: change it under “Change password”.',
    own_administrator_role: 'You cannot remove your own administrator role: another administrator must.',
    renewal_window: 'The renewal window of certificate {number} opens on {opens} ({months} months before its expiry on {expiresOn}).',
    document_rendering: 'The certificate document is still being rendered: try again in a moment.',
    restore_needs_audit: 'The certificate is restored after a surveillance or special audit passes, or by a decision maker who records why in a private note.',
    findings_missing: 'Findings are missing for clauses {clauses}.',
    nothing_to_appeal: 'Certificate {number} has no suspension, scope reduction or withdrawal to appeal.',
    misuse_report_without_certificate: 'Misuse report {reference} names no certificate: a complaint needs the product or holder it is about.',
    complaint_not_about_certificate: 'Only a complaint about a certificate lets its certification body do this.',
    evidence_not_yours: 'These are not evidence files uploaded by your organization: {ids}.',
    repair_display_ended: 'The listing is no longer displayed to the public.',
    repair_before_removal: 'An abnormal-operations listing is repaired only once it is removed from the list: apply for removal first.',
    repair_too_early: 'A serious-violation listing is displayed for at least {months} months: credit repair from {from}.',
    nothing_to_rank: 'No published declaration of {category} declares this indicator: nothing to rank.',
    not_a_frontrunner: 'The declaration (or an earlier version of it) is not on this frontrunner list.',
    group_standard_row: '{number} is a group standard: its association revises or withdraws it at review.',
    not_evaluated:
      "A group standard chosen has not passed its advancedness evaluation (the latest one counts), so the catalogue cannot take it: record a passed evaluation on the group standard's screen first.",
    empty_batch: 'Catalogue batch {number} has no entries: add at least one before publishing.',
    group_code_first: 'Register your group code first: the standard number is made of it.',
    comment_period_open: 'The comment period runs until {commentTo}: close it after that day.',
    comments_unanswered: '{unanswered} comment(s) still unanswered: answer every comment first.',
    no_requirements: 'The draft has no requirements: add them first.',
  },
});
