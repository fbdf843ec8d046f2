import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsDateString, IsIn, IsNumber, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested,
} from 'class-validator';
import { PageQuery } from '@app/shared';

export const STANDARD_KINDS = ['shenzhen', 'group', 'national', 'international', 'enterprise'] as const;
export const STANDARD_STATUSES = ['current', 'superseded', 'withdrawn'] as const;
const CATEGORY_CODE = /^[A-Z][A-Z0-9_]{1,31}$/;

export class CreateCategoryDto {
  @ApiProperty({ example: 'WATCHES' }) @Matches(CATEGORY_CODE, { message: 'code must be 2-32 capitals, digits or _, starting with a letter' })
  code: string;

  @ApiProperty({ example: '钟表' }) @IsString() @Length(1, 100)
  nameZh: string;

  @ApiProperty({ example: 'Watches and clocks' }) @IsString() @Length(1, 200)
  nameEn: string;

  @ApiProperty() @IsBoolean()
  pilot: boolean;
}

export class UpdateCategoryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100)
  nameZh?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200)
  nameEn?: string;

  @ApiPropertyOptional() @IsOptional() @IsBoolean()
  pilot?: boolean;

  @ApiPropertyOptional({ description: 'false closes the category to new applications' }) @IsOptional() @IsBoolean()
  active?: boolean;
}

const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class CategoryQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @Transform(toBool) @IsBoolean()
  pilot?: boolean;

  @ApiPropertyOptional() @IsOptional() @Transform(toBool) @IsBoolean()
  active?: boolean;
}

export class RequirementDto {
  @ApiProperty({ example: '5.1' }) @IsString() @Length(1, 20)
  clause: string;

  @ApiProperty({ example: '典型场景待机时间' }) @IsString() @Length(1, 1000)
  textZh: string;

  @ApiPropertyOptional({ example: 'Standby time, typical use' }) @IsOptional() @IsString() @Length(1, 1000)
  textEn?: string;

  @ApiProperty({ enum: ['measured', 'pass_fail'] }) @IsIn(['measured', 'pass_fail'])
  kind: 'measured' | 'pass_fail';

  @ApiPropertyOptional({ example: 'h', description: 'measured only' }) @IsOptional() @IsString() @Length(1, 20)
  unit?: string;

  @ApiPropertyOptional({ example: 72, description: 'measured only: lower bound, inclusive' }) @IsOptional() @IsNumber()
  min?: number;

  @ApiPropertyOptional({ description: 'measured only: upper bound, inclusive' }) @IsOptional() @IsNumber()
  max?: number;

  @ApiProperty({ description: 'a critical requirement must pass for the audit to pass' }) @IsBoolean()
  critical: boolean;
}

export class CreateStandardDto {
  @ApiProperty({ example: 'SZBZ/PJ 0101' }) @IsString() @Length(2, 60)
  code: string;

  @ApiProperty({ example: '2026' }) @IsString() @Length(1, 20)
  version: string;

  @ApiProperty({ example: '智能手机 深圳标准评价规范' }) @IsString() @Length(2, 300)
  titleZh: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(2, 300)
  titleEn?: string;

  @ApiProperty({ enum: STANDARD_KINDS }) @IsIn(STANDARD_KINDS)
  kind: (typeof STANDARD_KINDS)[number];

  @ApiProperty({ example: '深圳市市场监督管理局' }) @IsString() @Length(2, 200)
  issuer: string;

  @ApiPropertyOptional({ description: 'the issuing organization (an association for a group standard)' }) @IsOptional() @IsUUID()
  issuerOrganizationId?: string;

  @ApiPropertyOptional({ example: '2026-01-15' }) @IsOptional() @IsDateString({ strict: true })
  publishedOn?: string;

  @ApiProperty({ type: [String], example: ['ELECTRONICS'] })
  @IsArray() @ArrayMinSize(1) @ArrayUnique() @Matches(CATEGORY_CODE, { each: true, message: 'each category code must be 2-32 capitals, digits or _' })
  categoryCodes: string[];

  @ApiProperty({ type: [RequirementDto] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => RequirementDto)
  requirements: RequirementDto[];
}

export class StandardQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @Matches(CATEGORY_CODE)
  categoryCode?: string;

  @ApiPropertyOptional({ enum: STANDARD_KINDS }) @IsOptional() @IsIn(STANDARD_KINDS)
  kind?: string;

  @ApiPropertyOptional({ enum: STANDARD_STATUSES }) @IsOptional() @IsIn(STANDARD_STATUSES)
  status?: string;

  @ApiPropertyOptional({ description: 'part of the code or title' }) @IsOptional() @IsString() @Length(1, 100)
  q?: string;
}
