import { ApiProperty } from '@nestjs/swagger';
import { CaseTimelineEntry } from '../case-timeline';
import { CertificateRef } from '../certificates/mark-grant.view';
import { ReportRecipientBody } from '../misuse-reports/misuse-report.view';
import { COMPLAINT_SUBJECTS, ComplaintSubject } from './complaint.dto';
import { COMPLAINT_OUTCOMES, COMPLAINT_STATUSES, ComplaintOutcome, ComplaintStatus } from './complaint-status.machine';

export class ComplaintHandler {
  @ApiProperty({ nullable: true, type: ReportRecipientBody, description: 'the certification body handling it; null: the regulator handles it' })
  certificationBody: ReportRecipientBody | null;
  @ApiProperty({ description: 'true when the regulator handles it (a complaint about a body’s own work)' }) regulator: boolean;
}

/** The answer to a complaint filed: the reference to quote and who handles it; never the contact. */
export class ComplaintReceipt {
  @ApiProperty({ example: 'CMP-2026-000123-7' }) reference: string;
  @ApiProperty({ enum: COMPLAINT_STATUSES }) status: ComplaintStatus;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String }) certificateNumber: string | null;
  @ApiProperty({ type: ComplaintHandler }) handledBy: ComplaintHandler;
}

/** What the complainant may see of their complaint: where it stands and, once closed, the outcome. */
export class ComplaintStatusView {
  @ApiProperty({ example: 'CMP-2026-000123-7' }) reference: string;
  @ApiProperty({ enum: COMPLAINT_SUBJECTS }) about: ComplaintSubject;
  @ApiProperty({ enum: COMPLAINT_STATUSES }) status: ComplaintStatus;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ nullable: true, enum: COMPLAINT_OUTCOMES, description: 'told once the complaint is closed' }) outcome: ComplaintOutcome | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) closedAt: Date | null;
}

export class OrganizationRef {
  @ApiProperty() id: string;
  @ApiProperty() nameZh: string;
  @ApiProperty({ nullable: true, type: String }) nameEn: string | null;
}

export class Complainant {
  @ApiProperty({ nullable: true, type: String }) name: string | null;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ enum: ['zh', 'en'] }) language: 'zh' | 'en';
  @ApiProperty({ nullable: true, type: String, description: 'the user who filed it, when logged in' }) userId: string | null;
}

export class PersonRef {
  @ApiProperty() id: string;
  @ApiProperty() displayName: string;
}

/** A complaint as its handlers see it (the handling body or the regulator); its complainant, when a user, sees it without the timeline. */
export class ComplaintView {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'CMP-2026-000123-7' }) reference: string;
  @ApiProperty({ enum: COMPLAINT_SUBJECTS }) about: ComplaintSubject;
  @ApiProperty({ enum: COMPLAINT_STATUSES }) status: ComplaintStatus;
  @ApiProperty({ nullable: true, type: CertificateRef }) certificate: CertificateRef | null;
  @ApiProperty({ nullable: true, type: OrganizationRef, description: 'the holder complained about (or whose product)' }) enterprise: OrganizationRef | null;
  @ApiProperty({ nullable: true, type: OrganizationRef, description: 'the certification body complained about' }) aboutBody: OrganizationRef | null;
  @ApiProperty({ nullable: true, type: String, description: 'the handling body; null: the regulator handles it' }) certificationBodyId: string | null;
  @ApiProperty() description: string;
  @ApiProperty({ type: Complainant }) complainant: Complainant;
  @ApiProperty({ nullable: true, type: String, description: 'the misuse report it was escalated from' }) misuseReportId: string | null;
  @ApiProperty({ nullable: true, type: PersonRef }) investigator: PersonRef | null;
  @ApiProperty({ nullable: true, enum: COMPLAINT_OUTCOMES }) outcome: ComplaintOutcome | null;
  @ApiProperty({ nullable: true, type: String }) findings: string | null;
  @ApiProperty({ nullable: true, type: String }) actionsTaken: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
  @ApiProperty({ type: [CaseTimelineEntry] }) timeline: CaseTimelineEntry[];
}
