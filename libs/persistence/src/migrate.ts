import { DataSource, MigrationInterface } from 'typeorm';
import { ADVISORY_LOCKS } from './advisory-locks';

/** Serializes migrations between processes that start together (api, worker, tests). */
const MIGRATION_LOCK = ADVISORY_LOCKS.migrations;

/** The migration classes, in order (migrations/index.ts lists them). */
export type MigrationList = (new () => MigrationInterface)[];

export async function runMigrations(url: string, migrations: MigrationList): Promise<string[]> {
  const ds = new DataSource({ type: 'postgres', url, migrations, migrationsTransactionMode: 'each', logging: false });
  await ds.initialize();
  try {
    await ds.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      const done = await ds.runMigrations();
      return done.map((m) => m.name);
    } finally {
      await ds.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    await ds.destroy();
  }
}
