import { ensureDatabase } from '../../libs/persistence/src/database';
import { runMigrations } from '../../libs/persistence/src/migrate';
import { migrations } from '../../migrations';
import type { GlobalConfig } from 'jest';
import { runsEndToEndSuites, staleBuild } from './build-freshness';
import { testEnvironment } from './test-env';

export default async function globalSetup(config: GlobalConfig): Promise<void> {
  const stale = runsEndToEndSuites(config) ? staleBuild(config.rootDir) : undefined;
  if (stale) throw new Error(stale);
  Object.assign(process.env, testEnvironment());
  const url = process.env.DATABASE_URL!;
  try {
    await ensureDatabase(url);
  } catch (e) {
    throw new Error(`Tests need PostgreSQL at ${new URL(url).host}: ${(e as Error).message}. .ci/run starts it.`, { cause: e });
  }
  await runMigrations(url, migrations);
}
