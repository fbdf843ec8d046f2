import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '@app/identity';
import { pagedQuery } from '@app/persistence';
import { enqueue, notify } from '@app/queue';
import { APP_CONFIG, AppConfig, DomainError, fieldError, notFound, Page } from '@app/shared';
import { ApplicationTransitions } from '../applications/application-transitions';
import { readApplication } from '../applications/application-records';
import { appendTimeline, readTimeline } from '../case-timeline';
import { caseReference } from '../case-reference';
import { CertificatesService } from '../certificates/certificates.service';
import { certificateMatter, involvementIn, Matter } from '../impartiality';
import { caseScope } from '../tenancy';
import { AppealQuery, AssignAppealDto, DecideAppealDto, LodgeAppealDto } from './appeal.dto';
import { AppealView } from './appeal.view';
import { AppealAction, appealMachine, AppealStatus } from './appeal-status.machine';

/** The decisions of a body an enterprise may appeal, by the case they change, and how that case names its application and certificate. */
const DECIDED = {
  application: { actions: ['refuse', 'reject'], applicationId: 'x.id', certificateId: 'NULL::uuid' },
  certificate: { actions: ['suspend', 'scope_reduced', 'withdraw'], applicationId: 'x.application_id', certificateId: 'x.id' },
} as const;

interface AppealState {
  id: string;
  reference: string;
  status: AppealStatus;
  enterprise_id: string;
  certification_body_id: string;
  application_id: string;
  certificate_id: string | null;
  application_event_id: string | null;
  decision_action: string;
  handler_id: string | null;
}

/** The appeal with its decision's date and the end of its period (`periodDays`: the validated APPEAL_PERIOD_DAYS, an integer). */
const appealView = (periodDays: number) => `
  SELECT p.id, p.reference, p.status,
         json_build_object('id', e.id, 'nameZh', e.name_zh, 'nameEn', e.name_en) AS enterprise,
         p.certification_body_id AS "certificationBodyId", p.application_id AS "applicationId", a.number AS "applicationNumber",
         CASE WHEN c.id IS NULL THEN NULL ELSE json_build_object('id', c.id, 'number', c.number, 'status', c.status) END AS certificate,
         json_build_object('kind', CASE WHEN p.certificate_event_id IS NULL THEN 'application' ELSE 'certificate' END,
                           'action', p.decision_action, 'at', coalesce(ae.created_at, ce.created_at),
                           'appealableUntil', coalesce(ae.created_at, ce.created_at) + make_interval(days => ${Math.trunc(periodDays)})) AS decision,
         p.grounds, json_build_object('id', l.id, 'displayName', l.display_name) AS "lodgedBy",
         CASE WHEN h.id IS NULL THEN NULL ELSE json_build_object('id', h.id, 'displayName', h.display_name) END AS handler,
         CASE WHEN d.id IS NULL THEN NULL ELSE json_build_object('id', d.id, 'displayName', d.display_name) END AS "decidedBy",
         p.rationale, p.decided_at AS "decidedAt", p.created_at AS "createdAt"
    FROM appeals p
    JOIN organizations e ON e.id = p.enterprise_id
    JOIN applications a ON a.id = p.application_id
    JOIN users l ON l.id = p.lodged_by
    LEFT JOIN certificates c ON c.id = p.certificate_id
    LEFT JOIN application_events ae ON ae.id = p.application_event_id
    LEFT JOIN certificate_events ce ON ce.id = p.certificate_event_id
    LEFT JOIN users h ON h.id = p.handler_id
    LEFT JOIN users d ON d.id = p.decided_by`;

/**
 * Appeals (ISO/IEC 17065 7.13) by an enterprise against its body's decision: a refusal or rejection
 * of an application, a suspension, scope reduction or withdrawal of a certificate, lodged within
 * APPEAL_PERIOD_DAYS. Considered and decided by a person of the body who took no part in the decision
 * appealed; upheld, the decision is reversed through the case's own state machine.
 */
@Injectable()
export class AppealsService {
  constructor(
    private readonly db: DataSource,
    private readonly certificates: CertificatesService,
    private readonly transitions: ApplicationTransitions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async lodge(caller: Principal, dto: LodgeAppealDto): Promise<AppealView> {
    if (!dto.applicationId === !dto.certificateId) {
      throw fieldError('VALIDATION_FAILED', dto.applicationId ? 'certificateId' : 'applicationId', 'give exactly one of applicationId and certificateId');
    }
    const id = await this.db.transaction(async (tx) => {
      const decision = dto.certificateId
        ? await this.decisionAppealed(tx, caller, 'certificate', dto.certificateId)
        : await this.decisionAppealed(tx, caller, 'application', dto.applicationId!);
      const [late] = await tx.query(
        `SELECT $1::timestamptz + make_interval(days => $2::int) < now() AS late, ($1::timestamptz AT TIME ZONE 'Asia/Shanghai')::date::text AS day`,
        [decision.at, this.config.APPEAL_PERIOD_DAYS],
      );
      if (late.late) {
        throw new DomainError(
          'APPEAL_PERIOD_ENDED',
          `the appeal period is ${this.config.APPEAL_PERIOD_DAYS} days after the decision; the ${decision.action} of ${late.day} can no longer be appealed`,
          { appealPeriodDays: this.config.APPEAL_PERIOD_DAYS, decidedOn: late.day },
        );
      }
      const [already] = await tx.query(`SELECT reference FROM appeals WHERE application_event_id = $1 OR certificate_event_id = $2`, [
        decision.applicationEventId,
        decision.certificateEventId,
      ]);
      if (already)
        throw new DomainError('ALREADY_EXISTS', `this ${decision.action} is already appealed (${already.reference})`, { reference: already.reference });
      const reference = await caseReference(tx, 'APL', 'appeal_seq');
      const [row] = await tx.query(
        `INSERT INTO appeals (reference, enterprise_id, certification_body_id, application_id, certificate_id, application_event_id,
                              certificate_event_id, decision_action, grounds, lodged_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
          reference,
          caller.organizationId,
          decision.bodyId,
          decision.applicationId,
          decision.certificateId,
          decision.applicationEventId,
          decision.certificateEventId,
          decision.action,
          dto.grounds,
          caller.userId,
        ],
      );
      await appendTimeline(tx, 'appeal', row.id, {
        action: 'lodge',
        from: null,
        to: 'lodged',
        actor: caller,
        reason: `against the ${decision.action} of ${decision.number}`,
      });
      await enqueue(
        tx,
        notify(
          {
            event: 'appeal_received',
            key: `appeal:${row.id}:received`,
            audience: [{ organizationId: decision.bodyId, roles: ['cb_admin'] }],
            subjectNumber: decision.number,
            link: `/console/appeals/${row.id}`,
            params: { reference, decision: decision.action },
          },
          decision.bodyId,
        ),
      );
      return row.id as string;
    });
    return this.get(caller, id);
  }

  async list(caller: Principal, q: AppealQuery): Promise<Page<AppealView>> {
    const params: unknown[] = [];
    const where = [caseScope(caller, params, 'p')];
    if (q.status) where.push(`p.status = $${params.push(q.status)}`);
    const page = await pagedQuery<Omit<AppealView, 'timeline'>>(
      this.db,
      { select: appealView(this.config.APPEAL_PERIOD_DAYS), countFrom: 'appeals p', where: where.join(' AND '), orderBy: 'p.created_at DESC, p.id', params },
      q,
    );
    return { ...page, items: page.items.map((p) => ({ ...p, timeline: [] })) };
  }

  async get(caller: Principal, id: string): Promise<AppealView> {
    const params: unknown[] = [id];
    const [row] = await this.db.query(`${appealView(this.config.APPEAL_PERIOD_DAYS)} WHERE p.id = $1 AND ${caseScope(caller, params, 'p')}`, params);
    if (!row) throw notFound('appeal', id);
    return { ...row, timeline: await readTimeline(this.db, 'appeal', id) };
  }

  /** The body names who considers the appeal: a decision maker or cb_admin not involved in the decision. */
  async assign(caller: Principal, id: string, dto: AssignAppealDto): Promise<AppealView> {
    return this.step(caller, id, 'assign', dto.reason ?? null, async (tx, p) => {
      const [person] = await tx.query(
        `SELECT id, display_name FROM users WHERE id = $1 AND organization_id = $2 AND active AND roles && ARRAY['decision_maker', 'cb_admin']::text[]`,
        [dto.handlerId, p.certification_body_id],
      );
      if (!person) throw fieldError('REFERENCE_NOT_FOUND', 'handlerId', 'is not an active decision maker or cb_admin of the certification body');
      await this.assertImpartial(tx, p, person.id, person.display_name);
      await tx.query(`UPDATE appeals SET handler_id = $2 WHERE id = $1`, [p.id, person.id]);
      return `considered by ${person.display_name}`;
    });
  }

  async decide(caller: Principal, id: string, dto: DecideAppealDto): Promise<AppealView> {
    const action: AppealAction = dto.outcome === 'upheld' ? 'uphold' : 'dismiss';
    return this.step(caller, id, action, dto.rationale, async (tx, p) => {
      if (!caller.userId) throw new DomainError('PERSON_REQUIRED', 'an appeal is decided by a named person, not an API key');
      const [me] = await tx.query(`SELECT display_name FROM users WHERE id = $1`, [caller.userId]);
      await this.assertImpartial(tx, p, caller.userId, me.display_name);
      if (p.handler_id !== caller.userId) {
        throw new DomainError('FORBIDDEN_ROLE', 'an appeal is decided by the person the certification body assigned to consider it');
      }
      const reversal = dto.outcome === 'upheld' ? await this.reverse(tx, caller, p) : null;
      await tx.query(`UPDATE appeals SET decided_by = $2, rationale = $3, decided_at = now() WHERE id = $1`, [p.id, caller.userId, dto.rationale]);
      await enqueue(
        tx,
        notify(
          {
            event: 'appeal_outcome',
            key: `appeal:${p.id}:outcome`,
            audience: [{ organizationId: p.enterprise_id, roles: ['enterprise_admin'] }],
            subjectNumber: p.reference,
            link: `/console/appeals/${p.id}`,
            params: { reference: p.reference, outcome: dto.outcome },
          },
          p.enterprise_id,
        ),
      );
      return reversal ? `${dto.outcome}; ${reversal}` : dto.outcome;
    });
  }

  /** An upheld appeal undoes the decision through the case's own machine; the public history says why. */
  private async reverse(tx: EntityManager, caller: Principal, p: AppealState): Promise<string> {
    const note = `appeal ${p.reference} upheld`;
    if (p.certificate_id) {
      const action = p.decision_action === 'suspend' ? 'restore' : p.decision_action === 'withdraw' ? 'reinstate' : null;
      if (!action) return 'the scope reduction is to be re-extended by the certification body (the scope is changed only by a scope extension)';
      const change = await this.certificates.changeWithin(tx, p.certificate_id, action, caller, 'appeal_upheld', note);
      return `certificate ${change.number} ${change.from} → ${change.to}`;
    }
    const app = await readApplication(tx, p.application_id, { forUpdate: true });
    if (!app) throw notFound('application', p.application_id);
    if (p.decision_action === 'refuse') {
      // The refusal stays on record, superseded; the application awaits a new decision.
      await tx.query(`UPDATE decisions SET superseded_at = now() WHERE application_id = $1 AND superseded_at IS NULL`, [app.id]);
      await this.transitions.apply(tx, app, 'reopen_decision', caller, note, { closed_at: null });
      return `application ${app.number} awaits a new decision`;
    }
    await this.transitions.apply(tx, app, 'reopen_review', caller, note, { closed_at: null });
    return `application ${app.number} is reviewed again`;
  }

  /** 403 naming the rule when the person took part in the decision appealed (or lodged the appeal). */
  private async assertImpartial(tx: EntityManager, p: AppealState, userId: string, name: string): Promise<void> {
    const matter: Matter = p.certificate_id ? await certificateMatter(tx, p.certificate_id) : { applicationIds: [p.application_id], certificateIds: [] };
    const why = await involvementIn(tx, userId, matter);
    if (why) {
      throw new DomainError(
        'APPEAL_NOT_IMPARTIAL',
        `impartiality rule: an appeal is decided by someone who took no part in the decision appealed; ${name} is ${why}`,
        { rule: 'ISO/IEC 17065 7.13: appeal decided by a person not involved', userId },
      );
    }
  }

  private async step(
    caller: Principal,
    id: string,
    action: AppealAction,
    reason: string | null,
    work: (tx: EntityManager, p: AppealState) => Promise<string>,
  ): Promise<AppealView> {
    await this.db.transaction(async (tx) => {
      const params: unknown[] = [id];
      const [p]: AppealState[] = await tx.query(
        `SELECT p.id, p.reference, p.status, p.enterprise_id, p.certification_body_id, p.application_id, p.certificate_id,
                p.application_event_id, p.decision_action, p.handler_id
           FROM appeals p WHERE p.id = $1 AND ${caseScope(caller, params, 'p')} FOR UPDATE`,
        params,
      );
      if (!p) throw notFound('appeal', id);
      if (caller.organizationId !== p.certification_body_id)
        throw new DomainError('FORBIDDEN_ROLE', 'an appeal is considered by the certification body whose decision it is against');
      const to = appealMachine.next(p.status, action);
      const what = await work(tx, p);
      await tx.query(`UPDATE appeals SET status = $2, version = version + 1 WHERE id = $1`, [p.id, to]);
      await appendTimeline(tx, 'appeal', p.id, { action, from: p.status, to, actor: caller, reason: reason ? `${what}: ${reason}` : what });
    });
    return this.get(caller, id);
  }

  /** The latest appealable decision of the caller's application or certificate: the timeline row that records it. */
  private async decisionAppealed(tx: EntityManager, caller: Principal, kind: 'application' | 'certificate', id: string): Promise<Decision> {
    const { actions, applicationId, certificateId } = DECIDED[kind];
    const [row] = await tx.query(
      `SELECT x.number, x.status, x.certification_body_id, ${applicationId} AS application_id, ${certificateId} AS certificate_id,
              e.id AS event_id, e.action, e.created_at
         FROM ${kind}s x
         LEFT JOIN LATERAL (SELECT id, action, created_at FROM ${kind}_events
                             WHERE ${kind}_id = x.id AND action = ANY($3) ORDER BY id DESC LIMIT 1) e ON TRUE
        WHERE x.id = $1 AND x.enterprise_id = $2`,
      [id, caller.organizationId, actions],
    );
    if (!row) throw notFound(kind, id);
    if (kind === 'application' && (!['refused', 'rejected'].includes(row.status) || !row.event_id)) {
      throw new DomainError('ILLEGAL_TRANSITION', `application is '${row.status}': an appeal is against a refusal or a rejection`, {
        aggregate: 'application',
        state: row.status,
      });
    }
    if (!row.event_id)
      throw new DomainError('RULE_VIOLATION', `certificate ${row.number} has no suspension, scope reduction or withdrawal to appeal`, {
        rule: 'nothing_to_appeal',
        number: row.number,
      });
    return {
      number: row.number,
      bodyId: row.certification_body_id,
      applicationId: row.application_id,
      certificateId: row.certificate_id,
      applicationEventId: kind === 'application' ? row.event_id : null,
      certificateEventId: kind === 'certificate' ? row.event_id : null,
      action: row.action,
      at: row.created_at,
    };
  }
}

/** The decision an appeal is against: the timeline row that records it. */
interface Decision {
  number: string;
  bodyId: string;
  applicationId: string;
  certificateId: string | null;
  applicationEventId: string | null;
  certificateEventId: string | null;
  action: string;
  at: Date;
}
