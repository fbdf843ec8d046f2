import { ApiProperty } from '@nestjs/swagger';
import { RECOGNISED_REPORT_STATUSES, RecognisedReportStatus } from './recognised-report.machine';

export class RecognisedReportAgreementRef {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['ilac_mra', 'hk_macao', 'scheme_certificate'] }) kind: string;
  @ApiProperty() party: string;
  @ApiProperty() region: string;
}

/** A report presented under a recognition agreement for one requirement of an audit, and the auditor's answer. */
export class RecognisedReportView {
  @ApiProperty() id: string;
  @ApiProperty() auditId: string;
  @ApiProperty() requirementId: string;
  @ApiProperty({ example: '5.1' }) clause: string;
  @ApiProperty({ type: RecognisedReportAgreementRef }) agreement: RecognisedReportAgreementRef;
  @ApiProperty() issuingBody: string;
  @ApiProperty() reportNumber: string;
  @ApiProperty({ type: String, format: 'date' }) reportDate: string;
  @ApiProperty({ nullable: true, type: Number }) measuredValue: number | null;
  @ApiProperty({ nullable: true, type: Boolean, description: 'as given for a pass/fail requirement; null for a measured one' }) passed: boolean | null;
  @ApiProperty({ enum: RECOGNISED_REPORT_STATUSES }) status: RecognisedReportStatus;
  @ApiProperty({ nullable: true, type: String }) refusalReason: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) presentedAt: Date;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) decidedAt: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'when the enterprise withdrew it, unanswered' }) withdrawnAt: Date | null;
}
