import { ApiProperty } from '@nestjs/swagger';
import { CERTIFICATE_STATUSES, CertificateStatus } from '../certificates/certificate-status.machine';
import { AuditCertificateDecision } from '../audits/audit.view';

export class DecidedCertificateRef {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'SZS-2026-000001-6' }) number: string;
  @ApiProperty({ enum: CERTIFICATE_STATUSES, description: 'after the decision' }) status: CertificateStatus;
}

/** The certificate decision a failed audit of a certificate received: as its audit shows it, with who took it and the certificate after it. */
export class CertificateDecisionView extends AuditCertificateDecision {
  @ApiProperty() auditId: string;
  @ApiProperty() decidedBy: string;
  @ApiProperty({ type: DecidedCertificateRef }) certificate: DecidedCertificateRef;
}
