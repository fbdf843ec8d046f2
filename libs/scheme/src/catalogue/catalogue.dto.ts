import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { PageQuery } from '@app/shared';
import { BATCH_STATUSES, BatchStatus, ENTRY_STATUSES, EntryStatus } from '../scheme.machines';
import { CATEGORY_CODE, CATEGORY_CODE_MESSAGE } from '../scheme.references';
import { ENTRY_KINDS, EntryKind } from './catalogue.entity';

export class CreateBatchDto {
  @ApiProperty({ example: '2026-02', description: 'the batch number the bureau publishes it under' })
  @IsString()
  @Length(1, 40)
  number: string;

  @ApiProperty({ example: '深圳标准认证产品和服务目录（第二批）' })
  @IsString()
  @Length(2, 300)
  titleZh: string;

  @ApiPropertyOptional({ example: 'Shenzhen Standard certification catalogue, batch 2' })
  @IsOptional()
  @IsString()
  @Length(2, 300)
  titleEn?: string;
}

export class CreateEntryDto {
  @ApiProperty({ example: 'ELECTRONICS' })
  @Matches(CATEGORY_CODE, { message: `categoryCode ${CATEGORY_CODE_MESSAGE}` })
  categoryCode: string;

  @ApiProperty({ enum: ENTRY_KINDS })
  @IsIn(ENTRY_KINDS)
  kind: EntryKind;

  @ApiProperty({ example: '智能手表' })
  @IsString()
  @Length(1, 200)
  nameZh: string;

  @ApiPropertyOptional({ example: 'Smart watches' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  nameEn?: string;

  @ApiProperty({ description: '评价细则: how products or services of this type are evaluated' })
  @IsString()
  @Length(2, 20000)
  evaluationRules: string;

  @ApiProperty({ type: [String], description: 'current standards of the category that passed advancedness evaluation for this entry' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  standardIds: string[];

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 36,
    description: "months between surveillance audits of this entry's certificates; 12 when left out (获证后每 12 个月监督一次)",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(36)
  surveillanceIntervalMonths?: number;
}

export class BatchQuery extends PageQuery {
  @ApiPropertyOptional({ enum: BATCH_STATUSES, description: "draft batches are the regulator's only" })
  @IsOptional()
  @IsIn(BATCH_STATUSES)
  status?: BatchStatus;
}

export class EntryQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(CATEGORY_CODE)
  categoryCode?: string;

  @ApiPropertyOptional({ enum: ENTRY_KINDS })
  @IsOptional()
  @IsIn(ENTRY_KINDS)
  kind?: EntryKind;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  batchId?: string;

  @ApiPropertyOptional({ enum: ENTRY_STATUSES })
  @IsOptional()
  @IsIn(ENTRY_STATUSES)
  status?: EntryStatus;

  @ApiPropertyOptional({ description: 'part of the Chinese or English name' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;
}
