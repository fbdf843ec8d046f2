import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { DomainError, notFound, Page, pageOf } from '@app/shared';
import { hashPassword } from '../auth/auth.service';
import { isRegulator, Principal } from '../auth/principal';
import { ROLES_BY_KIND, Role } from '../roles';
import { User } from './user.entity';
import { CreateUserDto, UserQuery, UserView } from './user.dto';

/** Roles given to a user or a key must be roles that its organization's kind can hold. */
export function assertRolesFit(caller: Principal, roles: Role[], field = 'roles'): void {
  const allowed = ROLES_BY_KIND[caller.organizationKind];
  const wrong = roles.filter((r) => !allowed.includes(r));
  if (wrong.length) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `${field}: ${wrong.join(', ')} cannot be held in a ${caller.organizationKind} organization (allowed: ${allowed.join(', ')})`,
      undefined,
      [{ field, reasons: [`not allowed for a ${caller.organizationKind}: ${wrong.join(', ')}`] }],
    );
  }
}

@Injectable()
export class UsersService {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  async create(caller: Principal, dto: CreateUserDto): Promise<UserView> {
    assertRolesFit(caller, dto.roles);
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
    const qb = this.users.createQueryBuilder('u').orderBy('u.email').offset(q.offset).limit(q.pageSize);
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
    const user = await this.findScoped(caller, id);
    if (user.id === caller.userId) throw new DomainError('RULE_VIOLATION', 'you cannot deactivate your own account');
    await this.users.update({ id: user.id, organizationId: user.organizationId }, { active: false });
    return UserView.of({ ...user, active: false });
  }

  private async findScoped(caller: Principal, id: string): Promise<User> {
    const qb = this.users.createQueryBuilder('u').where('u.id = :id', { id });
    if (!isRegulator(caller)) qb.andWhere('u.organization_id = :own', { own: caller.organizationId });
    const user = await qb.getOne();
    if (!user) throw notFound('user', id);
    return user;
  }
}
