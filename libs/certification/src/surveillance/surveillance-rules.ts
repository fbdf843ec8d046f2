import type { EntityManager } from 'typeorm';
import { enqueue, notify } from '@app/queue';
import { recordCertificateChange } from '@app/registry';
import { SHENZHEN_TODAY } from '../certificates/certificate-issuer';

/**
 * A surveillance audit of certificate `c` that still holds its cycle open: not passed, and not
 * closed by a certificate decision (a failed one awaits it). The sweep plans none while one is open,
 * and neither does the planner.
 */
export const OPEN_SURVEILLANCE = (c: string) => `EXISTS (${OPEN_SURVEILLANCE_AUDITS(c)})`;

/** The open surveillance audits of certificate `c` (OPEN_SURVEILLANCE), as a subquery. */
export const OPEN_SURVEILLANCE_AUDITS = (c: string) => `
  SELECT 1 FROM audits s WHERE s.certificate_id = ${c}.id AND s.kind = 'surveillance' AND s.outcome IS DISTINCT FROM 'passed'
     AND NOT EXISTS (SELECT 1 FROM certificate_decisions d WHERE d.audit_id = s.id)`;

/**
 * The next due date once surveillance of the cycle due on `dueOn` is done (passed, or maintained by a
 * decision): one interval after that due date, never earlier than it already is (a repeated audit of
 * one cycle moves it once). A certificate without a plan keeps none: a renewed one's plan ended with
 * its renewal (an audit of it still open then does not start it again). A cycle that would fall due
 * after the certificate's last day is none: the renewal audit is that year's check (a 3-year
 * certificate with a 12-month interval has two surveillance audits, not a third on its expiry).
 */
export const ADVANCED_DUE = (dueOn: string) =>
  `CASE WHEN c.next_surveillance_due IS NOT NULL THEN (SELECT CASE WHEN n.due <= c.expires_on THEN n.due END FROM (SELECT greatest(c.next_surveillance_due, (coalesce(${dueOn}, c.next_surveillance_due) + make_interval(months => c.surveillance_interval_months))::date) AS due) n) END`;

export interface CertificateAuditRow {
  id: string;
  kind: string;
  trigger: string;
  certificate_id: string | null;
  due_on: string | null;
  certification_body_id: string;
}

/**
 * What the evaluation of an audit of an issued certificate means for it, in the evaluation's
 * transaction. Passed: the public record shows the date and outcome and, for a surveillance, the next
 * due date one interval on (a special audit records its result and leaves the plan). Failed: the same
 * publicly, and the audit awaits a certificate decision, which the body's decision makers are told of.
 * Corrections required: nothing yet, the auditors continue and submit again.
 */
export async function recordCertificateAuditOutcome(tx: EntityManager, audit: CertificateAuditRow, outcome: string): Promise<void> {
  // A renewal's or an extension's audit (an extension's is a special audit of the new models) leads
  // to its application's decision instead.
  if (!audit.certificate_id || !['surveillance', 'special'].includes(audit.kind) || audit.trigger === 'scope_extension') return;
  if (outcome === 'corrections_required') return;
  const passed = outcome === 'passed';
  const advance = passed && audit.kind === 'surveillance';
  const [cert]: { status: string; number: string }[] = await tx.query(
    `WITH u AS (
       UPDATE certificates c
          SET last_surveillance_on = ${SHENZHEN_TODAY}, last_surveillance_outcome = $2,
              next_surveillance_due = CASE WHEN $3 THEN ${ADVANCED_DUE('$4::date')} ELSE c.next_surveillance_due END,
              version = version + 1, updated_at = now()
        WHERE c.id = $1 AND c.status IN ('valid', 'suspended')
        RETURNING c.status, c.number)
     SELECT status, number FROM u`,
    [audit.certificate_id, passed ? 'passed' : 'failed', advance, audit.due_on],
  );
  if (!cert) return;
  const what = audit.kind === 'surveillance' ? 'surveillance' : 'special_audit';
  await recordCertificateChange(tx, {
    certificateId: audit.certificate_id,
    action: `${what}_${passed ? 'passed' : 'failed'}`,
    from: cert.status,
    to: cert.status,
  });
  if (!passed) {
    await enqueue(
      tx,
      notify(
        {
          event: 'surveillance_decision_due',
          key: `certificate-decision-due:${audit.id}`,
          audience: [{ organizationId: audit.certification_body_id, roles: ['decision_maker'] }],
          subjectNumber: cert.number,
          link: `/console/audits/${audit.id}`,
        },
        audit.certification_body_id,
      ),
    );
  }
}
