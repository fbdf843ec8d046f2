import 'reflect-metadata';
import { preflight } from '@app/persistence';
import { ConfigError, loadConfig } from '@app/shared';
import { migrations } from '../../../migrations';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfig();
  await preflight(config, migrations);
  const app = await createApiApp(config);
  await app.listen({ port: config.PORT, host: config.HOST });
}

main().catch((err: unknown) => {
  // A configuration or connectivity problem is one sentence, not a stack trace.
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
