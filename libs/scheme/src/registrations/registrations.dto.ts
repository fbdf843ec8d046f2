import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsDateString, IsIn, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested,
} from 'class-validator';
import { PageQuery } from '@app/shared';

export class CreateAuthorizationDto {
  @ApiProperty() @IsUUID()
  certificationBodyId: string;

  @ApiProperty({ example: 'ELECTRONICS' }) @Matches(/^[A-Z][A-Z0-9_]{1,31}$/)
  categoryCode: string;

  @ApiProperty({ example: 'CNCA-R-2019-455' }) @IsString() @Length(2, 60)
  accreditationNumber: string;

  @ApiProperty({ example: '2026-01-01' }) @IsDateString({ strict: true })
  validFrom: string;

  @ApiProperty({ example: '2029-12-31' }) @IsDateString({ strict: true })
  validUntil: string;
}

export class AuthorizationQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID()
  certificationBodyId?: string;

  @ApiPropertyOptional() @IsOptional() @Matches(/^[A-Z][A-Z0-9_]{1,31}$/)
  categoryCode?: string;

  @ApiPropertyOptional({ description: 'only authorizations valid (and not revoked) on this date', example: '2026-11-26' })
  @IsOptional() @IsDateString({ strict: true })
  validOn?: string;
}

export class RevokeDto {
  @ApiProperty() @IsString() @Length(2, 2000)
  reason: string;
}

export class KeyIndicatorDto {
  @ApiProperty({ example: '待机时间' }) @IsString() @Length(1, 100)
  name: string;

  @ApiProperty({ example: '80' }) @IsString() @Length(1, 100)
  value: string;

  @ApiPropertyOptional({ example: 'h' }) @IsOptional() @IsString() @Length(1, 20)
  unit?: string;
}

export class SelfDeclarationDto {
  @ApiProperty({ description: 'the standard the product follows' }) @IsUUID()
  standardId: string;

  @ApiProperty({ example: '华强智能手机' }) @IsString() @Length(1, 200)
  productNameZh: string;

  @ApiPropertyOptional({ example: 'Huaqiang smartphone' }) @IsOptional() @IsString() @Length(1, 200)
  productNameEn?: string;

  @ApiProperty({ type: [String], example: ['HQ-X1', 'HQ-X1 Pro'] })
  @IsArray() @ArrayMaxSize(200) @ArrayUnique() @IsString({ each: true }) @Length(1, 100, { each: true })
  models: string[];

  @ApiProperty({ type: [KeyIndicatorDto] })
  @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => KeyIndicatorDto)
  keyIndicators: KeyIndicatorDto[];
}

export class SelfDeclarationQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID()
  enterpriseId?: string;

  @ApiPropertyOptional() @IsOptional() @IsUUID()
  standardId?: string;

  @ApiPropertyOptional({ enum: ['published', 'superseded', 'withdrawn'], default: 'published' })
  @IsOptional() @IsIn(['published', 'superseded', 'withdrawn'])
  status?: string;

  @ApiPropertyOptional({ description: 'part of the product name' }) @IsOptional() @IsString() @Length(1, 100)
  q?: string;
}

export class ListEnterpriseDto {
  @ApiProperty() @IsUUID()
  enterpriseId: string;

  @ApiProperty({ example: '未按公开的企业标准组织生产' }) @IsString() @Length(2, 2000)
  reason: string;
}

export class ListingQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'include listings already removed' })
  @IsOptional() @Transform(({ value }) => value === 'true' || value === true) @IsBoolean()
  includeRemoved?: boolean;
}
