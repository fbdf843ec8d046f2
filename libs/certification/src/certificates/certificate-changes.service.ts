import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError, fieldError, notFound } from '@app/shared';
import type { Principal } from '@app/identity';
import { completeOutbox, enqueue, ReissueRequest } from '@app/queue';
import { recordCertificateChange } from '@app/registry';
import type { Actor } from '../actor';
import { caseScope } from '../tenancy';
import { reissueCertificate } from '../follow-up-work';
import { ApplicationsService } from '../applications/applications.service';
import { ApplicationView } from '../applications/application.view';
import { normalizeScope } from '../applications/scope';
import type { ScopeDto } from '../applications/application.dto';
import { SHENZHEN_TODAY } from '../shenzhen-date';
import { CertificateEditions } from './certificate-editions';
import { ExtensionDto, ReissueDto, ScopeReductionDto } from './certificate-changes.dto';
import type { PublicReason } from './certificate-status.machine';
import { reducedScope, scopeModels } from './scope-changes';
import { trimMarkGrants } from './mark-grant-trimming';
import { CertificateEditionView } from './certificate.view';

/** The holder may apply to renew from this many months before its certificate's expiry (the scheme's window). */
export const RENEWAL_WINDOW_MONTHS = 6;

const LIVE = ['valid', 'suspended'];

interface LinkedCertificate {
  id: string;
  number: string;
  status: string;
  enterprise_id: string;
  certification_body_id: string;
  category_code: string;
  standard_id: string;
  transition_standard_id: string | null;
  scope: ScopeDto;
  catalogue_entry_id: string;
  /** The self-declaration the certificate stands on now (see CURRENT_DECLARATION). */
  self_declaration_id: string;
  expires_on: string;
  window_opens: string;
  in_window: boolean;
  past_expiry: boolean;
  renewed_by: string | null;
}

/**
 * The self-declaration a certificate stands on now, for the applications linked to it: the newest of
 * those behind it (its first application's and its granted extensions') that declares every model it
 * now covers, else its first application's. Its first application's alone would not do once an
 * extension added a model declared in a later declaration: a renewal of the whole scope would then be
 * refused at submission ("models not covered by the self-declaration").
 */
const CURRENT_DECLARATION = `coalesce(
  (SELECT x.self_declaration_id FROM applications x JOIN self_declarations d ON d.id = x.self_declaration_id
    WHERE (x.id = c.application_id OR (x.certificate_id = c.id AND x.kind = 'extension' AND x.status = 'granted'))
      AND d.models @> ARRAY(SELECT jsonb_array_elements_text(p->'models') FROM jsonb_array_elements(c.scope->'products') p)
    ORDER BY x.created_at DESC LIMIT 1),
  a.self_declaration_id)`;

/**
 * A certificate that is not live refuses every change, naming its state (renewal names its own
 * rule: after expiry a later application is a new certification).
 */
function assertLive(cert: { number: string; status: string }, what: string): void {
  if (!LIVE.includes(cert.status)) {
    throw new DomainError('ILLEGAL_TRANSITION', `certificate ${cert.number} is ${cert.status}: ${what} is possible only while it is valid or suspended`, {
      state: cert.status,
      action: what,
    });
  }
}

/**
 * Takes `models` out of a live certificate's scope, in the caller's transaction: the public history
 * records `scope_reduced` with the models, the mark grants covering them are trimmed (or revoked when
 * they covered nothing else) and remember which models left and when, so their labels say why they no
 * longer answer valid; the certificate is re-issued as its next edition by the worker. Used by the
 * holder's or body's request and by any decision that reduces a scope (a failed surveillance, an appeal).
 */
export async function reduceScope(
  tx: EntityManager,
  certificateId: string,
  models: string[],
  actor: Actor,
  publicReason: PublicReason,
  privateNote?: string,
): Promise<void> {
  const [cert] = await tx.query(`SELECT id, number, status, scope, certification_body_id FROM certificates WHERE id = $1 FOR UPDATE`, [certificateId]);
  if (!cert) throw notFound('certificate', certificateId);
  assertLive(cert, 'scope reduction');
  const certified = new Set(scopeModels(cert.scope));
  const unknown = models.filter((m) => !certified.has(m));
  if (unknown.length) throw fieldError('VALIDATION_FAILED', 'models', `not in the scope of certificate ${cert.number}: ${unknown.join(', ')}`);
  const scope = reducedScope(cert.scope, models);
  if (!scopeModels(scope).length) {
    throw fieldError(
      'VALIDATION_FAILED',
      'models',
      `removing every model of certificate ${cert.number} is a withdrawal, not a scope reduction: withdraw or cancel it instead`,
    );
  }
  await tx.query(`UPDATE certificates SET scope = $2, version = version + 1, updated_at = now() WHERE id = $1`, [cert.id, JSON.stringify(scope)]);
  const ended = await trimMarkGrants(tx, cert.id, models);
  await recordCertificateChange(tx, {
    certificateId: cert.id,
    action: 'scope_reduced',
    from: cert.status,
    to: cert.status,
    publicReason,
    privateNote: privateNote ?? null,
    details: { models, revokedMarkGrants: ended },
    actorUserId: actor.userId,
    actorOrganizationId: actor.organizationId,
  });
  await enqueue(
    tx,
    reissueCertificate(
      {
        certificateId: cert.id,
        reason: `scope reduced: ${models.join(', ')}`,
        changedFields: ['scope'],
        actorUserId: actor.userId,
        actorOrganizationId: actor.organizationId,
      },
      cert.certification_body_id,
    ),
  );
}

/**
 * Renewal and changes of an issued certificate (issue 11): the holder applies to renew it or to
 * extend its scope (applications linked to it, handled as any other), the holder or its body reduces
 * its scope, the body re-issues it when what it says has changed.
 */
@Injectable()
export class CertificateChangesService {
  private readonly logger = new Logger(CertificateChangesService.name);

  constructor(
    private readonly db: DataSource,
    private readonly applications: ApplicationsService,
    private readonly editions: CertificateEditions,
  ) {}

  /**
   * A draft renewal: same catalogue entry, self-declaration (the current one), body and scope as the certificate, and
   * its standard (the new version when a transition is under way). Open from six months before
   * expiry until the last valid day; one renewal at a time.
   */
  async applyForRenewal(caller: Principal, certificateId: string): Promise<ApplicationView> {
    const id = await this.db.transaction(async (tx) => {
      const cert = await this.linked(tx, caller, certificateId);
      if (cert.status === 'expired' || (LIVE.includes(cert.status) && cert.past_expiry)) {
        throw new DomainError(
          'ILLEGAL_TRANSITION',
          `certificate ${cert.number} expired on ${cert.expires_on}: it can no longer be renewed; apply for a new certification instead`,
          { state: 'expired', action: 'renewal' },
        );
      }
      // A suspended certificate is renewed only once restored: a renewal must not lift a suspension.
      if (cert.status !== 'valid') {
        throw new DomainError('ILLEGAL_TRANSITION', `certificate ${cert.number} is ${cert.status}: renewal is possible only while it is valid`, {
          state: cert.status,
          action: 'renewal',
        });
      }
      if (cert.renewed_by)
        throw new DomainError('ILLEGAL_TRANSITION', `certificate ${cert.number} is already renewed by ${cert.renewed_by}`, { state: cert.status });
      if (!cert.in_window) {
        throw new DomainError(
          'RULE_VIOLATION',
          `the renewal window of certificate ${cert.number} opens on ${cert.window_opens}, ${RENEWAL_WINDOW_MONTHS} months before its expiry on ${cert.expires_on}`,
          {
            rule: 'renewal_window',
            number: cert.number,
            opens: cert.window_opens,
            expiresOn: cert.expires_on,
            months: RENEWAL_WINDOW_MONTHS,
            window: { opens: cert.window_opens, closes: cert.expires_on },
          },
        );
      }
      await this.assertNoOpenApplication(tx, cert, 'renewal');
      return this.applications.createForCertificate(tx, caller, {
        kind: 'renewal',
        certificateId: cert.id,
        certificationBodyId: cert.certification_body_id,
        catalogueEntryId: cert.catalogue_entry_id,
        selfDeclarationId: cert.self_declaration_id,
        standardId: cert.transition_standard_id ?? cert.standard_id,
        categoryCode: cert.category_code,
        scope: cert.scope,
        reason: `renewal of certificate ${cert.number}`,
      });
    });
    return this.applications.get(caller, id);
  }

  /** A draft scope extension: the new products or models only, under the certificate's entry and standard. */
  async applyForExtension(caller: Principal, certificateId: string, dto: ExtensionDto): Promise<ApplicationView> {
    const scope = normalizeScope(dto.scope);
    const id = await this.db.transaction(async (tx) => {
      const cert = await this.linked(tx, caller, certificateId);
      assertLive(cert, 'scope extension');
      if (scope.kind !== 'products' || cert.scope.kind !== 'products') {
        throw fieldError('VALIDATION_FAILED', 'scope.kind', 'a scope extension adds products or models to a products certificate');
      }
      const certified = new Set(scopeModels(cert.scope));
      const already = scopeModels(scope).filter((m) => certified.has(m));
      if (already.length) throw fieldError('VALIDATION_FAILED', 'scope.products', `already certified by ${cert.number}: ${already.join(', ')}`);
      await this.assertNoOpenApplication(tx, cert, 'extension');
      if (dto.selfDeclarationId) {
        const [own] = await tx.query(`SELECT 1 FROM self_declarations WHERE id = $1 AND enterprise_id = $2`, [dto.selfDeclarationId, cert.enterprise_id]);
        if (!own) throw fieldError('REFERENCE_NOT_FOUND', 'selfDeclarationId', 'the self-declaration is not one of your organization');
      }
      return this.applications.createForCertificate(tx, caller, {
        kind: 'extension',
        certificateId: cert.id,
        certificationBodyId: cert.certification_body_id,
        catalogueEntryId: cert.catalogue_entry_id,
        selfDeclarationId: dto.selfDeclarationId ?? cert.self_declaration_id,
        standardId: cert.standard_id,
        categoryCode: cert.category_code,
        scope,
        reason: `scope extension of certificate ${cert.number}: ${scopeModels(scope).join(', ')}`,
      });
    });
    return this.applications.get(caller, id);
  }

  /** The holder's request or the body's decision to take models out of the scope (see reduceScope). */
  async reduce(caller: Principal, certificateId: string, dto: ScopeReductionDto): Promise<void> {
    await this.db.transaction(async (tx) => {
      const cert = await this.visible(tx, caller, certificateId);
      await reduceScope(tx, cert.id, dto.models, caller, dto.reason, dto.privateNote);
    });
  }

  /** The body asks for the next edition (its holder's or its own details changed): the worker renders it. */
  async requestReissue(caller: Principal, certificateId: string, dto: ReissueDto): Promise<void> {
    await this.db.transaction(async (tx) => {
      const cert = await this.visible(tx, caller, certificateId);
      assertLive(cert, 're-issue');
      const request = {
        certificateId: cert.id,
        reason: dto.reason,
        changedFields: dto.changedFields,
        actorUserId: caller.userId,
        actorOrganizationId: caller.organizationId,
      };
      await enqueue(tx, reissueCertificate(request, cert.certification_body_id));
    });
  }

  /** The re-issue job: the next edition of a live certificate, once per outbox row. */
  async reissue(request: ReissueRequest, outboxId: string): Promise<'reissued' | 'done' | 'not_current'> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query(`SELECT completed_at FROM outbox WHERE id = $1 FOR UPDATE`, [outboxId]);
      if (row?.completed_at) return 'done';
      const [cert] = await tx.query(`SELECT status FROM certificates WHERE id = $1 FOR UPDATE`, [request.certificateId]);
      let result: 'reissued' | 'not_current' = 'not_current';
      if (cert && LIVE.includes(cert.status)) {
        const actor = { userId: request.actorUserId ?? null, apiKeyId: null, organizationId: request.actorOrganizationId ?? null };
        const edition = await this.editions.reissue(tx, request.certificateId, {
          action: 'reissue',
          reason: request.reason,
          changedFields: request.changedFields,
          actor,
        });
        this.logger.log({ certificateId: request.certificateId, edition }, 'certificate re-issued');
        result = 'reissued';
      }
      await completeOutbox(tx, outboxId);
      return result;
    });
  }

  async listEditions(caller: Principal, certificateId: string): Promise<CertificateEditionView[]> {
    const cert = await this.visible(this.db.manager, caller, certificateId);
    return this.db.query(
      `SELECT e.edition, e.edition = c.edition AS current, e.reason, e.changed_fields AS "changedFields", e.pdf_sha256 AS "pdfSha256",
              e.issued_at AS "issuedAt"
         FROM certificate_editions e JOIN certificates c ON c.id = e.certificate_id
        WHERE e.certificate_id = $1 ORDER BY e.edition`,
      [cert.id],
    );
  }

  /** The PDF of an edition: the current one is the certificate's own, a superseded one is kept with its edition. */
  async editionPdf(caller: Principal, certificateId: string, edition: number): Promise<{ number: string; pdf: Buffer }> {
    const cert = await this.visible(this.db.manager, caller, certificateId);
    const [row] = await this.db.query(
      `SELECT c.number, CASE WHEN e.edition = c.edition THEN c.pdf ELSE e.pdf END AS pdf
         FROM certificate_editions e JOIN certificates c ON c.id = e.certificate_id WHERE e.certificate_id = $1 AND e.edition = $2`,
      [cert.id, edition],
    );
    if (!row?.pdf) throw notFound('certificate edition', `${cert.number}/${edition}`);
    return { number: `${row.number}-e${edition}`, pdf: row.pdf };
  }

  private async visible(
    tx: EntityManager,
    caller: Principal,
    certificateId: string,
  ): Promise<{ id: string; number: string; status: string; certification_body_id: string }> {
    const params: unknown[] = [certificateId];
    const [cert] = await tx.query(
      `SELECT c.id, c.number, c.status, c.certification_body_id FROM certificates c WHERE c.id = $1 AND ${caseScope(caller, params, 'c')}`,
      params,
    );
    if (!cert) throw notFound('certificate', certificateId);
    return cert;
  }

  /** The certificate an application would renew or extend, locked, as the holder sees it. */
  private async linked(tx: EntityManager, caller: Principal, certificateId: string): Promise<LinkedCertificate> {
    const params: unknown[] = [certificateId];
    const [cert]: LinkedCertificate[] = await tx.query(
      `SELECT c.id, c.number, c.status, c.enterprise_id, c.certification_body_id, c.category_code, c.standard_id, c.transition_standard_id,
              c.scope, a.catalogue_entry_id, ${CURRENT_DECLARATION} AS self_declaration_id, c.expires_on::text AS expires_on,
              (c.expires_on - interval '${RENEWAL_WINDOW_MONTHS} months')::date::text AS window_opens,
              ${SHENZHEN_TODAY} BETWEEN (c.expires_on - interval '${RENEWAL_WINDOW_MONTHS} months')::date AND c.expires_on AS in_window,
              ${SHENZHEN_TODAY} > c.expires_on AS past_expiry,
              (SELECT n.number FROM certificates n WHERE n.renews_certificate_id = c.id) AS renewed_by
         FROM certificates c JOIN applications a ON a.id = c.application_id
        WHERE c.id = $1 AND ${caseScope(caller, params, 'c')}
          FOR UPDATE OF c`,
      params,
    );
    if (!cert) throw notFound('certificate', certificateId);
    return cert;
  }

  /** One renewal (or extension) of a certificate in progress at a time: the holder continues the open one. */
  private async assertNoOpenApplication(tx: EntityManager, cert: LinkedCertificate, kind: 'renewal' | 'extension'): Promise<void> {
    const [open] = await tx.query(
      `SELECT number, status FROM applications WHERE certificate_id = $1 AND kind = $2 AND status NOT IN ('rejected', 'withdrawn', 'granted', 'refused')`,
      [cert.id, kind],
    );
    if (open) {
      throw new DomainError('ALREADY_EXISTS', `certificate ${cert.number} already has a ${kind} application in progress: ${open.number} (${open.status})`, {
        application: open.number,
      });
    }
  }
}
