import type { OutboxMessage, ReissueRequest } from '@app/queue';
import type { ApplicationAction } from './applications/application-status.machine';

/*
 * The work the certification context hands to the worker, each beside the state change that
 * causes it. Every certification enqueue builds its message here, so this file is the whole list
 * of what happens after a request returns. Written to the outbox in the change's own transaction.
 */

/** An application accepted: the worker plans its initial audit. */
export const planInitialAudit = (applicationId: string, certificationBodyId: string): OutboxMessage<'audit-planning'> => ({
  queue: 'audit-planning',
  name: 'plan-initial-audit',
  payload: { applicationId },
  organizationId: certificationBodyId,
});

/**
 * What a live certificate says has changed (its scope, its holder's or body's details): the worker
 * re-issues it as its next edition (a new PDF and token), one job per certificate.
 */
export const reissueCertificate = (request: ReissueRequest, certificationBodyId: string): OutboxMessage<'certificate-issue'> => ({
  queue: 'certificate-issue',
  name: 'reissue-certificate',
  payload: request,
  organizationId: certificationBodyId,
});

/** An application granted: the worker issues its certificate (number, PDF, registry entry). */
export const issueCertificate = (applicationId: string, certificationBodyId: string): OutboxMessage<'certificate-issue'> => ({
  queue: 'certificate-issue',
  name: 'issue-certificate',
  payload: { applicationId },
  organizationId: certificationBodyId,
});

/** The follow-up work of an application's transitions, by action; the other actions cause none. */
export const APPLICATION_FOLLOW_UP: Partial<Record<ApplicationAction, (app: { id: string; certification_body_id: string }) => OutboxMessage>> = {
  accept: (app) => planInitialAudit(app.id, app.certification_body_id),
  grant: (app) => issueCertificate(app.id, app.certification_body_id),
};

/** An audit of an issued certificate wanted (the builder lives in @app/queue: scheme and registry raise it too). */
export { planCertificateAudit } from '@app/queue';

/** An audit submitted: the worker evaluates its outcome from the findings. */
export const evaluateAudit = (auditId: string, certificationBodyId: string): OutboxMessage<'audit-evaluation'> => ({
  queue: 'audit-evaluation',
  name: 'evaluate-audit',
  payload: { auditId },
  organizationId: certificationBodyId,
});

/**
 * A certificate issued: it expires without anyone acting, at 00:00 Beijing time (16:00 UTC) after
 * its last valid day (`expiresOn`, YYYY-MM-DD).
 */
export const expireCertificate = (certificateId: string, expiresOn: string): OutboxMessage<'certificate-status'> => ({
  queue: 'certificate-status',
  name: 'expire-certificate',
  payload: { certificateId },
  availableAt: new Date(`${expiresOn}T16:00:00Z`),
});

/** Label codes ordered: the worker generates and signs the batch. */
export const generateLabels = (batchId: string, enterpriseId: string): OutboxMessage<'label-codes'> => ({
  queue: 'label-codes',
  name: 'generate-labels',
  payload: { batchId },
  organizationId: enterpriseId,
});
