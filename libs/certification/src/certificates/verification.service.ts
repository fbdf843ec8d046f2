import { Injectable } from '@nestjs/common';
import { TokenSigner } from '@app/documents';
import { PublicReads } from '@app/persistence';
import { CounterfeitDetector, PUBLIC_LIFECYCLE, RegistryCache } from '@app/registry';
import { classifyCertificateNumber } from './certificate-number';
import { classifyLabelCode } from './label-code';
import { TokenVerificationResult, VerificationResult, VerifiedCertificate, VerifiedMarkGrant } from './verification.view';

/** One indexed read of the public registry entry (written with every certificate change). */
const PUBLIC_CERTIFICATE = `
  SELECT r.certificate_id AS "certificateId", r.certification_body_id AS "certificationBodyId",
         r.number, r.status, r.issued_on AS "issuedOn", r.expires_on AS "expiresOn", r.scope, r.holder,
         r.certification_body AS "certificationBody", r.category, r.standard, ${PUBLIC_LIFECYCLE} AS lifecycle
    FROM registry_entries r`;

/** A row of the public registry as verification reads it (not the certificate itself). */
interface RegistryEntryRow extends VerifiedCertificate {
  certificateId: string;
  certificationBodyId: string;
}

@Injectable()
export class VerificationService {
  constructor(
    private readonly db: PublicReads,
    private readonly signer: TokenSigner,
    private readonly counterfeits: CounterfeitDetector,
    private readonly cache: RegistryCache,
  ) {}

  /** A certificate's public registry entry: from memory when provably fresh (under a second), else one indexed read. */
  private certificate(number: string): Promise<{ row: RegistryEntryRow | undefined; asOf: Date }> {
    return this.cache.get(number, async () => {
      const [row] = await this.db.prepared<RegistryEntryRow>('verify_certificate', `${PUBLIC_CERTIFICATE} WHERE r.number = $1`, [number]);
      return row;
    });
  }

  /**
   * The token a QR code carries: a forged or altered token is `invalid`; a genuine one is answered
   * with the live status of what it names (a token stays genuine after its certificate ends).
   */
  async verifyToken(token: string, clientAddress = ''): Promise<TokenVerificationResult> {
    const claims = token.length <= 1024 ? await this.signer.verify(token) : null;
    const named = claims?.t === 'c' ? claims.n : claims?.t === 'l' ? claims.c : undefined;
    if (typeof named !== 'string') {
      return {
        query: token.slice(0, 64),
        kind: null,
        status: 'invalid',
        asOf: new Date().toISOString(),
        message: 'the QR code is not a genuine Shenzhen Standard code: its signature does not verify',
        token: 'invalid',
      };
    }
    return { ...(await this.verify(named, clientAddress)), token: 'genuine' };
  }

  /** A certificate number or a label code, however it was typed; every answer about a real code is counted. */
  async verify(input: string, clientAddress = ''): Promise<VerificationResult> {
    const asOf = new Date().toISOString();
    const cert = classifyCertificateNumber(input);
    if (cert?.kind === 'invalid') return this.invalid(input, 'certificate', asOf);
    if (cert?.kind === 'certificate') {
      const found = await this.certificate(cert.number);
      const at = found.asOf.toISOString();
      if (!found.row) return { query: input, kind: 'certificate', status: 'unknown', asOf: at, message: 'no certificate has this number' };
      const row = await this.counted('certificate', cert.number, found.row, clientAddress);
      return { query: input, kind: 'certificate', status: row.status, asOf: at, message: `certificate ${row.number} is ${row.status}`, certificate: row };
    }
    const label = classifyLabelCode(input);
    if (label?.kind === 'invalid') return this.invalid(input, 'label', asOf);
    if (label?.kind === 'label') {
      const labelReadAt = new Date();
      const [row] = await this.db.query<{
        grant_status: VerifiedMarkGrant['status'];
        products: VerifiedMarkGrant['products'];
        media: VerifiedMarkGrant['media'];
        number: string;
      }>(
        `SELECT g.status AS grant_status, g.products, g.media, c.number FROM label_codes l
           JOIN label_batches b ON b.id = l.batch_id JOIN mark_grants g ON g.id = b.mark_grant_id
           JOIN certificates c ON c.id = g.certificate_id WHERE l.code = $1`,
        [label.code],
      );
      if (!row) return { query: input, kind: 'label', status: 'unknown', asOf, message: 'no printed mark has this code' };
      const found = await this.certificate(row.number);
      // As of the older of the two reads: the mark's grant and its certificate's entry.
      const at = new Date(Math.min(labelReadAt.getTime(), found.asOf.getTime())).toISOString();
      if (!found.row)
        return { query: input, kind: 'label', status: 'unknown', asOf: at, message: 'the certificate of this mark is not in the public registry' };
      const certificate = await this.counted('label', label.code, found.row, clientAddress);
      return {
        query: input,
        kind: 'label',
        status: certificate.status,
        asOf: at,
        message: `this mark belongs to certificate ${row.number}, which is ${certificate.status}`,
        certificate,
        markGrant: { status: row.grant_status, products: row.products, media: row.media },
      };
    }
    return { query: input, kind: null, status: 'unknown', asOf, message: 'this is neither a certificate number nor a label code' };
  }

  /** Counts a verification of a real code for counterfeit detection; answers the public entry without its internal ids. */
  private async counted(kind: 'certificate' | 'label', code: string, entry: RegistryEntryRow, clientAddress: string): Promise<VerifiedCertificate> {
    const { certificateId, certificationBodyId, ...certificate } = entry;
    await this.counterfeits.record({ kind, code, certificateId, certificationBodyId, certificateStatus: certificate.status, clientAddress });
    return certificate;
  }

  private invalid(query: string, kind: 'certificate' | 'label', asOf: string): VerificationResult {
    return {
      query,
      kind,
      status: 'invalid',
      asOf,
      message: `the check character does not match: the ${kind === 'certificate' ? 'certificate number' : 'label code'} was mistyped or forged`,
    };
  }
}
