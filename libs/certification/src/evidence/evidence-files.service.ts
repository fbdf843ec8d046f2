import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '@app/identity';
import { ADVISORY_LOCKS } from '@app/persistence';
import { APP_CONFIG, AppConfig, BUSY_RETRY_AFTER_SECONDS, DomainError, fieldError, notFound, FIELD_RULES } from '@app/shared';
import { applicationScope } from '../applications/application-records';
import { EVIDENCE_CONTENT_TYPES, evidenceFileName, SNIFF_BYTES, sniffEvidenceType } from './evidence-content';
import { EvidenceFileView } from './evidence-file.view';
import { ContentTooLargeError, EVIDENCE_STORE, EvidenceStore } from './evidence-store';

/** One file arriving in a request, as the HTTP edge hands it over. */
export interface EvidenceUpload {
  /** the name the client gave, unchecked */
  fileName: string | undefined;
  content: AsyncIterable<Buffer>;
  /**
   * Called once the content is stored, inside the transaction: refuses (throws) when the request
   * carries anything besides the one file, so nothing of it stays.
   */
  finish(): Promise<void>;
}

const VIEW_COLUMNS = `f.id, f.file_name AS "fileName", f.content_type AS "contentType", f.size::float8 AS size, f.sha256,
  f.created_at AS "createdAt", f.attached_at AS "attachedAt"`;

/**
 * Evidence files: uploaded unattached by a member of an organization, then attached to a
 * nonconformity's answer, an information request's answer or a finding (evidence-attachments.ts).
 */
@Injectable()
export class EvidenceFilesService {
  /** Uploads this process is receiving now (see EVIDENCE_UPLOADS_AT_ONCE). */
  private uploadsInFlight = 0;

  constructor(
    private readonly db: DataSource,
    @Inject(EVIDENCE_STORE) private readonly store: EvidenceStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get maxBytes(): number {
    return this.config.EVIDENCE_MAX_BYTES;
  }

  /**
   * Judges the type from the first bytes before the transaction (and its connection) is taken,
   * then streams the content into the store and writes the metadata in one transaction: a refusal
   * at any point (type, size, a second part, a stall, the quota) rolls everything back.
   */
  async upload(caller: Principal, upload: EvidenceUpload): Promise<EvidenceFileView> {
    if (this.uploadsInFlight >= this.config.EVIDENCE_UPLOADS_AT_ONCE) {
      throw new DomainError(
        'RATE_LIMITED',
        `this server is receiving ${this.uploadsInFlight} uploads already, the most at once (EVIDENCE_UPLOADS_AT_ONCE); try again in ${BUSY_RETRY_AFTER_SECONDS} s`,
        { retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS },
      );
    }
    this.uploadsInFlight++;
    try {
      return await this.receive(caller, upload);
    } finally {
      this.uploadsInFlight--;
    }
  }

  private async receive(caller: Principal, upload: EvidenceUpload): Promise<EvidenceFileView> {
    // Early, so a full quota costs no upload; checked again under the lock before the row is written.
    await this.assertUnattachedQuota(this.db.manager, caller);
    const source = upload.content[Symbol.asyncIterator]();
    const idleMs = this.config.EVIDENCE_UPLOAD_IDLE_SECONDS * 1000;
    /** The next piece, unless the client sends nothing for idleMs: then the upload is refused and its connection freed. */
    const next = async (): Promise<IteratorResult<Buffer>> => {
      let timer: NodeJS.Timeout | undefined;
      const stalled = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(fieldError('VALIDATION_FAILED', 'file', `nothing arrived for ${this.config.EVIDENCE_UPLOAD_IDLE_SECONDS} s: the upload was dropped`)),
          idleMs,
        );
      });
      try {
        return await Promise.race([source.next(), stalled]);
      } finally {
        clearTimeout(timer);
      }
    };
    const head: Buffer[] = [];
    let headBytes = 0;
    let ended = false;
    while (headBytes < SNIFF_BYTES) {
      const piece = await next();
      if (piece.done) {
        ended = true;
        break;
      }
      head.push(piece.value);
      headBytes += piece.value.length;
    }
    if (!headBytes) throw fieldError('VALIDATION_FAILED', 'file', 'is empty', FIELD_RULES.emptyFile());
    const contentType = sniffEvidenceType(Buffer.concat(head));
    if (!contentType) {
      const reason = `is not a PDF, PNG, JPEG or WebP file (judged by its content, whatever its name or declared type)`;
      throw new DomainError('UNSUPPORTED_MEDIA_TYPE', `file: ${reason}`, { accepted: EVIDENCE_CONTENT_TYPES }, [{ field: 'file', reasons: [reason] }]);
    }
    async function* content(): AsyncGenerator<Buffer> {
      yield* head;
      if (ended) return;
      for (let piece = await next(); !piece.done; piece = await next()) yield piece.value;
    }
    const id = randomUUID();
    const fileName = evidenceFileName(upload.fileName, contentType);
    try {
      await this.db.transaction(async (tx) => {
        const stored = await this.store.write(tx, id, content(), this.maxBytes);
        await upload.finish();
        // Serializes the organization's uploads only from here to the commit, not while bytes stream in.
        await tx.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [ADVISORY_LOCKS.evidenceUploads, caller.organizationId]);
        await this.assertUnattachedQuota(tx, caller);
        await tx.query(
          `INSERT INTO evidence_files (id, organization_id, uploaded_by_user_id, uploaded_by_api_key_id, file_name, content_type, size, sha256)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [id, caller.organizationId, caller.userId, caller.apiKeyId, fileName, contentType, stored.size, stored.sha256],
        );
      });
    } catch (e) {
      if (e instanceof ContentTooLargeError) throw this.tooLarge();
      throw e;
    }
    return this.get(caller, id);
  }

  private async assertUnattachedQuota(db: EntityManager, caller: Principal): Promise<void> {
    const cap = this.config.EVIDENCE_UNATTACHED_PER_ORGANIZATION;
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM evidence_files WHERE organization_id = $1 AND application_id IS NULL`, [
      caller.organizationId,
    ]);
    if (n >= cap) {
      throw new DomainError(
        'LIMIT_REACHED',
        `the organization holds ${n} evidence files not attached to anything, the most allowed (EVIDENCE_UNATTACHED_PER_ORGANIZATION=${cap}); ` +
          `attach them, or wait until unattached ones older than ${this.config.EVIDENCE_UNATTACHED_HOURS} h are removed`,
        { quota: 'EVIDENCE_UNATTACHED_PER_ORGANIZATION', limit: cap, used: n },
      );
    }
  }

  /** The refusal of a file over EVIDENCE_MAX_BYTES. */
  tooLarge(): DomainError {
    const reason = `is over the limit of ${this.maxBytes} bytes`;
    return new DomainError('PAYLOAD_TOO_LARGE', `file: ${reason}`, { maxBytes: this.maxBytes }, [{ field: 'file', reasons: [reason] }]);
  }

  /**
   * A file the caller may see: its organization uploaded it, or it is attached to a case the
   * caller is a party of (the enterprise, the certification body handling it, the regulator).
   * Anything else is "not found", so an id reveals nothing.
   */
  async get(caller: Principal, id: string): Promise<EvidenceFileView> {
    const params: unknown[] = [id, caller.organizationId];
    const [row]: EvidenceFileView[] = await this.db.query(
      `SELECT ${VIEW_COLUMNS} FROM evidence_files f
        WHERE f.id = $1
          AND (f.organization_id = $2
               OR EXISTS (SELECT 1 FROM applications a WHERE a.id = f.application_id AND ${applicationScope(caller, params)}))`,
      params,
    );
    if (!row) throw notFound('evidence file', id);
    return row;
  }

  /** The metadata and the content as a stream read chunk by chunk. */
  async open(caller: Principal, id: string): Promise<{ file: EvidenceFileView; content: Readable }> {
    const file = await this.get(caller, id);
    return { file, content: this.store.read(file.id, file.size) };
  }

  /**
   * Removes unattached files created before `before` (uploads never attached, or detached from
   * a finding): their content first, then the metadata, in one transaction per call.
   */
  async removeAbandoned(before: Date, limit = 50): Promise<number> {
    return this.db.transaction(async (tx) => {
      const rows: { id: string }[] = await tx.query(
        `SELECT id FROM evidence_files WHERE application_id IS NULL AND created_at < $1 ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [before, limit],
      );
      for (const { id } of rows) await this.store.delete(tx, id);
      if (rows.length) await tx.query(`DELETE FROM evidence_files WHERE id = ANY($1::uuid[])`, [rows.map((r) => r.id)]);
      return rows.length;
    });
  }
}
