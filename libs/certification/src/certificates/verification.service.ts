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

/** How far a lineage of renewals is followed (a certificate lives three years: a few hops cover decades). */
const MAX_LINEAGE_HOPS = 10;

/** A row of the public registry as verification reads it (not the certificate itself). */
interface RegistryEntryRow extends VerifiedCertificate {
  certificateId: string;
  certificationBodyId: string;
}

/** What a scanned code adds to the answer: a QR token's edition; a label's or QR's wish for the current certificate of the lineage. */
interface Scan {
  edition?: number;
  current?: boolean;
}

/** The public entry without what verification reads for itself. */
function publicPart(entry: RegistryEntryRow): VerifiedCertificate {
  const { certificateId: _c, certificationBodyId: _b, ...certificate } = entry;
  return certificate;
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
    // A certificate's token names its edition (one without `e` is of the first edition).
    const edition = claims?.t === 'c' ? (typeof claims.e === 'number' ? claims.e : 1) : undefined;
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
    return { ...(await this.verify(named, clientAddress, { edition, current: true })), token: 'genuine' };
  }

  /** A certificate number or a label code, however it was typed; every answer about a real code is counted. */
  async verify(input: string, clientAddress = '', scan: Scan = {}): Promise<VerificationResult> {
    const asOf = new Date().toISOString();
    const cert = classifyCertificateNumber(input);
    if (cert?.kind === 'invalid') return this.invalid(input, 'certificate', asOf);
    if (cert?.kind === 'certificate') {
      const found = await this.certificate(cert.number);
      const at = found.asOf.toISOString();
      if (!found.row) return { query: input, kind: 'certificate', status: 'unknown', asOf: at, message: 'no certificate has this number' };
      const row = await this.counted('certificate', cert.number, found.row, clientAddress);
      const base = {
        query: input,
        kind: 'certificate' as const,
        status: row.status,
        asOf: at,
        message: `certificate ${row.number} is ${row.status}`,
        certificate: row,
      };
      return this.withChanges(base, found.row, scan);
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
        removed_models: string[] | null;
        reduced_on: string | null;
      }>(
        `SELECT g.status AS grant_status, g.products, g.media, c.number, g.removed_models, g.scope_reduced_on::text AS reduced_on FROM label_codes l
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
      const markGrant = { status: row.grant_status, products: row.products, media: row.media };
      if (row.grant_status === 'revoked' && row.removed_models?.length) {
        // The grant ended because its models left the scope: the mark no longer certifies anything, and says why.
        const models = row.removed_models.join(', ');
        return {
          query: input,
          kind: 'label',
          status: 'withdrawn',
          asOf: at,
          message: `model ${models} was removed from certificate ${row.number}'s scope on ${row.reduced_on}: this mark no longer certifies it`,
          certificate,
          markGrant,
        };
      }
      const base = {
        query: input,
        kind: 'label' as const,
        status: certificate.status,
        asOf: at,
        message: `this mark belongs to certificate ${row.number}, which is ${certificate.status}`,
        certificate,
        markGrant,
      };
      return this.withChanges(base, found.row, { current: true });
    }
    return { query: input, kind: null, status: 'unknown', asOf, message: 'this is neither a certificate number nor a label code' };
  }

  /**
   * What happened to the certificate since the code was made: a QR of an older edition is answered
   * with the current record and says it is superseded; a renewed certificate names its successor and
   * the current certificate of its lineage (a label or QR answers with that one's status: the mark on
   * the product is covered by it).
   */
  private async withChanges(base: VerificationResult, entry: RegistryEntryRow, scan: Scan): Promise<VerificationResult> {
    const result: VerificationResult = { ...base };
    const notes: string[] = [];
    const { edition, renewedBy } = entry.lifecycle;
    if (scan.edition !== undefined && scan.edition < edition) {
      result.supersededBy = { edition };
      notes.push(`this QR code is of edition ${scan.edition}, superseded by edition ${edition}: the current record is shown`);
    }
    if (renewedBy) {
      const current = await this.currentOfLineage(entry);
      result.renewedBy = renewedBy;
      if (current) {
        result.currentCertificate = current;
        if (scan.current) result.status = current.status;
        notes.push(`renewed by certificate ${renewedBy}; the current certificate is ${current.number}, which is ${current.status}`);
      }
    }
    if (notes.length) result.message = `${base.message}; ${notes.join('; ')}`;
    return result;
  }

  /** The newest certificate of a lineage of renewals (public entries only). */
  private async currentOfLineage(entry: RegistryEntryRow): Promise<VerifiedCertificate | undefined> {
    let row: RegistryEntryRow | undefined = entry;
    for (let hop = 0; row?.lifecycle.renewedBy && hop < MAX_LINEAGE_HOPS; hop++) {
      const next: RegistryEntryRow | undefined = (await this.certificate(row.lifecycle.renewedBy)).row;
      if (!next) break;
      row = next;
    }
    return row && row !== entry ? publicPart(row) : undefined;
  }

  /** Counts a verification of a real code for counterfeit detection; answers the public entry without its internal ids. */
  private async counted(kind: 'certificate' | 'label', code: string, entry: RegistryEntryRow, clientAddress: string): Promise<VerifiedCertificate> {
    await this.counterfeits.record({
      kind,
      code,
      certificateId: entry.certificateId,
      certificationBodyId: entry.certificationBodyId,
      certificateStatus: entry.status,
      clientAddress,
    });
    return publicPart(entry);
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
