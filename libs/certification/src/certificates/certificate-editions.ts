import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/shared';
import { CertificateDocument, renderCertificatePdf, TokenSigner } from '@app/documents';
import { CERTIFICATE_WITH_PARTIES, recordCertificateChange } from '@app/registry';
import { enqueue, notify } from '@app/queue';
import type { Actor } from '../actor';

/** The public verification URL a QR code carries: the signed token, checkable offline against the JWKS. */
export const verificationUrl = (base: string, token: string) => `${base.replace(/\/$/, '')}/v/${token}`;

/** Everything the PDF shows, read in the transaction that renders it (so an edition shows the data it was issued for). */
export async function certificateDocument(tx: EntityManager, certificateId: string, token: string, publicBaseUrl: string): Promise<CertificateDocument> {
  const [row] = await tx.query(
    `SELECT c.number, c.status, c.scope, c.issued_on, c.expires_on,
            en.name_zh AS en_zh, en.name_en AS en_en, en.credit_code, en.address,
            cb.name_zh AS cb_zh, cb.name_en AS cb_en,
            (SELECT a.accreditation_number FROM authorizations a WHERE a.certification_body_id = cb.id
                AND a.category_code = c.category_code AND a.revoked_at IS NULL ORDER BY a.valid_until DESC LIMIT 1) AS accreditation,
            pc.code AS cat_code, pc.name_zh AS cat_zh, pc.name_en AS cat_en,
            s.code AS std_code, s.version AS std_version, s.title_zh AS std_zh, s.title_en AS std_en
     ${CERTIFICATE_WITH_PARTIES}
      WHERE c.id = $1`,
    [certificateId],
  );
  return {
    number: row.number,
    status: row.status,
    holder: { nameZh: row.en_zh, nameEn: row.en_en, creditCode: row.credit_code, address: row.address },
    certificationBody: { nameZh: row.cb_zh, nameEn: row.cb_en, accreditationNumber: row.accreditation },
    category: { code: row.cat_code, nameZh: row.cat_zh, nameEn: row.cat_en },
    standard: { code: row.std_code, version: row.std_version, titleZh: row.std_zh, titleEn: row.std_en },
    scope: row.scope,
    issuedOn: row.issued_on,
    expiresOn: row.expires_on,
    verificationUrl: verificationUrl(publicBaseUrl, token),
  };
}

/** The claims of a certificate's QR token: its number and edition (a token without `e` is of edition 1). */
export const certificateClaims = (number: string, edition: number) => ({ t: 'c', n: number, e: edition });

/** Why an edition was issued: shown to the holder and the body, and (event and edition) in the public history. */
export interface EditionChange {
  /** The public history event: a re-issue, or the scope change that caused it. */
  action: 'reissue' | 'scope_extended' | 'scope_reduced' | 'transition_completed';
  reason: string;
  changedFields: string[];
  actor: Actor;
  /** More public details of the event (the models of a scope change). */
  details?: Record<string, unknown>;
}

/**
 * A certificate's editions (版次): whenever what it says changes (the holder's name or address, its
 * body's details, its scope, its standard) it is re-issued with the next edition number, a new PDF and
 * a new token that carries the edition. The superseded edition keeps its token and PDF in
 * certificate_editions, so its QR code still verifies as genuine and answers "superseded".
 */
@Injectable()
export class CertificateEditions {
  constructor(
    private readonly signer: TokenSigner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Signs the token of an edition, renders its PDF and stores both on the certificate and as the edition's row. */
  async render(tx: EntityManager, certificateId: string, number: string, edition: number, change: Omit<EditionChange, 'action'>): Promise<number> {
    const token = await this.signer.sign(certificateClaims(number, edition));
    const pdf = await renderCertificatePdf(await certificateDocument(tx, certificateId, token, this.config.PUBLIC_BASE_URL));
    const sha = createHash('sha256').update(pdf).digest('hex');
    await tx.query(`UPDATE certificates SET token = $2, pdf = $3, pdf_sha256 = $4 WHERE id = $1`, [certificateId, token, pdf, sha]);
    await tx.query(
      `INSERT INTO certificate_editions (certificate_id, edition, token, pdf_sha256, reason, changed_fields, issued_by_user_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [certificateId, edition, token, sha, change.reason, change.changedFields, change.actor.userId],
    );
    return pdf.length;
  }

  /**
   * The next edition of a live certificate, in the caller's transaction (which holds the
   * certificate's row lock): the current PDF is kept with its edition, the new one replaces it, and
   * the public history says which edition now holds and why. Returns the new edition number.
   */
  async reissue(tx: EntityManager, certificateId: string, change: EditionChange): Promise<number> {
    const [cert] = await tx.query(
      `SELECT id, number, status, edition, token, pdf, pdf_sha256, enterprise_id, certification_body_id FROM certificates WHERE id = $1 FOR UPDATE`,
      [certificateId],
    );
    // The superseded edition keeps its PDF (rows from before editions were recorded get theirs now).
    await tx.query(
      `INSERT INTO certificate_editions (certificate_id, edition, token, pdf_sha256, pdf, reason)
       VALUES ($1, $2, $3, $4, $5, 'issued')
       ON CONFLICT (certificate_id, edition) DO UPDATE SET pdf = EXCLUDED.pdf`,
      [cert.id, cert.edition, cert.token ?? '', cert.pdf_sha256, cert.pdf],
    );
    const edition = cert.edition + 1;
    await tx.query(`UPDATE certificates SET edition = $2, version = version + 1, updated_at = now() WHERE id = $1`, [cert.id, edition]);
    await this.render(tx, cert.id, cert.number, edition, change);
    await recordCertificateChange(tx, {
      certificateId: cert.id,
      action: change.action,
      from: cert.status,
      to: cert.status,
      privateNote: change.reason,
      details: { ...change.details, edition, changedFields: change.changedFields },
      actorUserId: change.actor.userId,
      actorOrganizationId: change.actor.organizationId,
    });
    // The holder is told its certificate changed (the new PDF replaces the one it may have printed).
    await enqueue(
      tx,
      notify(
        {
          event: 'certificate_changed',
          key: `edition:${cert.id}:${edition}`,
          audience: [{ organizationId: cert.enterprise_id, roles: ['enterprise_admin'] }],
          subjectNumber: cert.number,
          link: `/console/certificates/${cert.id}`,
          params: { edition, change: change.action, reason: change.reason },
        },
        cert.certification_body_id,
      ),
    );
    return edition;
  }
}
