import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsArray, IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength, MinLength } from 'class-validator';
import { PageQuery } from '@app/shared';
import { Role, ROLES } from '../roles';
import type { User } from './user.entity';

export class CreateUserDto {
  @ApiProperty({ example: 'li.na@example.cn' })
  @IsEmail()
  @MaxLength(200)
  email: string;

  @ApiProperty({ example: '李娜' })
  @IsString()
  @Length(1, 100)
  displayName: string;

  @ApiProperty({ minLength: 10 })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  password: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles: Role[];
}

export class UserQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'regulator only: users of one organization' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;
}

export class UserView {
  @ApiProperty() id: string;
  @ApiProperty() organizationId: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty() active: boolean;
  @ApiProperty() createdAt: Date;

  static of(u: User): UserView {
    const { id, organizationId, email, displayName, roles, active, createdAt } = u;
    return { id, organizationId, email, displayName, roles, active, createdAt };
  }
}

export class LoginDto {
  @ApiProperty({ example: 'reviewer@cb1.demo.szs' })
  @IsEmail()
  @MaxLength(200)
  email: string;

  @ApiProperty({ example: 'Demo-Password-2026' })
  @IsString()
  @Length(1, 200)
  password: string;

  @ApiPropertyOptional({
    description: 'needed only when this e-mail and password open accounts in more than one organization: the one to log in to',
  })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @Length(1, 200)
  currentPassword: string;

  @ApiProperty({ minLength: 10, maxLength: 200, description: 'at least 10 characters, different from the current password' })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  newPassword: string;
}

export class SetRolesDto {
  @ApiProperty({ enum: ROLES, isArray: true, description: "roles the user's organization kind can hold" })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles: Role[];
}

export class PasswordResetView {
  @ApiProperty({ type: UserView }) user: UserView;
  @ApiProperty({ description: 'the new password, generated; shown this once and never again' }) password: string;
}
