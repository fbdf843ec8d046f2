import { ApiProperty } from '@nestjs/swagger';
import { CERTIFICATE_STATUSES, CertificateStatus } from './certificate-status.machine';
import { MEDIA, Medium } from './certificate.dto';
import { MARK_GRANT_STATUSES, MarkGrantStatus } from './mark-grant-status.machine';

/** A certificate named from another record: enough to link to it and see whether it still holds. */
export class CertificateRef {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'SZS-2026-000001-6' }) number: string;
  @ApiProperty({ enum: CERTIFICATE_STATUSES }) status: CertificateStatus;
}

/** A model the mark may be put on, with its product as the certificate's scope names it. */
export class MarkedProduct {
  @ApiProperty({ example: 'HQ-X1' }) model: string;
  @ApiProperty({ example: '智能手机' }) nameZh: string;
  @ApiProperty({ example: '华强' }) brand: string;
}

/** A mark grant as its certificate lists it. */
export class MarkGrantSummary {
  @ApiProperty() id: string;
  @ApiProperty({ enum: MARK_GRANT_STATUSES }) status: MarkGrantStatus;
  @ApiProperty({ type: [MarkedProduct] }) products: MarkedProduct[];
  @ApiProperty({ enum: MEDIA, isArray: true, description: 'where the mark may be used' }) media: Medium[];
  @ApiProperty({ nullable: true, type: String, description: "the certification body's reason for its decision" }) reason: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) decidedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class MarkGrantView extends MarkGrantSummary {
  @ApiProperty({ type: CertificateRef }) certificate: CertificateRef;
}

export const LABEL_BATCH_STATUSES = ['requested', 'ready'] as const;

/** A batch of label codes: `requested` while the worker generates them, then `ready` to download. */
export class LabelBatchView {
  @ApiProperty() id: string;
  @ApiProperty() markGrantId: string;
  @ApiProperty({ example: 1000, description: 'codes ordered' }) quantity: number;
  @ApiProperty({ example: 1000, description: 'codes generated so far' }) generated: number;
  @ApiProperty({ enum: LABEL_BATCH_STATUSES }) status: (typeof LABEL_BATCH_STATUSES)[number];
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) readyAt: Date | null;
}
