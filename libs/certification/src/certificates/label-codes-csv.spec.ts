import type { DataSource } from 'typeorm';
import { labelCodesAsCsv } from './label-codes-csv';

/** A label_codes table of `n` rows in memory, answering the keyset query as PostgreSQL would. */
function fakeDb(n: number) {
  const rows = Array.from({ length: n }, (_, i) => ({ serial: i + 1, code: `ABCDEFGHJKLM${i % 10}`, token: `t${i + 1}` }));
  const calls: unknown[][] = [];
  const db = {
    query: async (sql: string, params: unknown[]) => {
      calls.push(params);
      const limit = Number(/LIMIT (\d+)/.exec(sql)![1]);
      return rows.filter((r) => r.serial > (params[1] as number)).slice(0, limit);
    },
  } as unknown as DataSource;
  return { db, calls };
}

describe('labelCodesAsCsv', () => {
  it('writes the header, then every code in serial order with its QR URL, a keyset page at a time', async () => {
    const { db, calls } = fakeDb(5001);
    const chunks: string[] = [];
    for await (const chunk of labelCodesAsCsv(db, 'https://verify.example/', 'batch-1')) chunks.push(chunk);
    const lines = chunks.join('').trimEnd().split('\n');
    expect(lines[0]).toBe('serial,code,qr_url');
    expect(lines).toHaveLength(5002);
    expect(lines[1]).toBe('1,ABCD-EFGH-JKLM-0,https://verify.example/v/t1');
    expect(lines[5001]).toMatch(/^5001,.*\/v\/t5001$/);
    // Two pages of rows, then an empty page ends the download.
    expect(calls).toEqual([
      ['batch-1', 0],
      ['batch-1', 5000],
      ['batch-1', 5001],
    ]);
  });
});
