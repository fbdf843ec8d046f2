import { ApiProperty } from '@nestjs/swagger';
import { ORGANIZATION_KINDS, OrganizationKind, Role, ROLES } from '../roles';
import type { Principal } from './principal';

/** The person a token was issued to. */
export class LoggedInUser {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty() organizationId: string;
  @ApiProperty({ enum: ORGANIZATION_KINDS }) organizationKind: OrganizationKind;
}

/** A bearer token (JWT) and who it is for: the answer of a login and of a password change. */
export class LoginResult {
  @ApiProperty({ description: 'send as `Authorization: Bearer <accessToken>`' }) accessToken: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType: 'Bearer';
  @ApiProperty({ type: LoggedInUser }) user: LoggedInUser;
}

/** The console's signed-in person: who, in which organization, and until when the session lasts. */
export class SessionView {
  @ApiProperty({ type: LoggedInUser }) user: LoggedInUser;
  @ApiProperty({ description: 'the Chinese name' }) organizationName: string;
  @ApiProperty({ type: String, nullable: true }) organizationNameEn: string | null;
  @ApiProperty({ format: 'date-time', description: 'when the session ends and the person signs in again' }) expiresAt: string;
}

/** Who the credentials of a request belong to: a logged-in user or an API key, of one organization. */
export class PrincipalView implements Principal {
  @ApiProperty({ enum: ['user', 'api_key'] }) kind: 'user' | 'api_key';
  @ApiProperty({ nullable: true, type: String, description: 'null for an API key' }) userId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'null for a user' }) apiKeyId: string | null;
  @ApiProperty() organizationId: string;
  @ApiProperty({ enum: ORGANIZATION_KINDS }) organizationKind: OrganizationKind;
  @ApiProperty({ enum: ROLES, isArray: true, description: "an API key's roles are at most those of the person who created it" }) roles: Role[];
}
