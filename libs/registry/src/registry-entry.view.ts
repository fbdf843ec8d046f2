import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CategoryRef, OrganizationNameRef, PublicEnterpriseRef, PublicStandardRef } from '@app/scheme';
import { REGISTRY_STATUSES } from './registry.dto';

export type RegistryStatus = (typeof REGISTRY_STATUSES)[number];

/** What happened to a certificate: its issue, then each change of status. */
/**
 * What a certificate's public history records: its status changes, and the outcomes of its
 * surveillance and special audits and of the certificate decision a failed one awaits (status unchanged).
 */
export const CERTIFICATE_EVENTS = [
  'issue',
  'suspend',
  'restore',
  'withdraw',
  'cancel',
  'expire',
  'surveillance_passed',
  'surveillance_failed',
  'special_audit_passed',
  'special_audit_failed',
  'maintained',
  'reinstate',
] as const;
export type CertificateEvent = (typeof CERTIFICATE_EVENTS)[number];
/** Events that change what a certificate says, not its status (issue 11): from and to are the same status. */
export const CERTIFICATE_CHANGE_EVENTS = ['renewed', 'scope_extended', 'scope_reduced', 'reissue', 'transition_completed'] as const;

export class RegistryProduct {
  @ApiProperty({ example: '智能手机' }) nameZh: string;
  @ApiPropertyOptional({ example: 'Smartphone' }) nameEn?: string;
  @ApiProperty({ example: '华强' }) brand: string;
  @ApiProperty({ type: [String], example: ['HQ-X1', 'HQ-X1 Pro'] }) models: string[];
  @ApiProperty() factoryAddress: string;
}

export class RegistryServiceSite {
  @ApiProperty() name: string;
  @ApiProperty() address: string;
}

export class RegistryCertifiedService {
  @ApiProperty() nameZh: string;
  @ApiPropertyOptional() nameEn?: string;
  @ApiProperty({ type: [RegistryServiceSite] }) sites: RegistryServiceSite[];
}

/** What is certified, as the application gave it: products, or one service with its sites. */
export class RegistryScope {
  @ApiProperty({ enum: ['products', 'service'] }) kind: 'products' | 'service';
  @ApiPropertyOptional({ type: [RegistryProduct], description: 'when kind is products' }) products?: RegistryProduct[];
  @ApiPropertyOptional({ type: RegistryCertifiedService, description: 'when kind is service' }) service?: RegistryCertifiedService;
}

/**
 * The certificate's surveillance as the public may know it: when the last audit was and whether it
 * passed (never its findings), and when the next one is due.
 */
export class RegistrySurveillance {
  @ApiProperty({ example: 12, description: 'months between surveillance audits' }) intervalMonths: number;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date',
    example: '2027-02-20',
    description: 'the last surveillance audit (Beijing date); null before the first',
  })
  lastOn: string | null;
  @ApiProperty({ nullable: true, type: String, enum: ['passed', 'failed'], description: 'its outcome; null before the first' })
  lastOutcome: 'passed' | 'failed' | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date',
    example: '2028-03-01',
    description: 'when the next surveillance audit is due (meaningful while the certificate is valid or suspended); null when none is set',
  })
  nextDue: string | null;
}

/** The version of a standard a certificate must be re-evaluated against. */
export class RegistryStandardVersion {
  @ApiProperty({ example: 'SZS 0001' }) code: string;
  @ApiProperty({ example: '2027' }) version: string;
}

/** A standard transition under way: the certificate's standard was superseded. */
export class RegistryTransition {
  @ApiProperty({ type: String, format: 'date', example: '2028-06-30', description: 'by this date it is re-evaluated against the new version, or suspended' })
  deadline: string;
  @ApiProperty({ type: RegistryStandardVersion, nullable: true }) standard: RegistryStandardVersion | null;
}

/** The certificate's life after issue: surveillance, edition, lineage and a standard transition (registry_entries.lifecycle). */
export class RegistryLifecycle {
  @ApiProperty({ example: 1, description: 'the edition of the certificate document: each re-issue after a change adds one' }) edition: number;
  @ApiProperty({ type: RegistrySurveillance }) surveillance: RegistrySurveillance;
  @ApiProperty({ nullable: true, type: String, example: 'SZS-2023-000017-4', description: 'the number of the certificate this one renews' }) renews:
    string | null;
  @ApiProperty({ nullable: true, type: String, example: 'SZS-2029-000311-8', description: 'the number of the certificate that renewed this one' })
  renewedBy: string | null;
  @ApiProperty({ type: RegistryTransition, nullable: true, description: 'null unless a standard transition is under way' })
  transition: RegistryTransition | null;
}

/** The public record of a certificate: what anyone may see, nothing else (the columns of PUBLIC_ENTRY). */
export class RegistryEntryView {
  @ApiProperty({ example: 'SZS-2026-000001-6' }) number: string;
  @ApiProperty({ enum: REGISTRY_STATUSES }) status: RegistryStatus;
  @ApiProperty({ type: PublicEnterpriseRef }) holder: PublicEnterpriseRef;
  @ApiProperty({ type: OrganizationNameRef }) certificationBody: OrganizationNameRef;
  @ApiProperty({ type: CategoryRef }) category: CategoryRef;
  @ApiProperty({ type: PublicStandardRef }) standard: PublicStandardRef;
  @ApiProperty({ type: RegistryScope }) scope: RegistryScope;
  @ApiProperty({ type: String, format: 'date', example: '2026-03-01' }) issuedOn: string;
  @ApiProperty({ type: String, format: 'date', example: '2029-02-28' }) expiresOn: string;
  @ApiProperty({ type: RegistryLifecycle }) lifecycle: RegistryLifecycle;
  @ApiProperty({ type: String, format: 'date-time', description: 'when the entry last changed' }) updatedAt: Date;
}

/** A keyset page of the search, newest first. */
export class RegistrySearchPage {
  @ApiProperty({ type: [RegistryEntryView] }) items: RegistryEntryView[];
  @ApiProperty({ nullable: true, type: String, description: 'pass as `after` for the next page; null on the last page' }) nextCursor: string | null;
}

/** One event of a certificate's status history. */
export class RegistryHistoryEntry {
  @ApiProperty({ example: '1042', description: 'its change feed sequence number' }) sequence: string;
  @ApiProperty({ enum: [...CERTIFICATE_EVENTS, ...CERTIFICATE_CHANGE_EVENTS] }) event: string;
  @ApiProperty({ enum: REGISTRY_STATUSES, description: 'the status after the event' }) status: RegistryStatus;
  @ApiProperty({ nullable: true, type: String, example: 'surveillance_failed', description: 'a reason code anyone may see' }) publicReason: string | null;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'what a change names: the models of a scope change, the edition of a re-issue, the renewing certificate (renewedBy)',
    example: { models: ['HQ-X2'] },
  })
  details?: Record<string, unknown> | null;
  @ApiProperty({ type: String, format: 'date-time' }) at: Date;
}

/** A listing of the holder in force and publicly displayed (credit record): "the holder is on the … list since …". */
export class HolderListingView {
  @ApiProperty({ enum: ['abnormal_operations', 'serious_violation'] }) kind: 'abnormal_operations' | 'serious_violation';
  @ApiProperty({ type: String, format: 'date', example: '2026-12-01', description: 'the Shenzhen date of the listing' }) since: string;
}

export class RegistryRecordView extends RegistryEntryView {
  @ApiProperty({ type: [RegistryHistoryEntry], description: 'oldest first' }) history: RegistryHistoryEntry[];
  @ApiProperty({ type: [HolderListingView], description: "the holder's listings in force on the abnormal-operations or serious-violation list (none: empty)" })
  holderListings: HolderListingView[];
}

/** One public change of the change feed (also the body of each webhook delivery). */
export class RegistryChange {
  @ApiProperty({ example: '1042', description: 'increasing; pass the last one seen as `after`' }) sequence: string;
  @ApiProperty({ example: 'SZS-2026-000001-6', description: 'the certificate number' }) number: string;
  @ApiProperty({ enum: [...CERTIFICATE_EVENTS, ...CERTIFICATE_CHANGE_EVENTS] }) event: string;
  @ApiProperty({ nullable: true, enum: REGISTRY_STATUSES, type: String, description: 'the status before; null when issued' }) from: RegistryStatus | null;
  @ApiProperty({ enum: REGISTRY_STATUSES, description: 'the status after' }) status: RegistryStatus;
  @ApiProperty({ nullable: true, type: String }) publicReason: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) at: Date;
}

export class RegistryChangesView {
  @ApiProperty({ type: [RegistryChange], description: 'oldest first' }) items: RegistryChange[];
  @ApiProperty({ description: 'the last sequence in items (or `after` when there are none): the next `after`' }) lastSequence: number;
}
