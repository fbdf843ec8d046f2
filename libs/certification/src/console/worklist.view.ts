import { ApiProperty } from '@nestjs/swagger';
import { ORGANIZATION_KINDS, OrganizationKind } from '@app/identity';

/** What waits for an organization, one key per kind of work (the console names and orders them). */
export const WORK_SECTIONS = [
  // enterprise
  'applications_info_requested',
  'nonconformities_open',
  'certificates_expiring',
  'label_batches_generating',
  // enterprise (waiting for the body) and certification body (to decide)
  'mark_grants_requested',
  // certification body
  'applications_submitted',
  'applications_in_review',
  'my_audits',
  'applications_awaiting_decision',
  'nonconformities_answered',
  'counterfeit_signals_open',
  'failed_jobs',
  // certification body and regulator
  'misuse_reports_open',
  // regulator
  'catalogue_batches_draft',
  'authorizations_expiring',
  'abnormal_operations_listed',
] as const;
export type WorkSection = (typeof WORK_SECTIONS)[number];

/** What an item opens in the console: the resource its id names. */
export const WORK_TARGETS = [
  'application',
  'audit',
  'nonconformity',
  'certificate',
  'mark_grant',
  'label_batch',
  'misuse_report',
  'counterfeit_signal',
  'job',
  'catalogue_batch',
  'authorization',
  'abnormal_operation',
] as const;
export type WorkTarget = (typeof WORK_TARGETS)[number];

export class WorkItem {
  @ApiProperty({ description: 'the id of the target resource (a job: its outbox number)' }) id: string;
  @ApiProperty({ enum: WORK_TARGETS, description: 'which resource id names, for the link' }) target: WorkTarget;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'the resource it belongs to: a nonconformity its audit; a mark grant, label batch or counterfeit signal its certificate',
  })
  parentId: string | null;
  @ApiProperty({ example: 'SZS-A-2026-000001', description: 'a number, a code or a name' }) title: string;
  @ApiProperty({ nullable: true, type: String, example: '智能手机 · 深圳市华强电子有限公司' }) subtitle: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'the moment the item is about: when it arrived, or the start (Asia/Shanghai) of its due, planned or expiry day',
  })
  at: string | null;
}

export class WorklistSection {
  @ApiProperty({ enum: WORK_SECTIONS }) key: WorkSection;
  @ApiProperty({ description: 'all the items of this kind, not only those listed' }) count: number;
  @ApiProperty({ type: [WorkItem], description: 'the first few (up to 5), the most pressing first' }) items: WorkItem[];
}

export class WorklistView {
  @ApiProperty({ enum: ORGANIZATION_KINDS }) organizationKind: OrganizationKind;
  @ApiProperty({ type: [WorklistSection], description: "the sections for the caller's organization and roles, in a fixed order (empty ones included)" })
  sections: WorklistSection[];
}
