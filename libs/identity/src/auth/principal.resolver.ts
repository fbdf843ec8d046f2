import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { DomainError } from '@app/shared';
import { OrganizationKind, Role, rolesCoveredBy } from '../roles';
import { hashApiKey, parseApiKey, sameHash } from '../api-keys/api-key-secret';
import type { Principal } from './principal';

export interface TokenClaims {
  sub: string;
  org: string;
  /** The user's token_version when the token was issued; tokens from before the column carry none (0). */
  ver?: number;
}

const unauthenticated = (why: string) => new DomainError('UNAUTHENTICATED', why);

/**
 * Turns credentials into a Principal. Roles, the active flag and the token version are read from
 * the database on every request (one indexed read), so a deactivated user, a token issued before a
 * password or role change, a revoked key or a key whose creator was deactivated stops working at once.
 */
@Injectable()
export class PrincipalResolver {
  constructor(
    private readonly jwt: JwtService,
    private readonly db: DataSource,
  ) {}

  async fromBearer(token: string): Promise<Principal> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw unauthenticated('the bearer token is invalid or expired; log in again');
    }
    const rows: { roles: Role[]; kind: OrganizationKind; token_version: number }[] = await this.db.query(
      `SELECT u.roles, o.kind, u.token_version FROM users u JOIN organizations o ON o.id = u.organization_id
        WHERE u.id = $1 AND u.organization_id = $2 AND u.active`,
      [claims.sub, claims.org],
    );
    if (!rows.length) throw unauthenticated('the user of this token no longer exists or is deactivated; log in again');
    // Every change bumps the version to 1 or more, so a token without one (0) is stale only after a change.
    if (rows[0].token_version !== (claims.ver ?? 0)) {
      throw unauthenticated('this token was issued before a change of password, roles or account status; log in again');
    }
    return {
      kind: 'user',
      userId: claims.sub,
      apiKeyId: null,
      organizationId: claims.org,
      organizationKind: rows[0].kind,
      roles: rows[0].roles,
    };
  }

  async fromApiKey(key: string): Promise<Principal> {
    const parsed = parseApiKey(key);
    if (!parsed) throw unauthenticated('the API key is malformed');
    const rows: {
      id: string;
      key_hash: string;
      roles: Role[];
      creator_roles: Role[] | null;
      organization_id: string;
      kind: OrganizationKind;
      stale: boolean;
    }[] = await this.db.query(
      // A key acts for its creator: it stops when the creator is deactivated, and it never holds
      // a role its creator no longer has (keys without a recorded creator keep their own roles).
      `SELECT k.id, k.key_hash, k.organization_id, o.kind, k.roles, c.roles AS creator_roles,
                k.last_used_at IS NULL OR k.last_used_at < now() - interval '1 minute' AS stale
           FROM api_keys k JOIN organizations o ON o.id = k.organization_id
           LEFT JOIN users c ON c.id = k.created_by
          WHERE k.prefix = $1 AND k.revoked_at IS NULL AND (k.created_by IS NULL OR c.active)`,
      [parsed.prefix],
    );
    const row = rows[0];
    if (!row || !sameHash(row.key_hash, hashApiKey(key))) {
      throw unauthenticated('the API key is unknown or revoked, or the person who created it is deactivated');
    }
    const creatorRoles = row.creator_roles ? rolesCoveredBy(row.creator_roles) : null;
    // "Last used" to the minute: an integrator's every request must not be a database write.
    if (row.stale) await this.db.query(`UPDATE api_keys SET last_used_at = now() WHERE id = $1`, [row.id]);
    return {
      kind: 'api_key',
      userId: null,
      apiKeyId: row.id,
      organizationId: row.organization_id,
      organizationKind: row.kind,
      roles: creatorRoles ? row.roles.filter((r) => creatorRoles.includes(r)) : row.roles,
    };
  }

  /**
   * The principal behind a request's credentials when they verify, else null: for a public route
   * that answers more to some callers (bad credentials there get the public answer, not a 401).
   */
  async optional(headers: Record<string, string | string[] | undefined>): Promise<Principal | null> {
    const apiKey = headers['x-api-key'];
    const auth = headers.authorization;
    try {
      if (typeof apiKey === 'string' && apiKey) return await this.fromApiKey(apiKey);
      if (typeof auth === 'string' && auth.startsWith('Bearer ')) return await this.fromBearer(auth.slice(7).trim());
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
    }
    return null;
  }
}
