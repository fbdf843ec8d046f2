import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { PageQuery } from '@app/shared';
import { OptionalText, trimText } from '../text-fields';
import { PUBLIC_REASONS, PublicReason } from '../certificates/certificate-status.machine';
import { COMPLAINT_OUTCOMES, COMPLAINT_STATUSES, ComplaintOutcome, ComplaintStatus } from './complaint-status.machine';

export const COMPLAINT_SUBJECTS = ['product', 'holder', 'certification_body'] as const;
export type ComplaintSubject = (typeof COMPLAINT_SUBJECTS)[number];

/**
 * A complaint as anyone files it. What it is about is named by a certificate number (the product's,
 * or the certificate whose holder or body is complained about) or a unified social credit code.
 */
export class CreateComplaintDto {
  @ApiProperty({
    enum: COMPLAINT_SUBJECTS,
    description: "a certified product (its certificate), the certificate's holder, or a certification body's own work (handled by the regulator)",
  })
  @IsIn(COMPLAINT_SUBJECTS, { message: 'about must be product, holder or certification_body' })
  about: ComplaintSubject;

  @ApiPropertyOptional({ description: 'the certificate concerned (required for a product)', example: 'SZS-2026-000001-6' })
  @IsOptional()
  @Transform(trimText)
  @IsString()
  @Length(1, 64)
  certificateNumber?: string;

  @ApiPropertyOptional({ description: "the holder's or the certification body's unified social credit code, when no certificate number is given" })
  @IsOptional()
  @Transform(trimText)
  @IsString()
  @Matches(/^[0-9A-Z]{18}$/, { message: 'creditCode must be 18 digits or capital letters' })
  creditCode?: string;

  @ApiProperty({ description: 'what happened, and what the complainant expects', minLength: 10, maxLength: 4000 })
  @Transform(trimText)
  @IsString()
  @Length(10, 4000, { message: 'description must be 10 to 4000 characters' })
  description: string;

  @OptionalText(200)
  name?: string;

  @ApiPropertyOptional({
    description: 'where the acknowledgement and the outcome are sent, and what looks the complaint up with its reference (required without login)',
    maxLength: 254,
  })
  @IsOptional()
  @Transform(trimText)
  @IsString()
  @Length(3, 254)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email?: string;

  @ApiPropertyOptional({ enum: ['zh', 'en'], default: 'zh', description: 'the language the complainant is written to in' })
  @IsOptional()
  @IsIn(['zh', 'en'])
  language?: 'zh' | 'en';
}

/** The complainant looks a complaint up by its reference and the e-mail it was filed with. */
export class ComplaintLookupDto {
  @ApiProperty({ example: 'CMP-2026-000123-7' })
  @Transform(trimText)
  @IsString()
  @Matches(/^CMP-\d{4}-\d{6,}-[0-9A-Z]$/, { message: 'reference must look like CMP-2026-000123-7' })
  reference: string;

  @ApiProperty()
  @Transform(trimText)
  @IsString()
  @Length(3, 254)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email: string;
}

export class ComplaintQuery extends PageQuery {
  @ApiPropertyOptional({ enum: COMPLAINT_STATUSES })
  @IsOptional()
  @IsIn(COMPLAINT_STATUSES)
  status?: ComplaintStatus;
}

export class AssignInvestigatorDto {
  @ApiProperty({ description: "a user of the handling organization who took no part in the matter (its audits, review, decision, certificate's changes)" })
  @IsUUID()
  investigatorId: string;

  @OptionalText(2000)
  reason?: string;
}

export class ComplaintSpecialAuditDto {
  @ApiPropertyOptional({ description: 'the holder is not told the date', default: false })
  @IsOptional()
  @IsBoolean()
  unannounced?: boolean;

  @OptionalText(2000)
  reason?: string;
}

export class ComplaintSuspensionDto {
  @ApiProperty({ enum: PUBLIC_REASONS, description: "shown in the certificate's public history" })
  @IsIn(PUBLIC_REASONS)
  publicReason: PublicReason;

  @OptionalText(4000, 'kept by the certification body; never public')
  privateNote?: string;
}

export class ResolveComplaintDto {
  @ApiProperty({ enum: COMPLAINT_OUTCOMES })
  @IsIn(COMPLAINT_OUTCOMES, { message: 'outcome must be upheld, not_upheld or partly_upheld' })
  outcome: ComplaintOutcome;

  @ApiProperty({ description: 'what the investigation found', maxLength: 8000 })
  @Transform(trimText)
  @IsString()
  @Length(1, 8000)
  findings: string;

  @OptionalText(4000, 'what was done about it (besides the audits and suspensions already in the timeline)')
  actions?: string;
}

export class CloseComplaintDto {
  @OptionalText(2000, 'what the complainant is told besides the outcome')
  message?: string;
}
