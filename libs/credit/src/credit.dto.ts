import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsObject, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { PageQuery, PublicPageQuery } from '@app/shared';
import { ListingDecisionDto } from '@app/scheme';
import { PUBLIC_REASONS, PublicReason } from '@app/certification';
import {
  CREDIT_ACTION_STATUSES,
  CREDIT_APPLICATION_KINDS,
  CREDIT_APPLICATION_STATUSES,
  CreditActionStatus,
  CreditApplicationKind,
  CreditApplicationStatus,
  LISTING_KINDS,
  ListingKind,
  SERIOUS_LISTING_STATUSES,
  SeriousListingStatus,
} from './credit.machines';

/** Surrounding spaces are not part of what someone wrote. */
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class SeriousListingDto {
  @ApiProperty({ description: 'an organization of kind enterprise' })
  @IsUUID()
  enterpriseId: string;

  @ApiProperty({ example: '提供虚假材料骗取认证证书', description: 'the facts of the serious violation (public)' })
  @Transform(trim)
  @IsString()
  @Length(2, 2000)
  reason: string;

  @ApiProperty({ type: ListingDecisionDto, description: 'the listing decision (列入决定书), its legal basis and the authority' })
  @IsObject()
  @ValidateNested()
  @Type(() => ListingDecisionDto)
  decision: ListingDecisionDto;
}

export class SeriousListingQuery extends PageQuery {
  @ApiPropertyOptional({ enum: SERIOUS_LISTING_STATUSES })
  @IsOptional()
  @IsIn(SERIOUS_LISTING_STATUSES)
  status?: SeriousListingStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;
}

/** The public serious-violation list: page-limited, searchable by the enterprise. */
export class PublicSeriousListingQuery extends PublicPageQuery {
  @ApiPropertyOptional({ description: "2+ characters of the enterprise's Chinese or English name, or of its credit code", example: '华强' })
  @IsOptional()
  @IsString()
  @Length(2, 100)
  q?: string;
}

export class CreditApplicationDto {
  @ApiProperty({ enum: CREDIT_APPLICATION_KINDS, description: 'removal: off the abnormal-operations list; repair: credit repair, the public display ends' })
  @IsIn(CREDIT_APPLICATION_KINDS)
  kind: CreditApplicationKind;

  @ApiProperty({ enum: LISTING_KINDS })
  @IsIn(LISTING_KINDS)
  listingKind: ListingKind;

  @ApiProperty({ description: "the enterprise's own listing" })
  @IsUUID()
  listingId: string;

  @ApiProperty({ example: '已补报2025年度年度报告并公示', description: 'why the enterprise asks' })
  @Transform(trim)
  @IsString()
  @Length(2, 2000)
  reason: string;

  @ApiProperty({ example: '2026年11月25日补报年度报告，已在国家企业信用信息公示系统公示', description: 'what was corrected, and how it can be checked' })
  @Transform(trim)
  @IsString()
  @Length(2, 4000)
  corrections: string;
}

export class GrantCreditApplicationDto {
  @ApiPropertyOptional({ description: 'the reason recorded with the decision (for a removal: the public removal reason)', maxLength: 2000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(2, 2000)
  reason?: string;
}

export class RefuseCreditApplicationDto {
  @ApiProperty({ description: 'why the application is refused; the enterprise sees it', maxLength: 2000 })
  @Transform(trim)
  @IsString()
  @Length(2, 2000)
  reason: string;
}

export class CreditApplicationQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CREDIT_APPLICATION_STATUSES })
  @IsOptional()
  @IsIn(CREDIT_APPLICATION_STATUSES)
  status?: CreditApplicationStatus;

  @ApiPropertyOptional({ enum: CREDIT_APPLICATION_KINDS })
  @IsOptional()
  @IsIn(CREDIT_APPLICATION_KINDS)
  kind?: CreditApplicationKind;

  @ApiPropertyOptional({ description: 'only undecided applications past their 7-day decision date' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;
}

export class CreditActionQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CREDIT_ACTION_STATUSES })
  @IsOptional()
  @IsIn(CREDIT_ACTION_STATUSES)
  status?: CreditActionStatus;

  @ApiPropertyOptional({ description: 'only open actions past their due date' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;
}

/** How the body acts on the certificate: through the certificate's own suspension or withdrawal. */
export class RecordCreditActionDto {
  @ApiProperty({ enum: ['suspend', 'withdraw'] })
  @IsIn(['suspend', 'withdraw'], { message: 'action must be suspend or withdraw' })
  action: 'suspend' | 'withdraw';

  @ApiProperty({ enum: PUBLIC_REASONS, description: "shown in the certificate's public history" })
  @IsIn(PUBLIC_REASONS)
  publicReason: PublicReason;

  @ApiPropertyOptional({ description: 'kept by the certification body; never public', maxLength: 4000 })
  @IsOptional()
  @IsString()
  @Length(1, 4000)
  privateNote?: string;
}
