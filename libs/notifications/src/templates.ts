import type { NotificationEvent, NotificationRequest } from '@app/queue';

type Params = Record<string, string | number>;

/** One language's wording of an event: a short title (the subject, before the number) and a sentence or two. */
interface Wording {
  title: string;
  text: (p: Params) => string;
}

interface Template {
  zh: Wording;
  en: Wording;
}

/** A value the template shows, or a stand-in when the event did not carry it. */
const v = (p: Params, name: string, fallback = '—') => (p[name] === undefined || p[name] === '' ? fallback : String(p[name]));

const OUTCOME_ZH: Record<string, string> = { granted: '批准认证', refused: '不予认证', rejected: '不予受理' };

/**
 * Every event's bilingual wording, zh first (the scheme's language), en after. A new event in
 * NOTIFICATION_EVENTS does not compile until it has one.
 */
const TEMPLATES: Record<NotificationEvent, Template> = {
  audit_planned: {
    zh: {
      title: '审核已安排',
      text: (p) => (p.unannounced ? '认证机构已安排一次不预先通知日期的审核。' : `认证机构已安排${v(p, 'kindZh', '')}审核，计划日期：${v(p, 'plannedOn')}。`),
    },
    en: {
      title: 'Audit planned',
      text: (p) =>
        p.unannounced
          ? 'The certification body has planned an audit whose date is not announced in advance.'
          : `The certification body has planned ${v(p, 'kind', 'an')} audit for ${v(p, 'plannedOn')}.`,
    },
  },
  nonconformity_raised: {
    zh: { title: '审核发现不符合项', text: (p) => `审核发现一项${p.grade === 'major' ? '严重' : '一般'}不符合项，请在 ${v(p, 'dueOn')} 前提交纠正措施。` },
    en: {
      title: 'Nonconformity raised',
      text: (p) => `The audit raised a ${v(p, 'grade')} nonconformity; answer with corrective actions by ${v(p, 'dueOn')}.`,
    },
  },
  information_requested: {
    zh: { title: '认证机构要求补充资料', text: (p) => `认证机构要求补充资料：${v(p, 'message')}` },
    en: { title: 'Information requested', text: (p) => `The certification body asks for more information: ${v(p, 'message')}` },
  },
  decision_made: {
    zh: { title: '认证决定已作出', text: (p) => `认证决定：${OUTCOME_ZH[String(p.outcome)] ?? v(p, 'outcome')}。` },
    en: { title: 'Certification decision made', text: (p) => `The certification decision: ${v(p, 'outcome')}.` },
  },
  certificate_issued: {
    zh: { title: '证书已颁发', text: (p) => `证书已颁发，有效期至 ${v(p, 'expiresOn')}。` },
    en: { title: 'Certificate issued', text: (p) => `The certificate has been issued, valid until ${v(p, 'expiresOn')}.` },
  },
  certificate_suspended: {
    zh: { title: '证书已暂停', text: (p) => `证书已暂停（原因：${v(p, 'reason')}），暂停期间不得使用认证标志。` },
    en: { title: 'Certificate suspended', text: (p) => `The certificate has been suspended (reason: ${v(p, 'reason')}); the mark may not be used meanwhile.` },
  },
  certificate_withdrawn: {
    zh: { title: '证书已撤销', text: (p) => `证书已撤销（原因：${v(p, 'reason')}），认证标志的使用随之终止。` },
    en: { title: 'Certificate withdrawn', text: (p) => `The certificate has been withdrawn (reason: ${v(p, 'reason')}); use of the mark ends with it.` },
  },
  certificate_restored: {
    zh: { title: '证书已恢复', text: () => '证书已恢复有效。' },
    en: { title: 'Certificate restored', text: () => 'The certificate is valid again.' },
  },
  certificate_changed: {
    zh: { title: '证书已变更', text: (p) => `证书已变更：${v(p, 'change')}。` },
    en: { title: 'Certificate changed', text: (p) => `The certificate has changed: ${v(p, 'change')}.` },
  },
  expiry_reminder: {
    zh: { title: '证书即将到期', text: (p) => `证书将于 ${v(p, 'expiresOn')} 到期（剩余 ${v(p, 'daysLeft')} 天），请及时申请再认证。` },
    en: {
      title: 'Certificate expires soon',
      text: (p) => `The certificate expires on ${v(p, 'expiresOn')} (${v(p, 'daysLeft')} days left); apply for renewal in time.`,
    },
  },
  surveillance_reminder: {
    zh: { title: '监督审核即将到期', text: (p) => `证书的监督审核应于 ${v(p, 'dueOn')} 前完成（剩余 ${v(p, 'daysLeft')} 天）。` },
    en: { title: 'Surveillance due soon', text: (p) => `The certificate's surveillance audit is due by ${v(p, 'dueOn')} (${v(p, 'daysLeft')} days left).` },
  },
  transition_deadline_set: {
    zh: { title: '标准换版过渡期', text: (p) => `证书依据的标准已换版，须在 ${v(p, 'deadline')} 前完成转换评价。` },
    en: { title: 'Standard transition deadline', text: (p) => `The certificate's standard has a new version: transition by ${v(p, 'deadline')}.` },
  },
  standard_withdrawn: {
    zh: { title: '证书依据的标准已废止', text: (p) => `证书依据的标准 ${v(p, 'standard')} 已废止，请评估证书的处理。` },
    en: {
      title: 'Standard withdrawn',
      text: (p) => `The standard the certificate relies on, ${v(p, 'standard')}, has been withdrawn: decide what the certificate needs.`,
    },
  },
  application_submitted: {
    zh: { title: '收到认证申请', text: (p) => `企业${v(p, 'enterprise', '')}提交了认证申请，等待受理。` },
    en: { title: 'Application submitted', text: (p) => `${v(p, 'enterprise', 'An enterprise')} submitted an application for review.` },
  },
  nonconformity_answered: {
    zh: { title: '不符合项已回复', text: () => '企业已提交不符合项的纠正措施，请验证。' },
    en: { title: 'Nonconformity answered', text: () => 'The enterprise has answered a nonconformity with corrective actions; please verify them.' },
  },
  surveillance_decision_due: {
    zh: { title: '监督审核结果待决定', text: () => '监督审核未通过，须由独立的决定人员作出决定。' },
    en: { title: 'Surveillance decision due', text: () => 'A surveillance audit failed: an independent decision maker must decide.' },
  },
  complaint_received: {
    zh: { title: '收到投诉', text: () => '收到一项投诉，请安排与该事项无关的人员调查。' },
    en: { title: 'Complaint received', text: () => 'A complaint has arrived; have it investigated by someone not involved in the matter.' },
  },
  appeal_received: {
    zh: { title: '收到申诉', text: () => '收到一项申诉，须由未参与原决定的人员处理。' },
    en: { title: 'Appeal received', text: () => 'An appeal has arrived; it is decided by someone who took no part in the decision appealed.' },
  },
  inspection_nonconforming: {
    zh: {
      title: '双随机抽查结果不合格',
      text: (p) => `市场监管部门在随机抽查（${v(p, 'plan')}）中发现持证企业不合格（${v(p, 'findings')}），已提前安排专项审核。`,
    },
    en: {
      title: 'Random inspection found a nonconformity',
      text: (p) =>
        `The regulator's random inspection (${v(p, 'plan')}) found the holder nonconforming (${v(p, 'findings')}); a special audit is brought forward.`,
    },
  },
  body_complained_about: {
    zh: { title: '认证机构被投诉', text: (p) => `收到对认证机构${v(p, 'body', '')}工作的投诉。` },
    en: { title: 'Certification body complained about', text: (p) => `A complaint about the work of ${v(p, 'body', 'a certification body')} has arrived.` },
  },
  complaint_outcome: {
    zh: { title: '投诉处理结果', text: (p) => `您的投诉已处理完毕：${v(p, 'outcome')}` },
    en: { title: 'Outcome of your complaint', text: (p) => `Your complaint has been dealt with: ${v(p, 'outcome')}` },
  },
  credit_application_decided: {
    zh: {
      title: '信用申请已有决定',
      text: (p) =>
        `您的${p.kind === 'repair' ? '信用修复' : '移出经营异常名录'}申请${p.outcome === 'granted' ? '已获批准' : `未获批准（理由：${v(p, 'reason')}）`}。`,
    },
    en: {
      title: 'Credit application decided',
      text: (p) =>
        `Your application for ${p.kind === 'repair' ? 'credit repair' : 'removal from the abnormal-operations list'} was ${
          p.outcome === 'granted' ? 'granted' : `refused (reason: ${v(p, 'reason')})`
        }.`,
    },
  },
  credit_action_due: {
    zh: { title: '严重违法失信：证书待处理', text: (p) => `证书持有人${v(p, 'holder', '')}被列入严重违法失信名单，请于 ${v(p, 'dueOn')} 前暂停或撤销该证书。` },
    en: {
      title: 'Serious violation: certificate to act on',
      text: (p) => `The holder ${v(p, 'holder', '')} is on the serious-violation list: suspend or withdraw the certificate by ${v(p, 'dueOn')}.`,
    },
  },
  credit_action_overdue: {
    zh: { title: '证书处理已逾期', text: (p) => `严重违法失信名单要求的证书处理已于 ${v(p, 'dueOn')} 到期，请立即暂停或撤销该证书；已报告监管部门。` },
    en: {
      title: 'Certificate action overdue',
      text: (p) => `The action on the certificate was due by ${v(p, 'dueOn')}: suspend or withdraw it now; the regulator has been told.`,
    },
  },
  credit_action_escalated: {
    zh: { title: '认证机构逾期未处理证书', text: (p) => `认证机构${v(p, 'body', '')}未在 ${v(p, 'dueOn')} 前处理严重违法失信企业的证书。` },
    en: {
      title: 'Certification body did not act in time',
      text: (p) => `${v(p, 'body', 'The certification body')} did not act on a seriously listed holder's certificate by ${v(p, 'dueOn')}.`,
    },
  },
  credit_application_overdue: {
    zh: { title: '信用申请逾期未决定', text: (p) => `企业${v(p, 'enterprise', '')}的申请应于 ${v(p, 'dueOn')} 前作出决定，目前仍未决定。` },
    en: {
      title: 'Credit application undecided',
      text: (p) => `The application of ${v(p, 'enterprise', 'an enterprise')} was due for a decision by ${v(p, 'dueOn')}.`,
    },
  },
  recognised_report_presented: {
    zh: {
      title: '企业提交互认检测报告',
      text: (p) => `企业就第 ${v(p, 'clause')} 条提交了互认检测报告（${v(p, 'issuingBody')}，报告编号 ${v(p, 'reportNumber')}），请审核接受或拒绝。`,
    },
    en: {
      title: 'Recognised report presented',
      text: (p) =>
        `The enterprise presented a recognised test report for clause ${v(p, 'clause')} (${v(p, 'issuingBody')}, report ${v(p, 'reportNumber')}): accept or refuse it.`,
    },
  },
  recognised_report_withdrawn: {
    zh: {
      title: '企业撤回互认检测报告',
      text: (p) => `企业撤回了第 ${v(p, 'clause')} 条的互认检测报告（报告编号 ${v(p, 'reportNumber')}），无需再作处理。`,
    },
    en: {
      title: 'Recognised report withdrawn',
      text: (p) =>
        `The enterprise withdrew its recognised test report for clause ${v(p, 'clause')} (report ${v(p, 'reportNumber')}): nothing is left to answer.`,
    },
  },
  recognised_report_decided: {
    zh: {
      title: '互认检测报告已有结论',
      text: (p) =>
        `您就第 ${v(p, 'clause')} 条提交的互认检测报告（报告编号 ${v(p, 'reportNumber')}）${
          p.outcome === 'accepted' ? '已被审核员接受，代替新的检测' : `未被接受（理由：${v(p, 'reason')}），该项须另行检测`
        }。`,
    },
    en: {
      title: 'Recognised report decided',
      text: (p) =>
        `Your recognised test report for clause ${v(p, 'clause')} (report ${v(p, 'reportNumber')}) was ${
          p.outcome === 'accepted' ? 'accepted by the auditor in place of a new test' : `refused (reason: ${v(p, 'reason')}); the requirement needs a test`
        }.`,
    },
  },
  appeal_outcome: {
    zh: { title: '申诉处理结果', text: (p) => `您的申诉已有结果：${v(p, 'outcome')}` },
    en: { title: 'Outcome of your appeal', text: (p) => `Your appeal has been decided: ${v(p, 'outcome')}` },
  },
};

/** Longest subject written: mail clients cut long ones anyway, and a cap keeps a crafted number from bloating headers. */
export const MAX_SUBJECT = 200;
/** Longest value a template shows (a reason or a message typed by someone): the rest is in the console. */
const MAX_PARAM = 500;

export interface RenderedNotification {
  subject: string;
  body: string;
  link: string;
}

/** One line, no control characters (no header or layout injection through a value), at most `max` characters. */
export function oneLine(value: string, max: number): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const flat = value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * The message of a request: subject "zh title：number / en title: number", a body with the zh
 * text, then the en text, then the absolute link (PUBLIC_BASE_URL + request.link).
 */
export function renderNotification(request: NotificationRequest, publicBaseUrl: string): RenderedNotification {
  const t = TEMPLATES[request.event];
  if (!t) throw new Error(`no template for notification event "${request.event}"`);
  const params: Params = {};
  for (const [k, value] of Object.entries(request.params ?? {})) params[k] = typeof value === 'number' ? value : oneLine(String(value), MAX_PARAM);
  const number = request.subjectNumber ? oneLine(request.subjectNumber, 64) : '';
  const subject = oneLine(number ? `${t.zh.title}：${number} / ${t.en.title}: ${number}` : `${t.zh.title} / ${t.en.title}`, MAX_SUBJECT);
  // Only a path under the platform's own address: a link can never point elsewhere.
  const path = request.link.startsWith('/') && !request.link.startsWith('//') ? request.link : '/';
  const link = `${publicBaseUrl.replace(/\/$/, '')}${encodeURI(decodeURIComponentSafe(path))}`;
  const body = [
    `【深圳标准】${number ? `${number}：` : ''}${t.zh.text(params)}`,
    `详情：${link}`,
    '',
    `[Shenzhen Standard] ${number ? `${number}: ` : ''}${t.en.text(params)}`,
    `Details: ${link}`,
    '',
    '—— 本邮件由深圳标准认证平台自动发送，请勿回复。 / Sent automatically by the Shenzhen Standard certification platform; please do not reply.',
  ].join('\n');
  return { subject, body, link };
}

function decodeURIComponentSafe(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}
