import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDateString, IsIn, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { DATE_ONLY, PageQuery, PublicPageQuery } from '@app/shared';
import { CNAS_NUMBER_INPUT, CNAS_NUMBER_MESSAGE } from './cnas-number';
import {
  AGREEMENT_STATUSES,
  AgreementStatus,
  LABORATORY_STATUSES,
  LaboratoryStatus,
  PUBLIC_LABORATORY_STATUSES,
  PublicLaboratoryStatus,
} from './laboratory.machines';

export class ScopeLineDto {
  @ApiProperty({ example: '移动电话', description: 'the object tested (产品/类别)' })
  @IsString()
  @Length(1, 200)
  objectTested: string;

  @ApiProperty({ example: '待机时间', description: 'the parameter (项目/参数), as the scope names it' })
  @IsString()
  @Length(1, 200)
  parameterZh: string;

  @ApiPropertyOptional({ example: 'Standby time' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  parameterEn?: string;

  @ApiProperty({ example: 'SZDB/Z 0101', description: 'the standard (method) the laboratory is accredited to test by' })
  @IsString()
  @Length(1, 60)
  standardCode: string;

  @ApiPropertyOptional({ example: '5.1', description: "the standard's clause; left out, the whole standard" })
  @IsOptional()
  @IsString()
  @Length(1, 20)
  clause?: string;

  @ApiPropertyOptional({ example: '0–200 h', description: 'limits or range of the accreditation, as written' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  limits?: string;
}

export class CreateLaboratoryDto {
  @ApiProperty({ example: 'CNAS L0235', description: '"CNAS L0235" or "L0235"; stored as L0235' })
  @IsString()
  @Matches(CNAS_NUMBER_INPUT, { message: `cnasNumber ${CNAS_NUMBER_MESSAGE}` })
  cnasNumber: string;

  @ApiProperty({ example: '深圳市计量质量检测研究院' })
  @IsString()
  @Length(2, 200)
  nameZh: string;

  @ApiPropertyOptional({ example: 'Shenzhen Academy of Metrology and Quality Inspection' })
  @IsOptional()
  @IsString()
  @Length(2, 300)
  nameEn?: string;

  @ApiProperty({ example: '深圳市南山区龙珠大道4号' })
  @IsString()
  @Length(2, 300)
  address: string;

  @ApiProperty({ type: String, format: 'date', example: '2024-03-01' })
  @Matches(DATE_ONLY, { message: 'accreditedFrom must be a date, YYYY-MM-DD' })
  @IsDateString({ strict: true })
  accreditedFrom: string;

  @ApiProperty({ type: String, format: 'date', example: '2030-02-28' })
  @Matches(DATE_ONLY, { message: 'accreditedUntil must be a date, YYYY-MM-DD' })
  @IsDateString({ strict: true })
  accreditedUntil: string;

  @ApiProperty({ type: [ScopeLineDto], maxItems: 500 })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ScopeLineDto)
  scopeLines: ScopeLineDto[];
}

/** The record's fields, each optional: what is given changes (not the CNAS number, which identifies it). */
export class UpdateLaboratoryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(2, 200)
  nameZh?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(2, 300)
  nameEn?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(2, 300)
  address?: string;

  @ApiPropertyOptional({ type: String, format: 'date' })
  @IsOptional()
  @Matches(DATE_ONLY, { message: 'accreditedFrom must be a date, YYYY-MM-DD' })
  @IsDateString({ strict: true })
  accreditedFrom?: string;

  @ApiPropertyOptional({ type: String, format: 'date' })
  @IsOptional()
  @Matches(DATE_ONLY, { message: 'accreditedUntil must be a date, YYYY-MM-DD' })
  @IsDateString({ strict: true })
  accreditedUntil?: string;
}

/** CNAS suspended the accreditation: from which day, and why (shown on the public register). */
export class SuspendLaboratoryDto {
  @ApiProperty({
    type: String,
    format: 'date',
    example: '2025-09-01',
    description: 'the first day of the suspension, as CNAS decided it; not after today (Shenzhen)',
  })
  @Matches(DATE_ONLY, { message: 'from must be a date, YYYY-MM-DD' })
  @IsDateString({ strict: true })
  from: string;

  @ApiProperty({ example: 'CNAS 监督评审发现重大不符合项，暂停认可资格', description: 'why CNAS suspended it, as the public register says it' })
  @IsString()
  @Length(2, 500)
  reason: string;
}

/** CNAS reinstated a suspended accreditation: the first day it is accredited again. */
export class ReinstateLaboratoryDto {
  @ApiProperty({
    type: String,
    format: 'date',
    example: '2025-11-15',
    description: "the first day accredited again: after the suspension's first day, not after today (Shenzhen)",
  })
  @Matches(DATE_ONLY, { message: 'from must be a date, YYYY-MM-DD' })
  @IsDateString({ strict: true })
  from: string;
}

export class LaboratoryQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'part of the CNAS number, a name, or a parameter of its scope (2 Chinese characters are enough)' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({ enum: LABORATORY_STATUSES })
  @IsOptional()
  @IsIn(LABORATORY_STATUSES)
  status?: LaboratoryStatus;
}

/** The public register: page-limited, searchable by name or CNAS number. */
export class PublicLaboratoryQuery extends PublicPageQuery {
  @ApiPropertyOptional({ description: "2+ characters of a laboratory's Chinese or English name or of its CNAS number", example: '检测' })
  @IsOptional()
  @IsString()
  @Length(2, 100)
  q?: string;

  @ApiPropertyOptional({ enum: PUBLIC_LABORATORY_STATUSES })
  @IsOptional()
  @IsIn(PUBLIC_LABORATORY_STATUSES)
  status?: PublicLaboratoryStatus;
}

/** A page of one laboratory's scope lines on the public register, optionally those naming a parameter, object or standard. */
export class PublicScopeLineQuery extends PublicPageQuery {
  @ApiPropertyOptional({ description: 'part of a parameter (zh or en), the object tested or the standard code', example: '铅' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;
}

export const AGREEMENT_KINDS = ['ilac_mra', 'hk_macao', 'scheme_certificate'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

export class CreateAgreementDto {
  @ApiProperty({
    enum: AGREEMENT_KINDS,
    description: "ilac_mra: a signatory of the ILAC MRA; hk_macao: a Hong Kong or Macao body (CEPA); scheme_certificate: another scheme's certificates",
  })
  @IsIn(AGREEMENT_KINDS)
  kind: AgreementKind;

  @ApiProperty({ example: 'HKAS 香港认可处', description: 'the other party: accreditation body, body or scheme' })
  @IsString()
  @Length(2, 200)
  party: string;

  @ApiProperty({ example: '中国香港', description: 'country or region' })
  @IsString()
  @Length(2, 100)
  region: string;

  @ApiProperty({ example: '电子电气产品检测报告', description: 'what results are recognised' })
  @IsString()
  @Length(2, 2000)
  scope: string;

  @ApiProperty({ type: String, format: 'date', example: '2025-01-01' })
  @Matches(DATE_ONLY, { message: 'validFrom must be a date, YYYY-MM-DD' })
  @IsDateString({ strict: true })
  validFrom: string;

  @ApiPropertyOptional({ type: String, format: 'date', example: '2029-12-31', description: 'left out: until terminated' })
  @IsOptional()
  @Matches(DATE_ONLY, { message: 'validUntil must be a date, YYYY-MM-DD' })
  @IsDateString({ strict: true })
  validUntil?: string;
}

export class AgreementQuery extends PageQuery {
  @ApiPropertyOptional({ enum: AGREEMENT_KINDS })
  @IsOptional()
  @IsIn(AGREEMENT_KINDS)
  kind?: AgreementKind;

  @ApiPropertyOptional({ enum: AGREEMENT_STATUSES })
  @IsOptional()
  @IsIn(AGREEMENT_STATUSES)
  status?: AgreementStatus;
}

export class AddScopeLinesDto {
  @ApiProperty({ type: [ScopeLineDto], minItems: 1, maxItems: 500, description: 'appended after the existing ones' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ScopeLineDto)
  scopeLines: ScopeLineDto[];
}

export class LaboratoryImportBody {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description:
      'the CSV file, UTF-8 with or without BOM, at most 2 MiB and 5,000 rows; one row per scope line, the header naming the columns: ' +
      'cnas_number, name_zh, name_en, address, accredited_from, accredited_until, status (accredited | suspended | withdrawn; default accredited), ' +
      'object_tested, parameter_zh, parameter_en, standard_code, clause, limits (name_en, status, parameter_en, clause, limits optional)',
  })
  file: unknown;
}
