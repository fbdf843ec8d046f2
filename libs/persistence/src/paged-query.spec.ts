import { DataSource } from 'typeorm';
import { PageQuery } from '@app/shared';
import { pagedQuery, PagedSql } from './paged-query';

const pageQuery = (page: number, pageSize: number) => Object.assign(new PageQuery(), { page, pageSize });

/** Rows of two organizations, every name tied with another: only the id breaks the ties. */
const LIST = (organization: string): PagedSql => ({
  select: 'SELECT r.id, r.name FROM paged_rows r',
  countFrom: 'paged_rows r',
  where: 'r.organization = $1',
  orderBy: 'r.name, r.id',
  params: [organization],
});

describe('pagedQuery', () => {
  let db: DataSource;

  beforeAll(async () => {
    db = await new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, logging: false }).initialize();
    await db.query(`CREATE TABLE paged_rows (id int PRIMARY KEY, organization text NOT NULL, name text NOT NULL)`);
    await db.query(`INSERT INTO paged_rows SELECT i, CASE WHEN i % 3 = 0 THEN 'other' ELSE 'own' END, 'name ' || (i % 4) FROM generate_series(1, 30) i`);
  });

  afterAll(async () => {
    await db?.query(`DROP TABLE IF EXISTS paged_rows`);
    await db?.destroy();
  });

  it("walks the caller's rows page by page, each once, with the total of the caller's rows only", async () => {
    const seen: number[] = [];
    for (let page = 1; page <= 4; page++) {
      const answer = await pagedQuery<{ id: number }>(db, LIST('own'), pageQuery(page, 6));
      expect(answer).toMatchObject({ page, pageSize: 6, total: 20 });
      seen.push(...answer.items.map((r) => r.id));
    }
    const own = Array.from({ length: 30 }, (_, i) => i + 1).filter((i) => i % 3 !== 0);
    expect(seen).toHaveLength(own.length);
    expect([...seen].sort((a, b) => a - b)).toEqual(own);
  });

  it('answers a page past the end with no items and the total', async () => {
    await expect(pagedQuery(db, LIST('other'), pageQuery(3, 10))).resolves.toEqual({ items: [], page: 3, pageSize: 10, total: 10 });
  });

  it("runs inside a transaction on the transaction's connection (it sees the uncommitted row)", async () => {
    await db
      .transaction(async (tx) => {
        await tx.query(`INSERT INTO paged_rows VALUES (31, 'new', 'name 0')`);
        await expect(pagedQuery(tx, LIST('new'), pageQuery(1, 5))).resolves.toEqual({ items: [{ id: 31, name: 'name 0' }], page: 1, pageSize: 5, total: 1 });
        throw new Error('roll back');
      })
      .catch((e: Error) => expect(e.message).toBe('roll back'));
    await expect(pagedQuery(db, LIST('new'), pageQuery(1, 5))).resolves.toMatchObject({ items: [], total: 0 });
  });
});
