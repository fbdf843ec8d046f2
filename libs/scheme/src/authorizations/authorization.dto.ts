import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { PageQuery } from '@app/shared';
import { CATEGORY_CODE, CATEGORY_CODE_MESSAGE } from '../scheme.references';

export class CreateAuthorizationDto {
  @ApiProperty({ description: 'an organization of kind certification_body' })
  @IsUUID()
  certificationBodyId: string;

  @ApiProperty({ example: 'ELECTRONICS' })
  @Matches(CATEGORY_CODE, { message: `categoryCode ${CATEGORY_CODE_MESSAGE}` })
  categoryCode: string;

  @ApiProperty({ example: 'CNCA-R-2019-455' })
  @IsString()
  @Length(2, 60)
  accreditationNumber: string;

  @ApiProperty({ example: '2026-01-01', description: 'first day of validity' })
  @IsDateString({ strict: true })
  validFrom: string;

  @ApiProperty({ example: '2029-12-31', description: 'last day of validity; after validFrom' })
  @IsDateString({ strict: true })
  validUntil: string;
}

export class AuthorizationQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  certificationBodyId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(CATEGORY_CODE)
  categoryCode?: string;

  @ApiPropertyOptional({ description: 'only authorizations valid that day and not revoked', example: '2026-11-26' })
  @IsOptional()
  @IsDateString({ strict: true })
  validOn?: string;
}

export class RevocationDto {
  @ApiProperty({ example: '认可资格暂停', description: 'why the authorization ends' })
  @IsString()
  @Length(2, 2000)
  reason: string;
}
