import type { CertificateAuditRequest, OutboxMessage } from './job-contract';

/**
 * An audit of an issued certificate wanted: the worker plans it (auditors chosen as for an initial
 * audit). Surveillance comes from the daily sweep; a special audit from a risk signal (a complaint,
 * misuse report, counterfeit signal, abnormal-operations listing, appeal). It lives here, beside the
 * contract, because the scheme and registry contexts raise those signals and must not import
 * certification (docs/decisions/0002).
 */
export const planCertificateAudit = (request: CertificateAuditRequest, certificationBodyId: string): OutboxMessage<'audit-planning'> => ({
  queue: 'audit-planning',
  name: 'plan-certificate-audit',
  payload: request,
  organizationId: certificationBodyId,
});
