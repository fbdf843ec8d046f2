import { ConfigError, loadConfig, signingPrivateKeyPem } from '@app/shared';
import { seedDemo } from './demo/seed-demo';

/**
 * `node dist/scripts/seed.js`: migrate and load the demo data once, then exit (the development
 * docker-compose.yml runs it before api and worker). Refused in production: see seedDemo.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const { applied, loaded } = await seedDemo(config);
  if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
  console.log(loaded ? 'Loaded the demo data.' : 'Demo data already present.');
  // loadConfig generated the JWT secret into STATE_DIR; the signing key too, before api and worker start.
  signingPrivateKeyPem(config);
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
