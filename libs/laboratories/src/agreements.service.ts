import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { fieldError, notFound, Page, FIELD_RULES } from '@app/shared';
import { pagedQuery } from '@app/persistence';
import type { Principal } from '@app/identity';
import { AgreementQuery, CreateAgreementDto } from './laboratory.dto';
import { agreementMachine } from './laboratory.machines';
import { AgreementView } from './laboratory.view';

const AGREEMENT_COLUMNS = `a.id, a.kind, a.party, a.region, a.scope, a.valid_from AS "validFrom", a.valid_until AS "validUntil", a.status, a.created_at AS "createdAt"`;

/** Recognition agreements (互认): whose test results the scheme takes in place of a new test. */
@Injectable()
export class AgreementsService {
  constructor(private readonly db: DataSource) {}

  async create(caller: Principal, dto: CreateAgreementDto): Promise<AgreementView> {
    if (dto.validUntil && dto.validUntil < dto.validFrom)
      throw fieldError('VALIDATION_FAILED', 'validUntil', `is before validFrom (${dto.validFrom})`, FIELD_RULES.notBefore('validFrom', dto.validFrom));
    const [row]: { id: string }[] = await this.db.query(
      `INSERT INTO recognition_agreements (kind, party, region, scope, valid_from, valid_until, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [dto.kind, dto.party, dto.region, dto.scope, dto.validFrom, dto.validUntil ?? null, caller.userId],
    );
    return this.get(row.id);
  }

  async get(id: string): Promise<AgreementView> {
    const [row]: AgreementView[] = await this.db.query(`SELECT ${AGREEMENT_COLUMNS} FROM recognition_agreements a WHERE a.id = $1`, [id]);
    if (!row) throw notFound('recognition agreement', id);
    return row;
  }

  list(q: AgreementQuery): Promise<Page<AgreementView>> {
    const params: unknown[] = [];
    const where = ['TRUE'];
    if (q.kind) where.push(`a.kind = $${params.push(q.kind)}`);
    if (q.status) where.push(`a.status = $${params.push(q.status)}`);
    return pagedQuery<AgreementView>(
      this.db,
      {
        select: `SELECT ${AGREEMENT_COLUMNS} FROM recognition_agreements a`,
        countFrom: 'recognition_agreements a',
        where: where.join(' AND '),
        orderBy: 'a.valid_from DESC, a.id',
        params,
      },
      q,
    );
  }

  /** Ends an agreement for good: reports presented under it afterwards are refused (those already accepted stand). */
  async terminate(id: string): Promise<AgreementView> {
    await this.db.transaction(async (tx) => {
      const [row] = await tx.query(`SELECT status FROM recognition_agreements WHERE id = $1 FOR UPDATE`, [id]);
      if (!row) throw notFound('recognition agreement', id);
      const to = agreementMachine.next(row.status, 'terminate');
      await tx.query(`UPDATE recognition_agreements SET status = $2 WHERE id = $1`, [id, to]);
    });
    return this.get(id);
  }
}

export interface AgreementRef {
  id: string;
  kind: string;
  party: string;
}

/**
 * The agreement a report is presented under, if it recognises a report of that date: in force and
 * the date within its validity. Otherwise 400 naming the field: an unknown agreement `agreementId`,
 * a date outside it `reportDate`.
 */
export async function agreementForReport(tx: EntityManager, agreementId: string, reportDate: string): Promise<AgreementRef> {
  const [a] = await tx.query(
    `SELECT id, kind, party, status, valid_from AS "validFrom", valid_until AS "validUntil" FROM recognition_agreements WHERE id = $1`,
    [agreementId],
  );
  if (!a) throw fieldError('REFERENCE_NOT_FOUND', 'agreementId', 'no recognition agreement with this id');
  if (a.status !== 'in_force')
    throw fieldError('VALIDATION_FAILED', 'agreementId', `the agreement with ${a.party} is ${a.status}: reports are no longer recognised under it`);
  if (reportDate < a.validFrom || (a.validUntil && reportDate > a.validUntil)) {
    throw fieldError(
      'VALIDATION_FAILED',
      'reportDate',
      `the agreement with ${a.party} is valid from ${a.validFrom}${a.validUntil ? ` until ${a.validUntil}` : ''}: a report dated ${reportDate} is not recognised under it`,
    );
  }
  return { id: a.id, kind: a.kind, party: a.party };
}
