import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { isRegulator, Principal } from '@app/identity';
import { pagedQuery } from '@app/persistence';
import { enqueue, notify, NotificationAudience } from '@app/queue';
import { DomainError, fieldError, notFound, Page } from '@app/shared';
import { Actor, SYSTEM } from '../actor';
import { appendTimeline, readTimeline } from '../case-timeline';
import { caseReference } from '../case-reference';
import { classifyCertificateNumber } from '../certificates/certificate-number';
import { CertificatesService } from '../certificates/certificates.service';
import { planCertificateAudit } from '../follow-up-work';
import { certificateMatter, holderMatter, involvementIn } from '../impartiality';
import { caseScope } from '../tenancy';
import {
  AssignInvestigatorDto,
  CloseComplaintDto,
  ComplaintLookupDto,
  ComplaintQuery,
  ComplaintSpecialAuditDto,
  ComplaintSubject,
  ComplaintSuspensionDto,
  CreateComplaintDto,
  ResolveComplaintDto,
} from './complaint.dto';
import { ComplaintReceipt, ComplaintStatusView, ComplaintView } from './complaint.view';
import { ComplaintAction, complaintMachine, ComplaintStatus } from './complaint-status.machine';

/** What a complaint is about, resolved from the number or code it names. */
interface Target {
  certificateId: string | null;
  certificateNumber: string | null;
  enterpriseId: string | null;
  /** The body that handles it; null: the regulator. */
  handlingBodyId: string | null;
  aboutBodyId: string | null;
  handlingBody: { nameZh: string; nameEn: string | null } | null;
}

/** Who filed it: a member of the public (an address to write to) or a logged-in user. */
export type ComplaintFiler = { kind: 'public' } | { kind: 'user'; caller: Principal };

interface ComplaintState {
  id: string;
  reference: string;
  about: ComplaintSubject;
  status: ComplaintStatus;
  certificate_id: string | null;
  enterprise_id: string | null;
  certification_body_id: string | null;
  complainant_email: string | null;
  complainant_language: 'zh' | 'en';
  complainant_user_id: string | null;
  outcome: string | null;
}

const COMPLAINT_VIEW = `
  SELECT k.id, k.reference, k.about, k.status,
         CASE WHEN c.id IS NULL THEN NULL ELSE json_build_object('id', c.id, 'number', c.number, 'status', c.status) END AS certificate,
         CASE WHEN e.id IS NULL THEN NULL ELSE json_build_object('id', e.id, 'nameZh', e.name_zh, 'nameEn', e.name_en) END AS enterprise,
         CASE WHEN b.id IS NULL THEN NULL ELSE json_build_object('id', b.id, 'nameZh', b.name_zh, 'nameEn', b.name_en) END AS "aboutBody",
         k.certification_body_id AS "certificationBodyId", k.description,
         json_build_object('name', k.complainant_name, 'email', k.complainant_email, 'language', k.complainant_language,
                           'userId', k.complainant_user_id) AS complainant,
         k.misuse_report_id AS "misuseReportId",
         CASE WHEN i.id IS NULL THEN NULL ELSE json_build_object('id', i.id, 'displayName', i.display_name) END AS investigator,
         k.outcome, k.findings, k.actions_taken AS "actionsTaken", k.created_at AS "createdAt", k.updated_at AS "updatedAt"
    FROM complaints k
    LEFT JOIN certificates c ON c.id = k.certificate_id
    LEFT JOIN organizations e ON e.id = k.enterprise_id
    LEFT JOIN organizations b ON b.id = k.about_body_id
    LEFT JOIN users i ON i.id = k.investigator_id`;

/**
 * Complaints (ISO/IEC 17065 7.13) from anyone about a certified product, a holder or a certification
 * body's work. One about a certificate or its holder goes to the certificate's body; one about a
 * body's own work goes to the regulator. Investigated by someone of the handling organization not
 * involved in the matter; every step in the complaint's timeline; the complainant told the outcome.
 */
@Injectable()
export class ComplaintsService {
  constructor(
    private readonly db: DataSource,
    private readonly certificates: CertificatesService,
  ) {}

  async create(dto: CreateComplaintDto, by: ComplaintFiler): Promise<ComplaintReceipt> {
    if (by.kind === 'public' && !dto.email) throw fieldError('VALIDATION_FAILED', 'email', 'is required to file a complaint without logging in');
    return this.db.transaction(async (tx) => {
      const target = await this.target(tx, dto);
      const actor: Actor = by.kind === 'user' ? by.caller : SYSTEM;
      const { reference, createdAt } = await this.insert(
        tx,
        target,
        {
          about: dto.about,
          description: dto.description,
          name: dto.name ?? null,
          email: dto.email ?? null,
          language: dto.language ?? 'zh',
          userId: by.kind === 'user' ? by.caller.userId : null,
          misuseReportId: null,
        },
        actor,
      );
      return {
        reference,
        status: 'acknowledged' as const,
        createdAt: createdAt.toISOString(),
        certificateNumber: target.certificateNumber,
        handledBy: { certificationBody: target.handlingBody, regulator: target.handlingBodyId === null },
      };
    });
  }

  /**
   * A misuse report found to be a matter for a complaint: a complaint about the reported certificate,
   * handled by its body (or, with no certificate matched, the report cannot become one). Linked both ways.
   */
  async escalateMisuseReport(caller: Principal, reportId: string): Promise<ComplaintView> {
    const id = await this.db.transaction(async (tx) => {
      const params: unknown[] = [reportId];
      const [report] = await tx.query(
        `SELECT m.id, m.reference, m.description, m.contact, m.certificate_id, m.complaint_id FROM misuse_reports m
          WHERE m.id = $1 AND ${caseScope(caller, params, 'm', { enterprise: false })} FOR UPDATE`,
        params,
      );
      if (!report) throw notFound('misuse report', reportId);
      if (report.complaint_id) {
        throw new DomainError('ALREADY_EXISTS', `misuse report ${report.reference} was already escalated to a complaint`, { complaintId: report.complaint_id });
      }
      if (!report.certificate_id) {
        throw new DomainError('RULE_VIOLATION', `misuse report ${report.reference} names no certificate: a complaint needs the product or holder it is about`, {
          rule: 'misuse_report_without_certificate',
          reference: report.reference,
        });
      }
      const [cert] = await tx.query(`SELECT number FROM certificates WHERE id = $1`, [report.certificate_id]);
      const target = await this.target(tx, { about: 'product', certificateNumber: cert.number });
      const email = typeof report.contact === 'string' && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(report.contact) ? report.contact : null;
      const created = await this.insert(
        tx,
        target,
        {
          about: 'product',
          description: report.description.length >= 10 ? report.description : `${report.description} (${report.reference})`,
          name: null,
          email,
          language: 'zh',
          // The reporter left no address: the complaint is the escalating user's to follow.
          userId: email ? null : caller.userId,
          misuseReportId: report.id,
        },
        caller,
        `escalated from misuse report ${report.reference}`,
      );
      await tx.query(`UPDATE misuse_reports SET complaint_id = $2, version = version + 1 WHERE id = $1`, [report.id, created.id]);
      return created.id;
    });
    return this.get(caller, id);
  }

  /** The complainant's own look-up: the reference and the e-mail it was filed with, or 404 (never which of the two was wrong). */
  async lookup(dto: ComplaintLookupDto): Promise<ComplaintStatusView> {
    const [row]: ComplaintStatusView[] = await this.db.query(
      `SELECT k.reference, k.about, k.status, k.created_at AS "createdAt",
              CASE WHEN k.status = 'closed' THEN k.outcome END AS outcome,
              (SELECT max(e.created_at) FROM complaint_events e WHERE e.complaint_id = k.id AND e.to_status = 'closed') AS "closedAt"
         FROM complaints k WHERE k.reference = $1 AND lower(k.complainant_email) = lower($2)`,
      [dto.reference, dto.email],
    );
    if (!row) throw notFound('complaint', dto.reference);
    return row;
  }

  async list(caller: Principal, q: ComplaintQuery): Promise<Page<ComplaintView>> {
    const params: unknown[] = [];
    const where = [this.visible(caller, params)];
    if (q.status) where.push(`k.status = $${params.push(q.status)}`);
    const page = await pagedQuery<Omit<ComplaintView, 'timeline'>>(
      this.db,
      { select: COMPLAINT_VIEW, countFrom: 'complaints k', where: where.join(' AND '), orderBy: 'k.created_at DESC, k.id', params },
      q,
    );
    return { ...page, items: page.items.map((c) => ({ ...c, timeline: [] })) };
  }

  async get(caller: Principal, id: string): Promise<ComplaintView> {
    const params: unknown[] = [id];
    const [row] = await this.db.query(`${COMPLAINT_VIEW} WHERE k.id = $1 AND ${this.visible(caller, params)}`, params);
    if (!row) throw notFound('complaint', id);
    // The complainant sees where it stands; how it was handled, step by step, is the handlers'.
    const handler = this.handles(caller, row.certificationBodyId);
    return { ...row, timeline: handler ? await readTimeline(this.db, 'complaint', id) : [] };
  }

  async assignInvestigator(caller: Principal, id: string, dto: AssignInvestigatorDto): Promise<ComplaintView> {
    return this.step(caller, id, 'assign_investigator', dto.reason ?? null, async (tx, k) => {
      const [person] = await tx.query(`SELECT id, display_name FROM users WHERE id = $1 AND organization_id = $2 AND active`, [
        dto.investigatorId,
        caller.organizationId,
      ]);
      if (!person) throw fieldError('REFERENCE_NOT_FOUND', 'investigatorId', 'is not an active user of the organization handling the complaint');
      const matter =
        k.about === 'product' && k.certificate_id
          ? await certificateMatter(tx, k.certificate_id)
          : k.about === 'holder' && k.enterprise_id && k.certification_body_id
            ? await holderMatter(tx, k.enterprise_id, k.certification_body_id)
            : null;
      const why = matter ? await involvementIn(tx, person.id, matter) : null;
      if (why) {
        throw new DomainError(
          'INVESTIGATOR_NOT_IMPARTIAL',
          `impartiality rule: a complaint is investigated by someone not involved in the matter; ${person.display_name} is ${why}`,
          { rule: 'ISO/IEC 17065 7.13: investigator not involved', investigatorId: person.id },
        );
      }
      await tx.query(`UPDATE complaints SET investigator_id = $2 WHERE id = $1`, [k.id, person.id]);
      return `investigator: ${person.display_name}${dto.reason ? ` (${dto.reason})` : ''}`;
    });
  }

  /** A special audit of the certificate complained about, planned by the worker (one per complaint). */
  async requestSpecialAudit(caller: Principal, id: string, dto: ComplaintSpecialAuditDto): Promise<ComplaintView> {
    return this.step(caller, id, 'request_special_audit', dto.reason ?? null, async (tx, k) => {
      const cert = this.bodysCertificate(caller, k, 'request a special audit');
      await enqueue(
        tx,
        planCertificateAudit(
          { certificateId: cert, kind: 'special', trigger: 'complaint', sourceId: k.id, unannounced: dto.unannounced ?? false },
          caller.organizationId,
        ),
      );
      return `special audit requested${dto.unannounced ? ' (unannounced)' : ''}${dto.reason ? `: ${dto.reason}` : ''}`;
    });
  }

  /** The certificate complained about suspended by its body, through the certificate's own state machine. */
  async suspendCertificate(caller: Principal, id: string, dto: ComplaintSuspensionDto): Promise<ComplaintView> {
    return this.step(caller, id, 'suspend_certificate', dto.privateNote ?? null, async (tx, k) => {
      const cert = this.bodysCertificate(caller, k, 'suspend the certificate');
      const change = await this.certificates.changeWithin(tx, cert, 'suspend', caller, dto.publicReason, dto.privateNote ?? `complaint ${k.reference}`);
      return `certificate ${change.number} suspended (${dto.publicReason})`;
    });
  }

  async resolve(caller: Principal, id: string, dto: ResolveComplaintDto): Promise<ComplaintView> {
    return this.step(caller, id, 'resolve', null, async (tx, k) => {
      await tx.query(`UPDATE complaints SET outcome = $2, findings = $3, actions_taken = $4 WHERE id = $1`, [
        k.id,
        dto.outcome,
        dto.findings,
        dto.actions ?? null,
      ]);
      return `outcome: ${dto.outcome}`;
    });
  }

  /** Closed when the complainant is told the outcome: the message goes out through the queue in this transaction. */
  async close(caller: Principal, id: string, dto: CloseComplaintDto): Promise<ComplaintView> {
    return this.step(caller, id, 'close', dto.message ?? null, async (tx, k) => {
      const audience: NotificationAudience[] = k.complainant_user_id
        ? [{ userId: k.complainant_user_id }]
        : k.complainant_email
          ? [{ email: k.complainant_email, language: k.complainant_language }]
          : [];
      await enqueue(
        tx,
        notify(
          {
            event: 'complaint_outcome',
            key: `complaint:${k.id}:outcome`,
            audience,
            subjectNumber: k.reference,
            link: '/complaint/status',
            params: { reference: k.reference, outcome: k.outcome ?? '', ...(dto.message ? { message: dto.message } : {}) },
          },
          k.certification_body_id,
        ),
      );
      return `complainant told the outcome (${k.outcome})`;
    });
  }

  /**
   * One step of the handling, as the handling organization takes it: the complaint locked, the
   * machine asked, the change and its timeline entry written together.
   */
  private async step(
    caller: Principal,
    id: string,
    action: ComplaintAction,
    reason: string | null,
    work: (tx: EntityManager, k: ComplaintState) => Promise<string>,
  ): Promise<ComplaintView> {
    await this.db.transaction(async (tx) => {
      const params: unknown[] = [id];
      const [k]: ComplaintState[] = await tx.query(
        `SELECT k.id, k.reference, k.about, k.status, k.certificate_id, k.enterprise_id, k.certification_body_id, k.complainant_email,
                k.complainant_language, k.complainant_user_id, k.outcome
           FROM complaints k WHERE k.id = $1 AND ${caseScope(caller, params, 'k', { enterprise: false })} FOR UPDATE`,
        params,
      );
      if (!k) throw notFound('complaint', id);
      if (!this.handles(caller, k.certification_body_id)) {
        throw new DomainError('FORBIDDEN_ROLE', 'this complaint is handled by the certification body concerned; the regulator handles complaints about a body');
      }
      const to = complaintMachine.next(k.status, action);
      const what = await work(tx, k);
      await tx.query(`UPDATE complaints SET status = $2, version = version + 1, updated_at = now() WHERE id = $1`, [k.id, to]);
      await appendTimeline(tx, 'complaint', k.id, { action, from: k.status, to, actor: caller, reason: reason ? `${what}: ${reason}` : what });
    });
    return this.get(caller, id);
  }

  /** The handling organization: the body concerned, or the regulator for a complaint about a body. */
  private handles(caller: Principal, certificationBodyId: string | null): boolean {
    return certificationBodyId === null ? isRegulator(caller) : caller.organizationId === certificationBodyId;
  }

  /** Actions on a certificate are its body's (the regulator never decides a certification). */
  private bodysCertificate(caller: Principal, k: ComplaintState, what: string): string {
    if (!k.certificate_id || k.certification_body_id !== caller.organizationId) {
      throw new DomainError('RULE_VIOLATION', `only a complaint about a certificate lets its certification body ${what}`, {
        rule: 'complaint_not_about_certificate',
      });
    }
    return k.certificate_id;
  }

  /** Handlers see what they handle (the regulator everything); a user who complained sees their own. */
  private visible(caller: Principal, params: unknown[]): string {
    const handler = caseScope(caller, params, 'k', { enterprise: false });
    return caller.userId ? `(${handler} OR k.complainant_user_id = $${params.push(caller.userId)})` : handler;
  }

  private async insert(
    tx: EntityManager,
    target: Target,
    c: {
      about: ComplaintSubject;
      description: string;
      name: string | null;
      email: string | null;
      language: 'zh' | 'en';
      userId: string | null;
      misuseReportId: string | null;
    },
    actor: Actor,
    why: string | null = null,
  ): Promise<{ id: string; reference: string; createdAt: Date }> {
    const reference = await caseReference(tx, 'CMP', 'complaint_seq');
    const [row] = await tx.query(
      `INSERT INTO complaints (reference, about, certificate_id, enterprise_id, certification_body_id, about_body_id, description,
                               complainant_name, complainant_email, complainant_language, complainant_user_id, misuse_report_id, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'acknowledged') RETURNING id, created_at AS "createdAt"`,
      [
        reference,
        c.about,
        target.certificateId,
        target.enterpriseId,
        target.handlingBodyId,
        target.aboutBodyId,
        c.description,
        c.name,
        c.email,
        c.language,
        c.userId,
        c.misuseReportId,
      ],
    );
    // Received and acknowledged at once: the reference is the acknowledgement.
    await appendTimeline(tx, 'complaint', row.id, { action: 'receive', from: null, to: 'received', actor, reason: why });
    await appendTimeline(tx, 'complaint', row.id, {
      action: 'acknowledge',
      from: 'received',
      to: complaintMachine.next('received', 'acknowledge'),
      actor: SYSTEM,
      reason: `reference ${reference}`,
    });
    const link = `/console/complaints/${row.id}`;
    const params = { reference, about: c.about, ...(target.certificateNumber ? { certificateNumber: target.certificateNumber } : {}) };
    if (target.handlingBodyId) {
      await enqueue(
        tx,
        notify(
          {
            event: 'complaint_received',
            key: `complaint:${row.id}:received`,
            audience: [{ organizationId: target.handlingBodyId, roles: ['cb_admin'] }],
            subjectNumber: reference,
            link,
            params,
          },
          target.handlingBodyId,
        ),
      );
    } else {
      const regulators: { id: string }[] = await tx.query(`SELECT id FROM organizations WHERE kind = 'regulator'`);
      await enqueue(
        tx,
        notify({
          event: 'body_complained_about',
          key: `complaint:${row.id}:received`,
          audience: regulators.map((r) => ({ organizationId: r.id, roles: ['regulator'] })),
          subjectNumber: reference,
          link,
          params,
        }),
      );
    }
    return { id: row.id, reference, createdAt: row.createdAt };
  }

  /** What the complaint names, and so who handles it; a number or code that names nothing is a 400 on its field. */
  private async target(tx: EntityManager, dto: Pick<CreateComplaintDto, 'about' | 'certificateNumber' | 'creditCode'>): Promise<Target> {
    if (dto.certificateNumber) {
      const classified = classifyCertificateNumber(dto.certificateNumber);
      if (classified?.kind !== 'certificate') {
        throw fieldError('VALIDATION_FAILED', 'certificateNumber', 'is not a certificate number (SZS-2026-000123-F), or its check character is wrong');
      }
      const [cert] = await tx.query(
        `SELECT c.id, c.number, c.enterprise_id, c.certification_body_id, cb.name_zh, cb.name_en
           FROM certificates c JOIN organizations cb ON cb.id = c.certification_body_id WHERE c.number = $1`,
        [classified.number],
      );
      if (!cert) throw fieldError('REFERENCE_NOT_FOUND', 'certificateNumber', 'no certificate has this number');
      const aboutBody = dto.about === 'certification_body';
      return {
        certificateId: cert.id,
        certificateNumber: cert.number,
        enterpriseId: aboutBody ? null : cert.enterprise_id,
        handlingBodyId: aboutBody ? null : cert.certification_body_id,
        aboutBodyId: aboutBody ? cert.certification_body_id : null,
        handlingBody: aboutBody ? null : { nameZh: cert.name_zh, nameEn: cert.name_en },
      };
    }
    if (dto.about === 'product') throw fieldError('VALIDATION_FAILED', 'certificateNumber', 'is required for a complaint about a certified product');
    if (!dto.creditCode)
      throw fieldError('VALIDATION_FAILED', 'creditCode', 'give a certificate number or the unified social credit code of who the complaint is about');
    const kind = dto.about === 'holder' ? 'enterprise' : 'certification_body';
    const [org] = await tx.query(`SELECT id FROM organizations WHERE credit_code = $1 AND kind = $2`, [dto.creditCode, kind]);
    if (!org) throw fieldError('REFERENCE_NOT_FOUND', 'creditCode', `no ${kind.replace('_', ' ')} has this unified social credit code`);
    if (kind === 'certification_body') {
      return { certificateId: null, certificateNumber: null, enterpriseId: null, handlingBodyId: null, aboutBodyId: org.id, handlingBody: null };
    }
    // A holder is handled by the body of its latest certificate.
    const [latest] = await tx.query(
      `SELECT c.certification_body_id, cb.name_zh, cb.name_en FROM certificates c JOIN organizations cb ON cb.id = c.certification_body_id
        WHERE c.enterprise_id = $1 ORDER BY c.issued_on DESC, c.created_at DESC LIMIT 1`,
      [org.id],
    );
    if (!latest) throw fieldError('REFERENCE_NOT_FOUND', 'creditCode', 'this enterprise holds no Shenzhen Standard certificate');
    return {
      certificateId: null,
      certificateNumber: null,
      enterpriseId: org.id,
      handlingBodyId: latest.certification_body_id,
      aboutBodyId: null,
      handlingBody: { nameZh: latest.name_zh, nameEn: latest.name_en },
    };
  }
}
