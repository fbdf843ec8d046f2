import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMinSize, ArrayUnique, IsArray, IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { DATE_ONLY, PageQuery } from '@app/shared';
import { CERTIFICATE_STATUSES, CertificateStatus, PUBLIC_REASONS, PublicReason } from './certificate-status.machine';
import { ModelList } from '../applications/application.dto';
import { MARK_GRANT_STATUSES, MarkGrantStatus } from './mark-grant-status.machine';

export class CertificateQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CERTIFICATE_STATUSES })
  @IsOptional()
  @IsIn(CERTIFICATE_STATUSES)
  status?: CertificateStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  applicationId?: string;

  @ApiPropertyOptional({ type: String, format: 'date', example: '2027-03-01', description: 'only certificates whose last valid day is before this date' })
  @IsOptional()
  @Matches(DATE_ONLY, { message: 'expiresBefore must be a date, YYYY-MM-DD' })
  @IsDateString({ strict: true })
  expiresBefore?: string;

  @ApiPropertyOptional({
    description: "part of the certificate number, the holder's name, or a product (name, brand, model) or service in its scope; two characters at least",
    example: 'HQ-X1',
  })
  @IsOptional()
  @IsString()
  @Length(2, 100)
  @Matches(/\S\S/u, { message: 'q must hold two adjacent characters that are not spaces' })
  q?: string;
}

export class MarkGrantQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'only the grants under this certificate' })
  @IsOptional()
  @IsUUID()
  certificateId?: string;

  @ApiPropertyOptional({ enum: MARK_GRANT_STATUSES })
  @IsOptional()
  @IsIn(MARK_GRANT_STATUSES)
  status?: MarkGrantStatus;
}

export class StatusChangeDto {
  @ApiProperty({ enum: PUBLIC_REASONS, description: 'shown in the public history' })
  @IsIn(PUBLIC_REASONS)
  publicReason: PublicReason;

  @ApiPropertyOptional({ description: 'kept by the certification body; never public' })
  @IsOptional()
  @IsString()
  @Length(1, 4000)
  privateNote?: string;
}

export class RestoreDto {
  @ApiPropertyOptional({ description: 'kept by the certification body; never public' })
  @IsOptional()
  @IsString()
  @Length(1, 4000)
  privateNote?: string;
}

export const MEDIA = ['product', 'packaging', 'manual', 'advertising'] as const;
export type Medium = (typeof MEDIA)[number];

export class MarkGrantRequestDto {
  @ApiProperty({ type: [String], description: "models of the certificate's scope the mark will be used on", example: ['HQ-X1'] })
  @ModelList()
  models: string[];

  @ApiProperty({ enum: MEDIA, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(MEDIA, { each: true })
  media: Medium[];
}

export class MarkGrantDecisionDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 4000)
  reason?: string;
}

export class LabelBatchDto {
  @ApiProperty({ minimum: 1, maximum: 1_000_000, example: 1000 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  quantity: number;
}
