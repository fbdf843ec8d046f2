import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';

export const REGISTRY_STATUSES = ['valid', 'suspended', 'withdrawn', 'cancelled', 'expired'] as const;

export class RegistrySearchQuery {
  @ApiPropertyOptional({ description: 'any part (2+ characters) of an enterprise, product, brand or model name, Chinese or English', example: '电子' })
  @IsOptional()
  @IsString()
  @Length(2, 100, { message: 'q must be 2 to 100 characters' })
  q?: string;

  @ApiPropertyOptional({ example: 'ELECTRONICS' })
  @IsOptional()
  @Matches(/^[A-Z][A-Z0-9_]{1,31}$/)
  category?: string;

  @ApiPropertyOptional({ enum: REGISTRY_STATUSES })
  @IsOptional()
  @IsIn(REGISTRY_STATUSES)
  status?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  certificationBodyId?: string;

  @ApiPropertyOptional({ example: '2026-01-01' })
  @IsOptional()
  @IsDateString({ strict: true })
  issuedFrom?: string;

  @ApiPropertyOptional({ example: '2026-12-31' })
  @IsOptional()
  @IsDateString({ strict: true })
  issuedTo?: string;

  @ApiPropertyOptional({ description: 'the nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  after?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 20;
}

export class ChangesQuery {
  @ApiPropertyOptional({ description: 'the last sequence number you have seen; 0 for the beginning', default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  after: number = 0;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit: number = 100;
}

export class ExportQuery {
  @ApiPropertyOptional({ enum: ['csv', 'jsonl'], default: 'jsonl' })
  @IsOptional()
  @IsIn(['csv', 'jsonl'])
  format: 'csv' | 'jsonl' = 'jsonl';
}
