import { ApiProperty } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsString, Length } from 'class-validator';
import { Role, ROLES } from '../roles';
import type { ApiKey } from './api-key.entity';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'ERP integration' })
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiProperty({ enum: ROLES, isArray: true, description: 'roles the key acts with; at most those of its organization' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles: Role[];
}

export class ApiKeyView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'the first characters of the key, to recognise it' }) prefix: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty() createdAt: Date;
  @ApiProperty({ nullable: true, type: Date }) lastUsedAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) revokedAt: Date | null;

  static of(k: ApiKey): ApiKeyView {
    const { id, name, prefix, roles, createdAt, lastUsedAt, revokedAt } = k;
    return { id, name, prefix: `szs_${prefix}`, roles, createdAt, lastUsedAt, revokedAt };
  }
}

export class CreatedApiKeyView extends ApiKeyView {
  @ApiProperty({ description: 'the whole key; shown this once and never again' }) key: string;
}
