import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { DATE_ONLY, PageQuery } from '@app/shared';
import { RISK_CLASSES, RiskClass } from './draw/inspection-draw';
import { PLAN_STATUSES, PlanStatus } from './inspection-plan.machine';

export const TARGET_KINDS = ['declaration', 'certificate', 'holder'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];
export const OUTCOMES = ['conforming', 'nonconforming'] as const;
export type InspectionOutcome = (typeof OUTCOMES)[number];

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** A required free text: trimmed, 1 to `max` characters. */
const Text = (max: number, example?: string) =>
  applyDecorators(ApiProperty({ maxLength: max, ...(example ? { example } : {}) }), Transform(trim), IsString(), Length(1, max));
const OptionalText = (max: number, example?: string) =>
  applyDecorators(ApiPropertyOptional({ maxLength: max, ...(example ? { example } : {}) }), IsOptional(), Transform(trim), IsString(), Length(1, max));

export class CreateMatterDto {
  @ApiProperty({ example: 'SZS-MARK-01', description: 'capitals, digits and -, up to 32' })
  @Matches(/^[A-Z0-9][A-Z0-9-]{0,31}$/, { message: 'code must be up to 32 capitals, digits or -' })
  code: string;

  @Text(200, '认证标志使用情况的检查')
  nameZh: string;

  @OptionalText(200, 'Use of the certification mark')
  nameEn?: string;

  @Text(1000, '《认证认可条例》第二十八条；《深圳标准认证管理办法》')
  legalBasis: string;

  @ApiProperty({ enum: TARGET_KINDS, isArray: true, description: 'the kinds of target the matter applies to' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(TARGET_KINDS, { each: true })
  targetKinds: TargetKind[];
}

/** A target is a row the platform already holds: its id and kind, never free text. */
export class AddTargetDto {
  @ApiProperty({ enum: TARGET_KINDS })
  @IsIn(TARGET_KINDS)
  kind: TargetKind;

  @ApiProperty({ description: 'the published self-declaration, the live certificate, or the enterprise (holder) it stands for' })
  @IsUUID()
  subjectId: string;

  @ApiProperty({ enum: RISK_CLASSES, description: 'A = highest risk' })
  @IsIn(RISK_CLASSES)
  riskClass: RiskClass;
}

export class TargetQuery extends PageQuery {
  @ApiPropertyOptional({ enum: TARGET_KINDS })
  @IsOptional()
  @IsIn(TARGET_KINDS)
  kind?: TargetKind;

  @ApiPropertyOptional({ enum: RISK_CLASSES })
  @IsOptional()
  @IsIn(RISK_CLASSES)
  riskClass?: RiskClass;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;
}

export class CreateInspectorDto {
  @Text(100, '李明')
  name: string;

  @Text(200, '深圳市市场监督管理局福田监管局')
  unit: string;

  @ApiProperty({ example: 'SZ-FT-0231', description: 'the law-enforcement badge number (unique)' })
  @Transform(trim)
  @IsString()
  @Length(1, 32)
  @Matches(/^[\p{L}\p{N}-]+$/u, { message: 'badgeNumber must be letters, digits or -' })
  badgeNumber: string;
}

export class UpdateInspectorDto {
  @OptionalText(100)
  name?: string;

  @OptionalText(200)
  unit?: string;

  @ApiPropertyOptional({ description: 'an inactive inspector is left out of the population of plans committed from now on' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class DeclareInspectorConflictDto {
  @ApiProperty({ description: 'an organization of kind enterprise' })
  @IsUUID()
  enterpriseId: string;

  @Text(1000, '配偶在该企业任职')
  reason: string;
}

export class RatesDto {
  @ApiProperty({ minimum: 0, maximum: 100, description: 'percent of class A targets drawn' })
  @IsInt()
  @Min(0)
  @Max(100)
  A: number;

  @ApiProperty({ minimum: 0, maximum: 100 })
  @IsInt()
  @Min(0)
  @Max(100)
  B: number;

  @ApiProperty({ minimum: 0, maximum: 100 })
  @IsInt()
  @Min(0)
  @Max(100)
  C: number;

  @ApiProperty({ minimum: 0, maximum: 100 })
  @IsInt()
  @Min(0)
  @Max(100)
  D: number;
}

export class CreatePlanDto {
  @Text(200, '2026年度深圳标准认证产品双随机抽查')
  name: string;

  @ApiProperty({ minimum: 2000, maximum: 2100, example: 2026 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiProperty({ type: [String], description: 'matters of the checklist the plan inspects' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  matterIds: string[];

  @ApiProperty({ type: RatesDto, description: 'sampling rate per risk class, whole percent: ceil(rate × class size) targets are drawn' })
  @ValidateNested()
  @Type(() => RatesDto)
  rates: RatesDto;

  @ApiProperty({ minimum: 2, maximum: 10, example: 2, description: 'inspectors drawn for each target (at least two)' })
  @IsInt()
  @Min(2)
  @Max(10)
  inspectorsPerTarget: number;
}

export class PlanQuery extends PageQuery {
  @ApiPropertyOptional({ enum: PLAN_STATUSES })
  @IsOptional()
  @IsIn(PLAN_STATUSES)
  status?: PlanStatus;

  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class InspectionFindingDto {
  @ApiProperty({ description: 'a matter of the plan' })
  @IsUUID()
  matterId: string;

  @Text(2000, '产品包装上使用了认证标志，但该型号不在证书范围内')
  text: string;
}

export class RecordResultDto {
  @ApiProperty({ enum: OUTCOMES })
  @IsIn(OUTCOMES)
  outcome: InspectionOutcome;

  @ApiProperty({ example: '2026-05-12', description: 'the Shenzhen date of the inspection (not after today)' })
  @Matches(DATE_ONLY, { message: 'inspectedOn must be a date YYYY-MM-DD' })
  inspectedOn: string;

  @ApiProperty({ type: [String], description: 'the inspectors present: at least two of those drawn for the target' })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  inspectorsPresent: string[];

  @ApiProperty({ type: [InspectionFindingDto], description: 'what was found, per matter; at least one for a nonconforming result' })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => InspectionFindingDto)
  findings: InspectionFindingDto[];
}

export class SyncTargetsDto {
  @ApiProperty({ enum: TARGET_KINDS, description: 'every live row of this kind not yet registered is added' })
  @IsIn(TARGET_KINDS)
  kind: TargetKind;

  @ApiProperty({ enum: RISK_CLASSES, description: 'the risk class they start at' })
  @IsIn(RISK_CLASSES)
  riskClass: RiskClass;
}

/** The public list: offset pages, bounded so that no anonymous request makes PostgreSQL skip more than 50,000 rows. */
export const MAX_PUBLIC_PAGE = 500;

export class PublicPlanQuery extends PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PUBLIC_PAGE, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PUBLIC_PAGE)
  page: number = 1;

  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}
