import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { DomainError, notFound, Page, pageOf } from '@app/shared';
import { hashPassword, requirePerson } from '../auth/auth.service';
import { LoginThrottle } from '../auth/login-throttle';
import { isRegulator, Principal } from '../auth/principal';
import { ADMIN_ROLES, OrganizationKind, ROLES_BY_KIND, Role } from '../roles';
import { User } from './user.entity';
import { CreateUserDto, PasswordResetView, UserQuery, UserView } from './user.dto';

/** Roles given to a user or a key must be roles that its organization's kind can hold. */
export function assertRolesFit(kind: OrganizationKind, roles: Role[], field = 'roles'): void {
  const allowed = ROLES_BY_KIND[kind];
  const wrong = roles.filter((r) => !allowed.includes(r));
  if (wrong.length) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `${field}: ${wrong.join(', ')} cannot be held in a ${kind} organization (allowed: ${allowed.join(', ')})`,
      undefined,
      [{ field, reasons: [`not allowed for a ${kind}: ${wrong.join(', ')}`] }],
    );
  }
}

const isAdmin = (roles: readonly Role[]) => roles.some((r) => ADMIN_ROLES.includes(r));

/**
 * A password an administrator's reset gives (and the bootstrap's first administrator gets): 144
 * random bits, so it never needs a policy check and is no weaker than what anyone could have typed.
 */
export const generatePassword = () => randomBytes(18).toString('base64url');

/**
 * Users of the caller's organization (every organization for the regulator); another
 * organization's user is "not found". Every change of password, roles or the active flag bumps
 * the token version, so tokens issued before it stop working at once.
 */
@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly db: DataSource,
    private readonly throttle: LoginThrottle,
  ) {}

  async create(caller: Principal, dto: CreateUserDto): Promise<UserView> {
    requirePerson(caller);
    assertRolesFit(caller.organizationKind, dto.roles);
    // E-mails are unique per organization only (uq__users__email): a duplicate here is a 409 naming
    // `email`, while an address used in another organization is not a conflict and tells nothing.
    const user = await this.users.save(
      this.users.create({
        organizationId: caller.organizationId,
        email: dto.email.toLowerCase(),
        displayName: dto.displayName,
        passwordHash: await hashPassword(dto.password),
        roles: dto.roles,
      }),
    );
    return UserView.of(user);
  }

  async list(caller: Principal, q: UserQuery): Promise<Page<UserView>> {
    const qb = this.users.createQueryBuilder('u').orderBy('u.email').addOrderBy('u.id').offset(q.offset).limit(q.pageSize);
    if (!isRegulator(caller)) qb.andWhere('u.organization_id = :own', { own: caller.organizationId });
    else if (q.organizationId) qb.andWhere('u.organization_id = :org', { org: q.organizationId });
    if (q.role) qb.andWhere(':role = ANY(u.roles)', { role: q.role });
    const [rows, total] = await qb.getManyAndCount();
    return pageOf(rows.map(UserView.of), total, q);
  }

  async get(caller: Principal, id: string): Promise<UserView> {
    return UserView.of(await this.findScoped(caller, id));
  }

  async deactivate(caller: Principal, id: string): Promise<UserView> {
    requirePerson(caller);
    const user = await this.findScoped(caller, id);
    if (user.id === caller.userId) throw new DomainError('RULE_VIOLATION', 'you cannot deactivate your own account', { rule: 'own_account_deactivation' });
    await this.db.transaction(async (tx) => {
      if (isAdmin(user.roles)) await this.keepAnAdministrator(tx, user);
      // The version bump keeps the user's old tokens dead even after a reactivation.
      await tx.query(`UPDATE users SET active = false, token_version = token_version + 1 WHERE id = $1 AND organization_id = $2`, [
        user.id,
        user.organizationId,
      ]);
    });
    return UserView.of({ ...user, active: false });
  }

  /** The user logs in again with their password; tokens from before the deactivation stay dead. */
  async reactivate(caller: Principal, id: string): Promise<UserView> {
    requirePerson(caller);
    const user = await this.findScoped(caller, id);
    await this.users.update({ id: user.id, organizationId: user.organizationId }, { active: true });
    return UserView.of({ ...user, active: true });
  }

  /**
   * A new, generated password, answered this once. One's own password is changed with the
   * current one (POST /auth/password), so a stolen token cannot reset its owner's password.
   * The reset also lifts a lock-out, since the account now has a password only the admin knows.
   */
  async resetPassword(caller: Principal, id: string): Promise<PasswordResetView> {
    requirePerson(caller);
    const user = await this.findScoped(caller, id);
    if (user.id === caller.userId) {
      throw new DomainError('RULE_VIOLATION', 'you cannot reset your own password; change it with POST /api/v1/auth/password', { rule: 'own_password_reset' });
    }
    const password = generatePassword();
    await this.bump(user, { passwordHash: await hashPassword(password) });
    await this.throttle.unlock(user.email);
    return { user: UserView.of(user), password };
  }

  /**
   * Roles must fit the user's organization kind. You cannot take an administrator role from
   * yourself (another administrator must), and an organization keeps at least one active
   * administrator: the check locks the organization's administrators, so two administrators
   * demoting each other at once cannot both succeed.
   */
  async setRoles(caller: Principal, id: string, roles: Role[]): Promise<UserView> {
    requirePerson(caller);
    const user = await this.findScoped(caller, id);
    const [{ kind }]: { kind: OrganizationKind }[] = await this.db.query(`SELECT kind FROM organizations WHERE id = $1`, [user.organizationId]);
    assertRolesFit(kind, roles);
    const demoted = isAdmin(user.roles) && !isAdmin(roles);
    if (demoted && user.id === caller.userId) {
      throw new DomainError('RULE_VIOLATION', 'you cannot remove your own administrator role; another administrator must', { rule: 'own_administrator_role' });
    }
    await this.db.transaction(async (tx) => {
      // Only a change that leaves the user without an administrator role can leave the organization without one.
      if (!isAdmin(roles)) await this.keepAnAdministrator(tx, user);
      await tx.query(`UPDATE users SET roles = $3, token_version = token_version + 1 WHERE id = $1 AND organization_id = $2`, [
        user.id,
        user.organizationId,
        roles,
      ]);
    });
    return UserView.of({ ...user, roles });
  }

  /**
   * Lifts a lock-out of the user's e-mail (the count is per e-mail, shared by its accounts in every
   * organization, so that it tells nothing about them). Only the regulator clears a day's failures.
   */
  async unlock(caller: Principal, id: string): Promise<UserView> {
    requirePerson(caller);
    const user = await this.findScoped(caller, id);
    await (isRegulator(caller) ? this.throttle.unlockFully(user.email) : this.throttle.unlock(user.email));
    return UserView.of(user);
  }

  /**
   * Refuses a change that would leave the user's organization without an active administrator.
   * It locks the organization's active administrators, so two changes (demotions, deactivations)
   * racing each other are decided one after the other.
   */
  private async keepAnAdministrator(tx: EntityManager, user: User): Promise<void> {
    const admins: { id: string }[] = await tx.query(
      `SELECT id FROM users WHERE organization_id = $1 AND active AND roles && $2::text[] ORDER BY id FOR UPDATE`,
      [user.organizationId, ADMIN_ROLES],
    );
    if (admins.some((a) => a.id === user.id) && !admins.some((a) => a.id !== user.id)) {
      throw new DomainError(
        'LAST_ADMINISTRATOR',
        'this user is the last active administrator of the organization; give another user an administrator role first',
        { state: 'last_active_administrator' },
      );
    }
  }

  private async bump(user: User, change: Partial<Pick<User, 'passwordHash'>>): Promise<void> {
    await this.users.update({ id: user.id, organizationId: user.organizationId }, { ...change, tokenVersion: () => 'token_version + 1' });
  }

  private async findScoped(caller: Principal, id: string): Promise<User> {
    const qb = this.users.createQueryBuilder('u').where('u.id = :id', { id });
    if (!isRegulator(caller)) qb.andWhere('u.organization_id = :own', { own: caller.organizationId });
    const user = await qb.getOne();
    if (!user) throw notFound('user', id);
    return user;
  }
}
