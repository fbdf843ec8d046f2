import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { containsPattern, fieldError, notFound, Page, pageOf } from '@app/shared';
import { isRegulator, Principal } from '../auth/principal';
import { hashPassword } from '../auth/auth.service';
import { creditCodeProblem, describeCreditCodeProblem } from '../credit-code/credit-code';
import { ROLES_BY_KIND } from '../roles';
import { User } from '../users/user.entity';
import { Organization } from './organization.entity';
import { CreateOrganizationDto, OrganizationQuery, OrganizationView } from './organization.dto';

export function assertCreditCode(code: string, field = 'creditCode'): void {
  const problem = creditCodeProblem(code);
  if (problem) throw fieldError('INVALID_CREDIT_CODE', field, describeCreditCodeProblem(code, problem));
}

@Injectable()
export class OrganizationsService {
  constructor(
    @InjectRepository(Organization) private readonly organizations: Repository<Organization>,
    private readonly db: DataSource,
  ) {}

  /** Registers an organization and, when given, its first administrator, in one transaction. */
  async create(dto: CreateOrganizationDto): Promise<OrganizationView> {
    const creditCode = dto.creditCode.trim().toUpperCase();
    assertCreditCode(creditCode);
    const passwordHash = dto.admin ? await hashPassword(dto.admin.password) : null;
    return this.db.transaction(async (tx) => {
      const org = await tx.getRepository(Organization).save(
        tx.getRepository(Organization).create({
          kind: dto.kind,
          nameZh: dto.nameZh,
          nameEn: dto.nameEn ?? null,
          creditCode,
          address: dto.address,
          contactName: dto.contactName ?? null,
          contactEmail: dto.contactEmail ?? null,
          contactPhone: dto.contactPhone ?? null,
        }),
      );
      if (dto.admin && passwordHash) {
        const adminRole = ROLES_BY_KIND[dto.kind].find((r) => r.endsWith('admin') || r === 'regulator');
        await tx.getRepository(User).insert({
          organizationId: org.id,
          email: dto.admin.email.toLowerCase(),
          displayName: dto.admin.displayName,
          passwordHash,
          roles: adminRole ? [adminRole] : [],
        });
      }
      return OrganizationView.of(org);
    });
  }

  async list(caller: Principal, q: OrganizationQuery): Promise<Page<OrganizationView>> {
    const qb = this.organizations.createQueryBuilder('o').orderBy('o.name_zh').addOrderBy('o.id').offset(q.offset).limit(q.pageSize);
    if (!isRegulator(caller)) qb.andWhere('o.id = :own', { own: caller.organizationId });
    if (q.kind) qb.andWhere('o.kind = :kind', { kind: q.kind });
    if (q.q) {
      qb.andWhere('(o.name_zh ILIKE :q OR o.name_en ILIKE :q OR o.credit_code = :code)', {
        q: containsPattern(q.q),
        code: q.q.toUpperCase(),
      });
    }
    const [rows, total] = await qb.getManyAndCount();
    return pageOf(rows.map(OrganizationView.of), total, q);
  }

  /** Another organization's record is "not found", not "forbidden": its existence is not disclosed. */
  async get(caller: Principal, id: string): Promise<OrganizationView> {
    const qb = this.organizations.createQueryBuilder('o').where('o.id = :id', { id });
    if (!isRegulator(caller)) qb.andWhere('o.id = :own', { own: caller.organizationId });
    const org = await qb.getOne();
    if (!org) throw notFound('organization', id);
    return OrganizationView.of(org);
  }

  async requireKind(id: string, kind: Organization['kind'], field: string): Promise<Organization> {
    const org = await this.organizations.findOne({ where: { id } });
    if (!org || org.kind !== kind) {
      throw fieldError('REFERENCE_NOT_FOUND', field, `no ${kind.replace('_', ' ')} with id ${id}`);
    }
    return org;
  }
}
