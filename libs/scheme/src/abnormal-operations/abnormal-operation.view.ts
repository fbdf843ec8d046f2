import { ApiProperty } from '@nestjs/swagger';
import { ABNORMAL_REASONS, AbnormalReason, LISTING_STATUSES, ListingStatus } from '../scheme.machines';
import { EnterpriseRef } from '../scheme.views';

/** How the listed enterprise can challenge the decision, and until when. */
export class AppealRouteView {
  @ApiProperty({ description: 'administrative reconsideration (行政复议): within 60 days of the decision', example: '2027-01-19' })
  reconsiderationUntil: string;
  @ApiProperty({ description: 'administrative litigation (行政诉讼): within 6 months of the decision', example: '2027-05-20' })
  litigationUntil: string;
  @ApiProperty({ example: '可自收到决定之日起60日内申请行政复议，或者6个月内依法提起行政诉讼' }) textZh: string;
  @ApiProperty() textEn: string;
}

export class ListingDecisionView {
  @ApiProperty() number: string;
  @ApiProperty({ example: '2026-11-20' }) date: string;
  @ApiProperty() authority: string;
  @ApiProperty() legalBasis: string;
  @ApiProperty({ type: AppealRouteView }) appeal: AppealRouteView;
}

/** A listing as the public sees it: the enterprise's names and credit code, never who listed it. */
export class ListingView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: LISTING_STATUSES }) status: ListingStatus;
  @ApiProperty({ type: EnterpriseRef }) enterprise: EnterpriseRef;
  @ApiProperty({ enum: ABNORMAL_REASONS, nullable: true, description: 'the legal reason; null on listings made before it was recorded' })
  reasonCode: AbnormalReason | null;
  @ApiProperty() reason: string;
  @ApiProperty({ type: ListingDecisionView, nullable: true }) decision: ListingDecisionView | null;
  @ApiProperty() listedAt: Date;
  @ApiProperty({ nullable: true, type: Date }) removedAt: Date | null;
  @ApiProperty({ nullable: true, type: String }) removedReason: string | null;
  @ApiProperty({ description: 'false once credit repair ended its public display (the public list leaves it out then)' })
  publiclyDisplayed: boolean;
}
