import { useCallback } from 'react';
import { defineMessages, format, useLanguage, type Language } from '../i18n/language';
import { AGGREGATE_LABELS, labelOf, ROLE_LABELS as ROLE_NAMES, statusLabel } from '../i18n/labels';
import { ApiError } from './client';

const messages = defineMessages({
  zh: {
    network: '无法连接服务器，请检查网络后重试。',
    badRequest: '提交的内容有误，请检查标出的字段。',
    forbiddenRole: '您的角色不能执行此操作（需要：{roles}）。',
    notIndependent: '您是本案审核的审核员：按公正性规则，认证决定须由未参与审核的人员作出。',
    investigatorNotImpartial: '此人参与过被投诉的事项（审核、审查、决定或证书变更），按公正性规则不能调查本投诉。',
    appealNotImpartial: '此人参与过被申诉的决定，按公正性规则不能处理本申诉。',
    appealPeriodEnded: '申诉期限已过，不能再提出申诉。',
    personRequired: '此操作需要本人登录，不能使用 API 密钥。',
    crossSite: '请求来源不明，已被拒绝。请刷新页面后重试。',
    forbidden: '您无权执行此操作。',
    notFound: '找不到该记录，或您无权查看。',
    illegalState: '{aggregate}当前状态为「{state}」，不能执行此操作。',
    duplicate: '已存在相同的记录。',
    limit: '已达到数量上限，请先释放后再试。',
    conflict: '操作与当前状态冲突，请刷新后重试。',
    submissionChecks: '提交前检查未通过，请按清单处理后再提交。',
    rule: '不符合认证规则：{message}',
    notEvaluated: '所选的团体标准尚未通过先进性评价（以最近一次评价为准），不能列入目录：请先在该团体标准的页面记录通过的评价。',
    quota: '额度已用完：{message}',
    tooMany: '操作过于频繁，请{seconds}秒后再试。',
    unavailable: '服务暂时不可用，请{seconds}秒后再试。',
    unexpected: '出现意外错误（{status}），请稍后再试。',
  },
  en: {
    network: 'The server cannot be reached. Check the network and try again.',
    badRequest: 'Some of what you entered is not accepted: see the marked fields.',
    forbiddenRole: 'Your role cannot do this (it needs: {roles}).',
    notIndependent: 'You audited this case: the impartiality rule has its certification decision taken by someone who was not one of its auditors.',
    investigatorNotImpartial:
      'This person took part in the matter complained about (its audits, review, decision or certificate changes): the impartiality rule bars them from investigating it.',
    appealNotImpartial: 'This person took part in the decision appealed: the impartiality rule bars them from considering the appeal.',
    appealPeriodEnded: 'The appeal period has ended: the decision can no longer be appealed.',
    personRequired: 'This needs a person signed in, not an API key.',
    crossSite: 'The request did not come from the console and was refused. Reload the page and try again.',
    forbidden: 'You may not do this.',
    notFound: 'Not found, or you may not see it.',
    illegalState: '{aggregate} is “{state}” now, so this cannot be done.',
    duplicate: 'A record with these values already exists.',
    limit: 'A limit is reached: free one and try again.',
    conflict: 'This conflicts with the current state: reload and try again.',
    submissionChecks: 'The submission checks did not pass: see the checklist.',
    rule: 'A rule of the scheme refuses this: {message}',
    notEvaluated:
      "A group standard chosen has not passed its advancedness evaluation (the latest one counts), so the catalogue cannot take it: record a passed evaluation on the group standard's screen first.",
    quota: 'The quota is used up: {message}',
    tooMany: 'Too many attempts: try again in {seconds} seconds.',
    unavailable: 'The service is unavailable for now: try again in {seconds} seconds.',
    unexpected: 'Something unexpected happened ({status}). Try again later.',
  },
});

/** A refusal as one sentence in the person's language, built from the error's code and details. */
export function errorSentence(error: unknown, language: Language): string {
  const m = messages[language];
  if (!(error instanceof ApiError)) return format(m.unexpected, { status: error instanceof Error ? error.message : String(error) });
  const details = error.details;
  switch (error.code) {
    case 'NETWORK':
      return m.network;
    case 'FORBIDDEN_ROLE': {
      const roles = Array.isArray(details.requiredRoles) ? (details.requiredRoles as string[]) : [];
      // A refusal naming no role (e.g. "only the person assigned decides"): the plain sentence.
      if (roles.length === 0) return m.forbidden;
      return format(m.forbiddenRole, { roles: roles.map((r) => labelOf(ROLE_NAMES, r, language)).join(language === 'zh' ? '、' : ', ') });
    }
    case 'DECISION_NOT_INDEPENDENT':
      return m.notIndependent;
    case 'INVESTIGATOR_NOT_IMPARTIAL':
      return m.investigatorNotImpartial;
    case 'APPEAL_NOT_IMPARTIAL':
      return m.appealNotImpartial;
    case 'APPEAL_PERIOD_ENDED':
      return m.appealPeriodEnded;
    case 'PERSON_REQUIRED':
      return m.personRequired;
    case 'CROSS_SITE_REQUEST':
      return m.crossSite;
    case 'ILLEGAL_TRANSITION': {
      const aggregate = typeof details.aggregate === 'string' ? labelOf(AGGREGATE_LABELS, details.aggregate, language) : '';
      const state = typeof details.state === 'string' ? statusLabel(undefined, details.state, language) : '?';
      return format(m.illegalState, { aggregate, state });
    }
    case 'ALREADY_EXISTS':
      return m.duplicate;
    case 'LIMIT_REACHED':
      return m.limit;
    case 'SUBMISSION_CHECK_FAILED':
      return m.submissionChecks;
    case 'RULE_VIOLATION':
      // The catalogue's refusal of a group standard without a passed advancedness evaluation names them in details.standardIds.
      if (Array.isArray(details.standardIds)) return m.notEvaluated;
      return format(m.rule, { message: error.message });
    case 'QUOTA_EXHAUSTED':
      return format(m.quota, { message: error.message });
  }
  switch (error.status) {
    case 400:
      return m.badRequest;
    case 403:
      return m.forbidden;
    case 404:
      return m.notFound;
    case 409:
      return m.conflict;
    case 422:
      return format(m.rule, { message: error.message });
    case 429:
      return format(m.tooMany, { seconds: error.retryAfterSeconds ?? 60 });
    case 503:
      return format(m.unavailable, { seconds: error.retryAfterSeconds ?? 5 });
    default:
      return format(m.unexpected, { status: error.status });
  }
}

export function useErrorSentence(): (error: unknown) => string {
  const { language } = useLanguage();
  return useCallback((error: unknown) => errorSentence(error, language), [language]);
}
