import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CategoryRef, EnterpriseRef, OrganizationNameRef, StandardRef } from '@app/scheme';
import { CERTIFICATE_CHANGE_EVENTS, CERTIFICATE_EVENTS, RegistryTransition } from '@app/registry';
import { ScopeDto } from '../applications/application.dto';
import { CERTIFICATE_STATUSES, CertificateStatus, PUBLIC_REASONS, PublicReason } from './certificate-status.machine';
import { MarkGrantSummary } from './mark-grant.view';

export class CertificateSummary {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'SZS-2026-000001-6' }) number: string;
  @ApiProperty({ enum: CERTIFICATE_STATUSES }) status: CertificateStatus;
  @ApiProperty({ type: ScopeDto, description: 'what is certified, as the application gave it' }) scope: ScopeDto;
  @ApiProperty({ type: String, format: 'date', example: '2026-03-01' }) issuedOn: string;
  @ApiProperty({ type: String, format: 'date', example: '2029-02-28', description: 'the last valid day' }) expiresOn: string;
  @ApiProperty() applicationId: string;
  @ApiProperty({ description: 'whether the PDF document is rendered (GET :id/pdf)' }) pdfReady: boolean;
  @ApiProperty({ type: EnterpriseRef }) holder: EnterpriseRef;
  @ApiProperty({ type: OrganizationNameRef }) certificationBody: OrganizationNameRef;
  @ApiProperty({ type: CategoryRef }) category: CategoryRef;
  @ApiProperty({ type: StandardRef }) standard: StandardRef;
}

export class CertificateHistoryEntry {
  @ApiProperty({ enum: [...CERTIFICATE_EVENTS, ...CERTIFICATE_CHANGE_EVENTS] }) action: string;
  @ApiProperty({ nullable: true, type: String, enum: CERTIFICATE_STATUSES, description: 'null when issued' }) from: CertificateStatus | null;
  @ApiProperty({ enum: CERTIFICATE_STATUSES }) to: CertificateStatus;
  @ApiProperty({ nullable: true, type: String, enum: PUBLIC_REASONS, description: 'shown in the public history' }) publicReason: PublicReason | null;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true, description: 'what a change names (models, edition, renewedBy)' })
  details: Record<string, unknown> | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: "the certification body's note: absent for the holder" })
  privateNote?: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) at: Date;
}

/** The certificate's surveillance plan and its last result. */
export class CertificateSurveillance {
  @ApiProperty({ example: 12, description: 'months between surveillance audits (from the catalogue entry)' }) intervalMonths: number;
  @ApiProperty({ nullable: true, type: String, format: 'date', description: 'the date the next surveillance is due' }) nextDue: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date', description: 'when the last surveillance or special audit was evaluated' })
  lastOn: string | null;
  @ApiProperty({ nullable: true, type: String, enum: ['passed', 'failed'] }) lastOutcome: 'passed' | 'failed' | null;
  @ApiProperty({ nullable: true, type: String, format: 'date', description: "a voluntary suspension's last day" }) suspensionEndsOn: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date',
    description:
      'the latest `until` a voluntary suspension asked today may give (today + VOLUNTARY_SUSPENSION_MAX_DAYS, Beijing); null unless the certificate is valid',
  })
  voluntarySuspensionLatest: string | null;
}

/** An audit of the certificate: its initial audit, surveillance and special audits. */
export class CertificateAuditEntry {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['initial', 'surveillance', 'special', 'renewal'] }) kind: string;
  @ApiProperty({ enum: ['planned', 'in_progress', 'submitted', 'evaluated'] }) status: string;
  @ApiProperty({ nullable: true, type: String, enum: ['passed', 'failed', 'corrections_required'] }) outcome: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date', description: 'null for the holder while an unannounced audit has not started' })
  plannedOn: string | null;
  @ApiProperty({ example: 'schedule' }) trigger: string;
  @ApiProperty({ nullable: true, type: Number }) cycle: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) dueOn: string | null;
  @ApiProperty() unannounced: boolean;
}

/** The other certificate of a renewal: enough to name it and open it. */
export class CertificateLineageRef {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'SZS-2023-000017-4' }) number: string;
}

/**
 * The certificate's life after issue as its holder and body see it: the public lifecycle's facts
 * (the registry's RegistryLifecycle), with the lineage as references the console can open. Its
 * surveillance is the view's own `surveillance` (which adds a voluntary suspension's end), not
 * repeated here.
 */
export class CertificateLifecycleView {
  @ApiProperty({ example: 1, description: 'the current edition of the certificate document' }) edition: number;
  @ApiProperty({ type: CertificateLineageRef, nullable: true, description: 'the certificate this one renews' }) renews: CertificateLineageRef | null;
  @ApiProperty({ type: CertificateLineageRef, nullable: true, description: 'the certificate that renewed this one' })
  renewedBy: CertificateLineageRef | null;
  @ApiProperty({ type: RegistryTransition, nullable: true, description: 'null unless a standard transition is under way' })
  transition: RegistryTransition | null;
}

/** The standard a certificate relies on, withdrawn: its body decides what the certificate needs. */
export class WithdrawnStandardRef {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'T/SZEA 001' }) code: string;
  @ApiProperty({ example: '2026' }) version: string;
}

export class CertificateStandardWithdrawal {
  @ApiProperty({ type: String, format: 'date-time', description: 'when the certificate was flagged' }) withdrawnAt: string;
  @ApiProperty({ type: WithdrawnStandardRef }) standard: WithdrawnStandardRef;
}

export class CertificateView extends CertificateSummary {
  @ApiProperty({ type: CertificateStandardWithdrawal, nullable: true, description: 'set when a standard the certificate relies on was withdrawn' })
  standardWithdrawal: CertificateStandardWithdrawal | null;
  @ApiProperty({ type: CertificateSurveillance }) surveillance: CertificateSurveillance;
  @ApiProperty({ type: [CertificateAuditEntry], description: 'oldest first' }) audits: CertificateAuditEntry[];
  @ApiProperty({ type: CertificateLifecycleView }) lifecycle: CertificateLifecycleView;
  @ApiProperty({ type: [CertificateHistoryEntry], description: 'oldest first' }) history: CertificateHistoryEntry[];
  @ApiProperty({ type: [MarkGrantSummary], description: 'oldest first' }) markGrants: MarkGrantSummary[];
}

/** One edition of a certificate: the current one and every one it superseded (their PDFs stay downloadable). */
export class CertificateEditionView {
  @ApiProperty({ example: 2 }) edition: number;
  @ApiProperty({ description: 'whether this is the edition the certificate holds now' }) current: boolean;
  @ApiProperty({ example: '持证企业名称变更' }) reason: string;
  @ApiProperty({ type: [String], example: ['holder.nameZh'] }) changedFields: string[];
  @ApiProperty({ nullable: true, type: String, description: 'SHA-256 of its PDF' }) pdfSha256: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) issuedAt: Date;
}
