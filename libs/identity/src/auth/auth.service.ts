import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { DomainError, fieldError, FIELD_RULES } from '@app/shared';
import type { OrganizationKind, Role } from '../roles';
import { LoginThrottle } from './login-throttle';
import type { LoginResult, SessionView } from './auth.view';
import type { Principal } from './principal';
import { PrincipalResolver, type TokenClaims } from './principal.resolver';

interface AccountRow {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  roles: Role[];
  organization_id: string;
  kind: OrganizationKind;
  active: boolean;
  token_version: number;
  name_zh: string;
  name_en: string | null;
}

const ACCOUNT_COLUMNS = `u.id, u.email, u.display_name, u.password_hash, u.roles, u.organization_id, u.active, u.token_version, o.kind, o.name_zh, o.name_en`;

// Verifying against a real hash when the email is unknown keeps response times alike.
const DUMMY_HASH = argon2.hash('not-a-real-password-timing-equaliser');

const invalidCredentials = () => new DomainError('INVALID_CREDENTIALS', 'email or password is wrong, or the account is deactivated');

@Injectable()
export class AuthService {
  constructor(
    private readonly db: DataSource,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottle,
    private readonly principals: PrincipalResolver,
  ) {}

  /**
   * An e-mail names an account within an organization, so one address may hold accounts in
   * several organizations. The password is verified against each of them (and against a dummy
   * hash when there is none, so the time taken does not tell whether the e-mail exists); when it
   * opens more than one, `organizationId` chooses, and the refusal does not list the organizations.
   */
  async login(email: string, password: string, address: string, organizationId?: string): Promise<LoginResult> {
    return this.issue(await this.authenticate(email, password, address, organizationId));
  }

  /** The one account an e-mail and password open (see login), counted by the throttle. */
  private async authenticate(email: string, password: string, address: string, organizationId?: string): Promise<AccountRow> {
    await this.throttle.attempt(address, email);
    const rows: AccountRow[] = await this.db
      .query(
        `SELECT ${ACCOUNT_COLUMNS} FROM users u JOIN organizations o ON o.id = u.organization_id
        WHERE lower(u.email) = lower($1) AND ($2::uuid IS NULL OR u.organization_id = $2::uuid)`,
        [email, organizationId ?? null],
      )
      .catch(async (e: unknown) => {
        // No password was checked (the database is away): the attempt does not count.
        await this.throttle.refund(address, email).catch(() => undefined);
        throw e;
      });
    // Verified side by side (argon2 runs on the thread pool), so two accounts take about as long as one.
    const hashes = rows.length ? rows.map((r) => r.password_hash) : [await DUMMY_HASH];
    const matches = await Promise.all(hashes.map((h) => argon2.verify(h, password)));
    const opened = rows.filter((row, i) => matches[i] && row.active);
    if (!opened.length) throw invalidCredentials();
    if (opened.length > 1) {
      await this.throttle.succeeded(address, email); // the password is proven, only the choice is missing
      throw fieldError(
        'VALIDATION_FAILED',
        'organizationId',
        'this e-mail and password open accounts in more than one organization; send the organizationId of the one to log in to',
      );
    }
    await this.throttle.succeeded(address, email);
    return opened[0];
  }

  /**
   * A logged-in person changes their own password. The current password is counted towards the
   * account's lock-out like a login (a stolen token must not become a way to guess it). Tokens
   * issued before stop working; a fresh one is answered.
   */
  async changePassword(caller: Principal, currentPassword: string, newPassword: string): Promise<LoginResult> {
    const userId = requirePerson(caller);
    const [user] = await this.accountRows(`u.id = $1 AND u.active`, [userId]);
    if (!user) throw new DomainError('UNAUTHENTICATED', 'the user of this token no longer exists or is deactivated; log in again');
    await this.throttle.accountAttempt(user.email);
    if (!(await argon2.verify(user.password_hash, currentPassword))) {
      throw fieldError('VALIDATION_FAILED', 'currentPassword', 'is not your current password');
    }
    // The right password forgets the account's failures, as a successful login does.
    await this.throttle.accountSucceeded(user.email);
    if (newPassword === currentPassword)
      throw fieldError('VALIDATION_FAILED', 'newPassword', 'must differ from the current password', FIELD_RULES.differsFromCurrent());
    const passwordHash = await hashPassword(newPassword);
    const [[updated]]: [AccountRow[], number] = await this.db.query(
      `UPDATE users SET password_hash = $2, token_version = token_version + 1 WHERE id = $1 AND active RETURNING token_version`,
      [userId, passwordHash],
    );
    if (!updated) throw new DomainError('UNAUTHENTICATED', 'the user of this token no longer exists or is deactivated; log in again');
    return this.issue({ ...user, token_version: updated.token_version });
  }

  /**
   * The console's sign-in: a login whose token goes into the session cookie (never to the page's
   * scripts); the answer says who signed in and until when, from the account the login read.
   */
  async openSession(email: string, password: string, address: string, organizationId?: string): Promise<{ token: string; session: SessionView }> {
    const account = await this.authenticate(email, password, address, organizationId);
    const { accessToken } = await this.issue(account);
    return { token: accessToken, session: this.sessionView(account, accessToken) };
  }

  /**
   * Who a session token belongs to. Its validity (signature, expiry, active user, token version) is
   * the bearer token's rule, checked by the principal resolver; this adds the names and the expiry.
   */
  async sessionOf(token: string): Promise<SessionView> {
    const principal = await this.principals.fromBearer(token);
    const [account] = await this.accountRows(`u.id = $1`, [principal.userId]);
    if (!account) throw new DomainError('UNAUTHENTICATED', 'the session has ended; sign in again');
    return this.sessionView(account, token);
  }

  private sessionView(account: AccountRow, token: string): SessionView {
    const { exp } = this.jwt.decode<{ exp: number }>(token);
    return {
      user: this.userView(account),
      organizationName: account.name_zh,
      organizationNameEn: account.name_en,
      expiresAt: new Date(exp * 1000).toISOString(),
    };
  }

  private accountRows(where: string, params: unknown[]): Promise<AccountRow[]> {
    return this.db.query(`SELECT ${ACCOUNT_COLUMNS} FROM users u JOIN organizations o ON o.id = u.organization_id WHERE ${where}`, params);
  }

  private async issue(user: AccountRow): Promise<LoginResult> {
    const claims: TokenClaims = { sub: user.id, org: user.organization_id, ver: user.token_version };
    return {
      accessToken: await this.jwt.signAsync(claims),
      tokenType: 'Bearer',
      user: this.userView(user),
    };
  }

  private userView(user: AccountRow): LoginResult['user'] {
    return {
      id: user.id,
      email: user.email,
      displayName: user.display_name,
      roles: user.roles,
      organizationId: user.organization_id,
      organizationKind: user.kind,
    };
  }
}

/**
 * Managing people and credentials needs a person: a leaked integrator's key must not be able to
 * mint users, keys or passwords. The guard refuses keys on such routes; services check again.
 */
export function requirePerson(caller: Principal): string {
  if (caller.kind !== 'user' || !caller.userId) throw personRequired();
  return caller.userId;
}

export const personRequired = () =>
  new DomainError(
    'PERSON_REQUIRED',
    'this action needs a person logged in (Authorization: Bearer); an API key cannot create users or API keys, ' +
      'change passwords or roles, unlock, deactivate or reactivate users',
  );

export const hashPassword = (password: string) => argon2.hash(password, { type: argon2.argon2id });
