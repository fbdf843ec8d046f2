import { ApiProperty } from '@nestjs/swagger';
import { AUTHORIZATION_STATUSES, AuthorizationStatus } from '../scheme.machines';
import { OrganizationNameRef } from '../scheme.views';

export class AuthorizationView {
  @ApiProperty() id: string;
  @ApiProperty({ type: OrganizationNameRef }) certificationBody: OrganizationNameRef;
  @ApiProperty({ example: 'ELECTRONICS' }) categoryCode: string;
  @ApiProperty({ example: 'CNCA-R-2019-455' }) accreditationNumber: string;
  @ApiProperty({ example: '2026-01-01' }) validFrom: string;
  @ApiProperty({ example: '2029-12-31' }) validUntil: string;
  @ApiProperty({ enum: AUTHORIZATION_STATUSES }) status: AuthorizationStatus;
  @ApiProperty({ description: 'valid today: in its window and not revoked' }) validToday: boolean;
  @ApiProperty({ nullable: true, type: Date }) revokedAt: Date | null;
  @ApiProperty({ nullable: true, type: String }) revokedReason: string | null;
}
