import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { PageQuery } from '@app/shared';
import { MISUSE_REPORT_STATUSES, MisuseReportStatus } from './misuse-report-status.machine';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** What a member of the public tells: no login, so nothing here is trusted beyond its shape. */
export class CreateMisuseReportDto {
  @ApiPropertyOptional({
    description: 'the certificate number, label code, or QR link seen on the product (a QR token is resolved to what it names)',
    example: 'SZS-2026-000001-6',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 1100)
  code?: string;

  @ApiProperty({ description: 'what does not match: product, enterprise, model, where the mark is used', minLength: 5, maxLength: 4000 })
  @Transform(trim)
  @IsString()
  @Length(5, 4000, { message: 'description must be 5 to 4000 characters' })
  description: string;

  @ApiPropertyOptional({ description: 'where it was seen: shop name and address, or an online shop link', maxLength: 500 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 500)
  whereSeen?: string;

  @ApiPropertyOptional({ description: 'how to reach the reporter; shown only to the certification body and the regulator', maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  contact?: string;
}

export class MisuseReportQuery extends PageQuery {
  @ApiPropertyOptional({ enum: MISUSE_REPORT_STATUSES })
  @IsOptional()
  @IsIn(MISUSE_REPORT_STATUSES)
  status?: MisuseReportStatus;
}

export class MisuseReportStatusDto {
  @ApiProperty({ enum: ['reviewing', 'closed'] })
  @IsIn(['reviewing', 'closed'], { message: 'status must be reviewing or closed' })
  status: 'reviewing' | 'closed';

  @ApiPropertyOptional({ description: 'what was found or done; kept with the report (left out, the previous note stays)', maxLength: 2000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 2000)
  note?: string;
}
