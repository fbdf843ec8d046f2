import { enqueue } from '@app/queue';
import { fanOutChange } from './follow-up-work';
import type { EntityManager } from 'typeorm';
import type { SqlWriter } from '@app/persistence';
import { CERTIFICATE_WITH_PARTIES, certificatePartiesJson } from './certificate-record';

const PARTIES = certificatePartiesJson(false);

/**
 * The certificate's life after issue as the public sees it (RegistryLifecycle): its surveillance
 * (last one and the next due date), its edition, its lineage (the certificate it renews and the one
 * that renewed it, by number) and a standard transition under way (deadline and the new version).
 */
const LIFECYCLE = `jsonb_build_object(
  'edition', c.edition,
  'surveillance', jsonb_build_object('intervalMonths', c.surveillance_interval_months, 'lastOn', c.last_surveillance_on,
                                     'lastOutcome', c.last_surveillance_outcome, 'nextDue', c.next_surveillance_due),
  'renews', (SELECT o.number FROM certificates o WHERE o.id = c.renews_certificate_id),
  'renewedBy', (SELECT n.number FROM certificates n WHERE n.renews_certificate_id = c.id),
  'transition', CASE WHEN c.transition_deadline IS NULL THEN NULL ELSE jsonb_build_object(
                  'deadline', c.transition_deadline,
                  'standard', (SELECT jsonb_build_object('code', ts.code, 'version', ts.version) FROM standards ts WHERE ts.id = c.transition_standard_id))
                END)`;

/**
 * Rewrites certificates' public registry entries from the certificates themselves, in one
 * statement: every certificate change calls it in its own transaction (so the registry is exactly
 * as fresh as the data), and the registry benchmark fills its million entries with it (so it
 * measures the corpus production has). A renewal's refresh rewrites the certificate it renews too (its
 * renewedBy). The search text holds the names people type: enterprise, certificate
 * number, every product's names, brand and models, the service's names (lower-cased).
 */
export async function refreshRegistryEntries(tx: SqlWriter, certificateIds: string[]): Promise<void> {
  await tx.query(
    `INSERT INTO registry_entries (certificate_id, number, status, holder, certification_body_id, certification_body, category_code,
                                   category, standard, scope, issued_on, expires_on, lifecycle, search_text, updated_at)
     SELECT c.id, c.number, c.status,
            ${PARTIES.holder}, cb.id, ${PARTIES.certificationBody}, pc.code, ${PARTIES.category}, ${PARTIES.standard},
            c.scope, c.issued_on, c.expires_on, ${LIFECYCLE},
            lower(concat_ws(' ', en.name_zh, en.name_en, c.number,
                  (SELECT string_agg(concat_ws(' ', p->>'nameZh', p->>'nameEn', p->>'brand',
                                               (SELECT string_agg(m, ' ') FROM jsonb_array_elements_text(p->'models') m)), ' ')
                     FROM jsonb_array_elements(coalesce(c.scope->'products', '[]')) p),
                  c.scope->'service'->>'nameZh', c.scope->'service'->>'nameEn')),
            now()
     ${CERTIFICATE_WITH_PARTIES}
      -- the certificate a renewal continues shows "renewed by" from the moment the renewal is recorded (one
      -- array, so both are found through the primary key: an OR with a subquery would scan every certificate)
      WHERE c.id = ANY($1::uuid[] || ARRAY(SELECT renewal.renews_certificate_id FROM certificates renewal
                                            WHERE renewal.id = ANY($1::uuid[]) AND renewal.renews_certificate_id IS NOT NULL))
     ON CONFLICT (certificate_id) DO UPDATE SET
       status = EXCLUDED.status, holder = EXCLUDED.holder, certification_body = EXCLUDED.certification_body,
       category = EXCLUDED.category, standard = EXCLUDED.standard, scope = EXCLUDED.scope, issued_on = EXCLUDED.issued_on,
       expires_on = EXCLUDED.expires_on, lifecycle = EXCLUDED.lifecycle, search_text = EXCLUDED.search_text, updated_at = now()`,
    [certificateIds],
  );
}

export interface CertificateChange {
  certificateId: string;
  action: string;
  from: string | null;
  to: string;
  publicReason?: string | null;
  privateNote?: string | null;
  actorUserId?: string | null;
  actorOrganizationId?: string | null;
  /** Public details of the event (the models of a scope change, the edition of a re-issue, the renewing certificate). */
  details?: Record<string, unknown> | null;
}

/**
 * Everything a certificate change means for the public, in the change's own transaction: the
 * history entry (its id is the change feed's sequence number), the registry entry, and the
 * webhook fan-out to integrators.
 */
export async function recordCertificateChange(tx: EntityManager, c: CertificateChange): Promise<string> {
  const [event] = await tx.query(
    `INSERT INTO certificate_events (certificate_id, action, from_status, to_status, public_reason, private_note,
                                     actor_user_id, actor_organization_id, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id::text`,
    [
      c.certificateId,
      c.action,
      c.from,
      c.to,
      c.publicReason ?? null,
      c.privateNote ?? null,
      c.actorUserId ?? null,
      c.actorOrganizationId ?? null,
      c.details ? JSON.stringify(c.details) : null,
    ],
  );
  await refreshRegistryEntries(tx, [c.certificateId]);
  await enqueue(tx, fanOutChange(event.id));
  return event.id;
}
