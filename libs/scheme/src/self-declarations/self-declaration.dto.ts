import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '@app/shared';
import { DECLARATION_STATUSES, DeclarationStatus } from '../scheme.machines';
import { isValidGtin } from './declaration-rules';

export const MAX_DIRECTORY_PAGE = 50;

/** A GS1 barcode (GTIN-8/12/13/14) whose check digit is right. */
const IsGtin = () =>
  ValidateBy({
    name: 'isGtin',
    validator: {
      validate: (v: unknown) => typeof v === 'string' && isValidGtin(v),
      defaultMessage: () => 'barcode must be a GTIN-8, -12, -13 or -14 (digits only) with a correct check digit',
    },
  });

export class KeyIndicatorDto {
  @ApiProperty({ example: '待机时间' })
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiProperty({ example: '≥ 80', description: 'as declared, e.g. a value or a bound' })
  @IsString()
  @Length(1, 100)
  value: string;

  @ApiPropertyOptional({ example: 'h' })
  @IsOptional()
  @IsString()
  @Length(1, 20)
  unit?: string;

  @ApiPropertyOptional({ example: 'GB/T 18287-2013 附录B', description: 'how the indicator is tested' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  testMethod?: string;

  @ApiPropertyOptional({
    description:
      "the national standard's measured requirement this indicator corresponds to; the value must then be a plain number, compared with the requirement's bound at publication",
  })
  @IsOptional()
  @IsUUID()
  requirementId?: string;
}

/**
 * A standard the product is made to: one on the platform (by id), or the enterprise's own
 * standard (企业标准, kind 'enterprise') named by its code and title.
 */
export class AppliedStandardDto {
  @ApiPropertyOptional({ description: 'a standard on the platform (national, group, ...); omit for your own enterprise standard' })
  @IsOptional()
  @IsUUID()
  standardId?: string;

  @ApiPropertyOptional({ example: 'Q/HQ 001-2026', description: 'your own enterprise standard: its code (required without standardId)' })
  @ValidateIf((o: AppliedStandardDto) => o.standardId === undefined)
  @IsString()
  @Length(1, 100)
  code?: string;

  @ApiPropertyOptional({ example: '华强智能手机企业标准', description: 'your own enterprise standard: its title (required without standardId)' })
  @ValidateIf((o: AppliedStandardDto) => o.standardId === undefined)
  @IsString()
  @Length(1, 200)
  titleZh?: string;

  @ApiPropertyOptional({ example: 'Huaqiang smartphone enterprise standard' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  titleEn?: string;
}

export class DeclaredProductDto {
  @ApiProperty({ example: '华强智能手机' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ example: '华强' })
  @IsString()
  @Length(1, 100)
  brand: string;

  @ApiProperty({ example: 'HQ-X1' })
  @IsString()
  @Length(1, 100)
  model: string;

  @ApiPropertyOptional({ example: '6901234567892', description: 'GTIN-8/12/13/14, check digit verified' })
  @IsOptional()
  @IsGtin()
  barcode?: string;

  @ApiPropertyOptional({ example: '6.5英寸 8GB+256GB' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  specification?: string;
}

/** 承诺: the signer commits to the truthfulness of the declaration as published. */
export class CommitmentDto {
  @ApiProperty({
    example: '本企业承诺：所公开的标准及指标真实有效，产品按所声明的标准组织生产，并对声明内容的真实性负责。',
    description: 'the text of the commitment the caller signs',
  })
  @IsString()
  @Length(10, 2000)
  text: string;
}

export class SelfDeclarationDto {
  @ApiProperty({ description: 'the standard the product or service follows' })
  @IsUUID()
  standardId: string;

  @ApiProperty({ example: '华强智能手机' })
  @IsString()
  @Length(1, 200)
  productNameZh: string;

  @ApiPropertyOptional({ example: 'Huaqiang smartphone' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  productNameEn?: string;

  @ApiPropertyOptional({
    description: 'the product category, for rankings and frontrunner lists (the standard must apply to it)',
    example: 'ELECTRONICS',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z][A-Z0-9_]{1,31}$/)
  categoryCode?: string;

  @ApiPropertyOptional({
    type: [AppliedStandardDto],
    description: 'further standards applied besides standardId (national, group, your own enterprise standard...)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AppliedStandardDto)
  standards?: AppliedStandardDto[];

  @ApiPropertyOptional({ type: [DeclaredProductDto], description: 'the products declared; models are derived from them' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => DeclaredProductDto)
  products?: DeclaredProductDto[];

  @ApiPropertyOptional({
    type: [String],
    example: ['HQ-X1', 'HQ-X1 Pro'],
    description: "required without products; with products, omit it or give exactly the products' models",
  })
  @ValidateIf((o: SelfDeclarationDto) => o.products === undefined || o.models !== undefined)
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  models?: string[];

  @ApiProperty({ type: [KeyIndicatorDto], description: 'the key indicators declared publicly' })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => KeyIndicatorDto)
  keyIndicators: KeyIndicatorDto[];

  @ApiProperty({ type: CommitmentDto, description: 'the signed commitment to truthfulness, required to publish' })
  @IsDefined()
  @ValidateNested()
  @Type(() => CommitmentDto)
  commitment: CommitmentDto;
}

export class SelfDeclarationQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  standardId?: string;

  @ApiPropertyOptional({ enum: DECLARATION_STATUSES, default: 'published' })
  @IsOptional()
  @IsIn(DECLARATION_STATUSES)
  status?: DeclarationStatus;

  @ApiPropertyOptional({ description: 'part of the Chinese or English product name' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;
}

/** The public directory's search: offset pages, bounded so a deep page cannot cost a long scan. */
export class DeclarationDirectoryQuery extends PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_DIRECTORY_PAGE, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_DIRECTORY_PAGE)
  declare page: number;

  @ApiPropertyOptional({
    description: 'text of 2+ characters found in the enterprise name or credit code, a product (name, brand, model, barcode) or a standard (code, title)',
  })
  @IsOptional()
  @IsString()
  @Length(2, 100)
  q?: string;

  @ApiPropertyOptional({ example: 'ELECTRONICS' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z][A-Z0-9_]{1,31}$/)
  categoryCode?: string;

  @ApiPropertyOptional({ description: 'only declarations with at least one flagged indicator' })
  @IsOptional()
  @IsIn(['true', 'false'])
  flagged?: 'true' | 'false';
}
