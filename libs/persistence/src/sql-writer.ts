import type { ClientBase } from 'pg';

/**
 * Where a library's writer writes: the caller's transaction. A TypeORM EntityManager is one; a
 * plain pg client (the demo seed, the benchmarks) becomes one through `pgSqlWriter`, so scripts
 * write their rows with the libraries' own statements.
 */
export interface SqlWriter {
  query(sql: string, params: unknown[]): Promise<Record<string, unknown>[]>;
}

/** A pg client inside its own transaction as a writer. */
export const pgSqlWriter = (client: Pick<ClientBase, 'query'>): SqlWriter => ({
  query: async (sql, params) => (await client.query(sql, params)).rows,
});
