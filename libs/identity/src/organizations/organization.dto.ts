import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import { PageQuery } from '@app/shared';
import { ORGANIZATION_KINDS, OrganizationKind } from '../roles';
import { CreateUserDto } from '../users/user.dto';
import type { Organization } from './organization.entity';

/** The organization's first administrator: the same fields, and the same rules, as any new user (roles: admin of its kind). */
export class FirstAdminDto extends PickType(CreateUserDto, ['email', 'displayName', 'password'] as const) {}

export class CreateOrganizationDto {
  @ApiProperty({ enum: ORGANIZATION_KINDS })
  @IsIn(ORGANIZATION_KINDS)
  kind: OrganizationKind;

  @ApiProperty({ example: '深圳市华强电子有限公司' })
  @IsString()
  @Length(2, 200)
  nameZh: string;

  @ApiPropertyOptional({ example: 'Shenzhen Huaqiang Electronics Co., Ltd.' })
  @IsOptional()
  @IsString()
  @Length(2, 200)
  nameEn?: string;

  @ApiProperty({ description: '统一社会信用代码, 18 characters, GB 32100-2015 check character', example: '91440300MA5DC8KQ5N' })
  @IsString()
  @Length(1, 40)
  creditCode: string;

  @ApiProperty({ example: '深圳市福田区华强北路1号' })
  @IsString()
  @Length(2, 300)
  address: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 100)
  contactName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  contactEmail?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(3, 40)
  contactPhone?: string;

  @ApiPropertyOptional({ type: FirstAdminDto, description: "creates the organization's first administrator" })
  @IsOptional()
  @ValidateNested()
  @Type(() => FirstAdminDto)
  admin?: FirstAdminDto;
}

export class OrganizationQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ORGANIZATION_KINDS })
  @IsOptional()
  @IsIn(ORGANIZATION_KINDS)
  kind?: OrganizationKind;

  @ApiPropertyOptional({ description: 'part of the Chinese or English name, or the credit code' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;
}

export class OrganizationView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ORGANIZATION_KINDS }) kind: OrganizationKind;
  @ApiProperty() nameZh: string;
  @ApiProperty({ nullable: true, type: String }) nameEn: string | null;
  @ApiProperty() creditCode: string;
  @ApiProperty() address: string;
  @ApiProperty({ nullable: true, type: String }) contactName: string | null;
  @ApiProperty({ nullable: true, type: String }) contactEmail: string | null;
  @ApiProperty({ nullable: true, type: String }) contactPhone: string | null;
  @ApiProperty() createdAt: Date;

  static of(o: Organization): OrganizationView {
    const { id, kind, nameZh, nameEn, creditCode, address, contactName, contactEmail, contactPhone, createdAt } = o;
    return { id, kind, nameZh, nameEn, creditCode, address, contactName, contactEmail, contactPhone, createdAt };
  }
}
