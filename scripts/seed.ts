import { preflight } from '../libs/persistence/src/preflight';
import { ConfigError, loadConfig } from '../libs/shared/src/config/app-config';
import { migrations } from '../migrations';
import { seedDemo } from './demo/seed-demo';

/** `npm run seed`: migrate and load the demo data once, then exit (docker-compose runs it before api and worker). */
async function main(): Promise<void> {
  const config = loadConfig();
  await preflight(config, migrations);
  const { loaded } = await seedDemo(config.DATABASE_URL);
  console.log(loaded ? 'Loaded the demo data.' : 'Demo data already present.');
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
