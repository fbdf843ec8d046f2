import { notify, OutboxMessage } from '@app/queue';
import type { ApplicationAction } from './applications/application-status.machine';
import type { ApplicationState } from './applications/application-records';

/*
 * Who is told of what in the certification case, as outbox messages (see @app/queue notify):
 * each written in the transaction of the change it reports, with a key that names the event so
 * a repeated job tells nobody twice. Links are console pages (the console serves /console/...)
 * or the public record (/registry/<number>).
 */

/** The holder's people. */
export const ENTERPRISE = ['enterprise_admin', 'enterprise_member'];
/** The body's people who take an application in. */
const INTAKE = ['cb_admin', 'reviewer'];

const certificatePage = (id: string) => `/console/certificates/${id}`;
const applicationPage = (id: string) => `/console/applications/${id}`;

/** What an application transition tells, and whom: the body of a submission, the enterprise of a request or a decision. */
export function applicationNotice(app: ApplicationState, action: ApplicationAction, reason: string | null): OutboxMessage<'notifications'> | null {
  // The version before the change names this transition: the same action taken again later is another event.
  const key = `application:${app.id}:${action}:${app.version}`;
  const base = { key, subjectNumber: app.number, link: applicationPage(app.id) };
  switch (action) {
    case 'submit':
      return notify(
        { ...base, event: 'application_submitted', audience: [{ organizationId: app.certification_body_id, roles: INTAKE }] },
        app.certification_body_id,
      );
    case 'request_info':
      return notify(
        { ...base, event: 'information_requested', audience: [{ organizationId: app.enterprise_id, roles: ENTERPRISE }], params: { message: reason ?? '' } },
        app.enterprise_id,
      );
    case 'grant':
    case 'refuse':
    case 'reject':
      return notify(
        {
          ...base,
          event: 'decision_made',
          audience: [{ organizationId: app.enterprise_id, roles: ENTERPRISE }],
          params: { outcome: action === 'grant' ? 'granted' : action === 'refuse' ? 'refused' : 'rejected' },
        },
        app.enterprise_id,
      );
    default:
      return null;
  }
}

/** An audit planned, told to the enterprise; an unannounced one without its date. */
export function auditPlannedNotice(a: {
  auditId: string;
  applicationId: string;
  enterpriseId: string;
  number: string;
  kind: string;
  plannedOn: string;
  unannounced: boolean;
}): OutboxMessage<'notifications'> {
  const KIND_ZH: Record<string, string> = { initial: '初次', surveillance: '监督', special: '特殊', renewal: '再认证' };
  return notify(
    {
      event: 'audit_planned',
      key: `audit:${a.auditId}:planned`,
      audience: [{ organizationId: a.enterpriseId, roles: ENTERPRISE }],
      subjectNumber: a.number,
      link: applicationPage(a.applicationId),
      params: a.unannounced ? { unannounced: 1 } : { kind: a.kind, kindZh: KIND_ZH[a.kind] ?? '', plannedOn: a.plannedOn },
    },
    a.enterpriseId,
  );
}

/** A nonconformity raised, told to the enterprise with its grade and due date. */
export const nonconformityRaisedNotice = (nc: { id: string; enterpriseId: string; number: string; grade: string; dueOn: string }) =>
  notify(
    {
      event: 'nonconformity_raised',
      key: `nonconformity:${nc.id}:raised`,
      audience: [{ organizationId: nc.enterpriseId, roles: ENTERPRISE }],
      subjectNumber: nc.number,
      link: '/console/nonconformities',
      params: { grade: nc.grade, dueOn: nc.dueOn },
    },
    nc.enterpriseId,
  );

/** A nonconformity answered, told to the audit's auditors; `round` tells a second answer (after a reopening) from the first. */
export const nonconformityAnsweredNotice = (nc: { id: string; auditId: string; bodyId: string; number: string; auditorIds: string[]; round: number }) =>
  notify(
    {
      event: 'nonconformity_answered',
      key: `nonconformity:${nc.id}:answered:${nc.round}`,
      audience: nc.auditorIds.map((userId) => ({ userId })),
      subjectNumber: nc.number,
      link: `/console/audits/${nc.auditId}`,
    },
    nc.bodyId,
  );

/** A certificate issued: the holder is told, with its expiry. */
export const certificateIssuedNotice = (c: { id: string; number: string; enterpriseId: string; expiresOn: string }) =>
  notify(
    {
      event: 'certificate_issued',
      key: `certificate:${c.id}:issued`,
      audience: [{ organizationId: c.enterpriseId, roles: ENTERPRISE }],
      subjectNumber: c.number,
      link: certificatePage(c.id),
      params: { expiresOn: c.expiresOn },
    },
    c.enterpriseId,
  );

const STATUS_EVENTS = { suspend: 'certificate_suspended', withdraw: 'certificate_withdrawn', restore: 'certificate_restored' } as const;

/** A suspension, withdrawal or restoration, told to the holder with the public reason; other changes tell nobody here. */
export function certificateStatusNotice(
  c: { id: string; number: string; enterprise_id: string },
  action: string,
  eventId: string,
  publicReason: string | null,
): OutboxMessage<'notifications'> | null {
  const event = STATUS_EVENTS[action as keyof typeof STATUS_EVENTS];
  if (!event) return null;
  return notify(
    {
      event,
      key: `certificate:${c.id}:event:${eventId}`,
      audience: [{ organizationId: c.enterprise_id, roles: ENTERPRISE }],
      subjectNumber: c.number,
      link: certificatePage(c.id),
      params: publicReason ? { reason: publicReason } : {},
    },
    c.enterprise_id,
  );
}

/** What a recognised report's notices name: the report, its audit's case and the clause it is for. */
interface RecognisedReportFacts {
  id: string;
  auditId: string;
  applicationId: string;
  number: string;
  clause: string;
  reportNumber: string;
}

/** A recognised report presented (互认), told to the audit's assigned auditors, who are the ones to accept or refuse it. */
export const recognisedReportPresentedNotice = (r: RecognisedReportFacts & { bodyId: string; auditorIds: string[]; issuingBody: string }) =>
  notify(
    {
      event: 'recognised_report_presented',
      key: `recognised-report:${r.id}:presented`,
      audience: r.auditorIds.map((userId) => ({ userId })),
      subjectNumber: r.number,
      link: `/console/audits/${r.auditId}`,
      params: { clause: r.clause, issuingBody: r.issuingBody, reportNumber: r.reportNumber },
    },
    r.bodyId,
  );

/** A recognised report withdrawn by its enterprise, told to the auditors who were asked to answer it (a report is withdrawn once). */
export const recognisedReportWithdrawnNotice = (r: RecognisedReportFacts & { bodyId: string; auditorIds: string[] }) =>
  notify(
    {
      event: 'recognised_report_withdrawn',
      key: `recognised-report:${r.id}:withdrawn`,
      audience: r.auditorIds.map((userId) => ({ userId })),
      subjectNumber: r.number,
      link: `/console/audits/${r.auditId}`,
      params: { clause: r.clause, reportNumber: r.reportNumber },
    },
    r.bodyId,
  );

/** A recognised report accepted or refused, told to the enterprise with the reason of a refusal (a report is decided once: the key needs no round). */
export const recognisedReportDecidedNotice = (r: RecognisedReportFacts & { enterpriseId: string; outcome: 'accepted' | 'refused'; reason: string | null }) =>
  notify(
    {
      event: 'recognised_report_decided',
      key: `recognised-report:${r.id}:${r.outcome}`,
      audience: [{ organizationId: r.enterpriseId, roles: ENTERPRISE }],
      subjectNumber: r.number,
      link: applicationPage(r.applicationId),
      params: { outcome: r.outcome, clause: r.clause, reportNumber: r.reportNumber, ...(r.reason ? { reason: r.reason } : {}) },
    },
    r.enterpriseId,
  );
