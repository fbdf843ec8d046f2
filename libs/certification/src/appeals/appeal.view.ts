import { ApiProperty } from '@nestjs/swagger';
import { CaseTimelineEntry } from '../case-timeline';
import { CertificateRef } from '../certificates/mark-grant.view';
import { OrganizationRef, PersonRef } from '../complaints/complaint.view';
import { APPEAL_STATUSES, AppealStatus } from './appeal-status.machine';

export class DecisionAppealed {
  @ApiProperty({ enum: ['application', 'certificate'] }) kind: 'application' | 'certificate';
  @ApiProperty({ description: 'refuse or reject (an application); suspend, scope_reduced or withdraw (a certificate)' }) action: string;
  @ApiProperty({ type: String, format: 'date-time' }) at: Date;
  @ApiProperty({ type: String, format: 'date-time', description: 'the last moment the appeal could be lodged' }) appealableUntil: Date;
}

export class AppealView {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'APL-2026-000012-K' }) reference: string;
  @ApiProperty({ enum: APPEAL_STATUSES }) status: AppealStatus;
  @ApiProperty({ type: OrganizationRef }) enterprise: OrganizationRef;
  @ApiProperty() certificationBodyId: string;
  @ApiProperty() applicationId: string;
  @ApiProperty() applicationNumber: string;
  @ApiProperty({ nullable: true, type: CertificateRef }) certificate: CertificateRef | null;
  @ApiProperty({ type: DecisionAppealed }) decision: DecisionAppealed;
  @ApiProperty() grounds: string;
  @ApiProperty({ type: PersonRef }) lodgedBy: PersonRef;
  @ApiProperty({ nullable: true, type: PersonRef, description: 'who considers and decides it' }) handler: PersonRef | null;
  @ApiProperty({ nullable: true, type: PersonRef }) decidedBy: PersonRef | null;
  @ApiProperty({ nullable: true, type: String }) rationale: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) decidedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: [CaseTimelineEntry] }) timeline: CaseTimelineEntry[];
}
