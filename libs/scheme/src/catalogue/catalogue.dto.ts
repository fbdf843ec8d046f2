import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { PageQuery } from '@app/shared';

export class CreateBatchDto {
  @ApiProperty({ example: '2026-02' }) @IsString() @Length(1, 40)
  number: string;

  @ApiProperty({ example: '深圳标准认证产品和服务目录（第二批）' }) @IsString() @Length(2, 300)
  titleZh: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(2, 300)
  titleEn?: string;
}

export class CreateEntryDto {
  @ApiProperty({ example: 'ELECTRONICS' }) @Matches(/^[A-Z][A-Z0-9_]{1,31}$/)
  categoryCode: string;

  @ApiProperty({ enum: ['product', 'service'] }) @IsIn(['product', 'service'])
  kind: 'product' | 'service';

  @ApiProperty({ example: '智能手表' }) @IsString() @Length(1, 200)
  nameZh: string;

  @ApiPropertyOptional({ example: 'Smart watches' }) @IsOptional() @IsString() @Length(1, 200)
  nameEn?: string;

  @ApiProperty({ description: '评价细则: how products of this type are evaluated' }) @IsString() @Length(2, 10000)
  evaluationRules: string;

  @ApiProperty({ type: [String], description: 'standards that passed advancedness evaluation for this entry' })
  @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsUUID('all', { each: true })
  standardIds: string[];
}

export class BatchQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['draft', 'published'] }) @IsOptional() @IsIn(['draft', 'published'])
  status?: string;
}

export class EntryQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @Matches(/^[A-Z][A-Z0-9_]{1,31}$/)
  categoryCode?: string;

  @ApiPropertyOptional({ enum: ['product', 'service'] }) @IsOptional() @IsIn(['product', 'service'])
  kind?: string;

  @ApiPropertyOptional() @IsOptional() @IsUUID()
  batchId?: string;

  @ApiPropertyOptional({ enum: ['open', 'closed'] }) @IsOptional() @IsIn(['open', 'closed'])
  status?: string;

  @ApiPropertyOptional({ description: 'part of the Chinese or English name' }) @IsOptional() @IsString() @Length(1, 100)
  q?: string;
}
