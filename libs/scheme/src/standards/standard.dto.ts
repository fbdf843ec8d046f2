import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '@app/shared';
import { STANDARD_STATUSES } from '../scheme.machines';
import { CATEGORY_CODE, CATEGORY_CODE_MESSAGE } from '../scheme.references';
import { REQUIREMENT_KINDS, RequirementKind, STANDARD_KINDS, StandardKind } from './standard.entity';

const finite = { allowNaN: false, allowInfinity: false };

export class RequirementDto {
  @ApiProperty({ example: '5.1' })
  @IsString()
  @Length(1, 20)
  clause: string;

  @ApiProperty({ example: '典型场景待机时间' })
  @IsString()
  @Length(1, 1000)
  textZh: string;

  @ApiPropertyOptional({ example: 'Standby time, typical use' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  textEn?: string;

  @ApiProperty({ enum: REQUIREMENT_KINDS })
  @IsIn(REQUIREMENT_KINDS)
  kind: RequirementKind;

  @ApiPropertyOptional({ example: 'h', description: 'measured only, and required there' })
  @IsOptional()
  @IsString()
  @Length(1, 20)
  unit?: string;

  @ApiPropertyOptional({ example: 72, description: 'measured only: lower bound, inclusive' })
  @IsOptional()
  @IsNumber(finite)
  min?: number;

  @ApiPropertyOptional({ description: 'measured only: upper bound, inclusive' })
  @IsOptional()
  @IsNumber(finite)
  max?: number;

  @ApiProperty({ description: 'a critical requirement must pass for the audit to pass' })
  @IsBoolean()
  critical: boolean;

  @ApiPropertyOptional({
    example: '待机时间',
    description:
      "the test parameter, as laboratories' scope lines name it: a test report's laboratory must be accredited for it (or for this standard's clause)",
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  parameterZh?: string;

  @ApiPropertyOptional({ example: 'Standby time' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  parameterEn?: string;
}

export class CreateStandardDto {
  @ApiProperty({ example: 'SZDB/Z 0101' })
  @IsString()
  @Length(2, 60)
  code: string;

  @ApiProperty({ example: '2026' })
  @IsString()
  @Length(1, 20)
  version: string;

  @ApiProperty({ example: '智能手机 深圳标准评价规范' })
  @IsString()
  @Length(2, 300)
  titleZh: string;

  @ApiPropertyOptional({ example: 'Smartphones — Shenzhen Standard evaluation specification' })
  @IsOptional()
  @IsString()
  @Length(2, 300)
  titleEn?: string;

  @ApiProperty({ enum: STANDARD_KINDS })
  @IsIn(STANDARD_KINDS)
  kind: StandardKind;

  @ApiProperty({ example: '深圳市市场监督管理局' })
  @IsString()
  @Length(2, 200)
  issuer: string;

  @ApiPropertyOptional({ description: 'the issuing organization on the platform (an association, for a group standard)' })
  @IsOptional()
  @IsUUID()
  issuerOrganizationId?: string;

  @ApiPropertyOptional({ example: '2026-01-15' })
  @IsOptional()
  @IsDateString({ strict: true })
  publishedOn?: string;

  @ApiProperty({ type: [String], example: ['ELECTRONICS'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @Matches(CATEGORY_CODE, { each: true, message: `each category code ${CATEGORY_CODE_MESSAGE}` })
  categoryCodes: string[];

  @ApiProperty({ type: [RequirementDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => RequirementDto)
  requirements: RequirementDto[];
}

export class StandardQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'standards that apply to this category' })
  @IsOptional()
  @Matches(CATEGORY_CODE)
  categoryCode?: string;

  @ApiPropertyOptional({ enum: STANDARD_KINDS })
  @IsOptional()
  @IsIn(STANDARD_KINDS)
  kind?: StandardKind;

  @ApiPropertyOptional({ enum: STANDARD_STATUSES })
  @IsOptional()
  @IsIn(STANDARD_STATUSES)
  status?: (typeof STANDARD_STATUSES)[number];

  @ApiPropertyOptional({ description: 'part of the code or of the Chinese or English title' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;
}
