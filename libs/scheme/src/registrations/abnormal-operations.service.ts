import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, fieldError, notFound, Page, pageOf } from '@app/shared';
import type { Principal } from '@app/identity';
import { listingMachine } from '../scheme.machines';
import { ListEnterpriseDto, ListingQuery } from './registrations.dto';

const VIEW = `
  SELECT l.id, l.reason, l.listed_at AS "listedAt", l.removed_at AS "removedAt", l.removed_reason AS "removedReason",
         json_build_object('id', o.id, 'nameZh', o.name_zh, 'nameEn', o.name_en, 'creditCode', o.credit_code) AS enterprise
    FROM abnormal_operations l JOIN organizations o ON o.id = l.enterprise_id`;

/** The abnormal-operations list (异常经营名录): enterprises that do not produce to their declared standards. */
@Injectable()
export class AbnormalOperationsService {
  constructor(private readonly db: DataSource) {}

  async list(caller: Principal, dto: ListEnterpriseDto): Promise<Record<string, unknown>> {
    const [ent] = await this.db.query(`SELECT 1 FROM organizations WHERE id = $1 AND kind = 'enterprise'`, [dto.enterpriseId]);
    if (!ent) throw fieldError('REFERENCE_NOT_FOUND', 'enterpriseId', 'no enterprise with this id');
    const [current] = await this.db.query(`SELECT id FROM abnormal_operations WHERE enterprise_id = $1 AND removed_at IS NULL`, [dto.enterpriseId]);
    if (current) throw new DomainError('ILLEGAL_TRANSITION', `enterprise is 'listed' already (listing ${current.id})`, { state: 'listed' });
    const [row] = await this.db.query(
      `INSERT INTO abnormal_operations (enterprise_id, reason, listed_by) VALUES ($1, $2, $3) RETURNING id`,
      [dto.enterpriseId, dto.reason, caller.userId],
    );
    return this.get(row.id);
  }

  async remove(caller: Principal, id: string, reason: string): Promise<Record<string, unknown>> {
    await this.db.transaction(async (tx) => {
      const [l] = await tx.query(`SELECT removed_at FROM abnormal_operations WHERE id = $1 FOR UPDATE`, [id]);
      if (!l) throw notFound('abnormal-operations listing', id);
      listingMachine.next(l.removed_at ? 'removed' : 'listed', 'remove');
      await tx.query(`UPDATE abnormal_operations SET removed_at = now(), removed_reason = $2, removed_by = $3 WHERE id = $1`, [id, reason, caller.userId]);
    });
    return this.get(id);
  }

  async get(id: string): Promise<Record<string, unknown>> {
    const [row] = await this.db.query(`${VIEW} WHERE l.id = $1`, [id]);
    if (!row) throw notFound('abnormal-operations listing', id);
    return row;
  }

  async current(q: ListingQuery): Promise<Page<Record<string, unknown>>> {
    const where = q.includeRemoved ? 'TRUE' : 'l.removed_at IS NULL';
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM abnormal_operations l WHERE ${where}`);
    const items = await this.db.query(`${VIEW} WHERE ${where} ORDER BY l.listed_at DESC LIMIT ${q.pageSize} OFFSET ${q.offset}`);
    return pageOf(items, total, q);
  }
}
