import { ensureDatabase } from '../../libs/persistence/src/database';
import { runMigrations } from '../../libs/persistence/src/migrate';
import { migrations } from '../../migrations';
import { testEnvironment } from './test-env';

export default async function globalSetup(): Promise<void> {
  Object.assign(process.env, testEnvironment());
  const url = process.env.DATABASE_URL!;
  try {
    await ensureDatabase(url);
  } catch (e) {
    throw new Error(`Tests need PostgreSQL at ${new URL(url).host}: ${(e as Error).message}. .ci/run starts it.`, { cause: e });
  }
  await runMigrations(url, migrations);
}
