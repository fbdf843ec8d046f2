import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig, DomainError, notFound, Page } from '@app/shared';
import { NIL_UUID, pagedQuery } from '@app/persistence';
import type { Principal } from '@app/identity';
import { caseScope } from '../tenancy';
import { certificateTextMatch } from '../scope-text';
import { completeOutbox, enqueue } from '@app/queue';
import { certificateStatusNotice } from '../notices';
import { CERTIFICATE_WITH_PARTIES, certificatePartiesJson, recordCertificateChange } from '@app/registry';
import { Actor, SYSTEM } from '../actor';
import { CertificateQuery, StatusChangeDto } from './certificate.dto';
import { CertificateAction, certificateMachine, CertificateStatus, GRANT_FOLLOWS, PublicReason } from './certificate-status.machine';
import { SHENZHEN_TODAY } from './certificate-issuer';
import { TRANSITION_OVERDUE } from './standard-transition';
import {
  CertificateAuditEntry,
  CertificateHistoryEntry,
  CertificateLifecycleView,
  CertificateSummary,
  CertificateStandardWithdrawal,
  CertificateSurveillance,
  CertificateView,
} from './certificate.view';
import { MarkGrantSummary } from './mark-grant.view';

const PARTIES = certificatePartiesJson(true);
const CERTIFICATE_VIEW = `
  SELECT c.id, c.number, c.status, c.scope, c.issued_on AS "issuedOn", c.expires_on AS "expiresOn",
         c.application_id AS "applicationId", c.pdf IS NOT NULL AS "pdfReady",
         ${PARTIES.holder} AS holder, ${PARTIES.certificationBody} AS "certificationBody",
         ${PARTIES.category} AS category, ${PARTIES.standard} AS standard
  ${CERTIFICATE_WITH_PARTIES}`;

/** What a status change reads of a certificate: its state and the two sides of its case. */
export interface CertificateState {
  id: string;
  number: string;
  status: CertificateStatus;
  enterprise_id: string;
  certification_body_id: string;
}

const STATE_COLUMNS = ['c.id', 'c.number', 'c.status', 'c.enterprise_id', 'c.certification_body_id'];

/** Reads and locks, until the transaction ends, the certificate `condition` names (`c`, with `params`). */
export async function lockCertificate<Extra extends object = object>(
  tx: EntityManager,
  condition: string,
  params: unknown[],
  extraColumns: string[] = [],
): Promise<(CertificateState & Extra) | undefined> {
  const [cert] = await tx.query(`SELECT ${[...STATE_COLUMNS, ...extraColumns].join(', ')} FROM certificates c WHERE ${condition} FOR UPDATE`, params);
  return cert;
}

/** Suspensions that say the certificate's surveillance is lacking: lifted on evidence only (assertRestorable). */
const SURVEILLANCE_REASONS: PublicReason[] = ['surveillance_failed', 'surveillance_not_performed'];

/** A suspension not lifted within 6 months (certificate `c`): the long-suspension sweep withdraws it. */
export const SUSPENDED_TOO_LONG = `c.status = 'suspended' AND c.suspended_at < now() - interval '6 months'`;

/** Certificates per keyset page of the status sweeps (expiry, long suspensions, transition deadlines). */
export const STATUS_SWEEP_PAGE = 1000;

/** Which side of the case takes each action: the holder cancels, the certification body does the rest. */
const SIDE: Record<CertificateAction, 'enterprise' | 'certification_body' | 'system'> = {
  suspend: 'certification_body',
  restore: 'certification_body',
  withdraw: 'certification_body',
  cancel: 'enterprise',
  expire: 'system',
  reinstate: 'system', // only an upheld appeal, through changeWithin
};

@Injectable()
export class CertificatesService {
  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'VOLUNTARY_SUSPENSION_MAX_DAYS'>,
  ) {}

  async list(caller: Principal, q: CertificateQuery): Promise<Page<CertificateSummary>> {
    const params: unknown[] = [];
    const where = [caseScope(caller, params, 'c')];
    if (q.status) where.push(`c.status = $${params.push(q.status)}`);
    if (q.applicationId) where.push(`c.application_id = $${params.push(q.applicationId)}`);
    if (q.expiresBefore) where.push(`c.expires_on < $${params.push(q.expiresBefore)}::date`);
    if (q.q) where.push(certificateTextMatch(caller, params, q.q));
    return pagedQuery<CertificateSummary>(
      this.db,
      { select: CERTIFICATE_VIEW, countFrom: 'certificates c', where: where.join(' AND '), orderBy: 'c.created_at DESC, c.id', params },
      q,
    );
  }

  async get(caller: Principal, id: string): Promise<CertificateView> {
    const params: unknown[] = [id];
    const [cert]: CertificateSummary[] = await this.db.query(`${CERTIFICATE_VIEW} WHERE c.id = $1 AND ${caseScope(caller, params, 'c')}`, params);
    if (!cert) throw notFound('certificate', id);
    const history: CertificateHistoryEntry[] = await this.db.query(
      `SELECT e.action, e.from_status AS "from", e.to_status AS "to", e.public_reason AS "publicReason", e.details,
              e.private_note AS "privateNote", e.created_at AS at
         FROM certificate_events e WHERE e.certificate_id = $1 ORDER BY e.id`,
      [id],
    );
    // The certificate's life and its surveillance plan in one read of its row; dates as jsonb text
    // ('YYYY-MM-DD'): the same shape the public lifecycle has.
    const [{ lifecycle, surveillance, standardWithdrawal }]: {
      lifecycle: CertificateLifecycleView;
      surveillance: CertificateSurveillance;
      standardWithdrawal: CertificateStandardWithdrawal | null;
    }[] = await this.db.query(
      `SELECT jsonb_build_object(
                'edition', c.edition,
                'renews', (SELECT jsonb_build_object('id', o.id, 'number', o.number) FROM certificates o WHERE o.id = c.renews_certificate_id),
                'renewedBy', (SELECT jsonb_build_object('id', n.id, 'number', n.number) FROM certificates n WHERE n.renews_certificate_id = c.id),
                'transition', CASE WHEN c.transition_deadline IS NULL THEN NULL ELSE jsonb_build_object(
                                'deadline', c.transition_deadline,
                                'standard', (SELECT jsonb_build_object('code', ts.code, 'version', ts.version) FROM standards ts WHERE ts.id = c.transition_standard_id))
                              END) AS lifecycle,
              jsonb_build_object(
                'intervalMonths', c.surveillance_interval_months, 'nextDue', c.next_surveillance_due, 'lastOn', c.last_surveillance_on,
                'lastOutcome', c.last_surveillance_outcome, 'suspensionEndsOn', c.suspension_ends_on,
                'voluntarySuspensionLatest', CASE WHEN c.status = 'valid' THEN ${SHENZHEN_TODAY} + $2::int END) AS surveillance,
              CASE WHEN c.standard_withdrawn_at IS NULL THEN NULL ELSE jsonb_build_object(
                'withdrawnAt', c.standard_withdrawn_at,
                'standard', (SELECT jsonb_build_object('id', ws.id, 'code', ws.code, 'version', ws.version) FROM standards ws WHERE ws.id = c.withdrawn_standard_id))
              END AS "standardWithdrawal"
         FROM certificates c WHERE c.id = $1`,
      [id, this.config.VOLUNTARY_SUSPENSION_MAX_DAYS],
    );
    const grants: MarkGrantSummary[] = await this.db.query(
      `SELECT id, status, products, media, reason, decided_at AS "decidedAt", created_at AS "createdAt"
         FROM mark_grants WHERE certificate_id = $1 ORDER BY created_at`,
      [id],
    );
    // The regulator and the issuer see the private notes; the holder sees the public history.
    const showNotes = caller.organizationKind !== 'enterprise';
    // An unannounced audit's date is the holder's to learn when it starts.
    const audits: CertificateAuditEntry[] = await this.db.query(
      `SELECT a.id, a.kind, a.status, a.outcome, a.trigger, a.cycle, a.due_on AS "dueOn", a.unannounced,
              CASE WHEN $2 AND a.unannounced AND a.started_at IS NULL THEN NULL ELSE a.planned_on END AS "plannedOn"
         FROM audits a JOIN certificates c ON c.id = $1
        WHERE a.certificate_id = c.id OR (a.application_id = c.application_id AND a.kind = 'initial')
        ORDER BY a.created_at, a.id`,
      [id, !showNotes],
    );
    return {
      ...cert,
      lifecycle,
      history: history.map((h) => (showNotes ? h : { ...h, privateNote: undefined })),
      markGrants: grants,
      surveillance,
      standardWithdrawal,
      audits,
    };
  }

  async pdf(caller: Principal, id: string): Promise<{ number: string; pdf: Buffer }> {
    const params: unknown[] = [id];
    const [row] = await this.db.query(`SELECT c.number, c.pdf FROM certificates c WHERE c.id = $1 AND ${caseScope(caller, params, 'c')}`, params);
    if (!row) throw notFound('certificate', id);
    if (!row.pdf)
      throw new DomainError('RULE_VIOLATION', 'the certificate document is still being rendered; try again in a moment', { rule: 'document_rendering' });
    return row;
  }

  /** A status change by a person: visible to them, theirs to take, allowed now. */
  async change(caller: Principal, id: string, action: CertificateAction, dto: Partial<StatusChangeDto>): Promise<CertificateView> {
    await this.db.transaction(async (tx) => {
      const params: unknown[] = [id];
      const cert = await lockCertificate(tx, `c.id = $1 AND ${caseScope(caller, params, 'c')}`, params);
      if (!cert) throw notFound('certificate', id);
      if (SIDE[action] !== caller.organizationKind) {
        throw new DomainError('FORBIDDEN_ROLE', `'${action}' of a certificate is done by the ${SIDE[action].replace('_', ' ')}`);
      }
      if (action === 'restore') await this.assertRestorable(tx, caller, cert, dto.privateNote);
      await this.apply(tx, cert, action, caller, dto.publicReason ?? (action === 'cancel' ? 'holder_request' : null), dto.privateNote ?? null);
    });
    return this.get(caller, id);
  }

  /**
   * A change another case decides (a complaint's suspension, an upheld appeal's reversal), in that
   * case's transaction, so its timeline and the certificate's history commit together.
   */
  async changeWithin(
    tx: EntityManager,
    certificateId: string,
    action: CertificateAction,
    actor: Actor,
    publicReason: PublicReason | null,
    privateNote: string | null,
  ): Promise<{ number: string; from: CertificateStatus; to: CertificateStatus }> {
    const cert = await lockCertificate(tx, 'c.id = $1', [certificateId]);
    if (!cert) throw notFound('certificate', certificateId);
    await this.apply(tx, cert, action, actor, publicReason, privateNote);
    return { number: cert.number, from: cert.status, to: certificateMachine.next(cert.status, action) };
  }

  /**
   * A suspension for a surveillance that failed or was not performed is lifted on evidence: a
   * surveillance or special audit of the certificate that passed after the suspension, or else a
   * decision maker who records why (the private note) and who was not an auditor on the failed audit.
   * Other suspensions (the holder's request, the body's own) the body lifts as before.
   */
  private async assertRestorable(tx: EntityManager, caller: Principal, cert: CertificateState, note: string | undefined): Promise<void> {
    const [row]: { reason: PublicReason | null; passed: boolean; audited: boolean }[] = await tx.query(
      `WITH s AS (SELECT e.public_reason, e.created_at FROM certificate_events e
                   WHERE e.certificate_id = $1 AND e.action = 'suspend' ORDER BY e.id DESC LIMIT 1)
       SELECT s.public_reason AS reason,
              EXISTS (SELECT 1 FROM audits a WHERE a.certificate_id = $1 AND a.kind IN ('surveillance', 'special')
                         AND a.outcome = 'passed' AND a.evaluated_at > s.created_at) AS passed,
              EXISTS (SELECT 1 FROM audits a JOIN audit_auditors aa ON aa.audit_id = a.id
                       WHERE a.certificate_id = $1 AND a.outcome = 'failed' AND aa.auditor_id = $2) AS audited
         FROM s`,
      [cert.id, caller.userId],
    );
    if (!row || !SURVEILLANCE_REASONS.includes(row.reason as PublicReason) || row.passed) return;
    if (!caller.roles.includes('decision_maker') || !note?.trim()) {
      throw new DomainError(
        'RULE_VIOLATION',
        `the certificate is suspended for '${row.reason}': it is restored after a surveillance or special audit passes, or by a decision maker who records why (privateNote)`,
        { rule: 'restore_needs_audit', state: cert.status, publicReason: row.reason },
      );
    }
    if (row.audited) {
      throw new DomainError(
        'DECISION_NOT_INDEPENDENT',
        'impartiality rule: the restoration must be decided by someone who was not an auditor on the failed audit',
      );
    }
  }

  /** Expires a certificate whose last valid day has passed; the job and the sweep both call it. */
  async expire(certificateId: string, outboxId?: string): Promise<'expired' | 'not_due' | 'not_current'> {
    return this.db.transaction(async (tx) => {
      const cert = await lockCertificate<{ due: boolean }>(tx, 'c.id = $1', [certificateId], [`c.expires_on < ${SHENZHEN_TODAY} AS due`]);
      let result: 'expired' | 'not_due' | 'not_current' = 'not_current';
      if (cert && certificateMachine.can(cert.status, 'expire')) {
        if (cert.due) {
          await this.apply(tx, cert, 'expire', SYSTEM, null, null);
          result = 'expired';
        } else {
          result = 'not_due';
        }
      }
      if (outboxId) await completeOutbox(tx, outboxId);
      return result;
    });
  }

  /**
   * The safety net for the scheduled expiry jobs: every certificate past its end date, by keyset
   * pages (end date, id) of the live certificates' end-date index. Ordered so: unordered with a
   * LIMIT, the planner expects many of the live certificates past any date it is asked about (its
   * statistics count the expired ones too) and reads the whole table for the few due (3 s at 1M).
   */
  async sweepExpired(): Promise<number> {
    return this.sweepByDate('expires_on', `c.status IN ('valid', 'suspended') AND c.expires_on < ${SHENZHEN_TODAY}`, async (page) => {
      let n = 0;
      for (const { id } of page) if ((await this.expire(id)) === 'expired') n++;
      return n;
    });
  }

  /** DESIGN: a suspension not lifted within 6 months becomes a withdrawal. Keyset pages by id of the suspended certificates' index. */
  async sweepLongSuspensions(): Promise<number> {
    let n = 0;
    let after = NIL_UUID;
    for (;;) {
      const page: { id: string }[] = await this.db.query(
        `SELECT c.id FROM certificates c WHERE ${SUSPENDED_TOO_LONG} AND c.id > $1::uuid ORDER BY c.id LIMIT ${STATUS_SWEEP_PAGE}`,
        [after],
      );
      // Checked again under the lock: it may have been restored since the page was read.
      n += await this.applyWhereStill(page, SUSPENDED_TOO_LONG, 'withdraw', 'suspension_not_lifted', 'suspended for more than 6 months');
      if (page.length < STATUS_SWEEP_PAGE) return n;
      after = page[page.length - 1].id;
    }
  }

  /**
   * Certificates whose standard transition was not completed by its deadline are suspended
   * (transition_not_completed), read by keyset pages (deadline, id) on the transition index.
   */
  async sweepTransitionDeadlines(): Promise<number> {
    // Checked again under the lock: its delta audit may have passed since the page was read.
    return this.sweepByDate('transition_deadline', TRANSITION_OVERDUE, (page) =>
      this.applyWhereStill(page, TRANSITION_OVERDUE, 'suspend', 'transition_not_completed', 'standard transition not completed by its deadline'),
    );
  }

  /**
   * A status sweep's walk over the certificates meeting `condition` (on `c`) by keyset pages
   * (`column`, id), on that date column's index; `each` changes a page and answers how many changed.
   */
  private async sweepByDate(
    column: 'expires_on' | 'transition_deadline',
    condition: string,
    each: (page: { id: string }[]) => Promise<number>,
  ): Promise<number> {
    let n = 0;
    let after: [string, string] = ['0001-01-01', NIL_UUID];
    for (;;) {
      const page: { id: string; day: string }[] = await this.db.query(
        `SELECT c.id, c.${column}::text AS day FROM certificates c
          WHERE ${condition} AND (c.${column}, c.id) > ($1::date, $2::uuid)
          ORDER BY c.${column}, c.id LIMIT ${STATUS_SWEEP_PAGE}`,
        after,
      );
      n += await each(page);
      if (page.length < STATUS_SWEEP_PAGE) return n;
      after = [page[page.length - 1].day, page[page.length - 1].id];
    }
  }

  /**
   * A sweep's status change of each certificate of a page that still meets `condition` (on `c`)
   * under its lock, one transaction each; answers how many changed.
   */
  private async applyWhereStill(
    page: { id: string }[],
    condition: string,
    action: CertificateAction,
    publicReason: PublicReason,
    privateNote: string,
  ): Promise<number> {
    let n = 0;
    for (const { id } of page) {
      await this.db.transaction(async (tx) => {
        const cert = await lockCertificate(tx, `c.id = $1 AND ${condition}`, [id]);
        if (cert) {
          await this.apply(tx, cert, action, SYSTEM, publicReason, privateNote);
          n++;
        }
      });
    }
    return n;
  }

  /**
   * Writes a transition, its public history entry, and what it means for the mark grants: the one
   * way a certificate changes status (a person's change, the sweeps, a certificate decision).
   */
  async apply(
    tx: EntityManager,
    cert: CertificateState,
    action: CertificateAction,
    actor: Actor,
    publicReason: PublicReason | null,
    privateNote: string | null,
  ): Promise<void> {
    const to = certificateMachine.next(cert.status, action);
    await tx.query(
      `UPDATE certificates SET status = $2, version = version + 1, updated_at = now(),
              suspended_at = CASE WHEN $2 = 'suspended' THEN now() ELSE NULL END,
              -- a voluntary suspension's end date (set by its request) means nothing once it is lifted or ended
              suspension_ends_on = NULL
        WHERE id = $1`,
      [cert.id, to],
    );
    const eventId = await recordCertificateChange(tx, {
      certificateId: cert.id,
      action,
      from: cert.status,
      to,
      publicReason,
      privateNote,
      actorUserId: actor.userId,
      actorOrganizationId: actor.organizationId,
    });
    const notice = certificateStatusNotice(cert, action, eventId, publicReason);
    if (notice) await enqueue(tx, notice);
    const follow = GRANT_FOLLOWS[action];
    if (follow) {
      await tx.query(`UPDATE mark_grants SET status = $3, version = version + 1 WHERE certificate_id = $1 AND status = ANY($2)`, [
        cert.id,
        follow.from,
        follow.to,
      ]);
    }
  }
}
