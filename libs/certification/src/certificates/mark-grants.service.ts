import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, DomainError, fieldError, notFound, Page } from '@app/shared';
import type { Principal } from '@app/identity';
import { caseScope } from '../tenancy';
import { enqueue } from '@app/queue';
import { generateLabels } from '../follow-up-work';
import { LabelBatchDto, MarkGrantQuery, MarkGrantRequestDto } from './certificate.dto';
import { labelCodesAsCsv } from './label-codes-csv';
import { markGrantMachine } from './mark-grant-status.machine';
import { LabelBatchView, MarkGrantView } from './mark-grant.view';
import { labelQuotaRefusal, LabelQuotas, LabelUsage, startOfShanghaiDay } from './label-quotas';
import { ADVISORY_LOCKS, pagedQuery } from '@app/persistence';

/** Namespace of the advisory locks that serialize one enterprise's label orders (the other key is the enterprise). */
const LABEL_ORDER_LOCK = ADVISORY_LOCKS.labelOrders;

interface ScopeProducts {
  kind: 'products' | 'service';
  products?: { nameZh: string; brand: string; models: string[] }[];
  service?: { nameZh: string };
}

/**
 * Mark-usage grants (the enterprise may put the Shenzhen Standard mark on products in a valid
 * certificate's scope, on given media) and the label-code batches printed under them.
 */
@Injectable()
export class MarkGrantsService {
  private readonly quotas: LabelQuotas;
  private readonly publicBaseUrl: string;

  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.quotas = { perGrant: config.LABEL_CODES_PER_GRANT, perDay: config.LABEL_CODES_PER_DAY, inProgress: config.LABEL_BATCHES_IN_PROGRESS };
    this.publicBaseUrl = config.PUBLIC_BASE_URL;
  }

  async request(caller: Principal, certificateId: string, dto: MarkGrantRequestDto): Promise<MarkGrantView> {
    const id = await this.db.transaction(async (tx) => {
      const [cert] = await tx.query(
        `SELECT id, status, scope, enterprise_id, certification_body_id FROM certificates WHERE id = $1 AND enterprise_id = $2 FOR SHARE`,
        [certificateId, caller.organizationId],
      );
      if (!cert) throw notFound('certificate', certificateId);
      if (cert.status !== 'valid') {
        throw new DomainError('ILLEGAL_TRANSITION', `certificate is '${cert.status}': the mark may be granted only under a valid certificate`, {
          state: cert.status,
        });
      }
      const scope = cert.scope as ScopeProducts;
      const inScope = new Map<string, { nameZh: string; brand: string }>();
      for (const p of scope.products ?? []) for (const m of p.models) inScope.set(m, { nameZh: p.nameZh, brand: p.brand });
      const outside = dto.models.filter((m) => !inScope.has(m));
      if (outside.length) {
        throw fieldError('VALIDATION_FAILED', 'models', `outside the certificate's scope: ${outside.join(', ')}`);
      }
      const products = dto.models.map((model) => ({ model, ...inScope.get(model) }));
      const [row] = await tx.query(
        `INSERT INTO mark_grants (certificate_id, enterprise_id, certification_body_id, products, media, requested_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [cert.id, cert.enterprise_id, cert.certification_body_id, JSON.stringify(products), dto.media, caller.userId],
      );
      return row.id as string;
    });
    return this.get(caller, id);
  }

  async decide(caller: Principal, id: string, action: 'grant' | 'refuse', reason?: string): Promise<MarkGrantView> {
    await this.db.transaction(async (tx) => {
      const [g] = await tx.query(
        `SELECT g.id, g.status, c.status AS certificate_status FROM mark_grants g JOIN certificates c ON c.id = g.certificate_id
          WHERE g.id = $1 AND g.certification_body_id = $2 FOR UPDATE OF g`,
        [id, caller.organizationId],
      );
      if (!g) throw notFound('mark grant', id);
      const to = markGrantMachine.next(g.status, action);
      if (action === 'grant' && g.certificate_status !== 'valid') {
        throw new DomainError('ILLEGAL_TRANSITION', `certificate is '${g.certificate_status}': the mark may be granted only under a valid certificate`, {
          state: g.certificate_status,
        });
      }
      await tx.query(`UPDATE mark_grants SET status = $2, reason = $3, decided_by = $4, decided_at = now(), version = version + 1 WHERE id = $1`, [
        id,
        to,
        reason ?? null,
        caller.userId,
      ]);
    });
    return this.get(caller, id);
  }

  async list(caller: Principal, q: MarkGrantQuery): Promise<Page<MarkGrantView>> {
    const params: unknown[] = [];
    const where = [caseScope(caller, params, 'g')];
    if (q.certificateId) where.push(`g.certificate_id = $${params.push(q.certificateId)}`);
    if (q.status) where.push(`g.status = $${params.push(q.status)}`);
    return pagedQuery<MarkGrantView>(
      this.db,
      { select: GRANT_VIEW, countFrom: 'mark_grants g', where: where.join(' AND '), orderBy: 'g.created_at DESC, g.id', params },
      q,
    );
  }

  async get(caller: Principal, id: string): Promise<MarkGrantView> {
    const params: unknown[] = [id];
    const [g]: MarkGrantView[] = await this.db.query(`${GRANT_VIEW} WHERE g.id = $1 AND ${caseScope(caller, params, 'g')}`, params);
    if (!g) throw notFound('mark grant', id);
    return g;
  }

  /**
   * Orders a batch of label codes; the worker generates them (a batch of 100,000 must not hold the
   * API). Within the quotas (label-quotas.ts): the check and the insert run under an advisory lock
   * per enterprise, so of two concurrent orders the second sees the first and both cannot pass.
   */
  async orderLabels(caller: Principal, grantId: string, dto: LabelBatchDto): Promise<LabelBatchView> {
    const id = await this.db.transaction(async (tx) => {
      const [g] = await tx.query(`SELECT id, status, enterprise_id FROM mark_grants WHERE id = $1 AND enterprise_id = $2 FOR SHARE`, [
        grantId,
        caller.organizationId,
      ]);
      if (!g) throw notFound('mark grant', grantId);
      if (g.status !== 'granted') {
        throw new DomainError('ILLEGAL_TRANSITION', `mark grant is '${g.status}': label codes are issued only under a granted mark`, { state: g.status });
      }
      await tx.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [LABEL_ORDER_LOCK, g.enterprise_id]);
      // Read after the lock: a statement sees every order committed before it started.
      const now = new Date();
      const [usage] = await tx.query(
        `SELECT (SELECT COALESCE(sum(quantity), 0)::int FROM label_batches WHERE mark_grant_id = $1) AS "grantCodes",
                COALESCE(sum(quantity) FILTER (WHERE created_at >= $3), 0)::int AS "dayCodes",
                count(*) FILTER (WHERE status = 'requested')::int AS "batchesInProgress"
           FROM label_batches WHERE enterprise_id = $2 AND (created_at >= $3 OR status = 'requested')`,
        [grantId, g.enterprise_id, startOfShanghaiDay(now)],
      );
      const refusal = labelQuotaRefusal(this.quotas, usage as LabelUsage, dto.quantity, now);
      if (refusal) throw refusal;
      const [batch] = await tx.query(`INSERT INTO label_batches (mark_grant_id, enterprise_id, quantity, requested_by) VALUES ($1, $2, $3, $4) RETURNING id`, [
        grantId,
        g.enterprise_id,
        dto.quantity,
        caller.userId,
      ]);
      await enqueue(tx, generateLabels(batch.id, g.enterprise_id));
      return batch.id as string;
    });
    return this.batch(caller, id);
  }

  async batch(caller: Principal, id: string): Promise<LabelBatchView> {
    const params: unknown[] = [id];
    const [b]: LabelBatchView[] = await this.db.query(
      `SELECT b.id, b.mark_grant_id AS "markGrantId", b.quantity, b.generated, b.status, b.created_at AS "createdAt", b.ready_at AS "readyAt"
         FROM label_batches b JOIN mark_grants g ON g.id = b.mark_grant_id
        WHERE b.id = $1 AND ${caseScope(caller, params, 'g')}`,
      params,
    );
    if (!b) throw notFound('label batch', id);
    return b;
  }

  /**
   * The batch's codes in serial order as CSV, for the download. The batch is checked (the caller's,
   * and ready) before the first chunk, so a refusal is an error answer rather than a broken download.
   */
  async labelCodesCsv(caller: Principal, id: string): Promise<AsyncGenerator<string>> {
    const b = await this.batch(caller, id);
    if (b.status !== 'ready') {
      throw new DomainError('ILLEGAL_TRANSITION', `label batch is '${b.status}': ${b.generated} of ${b.quantity} codes generated so far`, {
        state: b.status,
      });
    }
    return labelCodesAsCsv(this.db, this.publicBaseUrl, id);
  }
}

const GRANT_VIEW = `
  SELECT g.id, g.status, g.products, g.media, g.reason, g.decided_at AS "decidedAt", g.created_at AS "createdAt",
         json_build_object('id', c.id, 'number', c.number, 'status', c.status) AS certificate
    FROM mark_grants g JOIN certificates c ON c.id = g.certificate_id`;
