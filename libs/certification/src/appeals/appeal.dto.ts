import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { PageQuery } from '@app/shared';
import { OptionalText, trimText } from '../text-fields';
import { APPEAL_STATUSES, AppealStatus } from './appeal-status.machine';

/**
 * An appeal names the case whose latest decision it is against: an application (its refusal or
 * rejection) or a certificate (its latest suspension, scope reduction or withdrawal).
 */
export class LodgeAppealDto {
  @ApiPropertyOptional({ description: 'the refused or rejected application (give this or certificateId)' })
  @IsOptional()
  @IsUUID()
  applicationId?: string;

  @ApiPropertyOptional({ description: 'the certificate suspended, reduced in scope or withdrawn (give this or applicationId)' })
  @IsOptional()
  @IsUUID()
  certificateId?: string;

  @ApiProperty({ description: 'why the decision is wrong, with the facts that show it', minLength: 10, maxLength: 8000 })
  @Transform(trimText)
  @IsString()
  @Length(10, 8000, { message: 'grounds must be 10 to 8000 characters' })
  grounds: string;
}

export class AppealQuery extends PageQuery {
  @ApiPropertyOptional({ enum: APPEAL_STATUSES })
  @IsOptional()
  @IsIn(APPEAL_STATUSES)
  status?: AppealStatus;
}

export class AssignAppealDto {
  @ApiProperty({ description: 'a decision maker or cb_admin of the body who took no part in the decision appealed' })
  @IsUUID()
  handlerId: string;

  @OptionalText(2000)
  reason?: string;
}

export class DecideAppealDto {
  @ApiProperty({ enum: ['upheld', 'dismissed'], description: 'upheld: the decision appealed is reversed' })
  @IsIn(['upheld', 'dismissed'], { message: 'outcome must be upheld or dismissed' })
  outcome: 'upheld' | 'dismissed';

  @ApiProperty({ maxLength: 8000 })
  @Transform(trimText)
  @IsString()
  @Length(1, 8000)
  rationale: string;
}
