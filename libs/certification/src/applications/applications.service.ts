import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { containsPattern, DomainError, fieldError, notFound, Page } from '@app/shared';
import { pagedQuery } from '@app/persistence';
import { isRegulator, type Principal } from '@app/identity';
import { ApplicationBasis, EligibilityService } from '@app/scheme';
import { APPLICATION_TRANSITIONS, ApplicationAction, applicationMachine, ApplicationStatus } from './application-status.machine';
import { ApplicationQuery, CreateApplicationDto, ScopeDto, UpdateApplicationDto } from './application.dto';
import { ApplicationSummary, ApplicationView, TimelineEntry } from './application.view';
import { ApplicationTransitions } from './application-transitions';
import { applicationScope, ApplicationRecord, readApplication, recordApplicationEvent } from './application-records';
import { attachEvidenceFiles, evidenceFilesJson } from '../evidence/evidence-attachments';
import { assertScopeFitsEntry, normalizeScope, scopeCheck, submissionRefused } from './scope';
import { numberOrScopeContains } from '../scope-text';

const SUMMARY_SQL = `
  SELECT a.id, a.number, a.status, a.version, a.kind, a.certificate_id AS "certificateId", a.scope, a.self_declaration_id AS "selfDeclarationId",
         a.submitted_at AS "submittedAt", a.created_at AS "createdAt", a.updated_at AS "updatedAt",
         json_build_object('id', en.id, 'nameZh', en.name_zh, 'nameEn', en.name_en) AS enterprise,
         json_build_object('id', cb.id, 'nameZh', cb.name_zh, 'nameEn', cb.name_en) AS "certificationBody",
         json_build_object('id', ce.id, 'nameZh', ce.name_zh, 'categoryCode', ce.category_code) AS "catalogueEntry",
         json_build_object('id', s.id, 'code', s.code, 'version', s.version, 'titleZh', s.title_zh) AS standard
    FROM applications a
    JOIN organizations en ON en.id = a.enterprise_id
    JOIN organizations cb ON cb.id = a.certification_body_id
    JOIN catalogue_entries ce ON ce.id = a.catalogue_entry_id
    JOIN standards s ON s.id = a.standard_id`;

interface Draft {
  certificationBodyId: string;
  catalogueEntryId: string;
  selfDeclarationId: string;
  standardId: string;
  categoryCode: string;
  scope: ScopeDto;
  kind?: 'initial' | 'renewal' | 'extension';
  certificateId?: string;
  /** The timeline's first entry says why the draft exists (e.g. "renewal of SZS-…"). */
  reason?: string;
}

/** A draft that renews or extends a certificate. */
export interface LinkedDraft extends Draft {
  kind: 'renewal' | 'extension';
  certificateId: string;
  reason: string;
}

export interface ActionInput {
  reason?: string;
}

@Injectable()
export class ApplicationsService {
  constructor(
    private readonly db: DataSource,
    private readonly eligibility: EligibilityService,
    private readonly transitions: ApplicationTransitions,
  ) {}

  async create(caller: Principal, dto: CreateApplicationDto): Promise<ApplicationView> {
    const scope = normalizeScope(dto.scope);
    const id = await this.db.transaction(async (tx) => {
      const basis = await this.basisFor(tx, caller, dto, scope);
      return this.insertDraft(tx, caller, { ...dto, ...basis, scope });
    });
    return this.get(caller, id);
  }

  /**
   * A renewal or a scope extension of a certificate: a draft linked to it, which the holder then
   * edits and submits as any other application (the caller checked the certificate, in `tx`).
   */
  createForCertificate(tx: EntityManager, caller: Principal, draft: LinkedDraft): Promise<string> {
    return this.insertDraft(tx, caller, draft);
  }

  private async insertDraft(tx: EntityManager, caller: Principal, d: Draft): Promise<string> {
    const [row] = await tx.query(
      `INSERT INTO applications (number, enterprise_id, certification_body_id, catalogue_entry_id, self_declaration_id,
                                 standard_id, category_code, scope, created_by, kind, certificate_id)
       VALUES ('SZS-A-' || to_char(now(), 'YYYY') || '-' || lpad(nextval('application_number_seq')::text, 6, '0'),
               $1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       RETURNING id`,
      [
        caller.organizationId,
        d.certificationBodyId,
        d.catalogueEntryId,
        d.selfDeclarationId,
        d.standardId,
        d.categoryCode,
        JSON.stringify(d.scope),
        caller.userId,
        d.kind ?? 'initial',
        d.certificateId ?? null,
      ],
    );
    await recordApplicationEvent(tx, { applicationId: row.id, action: 'create', from: null, to: 'draft', actor: caller, reason: d.reason ?? null });
    return row.id as string;
  }

  async edit(caller: Principal, id: string, dto: UpdateApplicationDto): Promise<ApplicationView> {
    await this.transition(caller, id, 'edit', {}, async (tx, app) => {
      const next = {
        catalogueEntryId: dto.catalogueEntryId ?? app.catalogue_entry_id,
        selfDeclarationId: dto.selfDeclarationId ?? app.self_declaration_id,
        certificationBodyId: dto.certificationBodyId ?? app.certification_body_id,
      };
      if (app.status !== 'draft' && next.certificationBodyId !== app.certification_body_id) {
        throw fieldError('VALIDATION_FAILED', 'certificationBodyId', 'can change only while the application is a draft');
      }
      const scope = dto.scope ? normalizeScope(dto.scope) : app.scope;
      const basis = await this.basisFor(tx, caller, next, scope);
      return {
        catalogue_entry_id: next.catalogueEntryId,
        self_declaration_id: next.selfDeclarationId,
        certification_body_id: next.certificationBodyId,
        standard_id: basis.standardId,
        category_code: basis.categoryCode,
        scope: JSON.stringify(scope),
      };
    });
    return this.get(caller, id);
  }

  /** Runs every check DESIGN lists; a failed one is named in a 422 and nothing changes. */
  submit(caller: Principal, id: string): Promise<ApplicationView> {
    return this.act(caller, id, 'submit', {}, (tx, app) => this.assertEligible(tx, app));
  }

  /** The answer goes into the timeline; its evidence files are attached to that entry. */
  async answerInfoRequest(caller: Principal, id: string, message: string, evidenceFileIds?: string[]): Promise<ApplicationView> {
    await this.transition(
      caller,
      id,
      'answer_info_request',
      { reason: message },
      (tx, app) => this.assertEligible(tx, app),
      async (tx, app) => {
        if (!evidenceFileIds?.length) return;
        // The entry the transition has just written: the row lock on the application keeps any other out meanwhile.
        const [entry] = await tx.query(`SELECT e.id::text AS event_id FROM application_events e WHERE e.application_id = $1 ORDER BY e.id DESC LIMIT 1`, [
          app.id,
        ]);
        await attachEvidenceFiles(tx, caller, evidenceFileIds, { column: 'application_event_id', id: entry.event_id, applicationId: app.id });
      },
    );
    return this.get(caller, id);
  }

  takeIntoReview(caller: Principal, id: string): Promise<ApplicationView> {
    return this.act(caller, id, 'take_into_review', {}, async () => ({ reviewer_id: caller.userId }));
  }

  /** The transitions that need nothing but a reason. */
  act(
    caller: Principal,
    id: string,
    action: ApplicationAction,
    input: ActionInput,
    extra?: (tx: EntityManager, app: ApplicationRecord) => Promise<Record<string, unknown> | void>,
  ): Promise<ApplicationView> {
    return this.transition(caller, id, action, input, extra).then(() => this.get(caller, id));
  }

  async list(caller: Principal, q: ApplicationQuery): Promise<Page<ApplicationSummary>> {
    const params: unknown[] = [];
    const where = [applicationScope(caller, params)];
    const filter = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (q.status) filter('a.status = ?', q.status);
    if (q.catalogueEntryId) filter('a.catalogue_entry_id = ?', q.catalogueEntryId);
    if (q.enterpriseId) filter('a.enterprise_id = ?', q.enterpriseId);
    if (q.certificationBodyId) filter('a.certification_body_id = ?', q.certificationBodyId);
    if (q.number) filter('a.number ILIKE ?', containsPattern(q.number));
    if (q.q) {
      // Applications have no search index: the text is matched in each of the caller's applications, which for the regulator is all of them.
      if (isRegulator(caller) && !q.enterpriseId && !q.certificationBodyId) {
        throw fieldError(
          'VALIDATION_FAILED',
          'q',
          'the regulator searches applications by text within one enterprise or certification body: give enterpriseId or certificationBodyId too',
        );
      }
      where.push(numberOrScopeContains('a', params, q.q));
    }
    const page = await pagedQuery<ApplicationSummary & { scope?: unknown; selfDeclarationId?: string }>(
      this.db,
      { select: SUMMARY_SQL, countFrom: 'applications a', where: where.join(' AND '), orderBy: 'a.created_at DESC, a.id', params },
      q,
    );
    return { ...page, items: page.items.map(({ scope: _s, selfDeclarationId: _d, ...summary }) => summary) };
  }

  async get(caller: Principal, id: string): Promise<ApplicationView> {
    const params: unknown[] = [id];
    const [row]: Omit<ApplicationView, 'allowedActions' | 'timeline'>[] = await this.db.query(
      `${SUMMARY_SQL} WHERE a.id = $1 AND ${applicationScope(caller, params)}`,
      params,
    );
    if (!row) throw notFound('application', id);
    const timeline: TimelineEntry[] = await this.db.query(
      `SELECT e.action, e.from_status AS "from", e.to_status AS "to",
              COALESCE(u.display_name, 'API key ' || k.name, 'system') AS actor, o.name_zh AS "actorOrganization",
              e.reason, e.created_at AS at, ${evidenceFilesJson('ef.application_event_id = e.id')} AS "evidenceFiles"
         FROM application_events e
         LEFT JOIN users u ON u.id = e.actor_user_id
         LEFT JOIN api_keys k ON k.id = e.actor_api_key_id
         LEFT JOIN organizations o ON o.id = e.actor_organization_id
        WHERE e.application_id = $1 ORDER BY e.id`,
      [id],
    );
    return { ...row, allowedActions: this.allowedActions(caller, row.status), timeline };
  }

  /** The actions the caller's side of the case can take now (the UI's buttons). */
  private allowedActions(caller: Principal, status: ApplicationStatus): ApplicationAction[] {
    return applicationMachine.allowedActions(status).filter((a) => APPLICATION_TRANSITIONS[a].side === caller.organizationKind);
  }

  /** What a draft derives from its references, once they are known to exist, be the caller's, and fit the scope. */
  private async basisFor(
    tx: EntityManager,
    caller: Principal,
    refs: { catalogueEntryId: string; selfDeclarationId: string; certificationBodyId: string },
    scope: ScopeDto,
  ): Promise<ApplicationBasis> {
    const basis = await this.eligibility.basis(refs, tx);
    if (basis.declarationEnterpriseId !== caller.organizationId) {
      throw fieldError('REFERENCE_NOT_FOUND', 'selfDeclarationId', 'the self-declaration is not one of your organization');
    }
    assertScopeFitsEntry(scope, basis);
    return basis;
  }

  private async assertEligible(tx: EntityManager, app: ApplicationRecord): Promise<Record<string, unknown>> {
    const result = await this.eligibility.check(
      {
        enterpriseId: app.enterprise_id,
        certificationBodyId: app.certification_body_id,
        catalogueEntryId: app.catalogue_entry_id,
        selfDeclarationId: app.self_declaration_id,
      },
      tx,
    );
    const checks = [...result.checks, scopeCheck(app.scope, result.declaredModels)];
    if (!checks.every((c) => c.passed)) throw submissionRefused(checks);
    return { submitted_at: new Date() };
  }

  /**
   * One transition: read the application as the caller sees it, ask the state machine, and write
   * the new state only if nobody changed the application since it was read (its version). Of
   * concurrent actions exactly one wins; the others get 409 naming the state they lost to.
   */
  private async transition(
    caller: Principal,
    id: string,
    action: ApplicationAction,
    input: ActionInput,
    extra?: (tx: EntityManager, app: ApplicationRecord) => Promise<Record<string, unknown> | void>,
    after?: (tx: EntityManager, app: ApplicationRecord) => Promise<void>,
  ): Promise<void> {
    const side = APPLICATION_TRANSITIONS[action].side;
    await this.db.transaction(async (tx) => {
      const app = await readApplication(tx, id, { visibleTo: caller });
      if (!app) throw notFound('application', id);
      if (caller.organizationKind !== side) {
        throw new DomainError('FORBIDDEN_ROLE', `'${action}' is taken by the ${side.replace('_', ' ')}`);
      }
      const changes = (await extra?.(tx, app)) ?? {};
      await this.transitions.apply(tx, app, action, caller, input.reason ?? null, changes);
      await after?.(tx, app);
    });
  }
}
