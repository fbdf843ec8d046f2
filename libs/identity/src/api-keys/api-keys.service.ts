import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { fieldError, notFound, Page, pageOf, PageQuery } from '@app/shared';
import { requirePerson } from '../auth/auth.service';
import type { Principal } from '../auth/principal';
import { rolesCoveredBy } from '../roles';
import { assertRolesFit } from '../users/users.service';
import { ApiKey } from './api-key.entity';
import { ApiKeyView, CreatedApiKeyView, CreateApiKeyDto } from './api-key.dto';
import { generateApiKey } from './api-key-secret';

/** API keys always belong to the caller's own organization, even for the regulator. */
@Injectable()
export class ApiKeysService {
  constructor(@InjectRepository(ApiKey) private readonly keys: Repository<ApiKey>) {}

  async create(caller: Principal, dto: CreateApiKeyDto): Promise<CreatedApiKeyView> {
    requirePerson(caller);
    assertRolesFit(caller.organizationKind, dto.roles);
    // A key acts for the person who creates it, so it can hold no more than they do.
    const held = rolesCoveredBy(caller.roles);
    const beyond = dto.roles.filter((r) => !held.includes(r));
    if (beyond.length) throw fieldError('VALIDATION_FAILED', 'roles', `you do not hold ${beyond.join(', ')}, so a key you create cannot either`);
    const { key, prefix, hash } = generateApiKey();
    const row = await this.keys.save(
      this.keys.create({ organizationId: caller.organizationId, name: dto.name, prefix, keyHash: hash, roles: dto.roles, createdBy: caller.userId }),
    );
    return { ...ApiKeyView.of(row), key };
  }

  /** Newest first, revoked ones included. */
  async list(caller: Principal, q: PageQuery): Promise<Page<ApiKeyView>> {
    const [rows, total] = await this.keys.findAndCount({
      where: { organizationId: caller.organizationId },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: q.offset,
      take: q.pageSize,
    });
    return pageOf(rows.map(ApiKeyView.of), total, q);
  }

  async revoke(caller: Principal, id: string): Promise<ApiKeyView> {
    const key = await this.keys.findOne({ where: { id, organizationId: caller.organizationId } });
    if (!key) throw notFound('API key', id);
    if (!key.revokedAt) {
      await this.keys.update({ id, organizationId: caller.organizationId, revokedAt: IsNull() }, { revokedAt: new Date() });
      key.revokedAt = new Date();
    }
    return ApiKeyView.of(key);
  }
}
