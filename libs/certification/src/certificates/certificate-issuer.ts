import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/shared';
import { CertificateDocument, renderCertificatePdf, TokenSigner } from '@app/documents';
import { completeOutbox, enqueue } from '@app/queue';
import { expireCertificate } from '../follow-up-work';
import { CERTIFICATE_WITH_PARTIES, recordCertificateChange } from '@app/registry';
import { readApplication } from '../applications/application-records';
import { certificateNumber } from './certificate-number';

/** Dates are Shenzhen's: a certificate issued at 07:00 on 1 May Beijing time is dated 1 May. */
export const SHENZHEN_TODAY = "(now() AT TIME ZONE 'Asia/Shanghai')::date";
/** Certificates are valid for three years (DESIGN): through the day before the third anniversary. */
const EXPIRES_ON = `(${SHENZHEN_TODAY} + interval '3 years' - interval '1 day')::date`;

export type IssueResult = 'issued' | 'already_issued' | 'not_granted';

/** The public verification URL a QR code carries: the signed token, checkable offline against the JWKS. */
export const verificationUrl = (base: string, token: string) => `${base.replace(/\/$/, '')}/v/${token}`;

/**
 * Issues the certificate of a granted application: number with check character, validity,
 * scope copied from the application, signed token, PDF with QR; then schedules its expiry.
 * All in one transaction: a crash leaves nothing, a re-run finds the certificate and stops.
 */
@Injectable()
export class CertificateIssuer {
  private readonly logger = new Logger(CertificateIssuer.name);

  constructor(
    private readonly db: DataSource,
    private readonly signer: TokenSigner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(applicationId: string, outboxId: string): Promise<IssueResult> {
    return this.db.transaction(async (tx) => {
      const app = await readApplication(tx, applicationId, { forUpdate: true });
      const [existing] = await tx.query(`SELECT id FROM certificates WHERE application_id = $1`, [applicationId]);
      if (existing || app?.status !== 'granted') {
        await completeOutbox(tx, outboxId);
        return existing ? 'already_issued' : 'not_granted';
      }
      const [{ serial, year }] = await tx.query(`SELECT nextval('certificate_number_seq')::int AS serial, extract(year FROM current_date)::int AS year`);
      const number = certificateNumber(year, serial);
      const token = await this.signer.sign({ t: 'c', n: number });
      const [cert] = await tx.query(
        `INSERT INTO certificates (number, application_id, enterprise_id, certification_body_id, category_code, standard_id, scope,
                                   issued_on, expires_on, token, surveillance_interval_months, next_surveillance_due)
         SELECT $1, a.id, a.enterprise_id, a.certification_body_id, a.category_code, a.standard_id, a.scope,
                ${SHENZHEN_TODAY}, ${EXPIRES_ON}, $3,
                -- The surveillance plan: one audit each interval of the catalogue entry, the first due one interval after issue.
                ce.surveillance_interval_months, (${SHENZHEN_TODAY} + make_interval(months => ce.surveillance_interval_months))::date
           FROM applications a JOIN catalogue_entries ce ON ce.id = a.catalogue_entry_id WHERE a.id = $2
         RETURNING id, expires_on`,
        [number, applicationId, token],
      );
      const pdf = await renderCertificatePdf(await this.documentOf(tx, cert.id, token));
      await tx.query(`UPDATE certificates SET pdf = $2, pdf_sha256 = $3 WHERE id = $1`, [cert.id, pdf, createHash('sha256').update(pdf).digest('hex')]);
      await recordCertificateChange(tx, { certificateId: cert.id, action: 'issue', from: null, to: 'valid' });
      await enqueue(tx, expireCertificate(cert.id, cert.expires_on));
      await completeOutbox(tx, outboxId);
      this.logger.log({ applicationId, certificateId: cert.id, number, pdfBytes: pdf.length }, 'certificate issued');
      return 'issued';
    });
  }

  /** Everything the PDF shows, read in the issuing transaction. */
  async documentOf(tx: EntityManager, certificateId: string, token: string): Promise<CertificateDocument> {
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
      verificationUrl: verificationUrl(this.config.PUBLIC_BASE_URL, token),
    };
  }
}
