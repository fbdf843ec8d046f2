import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { PageQuery } from '@app/shared';
import { DECLARATION_STATUSES, DeclarationStatus } from '../scheme.machines';

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

  @ApiProperty({ type: [String], example: ['HQ-X1', 'HQ-X1 Pro'] })
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  models: string[];

  @ApiProperty({ type: [KeyIndicatorDto], description: 'the key indicators declared publicly' })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => KeyIndicatorDto)
  keyIndicators: KeyIndicatorDto[];
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
