import { preflight } from '@app/persistence';
import { ConfigError, loadConfig } from '@app/shared';
import { migrations } from '../migrations';

/**
 * `node dist/scripts/migrate.js`: checks PostgreSQL and Redis, creates the database if missing and
 * runs the migrations, then exits. docker-compose.production.yml runs it once before api and worker.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const applied = await preflight(config, migrations);
  console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'The database is up to date.');
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
