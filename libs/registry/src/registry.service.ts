import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { fieldError, notFound } from '@app/shared';
import { ChangesQuery, RegistrySearchQuery } from './registry.dto';

/** The public record of a certificate: what anyone may see, nothing else. */
export const PUBLIC_ENTRY = `
  r.number, r.status, r.holder, r.certification_body AS "certificationBody", r.category, r.standard, r.scope,
  r.issued_on AS "issuedOn", r.expires_on AS "expiresOn", r.updated_at AS "updatedAt"`;

export interface PublicEntry {
  number: string;
  status: string;
  issuedOn: string;
  [field: string]: unknown;
}

const encodeCursor = (issuedOn: string, number: string) => Buffer.from(JSON.stringify([issuedOn, number])).toString('base64url');

function decodeCursor(cursor: string): [string, string] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (Array.isArray(v) && v.length === 2 && /^\d{4}-\d{2}-\d{2}$/.test(v[0]) && typeof v[1] === 'string') return [v[0], v[1]];
  } catch {
    // fall through
  }
  throw fieldError('VALIDATION_FAILED', 'after', 'is not a cursor this registry gave out');
}

/** Search, public records, the change feed and the open-data export of the registry. */
@Injectable()
export class RegistryService {
  constructor(private readonly db: DataSource) {}

  /** Newest first, keyset-paginated (stable under inserts, no OFFSET scans). */
  async search(q: RegistrySearchQuery): Promise<{ items: PublicEntry[]; nextCursor: string | null }> {
    const params: unknown[] = [];
    const where: string[] = ['TRUE'];
    if (q.q) {
      const text = q.q.trim().toLowerCase();
      if ([...text].length < 2) throw fieldError('VALIDATION_FAILED', 'q', 'must have at least 2 characters besides spaces');
      // The GIN index finds rows holding every bigram of the query; strpos keeps those holding it whole.
      where.push(`r.search_bigrams @> szs_bigrams($${params.push(text)}) AND strpos(r.search_text, $${params.length}) > 0`);
    }
    if (q.category) where.push(`r.category_code = $${params.push(q.category)}`);
    if (q.status) where.push(`r.status = $${params.push(q.status)}`);
    if (q.certificationBodyId) where.push(`r.certification_body_id = $${params.push(q.certificationBodyId)}`);
    if (q.issuedFrom) where.push(`r.issued_on >= $${params.push(q.issuedFrom)}`);
    if (q.issuedTo) where.push(`r.issued_on <= $${params.push(q.issuedTo)}`);
    if (q.after) {
      const [issuedOn, number] = decodeCursor(q.after);
      where.push(`(r.issued_on, r.number) < ($${params.push(issuedOn)}::date, $${params.push(number)})`);
    }
    const rows: PublicEntry[] = await this.db.query(
      `SELECT ${PUBLIC_ENTRY} FROM registry_entries r WHERE ${where.join(' AND ')}
        ORDER BY r.issued_on DESC, r.number DESC LIMIT ${q.limit + 1}`,
      params,
    );
    const more = rows.length > q.limit;
    const items = more ? rows.slice(0, q.limit) : rows;
    const last = items[items.length - 1];
    return { items, nextCursor: more && last ? encodeCursor(last.issuedOn, last.number) : null };
  }

  /** A certificate's public record with its full status history (event, date, public reason). */
  async record(number: string): Promise<Record<string, unknown>> {
    const [entry] = await this.db.query(`SELECT ${PUBLIC_ENTRY}, r.certificate_id FROM registry_entries r WHERE r.number = $1`, [number]);
    if (!entry) throw notFound('certificate', number);
    const history = await this.db.query(
      `SELECT e.id::text AS sequence, e.action AS event, e.to_status AS status, e.public_reason AS "publicReason", e.created_at AS at
         FROM certificate_events e WHERE e.certificate_id = $1 ORDER BY e.id`,
      [entry.certificate_id],
    );
    const { certificate_id: _id, ...record } = entry;
    return { ...record, history };
  }

  /** Every public change after a sequence number, oldest first: integrators poll it to stay in step. */
  async changes(q: ChangesQuery): Promise<{ items: Record<string, unknown>[]; lastSequence: number }> {
    const items: { sequence: string }[] = await this.db.query(
      `SELECT e.id::text AS sequence, c.number, e.action AS event, e.from_status AS "from", e.to_status AS status,
              e.public_reason AS "publicReason", e.created_at AS at
         FROM certificate_events e JOIN certificates c ON c.id = e.certificate_id
        WHERE e.id > $1 ORDER BY e.id LIMIT ${q.limit}`,
      [q.after],
    );
    return { items, lastSequence: items.length ? Number(items[items.length - 1].sequence) : q.after };
  }

  /** The whole registry in number order, one page at a time: memory stays flat at any size. */
  async *exportPages(pageSize = 2000): AsyncGenerator<PublicEntry[]> {
    let after = '';
    for (;;) {
      const page: PublicEntry[] = await this.db.query(
        `SELECT ${PUBLIC_ENTRY} FROM registry_entries r WHERE r.number > $1 ORDER BY r.number LIMIT ${pageSize}`,
        [after],
      );
      if (!page.length) return;
      yield page;
      after = page[page.length - 1].number;
    }
  }
}
