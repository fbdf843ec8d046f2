import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { fieldError, notFound, Page, pageOf } from '@app/shared';
import { authorizationMachine } from '../scheme.machines';
import { AuthorizationQuery, CreateAuthorizationDto } from './registrations.dto';

const VIEW = `
  SELECT a.id, a.category_code AS "categoryCode", a.accreditation_number AS "accreditationNumber",
         a.valid_from AS "validFrom", a.valid_until AS "validUntil", a.revoked_at AS "revokedAt", a.revoked_reason AS "revokedReason",
         (a.revoked_at IS NULL AND current_date BETWEEN a.valid_from AND a.valid_until) AS "validToday",
         json_build_object('id', o.id, 'nameZh', o.name_zh, 'nameEn', o.name_en) AS "certificationBody"
    FROM authorizations a JOIN organizations o ON o.id = a.certification_body_id`;

/** Which certification body may certify which category, and until when. Public knowledge inside the platform. */
@Injectable()
export class AuthorizationsService {
  constructor(private readonly db: DataSource) {}

  async create(dto: CreateAuthorizationDto): Promise<Record<string, unknown>> {
    if (dto.validUntil <= dto.validFrom) throw fieldError('VALIDATION_FAILED', 'validUntil', 'must be after validFrom');
    const [body] = await this.db.query(`SELECT 1 FROM organizations WHERE id = $1 AND kind = 'certification_body'`, [dto.certificationBodyId]);
    if (!body) throw fieldError('REFERENCE_NOT_FOUND', 'certificationBodyId', 'no certification body with this id');
    const [category] = await this.db.query(`SELECT 1 FROM product_categories WHERE code = $1`, [dto.categoryCode]);
    if (!category) throw fieldError('REFERENCE_NOT_FOUND', 'categoryCode', `unknown product category ${dto.categoryCode}`);
    const [row] = await this.db.query(
      `INSERT INTO authorizations (certification_body_id, category_code, accreditation_number, valid_from, valid_until)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [dto.certificationBodyId, dto.categoryCode, dto.accreditationNumber, dto.validFrom, dto.validUntil],
    );
    return this.get(row.id);
  }

  async get(id: string): Promise<Record<string, unknown>> {
    const [row] = await this.db.query(`${VIEW} WHERE a.id = $1`, [id]);
    if (!row) throw notFound('authorization', id);
    return row;
  }

  async list(q: AuthorizationQuery): Promise<Page<Record<string, unknown>>> {
    const params: unknown[] = [];
    const where = ['TRUE'];
    if (q.certificationBodyId) where.push(`a.certification_body_id = $${params.push(q.certificationBodyId)}`);
    if (q.categoryCode) where.push(`a.category_code = $${params.push(q.categoryCode)}`);
    if (q.validOn) where.push(`a.revoked_at IS NULL AND $${params.push(q.validOn)}::date BETWEEN a.valid_from AND a.valid_until`);
    const sql = where.join(' AND ');
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM authorizations a WHERE ${sql}`, params);
    const items = await this.db.query(`${VIEW} WHERE ${sql} ORDER BY o.name_zh, a.category_code LIMIT ${q.pageSize} OFFSET ${q.offset}`, params);
    return pageOf(items, total, q);
  }

  async revoke(id: string, reason: string): Promise<Record<string, unknown>> {
    await this.db.transaction(async (tx) => {
      const [a] = await tx.query(`SELECT revoked_at FROM authorizations WHERE id = $1 FOR UPDATE`, [id]);
      if (!a) throw notFound('authorization', id);
      authorizationMachine.next(a.revoked_at ? 'revoked' : 'active', 'revoke');
      await tx.query(`UPDATE authorizations SET revoked_at = now(), revoked_reason = $2 WHERE id = $1`, [id, reason]);
    });
    return this.get(id);
  }
}
