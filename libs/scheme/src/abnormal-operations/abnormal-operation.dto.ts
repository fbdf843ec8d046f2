import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { PageQuery } from '@app/shared';
import { LISTING_STATUSES, ListingStatus } from '../scheme.machines';

export class ListEnterpriseDto {
  @ApiProperty({ description: 'an organization of kind enterprise' })
  @IsUUID()
  enterpriseId: string;

  @ApiProperty({ example: '未按公开的企业标准组织生产' })
  @IsString()
  @Length(2, 2000)
  reason: string;
}

export class RemovalDto {
  @ApiProperty({ example: '已按公开的企业标准完成整改', description: 'why the enterprise comes off the list (public)' })
  @IsString()
  @Length(2, 2000)
  reason: string;
}

export class ListingQuery extends PageQuery {
  @ApiPropertyOptional({ enum: LISTING_STATUSES, default: 'listed', description: 'listed: on the list now; removed: taken off it' })
  @IsOptional()
  @IsIn(LISTING_STATUSES)
  status?: ListingStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @ApiPropertyOptional({ description: "part of the enterprise's name, or its whole credit code" })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;
}
