import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { ModelList, ScopeDto } from '../applications/application.dto';
import { PUBLIC_REASONS, PublicReason } from './certificate-status.machine';

/** A scope extension: only what is new (products or models not yet certified). */
export class ExtensionDto {
  @ApiProperty({ type: ScopeDto, description: 'the new products or models only; a product already certified gains the models listed' })
  @ValidateNested()
  @Type(() => ScopeDto)
  scope: ScopeDto;

  @ApiPropertyOptional({ description: "the self-declaration that covers the new models (default: the certificate's own)" })
  @IsOptional()
  @IsUUID()
  selfDeclarationId?: string;
}

export class ScopeReductionDto {
  @ApiProperty({ type: [String], description: "models to take out of the certificate's scope", example: ['HQ-X2'] })
  @ModelList()
  models: string[];

  @ApiProperty({ enum: PUBLIC_REASONS, description: 'shown in the public history with the models' })
  @IsIn(PUBLIC_REASONS)
  reason: PublicReason;

  @ApiPropertyOptional({ description: 'kept by the certification body; never public' })
  @IsOptional()
  @IsString()
  @Length(1, 4000)
  privateNote?: string;
}

export const CHANGED_FIELDS = [
  'holder.nameZh',
  'holder.nameEn',
  'holder.address',
  'holder.factory',
  'certificationBody.nameZh',
  'certificationBody.nameEn',
  'certificationBody.accreditation',
  'scope',
  'standard',
] as const;
export type ChangedField = (typeof CHANGED_FIELDS)[number];

export class ReissueDto {
  @ApiProperty({ example: '持证企业名称变更', description: 'why the certificate is re-issued; kept with the edition' })
  @IsString()
  @Length(2, 500)
  reason: string;

  @ApiProperty({ enum: CHANGED_FIELDS, isArray: true, description: 'what the certificate now says differently' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(CHANGED_FIELDS, { each: true })
  changedFields: ChangedField[];
}
