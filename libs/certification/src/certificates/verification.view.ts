import { ApiProperty, ApiPropertyOptional, OmitType, PickType } from '@nestjs/swagger';
import { RegistryEntryView } from '@app/registry';
import { CERTIFICATE_STATUSES } from './certificate-status.machine';
import { MarkGrantSummary } from './mark-grant.view';

/** A certificate's status, or `unknown` (no such code) or `invalid` (the check character or the signature is wrong). */
export const VERIFICATION_STATUSES = [...CERTIFICATE_STATUSES, 'unknown', 'invalid'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

/** What anyone may know of a certificate: its public registry entry (never contacts, notes or findings). */
export class VerifiedCertificate extends OmitType(RegistryEntryView, ['updatedAt'] as const) {}

/** The grant a printed mark was issued under: where and on what the mark may be used. */
export class VerifiedMarkGrant extends PickType(MarkGrantSummary, ['status', 'products', 'media'] as const) {}

/** The edition of a certificate that superseded the one a QR code was made for. */
export class SupersedingEdition {
  @ApiProperty({ example: 2 }) edition: number;
}

/** The public answer: status and what exactly is certified. */
export class VerificationResult {
  @ApiProperty({ description: 'what was asked, as typed (a token: its first 64 characters)' }) query: string;
  @ApiProperty({ nullable: true, type: String, enum: ['certificate', 'label'], description: 'what the query was read as; null when neither' })
  kind: 'certificate' | 'label' | null;
  @ApiProperty({ enum: VERIFICATION_STATUSES }) status: VerificationStatus;
  @ApiProperty({ type: String, format: 'date-time', description: 'the answer is true as of this moment' }) asOf: string;
  @ApiProperty({ example: 'certificate SZS-2026-000001-6 is valid' }) message: string;
  @ApiPropertyOptional({ type: VerifiedCertificate, description: 'when the code names a certificate in the registry' })
  certificate?: VerifiedCertificate;
  @ApiPropertyOptional({ type: VerifiedMarkGrant, description: 'for a label code: the grant of its mark' }) markGrant?: VerifiedMarkGrant;
  @ApiPropertyOptional({ type: SupersedingEdition, description: 'for a QR code of an older edition: the edition that holds now (certificate is its record)' })
  supersededBy?: SupersedingEdition;
  @ApiPropertyOptional({ example: 'SZS-2029-000123-4', description: 'the number of the certificate that renewed this one' }) renewedBy?: string;
  @ApiPropertyOptional({
    type: VerifiedCertificate,
    description: 'the newest certificate of the lineage of renewals; a label or QR code answers with its status',
  })
  currentCertificate?: VerifiedCertificate;
}

export class TokenVerificationResult extends VerificationResult {
  @ApiProperty({ enum: ['genuine', 'invalid'], description: 'whether the signature verifies (a genuine token stays genuine after its certificate ends)' })
  token: 'genuine' | 'invalid';
}
