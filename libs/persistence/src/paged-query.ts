import { DataSource, EntityManager } from 'typeorm';
import { Page, pageOf, PageQuery } from '@app/shared';
import { PublicReads } from './public-reads';

/** A raw-SQL list, as `pagedQuery` reads one numbered page of it. */
export interface PagedSql {
  /** `SELECT … FROM …` with the joins the items' columns need. */
  select: string;
  /** What the count reads (`FROM` it): the listed table under the alias `where` uses, joined only where `where` needs it. */
  countFrom: string;
  /** The filters, tenancy first. Both statements take it, so the total counts only the rows the page may show. */
  where: string;
  /** Ends with a unique key: under OFFSET paging a tie would let a row repeat or vanish between pages. */
  orderBy: string;
  /** The parameters `where` refers to ($1…); the page's LIMIT and OFFSET are bound after them. */
  params: unknown[];
}

/**
 * One page of a list and the list's total (the `Page` envelope, ADR 0010): a count and the page,
 * built from the same `where`. On a DataSource the two run side by side on two connections; a
 * transaction's EntityManager has one connection, so there they run one after the other. A public
 * list passes the public-reads pool, whose statement timeout bounds both.
 */
export async function pagedQuery<T>(db: DataSource | EntityManager | PublicReads, sql: PagedSql, q: PageQuery): Promise<Page<T>> {
  const n = sql.params.length;
  const rows = <R>(text: string, values: unknown[]): Promise<R[]> => (db instanceof PublicReads ? db.query<R>(text, values) : db.query<R[]>(text, values));
  const page = () =>
    rows<T>(`${sql.select} WHERE ${sql.where} ORDER BY ${sql.orderBy} LIMIT $${n + 1} OFFSET $${n + 2}`, [...sql.params, q.pageSize, q.offset]);
  const count = async () => {
    const [{ total }] = await rows<{ total: number }>(`SELECT count(*)::int AS total FROM ${sql.countFrom} WHERE ${sql.where}`, sql.params);
    return total;
  };
  if (db instanceof EntityManager) {
    const total = await count();
    return pageOf(await page(), total, q);
  }
  const [items, total] = await Promise.all([page(), count()]);
  return pageOf(items, total, q);
}
