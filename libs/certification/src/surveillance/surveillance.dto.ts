import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { DATE_ONLY } from '@app/shared';
import { ModelList } from '../applications/application.dto';

export const CERTIFICATE_DECISION_OUTCOMES = ['suspend', 'reduce_scope', 'withdraw', 'maintain'] as const;
export type CertificateDecisionOutcome = (typeof CERTIFICATE_DECISION_OUTCOMES)[number];

/** A decision maker's decision on a certificate whose surveillance or special audit failed (ISO/IEC 17065 7.11). */
export class CertificateDecisionDto {
  @ApiProperty({
    enum: CERTIFICATE_DECISION_OUTCOMES,
    description:
      'suspend (public reason surveillance_failed), reduce_scope (take the failing models out, as a scope reduction does), withdraw, or maintain the certificate (e.g. once the corrections are accepted)',
  })
  @IsIn(CERTIFICATE_DECISION_OUTCOMES)
  outcome: CertificateDecisionOutcome;

  @ApiPropertyOptional({
    type: [String],
    example: ['HQ-X1'],
    description: "reduce_scope only, and then required: the models to take out of the certificate's scope (some of them; all of them is a withdrawal)",
  })
  // Required for reduce_scope; present with another outcome, the service refuses it (naming the field).
  @ValidateIf((d: CertificateDecisionDto) => d.outcome === 'reduce_scope' || d.models !== undefined)
  @ModelList()
  models?: string[];

  @ApiProperty({ example: '监督抽样检测关键指标不合格，暂停证书直至整改验证通过' })
  @IsString()
  @Length(2, 4000)
  rationale: string;
}

/** The holder's request to suspend its certificate for a while (暂停, at its own request). */
export class VoluntarySuspensionDto {
  @ApiProperty({
    type: String,
    format: 'date',
    example: '2027-03-31',
    description:
      'the last day of the suspension (Beijing); after today and at most VOLUNTARY_SUSPENSION_MAX_DAYS ahead. Not restored by then, the certificate is withdrawn',
  })
  @Matches(DATE_ONLY, { message: 'until must be a date, YYYY-MM-DD' })
  @IsDateString({ strict: true })
  until: string;

  @ApiProperty({ example: '生产线搬迁，暂停生产三个月' })
  @IsString()
  @Length(2, 2000)
  reason: string;
}
