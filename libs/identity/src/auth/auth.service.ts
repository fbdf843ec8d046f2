import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { DomainError } from '@app/shared';
import type { OrganizationKind, Role } from '../roles';
import { LoginThrottle } from './login-throttle';
import type { TokenClaims } from './principal.resolver';

export interface LoginResult {
  accessToken: string;
  tokenType: 'Bearer';
  user: { id: string; email: string; displayName: string; roles: Role[]; organizationId: string; organizationKind: OrganizationKind };
}

// Verifying against a real hash when the email is unknown keeps response times alike.
const DUMMY_HASH = argon2.hash('not-a-real-password-timing-equaliser');

@Injectable()
export class AuthService {
  constructor(
    private readonly db: DataSource,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottle,
  ) {}

  async login(email: string, password: string, address: string): Promise<LoginResult> {
    await this.throttle.attempt(address, email);
    const rows: {
      id: string; email: string; display_name: string; password_hash: string; roles: Role[];
      organization_id: string; kind: OrganizationKind; active: boolean;
    }[] = await this.db
      .query(
        `SELECT u.id, u.email, u.display_name, u.password_hash, u.roles, u.organization_id, u.active, o.kind
           FROM users u JOIN organizations o ON o.id = u.organization_id WHERE lower(u.email) = lower($1)`,
        [email],
      )
      .catch(async (e: unknown) => {
        // No password was checked (the database is away): the attempt does not count.
        await this.throttle.refund(address, email).catch(() => undefined);
        throw e;
      });
    const user = rows[0];
    const ok = await argon2.verify(user?.password_hash ?? (await DUMMY_HASH), password);
    if (!user || !ok || !user.active) {
      throw new DomainError('INVALID_CREDENTIALS', 'email or password is wrong, or the account is deactivated');
    }
    await this.throttle.succeeded(address, email);
    const claims: TokenClaims = { sub: user.id, org: user.organization_id };
    return {
      accessToken: await this.jwt.signAsync(claims),
      tokenType: 'Bearer',
      user: {
        id: user.id,
        email: user.email,
        displayName: user.display_name,
        roles: user.roles,
        organizationId: user.organization_id,
        organizationKind: user.kind,
      },
    };
  }
}

export const hashPassword = (password: string) => argon2.hash(password, { type: argon2.argon2id });
