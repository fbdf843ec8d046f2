import { ApiProperty } from '@nestjs/swagger';
import { CERTIFICATE_STATUSES, CertificateStatus } from '../certificates/certificate-status.machine';
import { CERTIFICATE_DECISION_OUTCOMES, CertificateDecisionOutcome } from './surveillance.dto';

export class DecidedCertificateRef {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'SZS-2026-000001-6' }) number: string;
  @ApiProperty({ enum: CERTIFICATE_STATUSES, description: 'after the decision' }) status: CertificateStatus;
}

/** The certificate decision a failed audit of a certificate received. */
export class CertificateDecisionView {
  @ApiProperty() auditId: string;
  @ApiProperty({ enum: CERTIFICATE_DECISION_OUTCOMES }) outcome: CertificateDecisionOutcome;
  @ApiProperty() rationale: string;
  @ApiProperty() decidedBy: string;
  @ApiProperty({ type: String, format: 'date-time' }) decidedAt: Date;
  @ApiProperty({ type: DecidedCertificateRef }) certificate: DecidedCertificateRef;
}
