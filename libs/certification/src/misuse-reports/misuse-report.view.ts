import { ApiProperty } from '@nestjs/swagger';
import { CertificateRef } from '../certificates/mark-grant.view';
import { MISUSE_REPORT_STATUSES, MisuseReportStatus } from './misuse-report-status.machine';

export class ReportRecipientBody {
  @ApiProperty() nameZh: string;
  @ApiProperty({ nullable: true, type: String }) nameEn: string | null;
}

export class ReportRouting {
  @ApiProperty({ nullable: true, type: ReportRecipientBody, description: "the certificate's certification body, when the code matched one" })
  certificationBody: ReportRecipientBody | null;
  @ApiProperty({ enum: [true], description: 'every report reaches the regulator' }) regulator: true;
}

/** The public answer to a report: its reference and where it went; never the contact. */
export class MisuseReportReceipt {
  @ApiProperty({ example: 'MR-2026-000123' }) reference: string;
  @ApiProperty({ enum: MISUSE_REPORT_STATUSES }) status: MisuseReportStatus;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String, description: 'the certificate the code belongs to, when it matched one' })
  certificateNumber: string | null;
  @ApiProperty({ type: ReportRouting, description: 'who receives the report' }) routedTo: ReportRouting;
}

/** A report as the certification body and the regulator handle it: in full, the reporter's contact included. */
export class MisuseReportView {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'MR-2026-000123' }) reference: string;
  @ApiProperty({ enum: MISUSE_REPORT_STATUSES }) status: MisuseReportStatus;
  @ApiProperty({ nullable: true, type: String, description: 'the code as the reporter gave it' }) code: string | null;
  @ApiProperty() description: string;
  @ApiProperty({ nullable: true, type: String }) whereSeen: string | null;
  @ApiProperty({ nullable: true, type: String, description: "the reporter's contact" }) contact: string | null;
  @ApiProperty({ nullable: true, type: CertificateRef, description: 'the certificate the code belongs to, when it matched one' })
  certificate: CertificateRef | null;
  @ApiProperty({ nullable: true, type: String, description: 'the body the report is routed to (null: the regulator only)' })
  certificationBodyId: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) statusChangedAt: Date | null;
  @ApiProperty({ nullable: true, type: String, description: "the handler's latest note (never shown to the reporter)" }) note: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the complaint it was escalated to' }) complaintId: string | null;
}
