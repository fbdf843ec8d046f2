import { Client, types } from 'pg';

// A calendar date stays the string Postgres gives ('2026-11-26'), not a Date at local midnight.
types.setTypeParser(types.builtins.DATE, (value: string) => value);

/** A sentence a person can act on, instead of a stack trace, when Postgres is not there. */
export function postgresUnreachable(url: string, err: unknown): string {
  const u = new URL(url);
  const reason = err instanceof Error ? err.message : String(err);
  return (
    `Cannot reach PostgreSQL at ${u.hostname}:${u.port || 5432} (${reason}); start it with ` +
    `'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start' or 'docker compose up -d postgres', ` +
    `or set DATABASE_URL.`
  );
}

/**
 * Settings of every session the platform opens. No JIT compilation: the registry search statement
 * carries a branch it rarely runs whose estimate passes jit_above_cost, and compiling it took
 * 20 ms of a statement that otherwise takes 1–3 ms; no statement here reads enough rows to gain.
 */
export const SESSION_OPTIONS = '-c jit=off';

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

function maintenanceUrl(url: string): string {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
}

/** Runs `work` on a connection to the server's maintenance database (to create or drop the URL's own). */
async function onMaintenanceDatabase<T>(url: string, work: (client: Client, quotedName: string) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: maintenanceUrl(url), connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await work(client, `"${databaseName(url).replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** Creates the database named in the URL when it is missing (first start, or a test run). */
export function ensureDatabase(url: string): Promise<boolean> {
  return onMaintenanceDatabase(url, async (client, quotedName) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [databaseName(url)]);
    if (rowCount) return false;
    await client.query(`CREATE DATABASE ${quotedName}`);
    return true;
  });
}

export async function dropDatabase(url: string): Promise<void> {
  await onMaintenanceDatabase(url, (client, quotedName) => client.query(`DROP DATABASE IF EXISTS ${quotedName} WITH (FORCE)`));
}
