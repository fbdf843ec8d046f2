import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { DATE_ONLY, PageQuery } from '@app/shared';
import { CATEGORY_CODE, CATEGORY_CODE_MESSAGE } from '../scheme.references';
import { RequirementDto } from '../standards/standard.dto';
import { GROUP_STANDARD_STATUSES, GroupStandardStatus, MAX_COMMENT_DAYS, MIN_COMMENT_DAYS } from './group-standard.machine';

/** 2–12 upper-case letters or digits, as group codes are written after "T/". */
export const GROUP_CODE = /^[A-Z0-9]{2,12}$/;

/** A summary is text people read: a link would be fetched by nobody here, and could lead anywhere. */
const NO_URL = /^(?![\s\S]*(?:https?:\/\/|www\.))[\s\S]*$/i;

export class RegisterGroupCodeDto {
  @ApiProperty({ example: 'SZEIA', description: '2–12 upper-case letters or digits, unique on the platform; registered once' })
  @Matches(GROUP_CODE, { message: 'code must be 2–12 upper-case letters or digits' })
  code: string;
}

export class CreateGroupStandardDto {
  @ApiProperty({ example: '智能手机快充安全技术要求' })
  @IsString()
  @Length(2, 300)
  titleZh: string;

  @ApiPropertyOptional({ example: 'Smartphones — Safety requirements for fast charging' })
  @IsOptional()
  @IsString()
  @Length(2, 300)
  titleEn?: string;

  @ApiProperty({ example: '本文件规定了智能手机快充的安全技术要求和试验方法。' })
  @IsString()
  @Length(2, 4000)
  scope: string;

  @ApiPropertyOptional({ example: '33.050', description: 'International Classification for Standards class' })
  @IsOptional()
  @Matches(/^\d{2}(\.\d{3}(\.\d{2})?)?$/, { message: 'ics must look like 33.050 or 33.050.10' })
  ics?: string;

  @ApiPropertyOptional({ example: 'M30', description: 'Chinese Standard Classification (CCS) class' })
  @IsOptional()
  @Matches(/^[A-Z]\d{2}$/, { message: 'ccs must be a letter and two digits, as M30' })
  ccs?: string;

  @ApiProperty({ type: [String], example: ['ELECTRONICS'], description: 'the product categories it applies to' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @Matches(CATEGORY_CODE, { each: true, message: `each category code ${CATEGORY_CODE_MESSAGE}` })
  categoryCodes: string[];

  @ApiProperty({ description: 'whether the full text is open to the public' })
  @IsBoolean()
  fullTextOpen: boolean;

  @ApiPropertyOptional({ description: 'the text or a summary of it (no URLs: nothing is fetched)' })
  @IsOptional()
  @IsString()
  @Length(1, 20000)
  @Matches(NO_URL, { message: 'summary may not contain a URL' })
  summary?: string;
}

export class GroupStandardRequirementsDto {
  @ApiProperty({ type: [RequirementDto], description: 'the whole list, in order: it replaces the one there' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => RequirementDto)
  requirements: RequirementDto[];
}

export class GroupStandardNoteDto {
  @ApiPropertyOptional({ example: '经理事会审议通过立项', description: 'kept in the history' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string;
}

export class OpenCommentDto extends GroupStandardNoteDto {
  @ApiPropertyOptional({ minimum: MIN_COMMENT_DAYS, maximum: MAX_COMMENT_DAYS, default: MIN_COMMENT_DAYS, description: 'days the draft is open for comment' })
  @IsOptional()
  @IsInt()
  @Min(MIN_COMMENT_DAYS)
  @Max(MAX_COMMENT_DAYS)
  commentDays?: number;
}

export class PublishGroupStandardDto extends GroupStandardNoteDto {
  @ApiProperty({ example: '2027-03-01', description: 'on or after the publication date (today, Shenzhen)' })
  @Matches(DATE_ONLY, { message: 'implementationDate must be a date, YYYY-MM-DD' })
  implementationDate: string;
}

export const COMMENT_ANSWERS = ['accepted', 'partly_accepted', 'not_accepted'] as const;
export type CommentAnswer = (typeof COMMENT_ANSWERS)[number];

export class AnswerCommentDto {
  @ApiProperty({ enum: COMMENT_ANSWERS })
  @IsIn(COMMENT_ANSWERS)
  answer: CommentAnswer;

  @ApiProperty({ example: '采纳，5.1 条待机时间下限调整为 80 h。' })
  @IsString()
  @Length(1, 4000)
  reply: string;
}

export class PublicCommentDto {
  @ApiProperty({ example: '5.1', description: 'the clause commented on (a clause of the draft)' })
  @IsString()
  @Length(1, 20)
  clause: string;

  @ApiProperty({ example: '建议将待机时间下限提高到 80 h。' })
  @IsString()
  @Length(2, 4000)
  text: string;

  @ApiPropertyOptional({ description: 'never shown publicly' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  name?: string;

  @ApiPropertyOptional({ description: 'never shown publicly' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;
}

export const EVALUATION_OUTCOMES = ['passed', 'failed'] as const;
export type EvaluationOutcome = (typeof EVALUATION_OUTCOMES)[number];

export class AdvancednessEvaluationDto {
  @ApiProperty({ enum: EVALUATION_OUTCOMES })
  @IsIn(EVALUATION_OUTCOMES)
  outcome: EvaluationOutcome;

  @ApiProperty({ example: '2026-11-20', description: 'not in the future' })
  @Matches(DATE_ONLY, { message: 'evaluatedOn must be a date, YYYY-MM-DD' })
  evaluatedOn: string;

  @ApiProperty({ example: '关键指标均优于国家标准 GB 4943.1。' })
  @IsString()
  @Length(2, 4000)
  summary: string;
}

export class GroupStandardQuery extends PageQuery {
  @ApiPropertyOptional({ enum: GROUP_STANDARD_STATUSES })
  @IsOptional()
  @IsIn(GROUP_STANDARD_STATUSES)
  status?: GroupStandardStatus;

  @ApiPropertyOptional({ description: 'the issuing association' })
  @IsOptional()
  @IsUUID()
  associationId?: string;

  @ApiPropertyOptional({ description: 'any 2 characters or more of the number or the Chinese or English title' })
  @IsOptional()
  @IsString()
  @Length(2, 100)
  q?: string;
}

/** The public directory pages by offset, bounded: deep pages are for the search, not for walking. */
export class PublicGroupStandardQuery extends GroupStandardQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  page: number = 1;
}
