import { ApiProperty } from '@nestjs/swagger';
import { APPLICATION_STATUSES, ApplicationAction, ApplicationStatus } from './application-status.machine';
import { OrganizationNameRef } from '@app/scheme';
import { ScopeDto } from './application.dto';
import { EvidenceFileRef } from '../evidence/evidence-file.view';

export class CatalogueEntryRef {
  @ApiProperty() id: string;
  @ApiProperty() nameZh: string;
  @ApiProperty() categoryCode: string;
}

export class StandardRef {
  @ApiProperty() id: string;
  @ApiProperty() code: string;
  @ApiProperty() version: string;
  @ApiProperty() titleZh: string;
}

export class TimelineEntry {
  @ApiProperty({ description: 'what was done', example: 'request_info' }) action: string;
  @ApiProperty({ nullable: true, type: String, enum: APPLICATION_STATUSES }) from: ApplicationStatus | null;
  @ApiProperty({ enum: APPLICATION_STATUSES }) to: ApplicationStatus;
  @ApiProperty({ description: 'who: a user name, or an API key' }) actor: string;
  @ApiProperty({ nullable: true, type: String }) actorOrganization: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'why, or the message of an information request / answer' }) reason: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) at: string;
  @ApiProperty({ type: [EvidenceFileRef], description: 'files attached to this entry (the answer to an information request)' })
  evidenceFiles: EvidenceFileRef[];
}

export const APPLICATION_KINDS = ['initial', 'renewal', 'extension'] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];

export class ApplicationSummary {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'SZS-A-2026-000001' }) number: string;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status: ApplicationStatus;
  @ApiProperty({ description: 'increases with every change; the optimistic-lock version' }) version: number;
  @ApiProperty({ enum: APPLICATION_KINDS, description: 'a first certification, the renewal of a certificate, or an extension of its scope' })
  kind: ApplicationKind;
  @ApiProperty({ nullable: true, type: String, description: 'the certificate a renewal or extension is for; null for an initial application' })
  certificateId: string | null;
  @ApiProperty({ type: OrganizationNameRef }) enterprise: OrganizationNameRef;
  @ApiProperty({ type: OrganizationNameRef }) certificationBody: OrganizationNameRef;
  @ApiProperty({ type: CatalogueEntryRef }) catalogueEntry: CatalogueEntryRef;
  @ApiProperty({ type: StandardRef }) standard: StandardRef;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) submittedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
}

export class ApplicationView extends ApplicationSummary {
  @ApiProperty() selfDeclarationId: string;
  @ApiProperty({ type: ScopeDto }) scope: ScopeDto;
  @ApiProperty({ description: 'actions the caller may take now', type: [String] }) allowedActions: ApplicationAction[];
  @ApiProperty({ type: [TimelineEntry] }) timeline: TimelineEntry[];
}
