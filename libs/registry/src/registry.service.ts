import { Injectable } from '@nestjs/common';
import { PublicReads } from '@app/persistence';
import type { CategoryRef } from '@app/scheme';
import { fieldError, notFound, FIELD_RULES } from '@app/shared';
import { ChangesQuery, RegistrySearchQuery } from './registry.dto';
import {
  HolderListingView,
  RegistryChange,
  RegistryChangesView,
  RegistryEntryView,
  RegistryHistoryEntry,
  RegistryRecordView,
  RegistrySearchPage,
} from './registry-entry.view';
import { BigramFrequencies, bigramsOf, PUBLIC_ENTRY, readBigramFrequencies, searchStatement } from './registry-search';

/**
 * Selects exactly the fields of RegistryChange: one item of the change feed, which is also the body
 * of each webhook delivery.
 */
export const REGISTRY_CHANGE = `
  SELECT e.id::text AS sequence, c.number, e.action AS event, e.from_status AS "from", e.to_status AS status,
         e.public_reason AS "publicReason", e.created_at AS at
    FROM certificate_events e JOIN certificates c ON c.id = e.certificate_id`;

const FREQUENCIES_TTL_MS = 5 * 60_000;

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

/**
 * Search, public records, the change feed and the open-data export of the registry. Every read
 * runs on the public pool, under its statement timeout.
 */
@Injectable()
export class RegistryService {
  private frequencies: { map: BigramFrequencies; readAt: number } = { map: new Map(), readAt: 0 };

  constructor(private readonly db: PublicReads) {}

  /**
   * Which bigrams are common, from the planner's own statistics (refreshed by autovacuum's
   * ANALYZE), re-read every few minutes: they change as slowly as the registry's vocabulary.
   */
  private async bigramFrequencies(): Promise<BigramFrequencies> {
    if (Date.now() - this.frequencies.readAt > FREQUENCIES_TTL_MS) {
      this.frequencies.readAt = Date.now(); // one reader at a time; the others use the last map
      this.frequencies.map = await readBigramFrequencies((sql) => this.db.query(sql));
    }
    return this.frequencies.map;
  }

  /** Newest first, keyset-paginated (stable under inserts, no OFFSET scans). */
  async search(q: RegistrySearchQuery): Promise<RegistrySearchPage> {
    let text: string | undefined;
    if (q.q) {
      text = q.q.trim();
      if (!bigramsOf(text).length) throw fieldError('VALIDATION_FAILED', 'q', 'must have 2 adjacent characters that are not spaces', FIELD_RULES.searchTerm());
    }
    const statement = searchStatement(
      {
        text,
        category: q.category,
        status: q.status,
        certificationBodyId: q.certificationBodyId,
        issuedFrom: q.issuedFrom,
        issuedTo: q.issuedTo,
        after: q.after ? decodeCursor(q.after) : undefined,
        take: q.limit + 1,
      },
      text ? await this.bigramFrequencies() : undefined,
    );
    const rows = await this.db.query<RegistryEntryView>(statement.text, statement.values);
    const more = rows.length > q.limit;
    const items = more ? rows.slice(0, q.limit) : rows;
    const last = items[items.length - 1];
    return { items, nextCursor: more && last ? encodeCursor(last.issuedOn, last.number) : null };
  }

  /** A certificate's public record with its full status history (event, date, public reason). */
  async record(number: string): Promise<RegistryRecordView> {
    const [entry] = await this.db.query<RegistryEntryView & { certificate_id: string }>(
      `SELECT ${PUBLIC_ENTRY}, r.certificate_id FROM registry_entries r WHERE r.number = $1`,
      [number],
    );
    if (!entry) throw notFound('certificate', number);
    const history = await this.db.query<RegistryHistoryEntry>(
      `SELECT e.id::text AS sequence, e.action AS event, e.to_status AS status, e.public_reason AS "publicReason",
              e.details - 'applicationId' - 'revokedMarkGrants' AS details, e.created_at AS at
         FROM certificate_events e WHERE e.certificate_id = $1 ORDER BY e.id`,
      [entry.certificate_id],
    );
    // The credit context's tables, read by name (it depends on this context, not the other way):
    // listings in force whose public display credit repair has not ended.
    const holderListings = await this.db.query<HolderListingView>(
      `SELECT l.kind, to_char(l.listed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS since
         FROM (SELECT 'abnormal_operations' AS kind, enterprise_id, listed_at, removed_at, display_ended_at FROM abnormal_operations
               UNION ALL
               SELECT 'serious_violation', enterprise_id, listed_at, removed_at, display_ended_at FROM serious_violation_listings) l
        WHERE l.enterprise_id = (SELECT c.enterprise_id FROM certificates c WHERE c.id = $1)
          AND l.removed_at IS NULL AND l.display_ended_at IS NULL
        ORDER BY l.listed_at`,
      [entry.certificate_id],
    );
    const { certificate_id: _id, ...record } = entry;
    return { ...record, history, holderListings };
  }

  /** Every public change after a sequence number, oldest first: integrators poll it to stay in step. */
  async changes(q: ChangesQuery): Promise<RegistryChangesView> {
    const items = await this.db.query<RegistryChange>(`${REGISTRY_CHANGE} WHERE e.id > $1 ORDER BY e.id LIMIT ${q.limit}`, [q.after]);
    return { items, lastSequence: items.length ? Number(items[items.length - 1].sequence) : q.after };
  }

  /**
   * The categories that have at least one entry (a category with no certificate can only find
   * nothing), read from the public entries themselves so a filter offers nothing the registry does not.
   */
  categories(): Promise<CategoryRef[]> {
    return this.db.query<CategoryRef>(
      `SELECT DISTINCT ON (r.category_code) r.category_code AS code, r.category->>'nameZh' AS "nameZh", r.category->>'nameEn' AS "nameEn"
         FROM registry_entries r ORDER BY r.category_code`,
    );
  }

  /** The whole registry in number order, one page at a time: memory stays flat at any size. */
  async *exportPages(pageSize = 2000): AsyncGenerator<RegistryEntryView[]> {
    let after = '';
    for (;;) {
      const page = await this.db.query<RegistryEntryView>(
        `SELECT ${PUBLIC_ENTRY} FROM registry_entries r WHERE r.number > $1 ORDER BY r.number LIMIT ${pageSize}`,
        [after],
      );
      if (!page.length) return;
      yield page;
      after = page[page.length - 1].number;
    }
  }
}
