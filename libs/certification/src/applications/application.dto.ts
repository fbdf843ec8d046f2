import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUUID, Length, ValidateIf, ValidateNested } from 'class-validator';
import { PageQuery } from '@app/shared';
import { APPLICATION_STATUSES, ApplicationStatus } from './application-status.machine';

/** A list of product models (a scope's, a mark grant's, a reduction's): 1 to 200 distinct names of 1 to 100 characters. */
export const ModelList = () =>
  applyDecorators(IsArray(), ArrayMinSize(1), ArrayMaxSize(200), ArrayUnique(), IsString({ each: true }), Length(1, 100, { each: true }));

export class ScopeProductDto {
  @ApiProperty({ example: '智能手机' })
  @IsString()
  @Length(1, 200)
  nameZh: string;

  @ApiPropertyOptional({ example: 'Smartphone' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  nameEn?: string;

  @ApiProperty({ example: '华强' })
  @IsString()
  @Length(1, 100)
  brand: string;

  @ApiProperty({ example: ['HQ-X1', 'HQ-X1 Pro'], type: [String] })
  @ModelList()
  models: string[];

  @ApiProperty({ example: '深圳市宝安区福永街道华强工业园3栋' })
  @IsString()
  @Length(4, 300)
  factoryAddress: string;
}

export class ServiceSiteDto {
  @ApiProperty({ example: '福田服务中心' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ example: '深圳市福田区福华三路100号' })
  @IsString()
  @Length(4, 300)
  address: string;
}

export class ScopeServiceDto {
  @ApiProperty({ example: '物业管理服务' })
  @IsString()
  @Length(1, 200)
  nameZh: string;

  @ApiPropertyOptional({ example: 'Property management service' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  nameEn?: string;

  @ApiProperty({ type: [ServiceSiteDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ServiceSiteDto)
  sites: ServiceSiteDto[];
}

/** What is to be certified: products (name, brand, models, factory) or one service with its sites. */
export class ScopeDto {
  @ApiProperty({ enum: ['products', 'service'] })
  @IsIn(['products', 'service'])
  kind: 'products' | 'service';

  @ApiPropertyOptional({ type: [ScopeProductDto], description: 'when kind is products' })
  @ValidateIf((s: ScopeDto) => s.kind === 'products' || s.products !== undefined)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ScopeProductDto)
  products?: ScopeProductDto[];

  @ApiPropertyOptional({ type: ScopeServiceDto, description: 'when kind is service' })
  @ValidateIf((s: ScopeDto) => s.kind === 'service' || s.service !== undefined)
  @ValidateNested()
  @Type(() => ScopeServiceDto)
  service?: ScopeServiceDto;
}

export class CreateApplicationDto {
  @ApiProperty({ description: 'the catalogue entry (product or service type) applied for' })
  @IsUUID()
  catalogueEntryId: string;

  @ApiProperty({ description: "the enterprise's published self-declaration of the standard it follows" })
  @IsUUID()
  selfDeclarationId: string;

  @ApiProperty({ description: 'the certification body chosen' })
  @IsUUID()
  certificationBodyId: string;

  @ApiProperty({ type: ScopeDto })
  @ValidateNested()
  @Type(() => ScopeDto)
  scope: ScopeDto;
}

export class UpdateApplicationDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  catalogueEntryId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  selfDeclarationId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  certificationBodyId?: string;

  @ApiPropertyOptional({ type: ScopeDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ScopeDto)
  scope?: ScopeDto;
}

export class ReasonDto {
  @ApiPropertyOptional({ description: 'why; kept in the timeline' })
  @IsOptional()
  @IsString()
  @Length(1, 4000)
  reason?: string;
}

export class RequiredReasonDto {
  @ApiProperty({ description: 'why; kept in the timeline and shown to the enterprise' })
  @IsString()
  @Length(1, 4000)
  reason: string;
}

export class InfoRequestDto {
  @ApiProperty({ description: 'what the certification body needs from the enterprise', example: '请补充工厂检验报告' })
  @IsString()
  @Length(1, 4000)
  message: string;
}

export class InfoAnswerDto {
  @ApiProperty({ description: "the enterprise's answer", example: '已补充工厂检验报告，见附件编号 R-2026-118' })
  @IsString()
  @Length(1, 4000)
  message: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: 10,
    description: 'evidence files uploaded by your organization (POST /api/v1/evidence-files) and not attached to anything else',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsUUID(undefined, { each: true })
  evidenceFileIds?: string[];
}

export class ApplicationQuery extends PageQuery {
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES)
  status?: ApplicationStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  catalogueEntryId?: string;

  @ApiPropertyOptional({ description: 'regulator: one enterprise' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @ApiPropertyOptional({ description: 'enterprise or regulator: one certification body' })
  @IsOptional()
  @IsUUID()
  certificationBodyId?: string;

  @ApiPropertyOptional({ description: 'part of the application number' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  number?: string;

  @ApiPropertyOptional({
    description:
      'part of the application number, or of a product (name, brand, model) or service in its scope; the regulator gives enterpriseId or certificationBodyId with it',
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;
}
