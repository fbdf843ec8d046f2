import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsIn, IsObject, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { DATE_ONLY, PageQuery } from '@app/shared';
import { ABNORMAL_REASONS, AbnormalReason, LISTING_STATUSES, ListingStatus } from '../scheme.machines';

/** The administrative decision that lists an enterprise (列入决定书): what an appeal is against. */
export class ListingDecisionDto {
  @ApiProperty({ example: '深市监信列〔2026〕118号' })
  @IsString()
  @Length(2, 100)
  number: string;

  @ApiProperty({ example: '2026-11-20', description: 'YYYY-MM-DD; the appeal deadlines run from it' })
  @Matches(DATE_ONLY, { message: 'decision.date must be a date, YYYY-MM-DD' })
  @IsDateString({ strict: true })
  date: string;

  @ApiProperty({ example: '深圳市市场监督管理局' })
  @IsString()
  @Length(2, 200)
  authority: string;

  @ApiProperty({ example: '《企业经营异常名录管理暂行办法》第四条' })
  @IsString()
  @Length(2, 500)
  legalBasis: string;
}

export class ListEnterpriseDto {
  @ApiProperty({ description: 'an organization of kind enterprise' })
  @IsUUID()
  enterpriseId: string;

  @ApiProperty({ example: '未按公开的企业标准组织生产' })
  @IsString()
  @Length(2, 2000)
  reason: string;

  @ApiPropertyOptional({ enum: ABNORMAL_REASONS, description: 'the legal reason for listing (one of four); optional only for listings the older callers make' })
  @IsOptional()
  @IsIn(ABNORMAL_REASONS)
  reasonCode?: AbnormalReason;

  @ApiPropertyOptional({ type: ListingDecisionDto, description: 'the listing decision; given with the reason code' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ListingDecisionDto)
  decision?: ListingDecisionDto;
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
