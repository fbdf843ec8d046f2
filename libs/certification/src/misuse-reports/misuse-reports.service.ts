import { Inject, Injectable } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TokenSigner } from '@app/documents';
import type { Principal } from '@app/identity';
import { APP_CONFIG, AppConfig, notFound, Page } from '@app/shared';
import { pagedQuery } from '@app/persistence';
import { enqueue } from '@app/queue';
import { planCertificateAudit } from '../follow-up-work';
import { classifyCertificateNumber } from '../certificates/certificate-number';
import { classifyLabelCode } from '../certificates/label-code';
import { caseScope } from '../tenancy';
import { CreateMisuseReportDto, MisuseReportQuery, MisuseReportStatusDto } from './misuse-report.dto';
import { MisuseReportReceipt, MisuseReportView } from './misuse-report.view';
import { misuseReportMachine, MisuseReportStatus } from './misuse-report-status.machine';

interface Target {
  certificateId: string;
  number: string;
  certificationBodyId: string;
  certificationBody: { nameZh: string; nameEn: string | null };
}

/** The certification body and the regulator see reports in full, contact included; nobody else does. */
const REPORT_VIEW = `
  SELECT m.id, m.reference, m.status, m.code, m.description, m.where_seen AS "whereSeen", m.contact,
         CASE WHEN c.id IS NULL THEN NULL
              ELSE json_build_object('id', c.id, 'number', c.number, 'status', c.status) END AS certificate,
         m.certification_body_id AS "certificationBodyId",
         m.created_at AS "createdAt", m.status_changed_at AS "statusChangedAt", m.handling_note AS note,
         m.complaint_id AS "complaintId"
    FROM misuse_reports m LEFT JOIN certificates c ON c.id = m.certificate_id`;

/**
 * Misuse reports from the public. A report naming a code that belongs to a certificate (its
 * number, a label code, or the QR link of either) is routed to that certificate's certification
 * body; every report reaches the regulator.
 */
@Injectable()
export class MisuseReportsService {
  private readonly addressKey: Buffer;

  constructor(
    private readonly db: DataSource,
    private readonly signer: TokenSigner,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    // A keyed hash: reports from one address can be told apart from others, but a plain hash of
    // an IPv4 address is reversed by trying all 2^32 of them.
    this.addressKey = createHmac('sha256', config.JWT_SECRET!).update('misuse-report-reporter-address').digest();
  }

  async create(dto: CreateMisuseReportDto, clientAddress: string): Promise<MisuseReportReceipt> {
    const target = dto.code ? await this.resolve(dto.code) : null;
    const [row] = await this.db.query(
      `INSERT INTO misuse_reports (code, certificate_id, certification_body_id, description, where_seen, contact, reporter_ip_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING reference, status, created_at AS "createdAt"`,
      [
        dto.code ?? null,
        target?.certificateId ?? null,
        target?.certificationBodyId ?? null,
        dto.description,
        dto.whereSeen ?? null,
        dto.contact ?? null,
        createHmac('sha256', this.addressKey).update(clientAddress).digest('hex'),
      ],
    );
    return {
      reference: row.reference,
      status: row.status,
      createdAt: row.createdAt instanceof Date ? row.createdAt.toISOString() : row.createdAt,
      certificateNumber: target?.number ?? null,
      routedTo: { certificationBody: target?.certificationBody ?? null, regulator: true },
    };
  }

  async list(caller: Principal, q: MisuseReportQuery): Promise<Page<MisuseReportView>> {
    const params: unknown[] = [];
    const where = [caseScope(caller, params, 'm', { enterprise: false })];
    if (q.status) where.push(`m.status = $${params.push(q.status)}`);
    return pagedQuery<MisuseReportView>(
      this.db,
      { select: REPORT_VIEW, countFrom: 'misuse_reports m', where: where.join(' AND '), orderBy: 'm.created_at DESC, m.id', params },
      q,
    );
  }

  async get(caller: Principal, id: string): Promise<MisuseReportView> {
    const params: unknown[] = [id];
    const [row]: MisuseReportView[] = await this.db.query(
      `${REPORT_VIEW} WHERE m.id = $1 AND ${caseScope(caller, params, 'm', { enterprise: false })}`,
      params,
    );
    if (!row) throw notFound('misuse report', id);
    return row;
  }

  /** One status change through the machine; the row lock makes concurrent changes take turns. */
  async changeStatus(caller: Principal, id: string, dto: MisuseReportStatusDto): Promise<MisuseReportView> {
    await this.db.transaction(async (tx) => {
      const params: unknown[] = [id];
      const [row] = await tx.query(
        `SELECT m.status, m.certificate_id, c.certification_body_id
           FROM misuse_reports m LEFT JOIN certificates c ON c.id = m.certificate_id
          WHERE m.id = $1 AND ${caseScope(caller, params, 'm', { enterprise: false })} FOR UPDATE OF m`,
        params,
      );
      if (!row) throw notFound('misuse report', id);
      const next: MisuseReportStatus = misuseReportMachine.next(row.status, dto.status);
      await tx.query(
        `UPDATE misuse_reports SET status = $2, status_changed_at = now(), status_changed_by = $3, handling_note = COALESCE($4, handling_note),
                version = version + 1 WHERE id = $1`,
        [id, next, caller.userId, dto.note?.trim() || null],
      );
      // A report taken into review about a certificate is a risk signal: an unannounced special audit of it
      // (one per report; the planner ignores a certificate that is no longer live).
      if (next === 'reviewing' && row.certificate_id) {
        await enqueue(
          tx,
          planCertificateAudit(
            { certificateId: row.certificate_id, kind: 'special', trigger: 'misuse_report', sourceId: id, unannounced: true },
            row.certification_body_id,
          ),
        );
      }
    });
    return this.get(caller, id);
  }

  /** The certificate a reported code belongs to, if any: a number, a label code, or a QR link or token. */
  private async resolve(code: string): Promise<Target | null> {
    let input = code.trim();
    const link = /\/v\/([A-Za-z0-9_.-]+)/.exec(input);
    if (link) input = link[1];
    if (/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(input)) {
      const claims = input.length <= 1024 ? await this.signer.verify(input) : null;
      const named = claims?.t === 'c' ? claims.n : claims?.t === 'l' ? claims.c : undefined;
      if (typeof named !== 'string') return null;
      input = named;
    }
    const targetColumns = `c.id AS "certificateId", c.number, c.certification_body_id AS "certificationBodyId",
      json_build_object('nameZh', cb.name_zh, 'nameEn', cb.name_en) AS "certificationBody"`;
    const cert = classifyCertificateNumber(input);
    if (cert?.kind === 'certificate') {
      const [row] = await this.db.query(
        `SELECT ${targetColumns} FROM certificates c JOIN organizations cb ON cb.id = c.certification_body_id WHERE c.number = $1`,
        [cert.number],
      );
      return row ?? null;
    }
    const label = classifyLabelCode(input);
    if (label?.kind === 'label') {
      const [row] = await this.db.query(
        `SELECT ${targetColumns} FROM label_codes l JOIN label_batches b ON b.id = l.batch_id JOIN mark_grants g ON g.id = b.mark_grant_id
           JOIN certificates c ON c.id = g.certificate_id JOIN organizations cb ON cb.id = c.certification_body_id WHERE l.code = $1`,
        [label.code],
      );
      return row ?? null;
    }
    return null;
  }
}
