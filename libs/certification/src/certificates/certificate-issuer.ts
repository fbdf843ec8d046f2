import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/shared';
import type { CertificateDocument } from '@app/documents';
import { completeOutbox, enqueue } from '@app/queue';
import { expireCertificate } from '../follow-up-work';
import { certificateIssuedNotice } from '../notices';
import { recordCertificateChange } from '@app/registry';
import { SYSTEM } from '../actor';
import { CertificateEditions, certificateDocument } from './certificate-editions';
import { extendedScope, scopeModels } from './scope-changes';
import { readApplication } from '../applications/application-records';
import { SHENZHEN_TODAY } from '../shenzhen-date';
import { trimMarkGrants } from './mark-grant-trimming';
import { certificateNumber } from './certificate-number';

// Kept here too for its many readers; the mark-grant trimming imports it without importing the issuer.
export { SHENZHEN_TODAY };
/** Certificates are valid for three years (DESIGN): through the day before the third anniversary. */
const EXPIRES_ON = `(${SHENZHEN_TODAY} + interval '3 years' - interval '1 day')::date`;

export type IssueResult = 'issued' | 'already_issued' | 'not_granted' | 'extended';

export { verificationUrl } from './certificate-editions';

/**
 * A renewal granted while the certificate it renews is still live continues it without a gap: the
 * new certificate is dated today (the day of the decision, what a reader of it needs to know) and
 * runs three years from the old one's last valid day, so the holder loses none of the validity it
 * had left by renewing early (the six-month window) and the lineage has no day uncovered. Granted
 * after the old one ended, it is a plain three years from today.
 */
const RENEWAL_EXPIRES_ON = `CASE WHEN o.expires_on >= ${SHENZHEN_TODAY} THEN (o.expires_on + interval '3 years')::date ELSE ${EXPIRES_ON} END`;

/**
 * Issues the certificate of a granted application: number with check character, validity,
 * scope copied from the application, signed token, PDF with QR; then schedules its expiry. A
 * granted renewal issues a new certificate continuing the old one; a granted scope extension adds
 * to the certificate's scope and re-issues it as a new edition. All in one transaction: a crash
 * leaves nothing, a re-run finds the work done and stops.
 */
@Injectable()
export class CertificateIssuer {
  private readonly logger = new Logger(CertificateIssuer.name);

  constructor(
    private readonly db: DataSource,
    private readonly editions: CertificateEditions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(applicationId: string, outboxId: string): Promise<IssueResult> {
    return this.db.transaction(async (tx) => {
      const app = await readApplication(tx, applicationId, { forUpdate: true });
      const [link]: { kind: string; certificate_id: string | null }[] = await tx.query(`SELECT kind, certificate_id FROM applications WHERE id = $1`, [
        applicationId,
      ]);
      if (app?.status === 'granted' && link.kind === 'extension') {
        const result = await this.extend(tx, applicationId, link.certificate_id!);
        await completeOutbox(tx, outboxId);
        return result;
      }
      const [existing] = await tx.query(`SELECT id FROM certificates WHERE application_id = $1`, [applicationId]);
      if (existing || app?.status !== 'granted') {
        await completeOutbox(tx, outboxId);
        return existing ? 'already_issued' : 'not_granted';
      }
      const [{ serial, year }] = await tx.query(`SELECT nextval('certificate_number_seq')::int AS serial, extract(year FROM current_date)::int AS year`);
      const number = certificateNumber(year, serial);
      const [cert] = await tx.query(
        `INSERT INTO certificates (number, application_id, enterprise_id, certification_body_id, category_code, standard_id, scope,
                                   issued_on, expires_on, renews_certificate_id, surveillance_interval_months, next_surveillance_due)
         SELECT $1, a.id, a.enterprise_id, a.certification_body_id, a.category_code, a.standard_id, a.scope,
                ${SHENZHEN_TODAY}, ${link.kind === 'renewal' ? RENEWAL_EXPIRES_ON : EXPIRES_ON}, o.id,
                -- The surveillance plan: one audit each interval of the catalogue entry, the first due one interval after issue.
                ce.surveillance_interval_months, (${SHENZHEN_TODAY} + make_interval(months => ce.surveillance_interval_months))::date
           FROM applications a
           JOIN catalogue_entries ce ON ce.id = a.catalogue_entry_id
           LEFT JOIN certificates o ON o.id = a.certificate_id AND a.kind = 'renewal'
          WHERE a.id = $2
         RETURNING id, expires_on, renews_certificate_id`,
        [number, applicationId],
      );
      const pdfBytes = await this.editions.render(tx, cert.id, number, 1, { reason: 'issued', changedFields: [], actor: SYSTEM });
      await recordCertificateChange(tx, { certificateId: cert.id, action: 'issue', from: null, to: 'valid' });
      if (cert.renews_certificate_id) await this.continueLineage(tx, cert.renews_certificate_id, cert.id, number);
      await enqueue(tx, expireCertificate(cert.id, cert.expires_on));
      await enqueue(tx, certificateIssuedNotice({ id: cert.id, number, enterpriseId: app.enterprise_id, expiresOn: cert.expires_on }));
      await completeOutbox(tx, outboxId);
      this.logger.log({ applicationId, certificateId: cert.id, number, pdfBytes, renews: cert.renews_certificate_id }, 'certificate issued');
      return 'issued';
    });
  }

  /**
   * The renewed certificate stays as it is until its own expiry (its public record now names its
   * successor); its mark grants move to the new certificate, so the labels printed under them keep
   * answering with the live certificate of the lineage. Its surveillance plan ends: the renewal's
   * full audit was this year's, and the successor carries the plan from its own issue. Kept, the
   * sweep would plan a surveillance of a certificate about to end (and, its due date passed,
   * suspend it), and its public record would announce an audit that is not coming.
   */
  private async continueLineage(tx: EntityManager, oldId: string, newId: string, newNumber: string): Promise<void> {
    const [old] = await tx.query(
      `SELECT o.status, o.scope AS old_scope, n.scope AS new_scope FROM certificates o, certificates n WHERE o.id = $1 AND n.id = $2 FOR UPDATE OF o`,
      [oldId, newId],
    );
    await tx.query(
      `UPDATE mark_grants SET certificate_id = $2, version = version + 1 WHERE certificate_id = $1 AND status IN ('requested', 'granted', 'suspended')`,
      [oldId, newId],
    );
    // A model the renewal left out of the scope takes its grants with it, as a scope reduction would.
    const kept = new Set(scopeModels(old.new_scope));
    const dropped = scopeModels(old.old_scope).filter((m) => !kept.has(m));
    if (dropped.length) await trimMarkGrants(tx, newId, dropped);
    await tx.query(`UPDATE certificates SET next_surveillance_due = NULL, version = version + 1, updated_at = now() WHERE id = $1`, [oldId]);
    await recordCertificateChange(tx, { certificateId: oldId, action: 'renewed', from: old.status, to: old.status, details: { renewedBy: newNumber } });
  }

  /** A granted scope extension: the new products and models join the certificate's scope, re-issued as a new edition. */
  private async extend(tx: EntityManager, applicationId: string, certificateId: string): Promise<IssueResult> {
    const [done] = await tx.query(
      `SELECT 1 FROM certificate_events WHERE certificate_id = $1 AND action = 'scope_extended' AND details->>'applicationId' = $2`,
      [certificateId, applicationId],
    );
    if (done) return 'already_issued';
    const [row] = await tx.query(
      `SELECT c.status, c.scope AS current, a.scope AS added FROM certificates c JOIN applications a ON a.id = $2 WHERE c.id = $1 FOR UPDATE OF c`,
      [certificateId, applicationId],
    );
    if (!['valid', 'suspended'].includes(row.status)) return 'not_granted';
    const scope = extendedScope(row.current, row.added);
    await tx.query(`UPDATE certificates SET scope = $2 WHERE id = $1`, [certificateId, JSON.stringify(scope)]);
    const models = (row.added.products ?? []).flatMap((p: { models: string[] }) => p.models);
    const edition = await this.editions.reissue(tx, certificateId, {
      action: 'scope_extended',
      reason: 'scope extended',
      changedFields: ['scope'],
      actor: SYSTEM,
      details: { models, applicationId },
    });
    this.logger.log({ applicationId, certificateId, models, edition }, 'certificate scope extended');
    return 'extended';
  }

  /** Everything the PDF shows, read in the issuing transaction. */
  documentOf(tx: EntityManager, certificateId: string, token: string): Promise<CertificateDocument> {
    return certificateDocument(tx, certificateId, token, this.config.PUBLIC_BASE_URL);
  }
}
