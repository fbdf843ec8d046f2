import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDateString, IsIn, IsNumber, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { DATE_ONLY, PageQuery } from '@app/shared';
import { CNAS_NUMBER_INPUT, CNAS_NUMBER_MESSAGE } from '@app/laboratories';
import { AUDIT_KINDS, AUDIT_STATUSES, AuditKind, AuditStatus, NONCONFORMITY_STATUSES, NonconformityStatus } from './audit-status.machine';
import { AUDIT_TRIGGERS, AuditTrigger } from './audit.view';

/** A requirement's result: its value when measured, pass or fail otherwise (a finding's, or a recognised report's). */
export class TestResultDto {
  @ApiPropertyOptional({ description: "for a measured requirement: the value, in the requirement's unit", example: 81.5 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  measuredValue?: number;

  @ApiPropertyOptional({ description: 'for a pass/fail requirement: the result' })
  @IsOptional()
  @IsBoolean()
  passed?: boolean;
}

export class RecordFindingDto extends TestResultDto {
  @ApiProperty({
    description: "testing laboratory, as the report names it (the finding records the register's name for the CNAS number)",
    example: '深圳市计量质量检测研究院',
  })
  @IsString()
  @Length(2, 200)
  laboratoryName: string;

  @ApiProperty({
    description:
      "the laboratory's CNAS accreditation number: a laboratory of the register (GET /api/v1/laboratories), accredited on the report date for the requirement's parameter or standard clause",
    example: 'CNAS L0235',
  })
  @IsString()
  @Matches(CNAS_NUMBER_INPUT, { message: `cnasNumber ${CNAS_NUMBER_MESSAGE}` })
  cnasNumber: string;

  @ApiProperty({ description: 'test report number', example: 'SZ2026-0815-03' })
  @IsString()
  @Length(1, 100)
  reportNumber: string;

  @ApiProperty({
    type: String,
    format: 'date',
    example: '2026-08-15',
    description: 'the date of the test report: the laboratory must be accredited then; not after today',
  })
  @Matches(DATE_ONLY, { message: 'reportDate must be a date, YYYY-MM-DD' })
  @IsDateString({ strict: true })
  reportDate: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: 10,
    description:
      "evidence files uploaded by your organization (POST /api/v1/evidence-files) and not attached to anything else: the test report itself. Given, the finding's files become exactly these (an empty list removes them); left out, they stay",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsUUID(undefined, { each: true })
  evidenceFileIds?: string[];
}

export class RaiseNonconformityDto {
  @ApiPropertyOptional({ description: 'the requirement concerned, if any' })
  @IsOptional()
  @IsUUID()
  requirementId?: string;

  @ApiProperty({ enum: ['major', 'minor'] })
  @IsIn(['major', 'minor'])
  grade: 'major' | 'minor';

  @ApiProperty({ example: '成品出厂检验记录不完整' })
  @IsString()
  @Length(2, 4000)
  description: string;

  @ApiPropertyOptional({
    description:
      'date by which it must be corrected; default: 10 working days from today for a major one, 20 for a minor one (Beijing dates, the holiday table)',
    example: '2026-12-31',
  })
  @IsOptional()
  @IsDateString({ strict: true })
  dueOn?: string;
}

export class CorrectiveActionDto {
  @ApiProperty({ example: '已补充出厂检验规程并培训检验员，附记录' })
  @IsString()
  @Length(2, 4000)
  correctiveAction: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: 10,
    description: 'evidence files uploaded by your organization (POST /api/v1/evidence-files) and not attached to anything else',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsUUID(undefined, { each: true })
  evidenceFileIds?: string[];
}

export class ReopenDto {
  @ApiProperty({ description: 'why the corrective action is not enough' })
  @IsString()
  @Length(2, 4000)
  reason: string;
}

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ enum: AUDIT_STATUSES })
  @IsOptional()
  @IsIn(AUDIT_STATUSES)
  status?: AuditStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  applicationId?: string;

  @ApiPropertyOptional({ enum: AUDIT_KINDS })
  @IsOptional()
  @IsIn(AUDIT_KINDS)
  kind?: AuditKind;

  @ApiPropertyOptional({
    enum: AUDIT_TRIGGERS,
    description: "why it was planned (e.g. 'schedule' for surveillance, 'transition' for a standard's new version)",
  })
  @IsOptional()
  @IsIn(AUDIT_TRIGGERS)
  trigger?: AuditTrigger;

  @ApiPropertyOptional({
    description: "true: only audits of an issued certificate (surveillance, special, renewal, transition), not an application's initial audit",
  })
  @IsOptional()
  @Transform(({ value }) => value === 'true' || value === true)
  @IsBoolean()
  ofCertificates?: boolean;

  @ApiPropertyOptional({ description: 'only the audits of this issued certificate (surveillance, special)' })
  @IsOptional()
  @IsUUID()
  certificateId?: string;

  @ApiPropertyOptional({ description: 'only audits assigned to me' })
  @IsOptional()
  @Transform(({ value }) => value === 'true' || value === true)
  @IsBoolean()
  mine?: boolean;

  @ApiPropertyOptional({ type: String, format: 'date', example: '2026-12-01', description: 'planned on or after this date' })
  @IsOptional()
  @Matches(DATE_ONLY, { message: 'from must be a date, YYYY-MM-DD' })
  @IsDateString({ strict: true })
  from?: string;

  @ApiPropertyOptional({ type: String, format: 'date', example: '2026-12-31', description: 'planned on or before this date' })
  @IsOptional()
  @Matches(DATE_ONLY, { message: 'to must be a date, YYYY-MM-DD' })
  @IsDateString({ strict: true })
  to?: string;

  @ApiPropertyOptional({ description: "only audits this auditor is assigned to (a body's staff: any of its auditors)" })
  @IsOptional()
  @IsUUID()
  auditorId?: string;
}

export class NonconformityQuery extends PageQuery {
  @ApiPropertyOptional({ enum: NONCONFORMITY_STATUSES })
  @IsOptional()
  @IsIn(NONCONFORMITY_STATUSES)
  status?: NonconformityStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  auditId?: string;
}

export class DeclareConflictDto {
  @ApiProperty()
  @IsUUID()
  enterpriseId: string;

  @ApiProperty({ example: '曾在该企业任质量经理（2022–2024）' })
  @IsString()
  @Length(2, 2000)
  reason: string;

  @ApiPropertyOptional({ description: 'cb_admin only: declare for this auditor instead of yourself' })
  @IsOptional()
  @IsUUID()
  auditorId?: string;
}
