import { ApiProperty } from '@nestjs/swagger';
import { IsDateString, IsString, IsUUID, Length, Matches } from 'class-validator';
import { DATE_ONLY } from '@app/shared';
import { TestResultDto } from './audit.dto';

export class PresentRecognisedReportDto extends TestResultDto {
  @ApiProperty({ description: "the requirement of the audit's checklist the report is for" })
  @IsUUID()
  requirementId: string;

  @ApiProperty({ description: 'the recognition agreement it is presented under (GET /api/v1/recognition-agreements)' })
  @IsUUID()
  agreementId: string;

  @ApiProperty({ example: 'SGS Hong Kong Limited', description: 'who issued the report' })
  @IsString()
  @Length(2, 200)
  issuingBody: string;

  @ApiProperty({ example: 'HK-2026-000123' })
  @IsString()
  @Length(1, 100)
  reportNumber: string;

  @ApiProperty({ type: String, format: 'date', example: '2026-06-30', description: 'the agreement must be valid on it; not after today' })
  @Matches(DATE_ONLY, { message: 'reportDate must be a date, YYYY-MM-DD' })
  @IsDateString({ strict: true })
  reportDate: string;
}

export class RefuseRecognisedReportDto {
  @ApiProperty({ example: '报告检测项目与本规范第5.1条方法不一致', description: 'why it is not accepted (the enterprise sees it)' })
  @IsString()
  @Length(2, 2000)
  reason: string;
}
