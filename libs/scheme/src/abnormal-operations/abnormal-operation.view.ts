import { ApiProperty } from '@nestjs/swagger';
import { LISTING_STATUSES, ListingStatus } from '../scheme.machines';
import { EnterpriseRef } from '../scheme.views';

/** A listing as the public sees it: the enterprise's names and credit code, never who listed it. */
export class ListingView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: LISTING_STATUSES }) status: ListingStatus;
  @ApiProperty({ type: EnterpriseRef }) enterprise: EnterpriseRef;
  @ApiProperty() reason: string;
  @ApiProperty() listedAt: Date;
  @ApiProperty({ nullable: true, type: Date }) removedAt: Date | null;
  @ApiProperty({ nullable: true, type: String }) removedReason: string | null;
}
