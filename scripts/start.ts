import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '@app/shared';
import { DEMO_PASSWORD } from './demo/demo-data';
import { seedDemo } from './demo/seed-demo';

/**
 * `npm start`: checks the services, creates and migrates the database, loads the demo data
 * once, then runs the API and the worker and prints how to log in. A development tool: with
 * NODE_ENV=production it stops before touching anything (seedDemo refuses the demo data).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const { applied, loaded, logins } = await seedDemo(config);
  if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
  console.log(loaded ? 'Loaded the demo data.' : 'Demo data already present.');

  const dist = join(__dirname, '..');
  const children = [run('api', join(dist, 'apps/api/src/main.js')), run('worker', join(dist, 'apps/worker/src/main.js'))];
  const stop = (signal: NodeJS.Signals) => children.forEach((c) => c.exitCode === null && c.kill(signal));
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  const base = `http://localhost:${config.PORT}`;
  await waitForHealth(`http://127.0.0.1:${config.PORT}/health`, children[0]);
  const width = Math.max(...logins.map((l) => l.email.length));
  console.log(
    [
      '',
      `Shenzhen Standard platform is running: ${base}`,
      `Console (sign in with a demo login): ${base}/console/`,
      `API docs (OpenAPI): ${base}/api/docs   JSON: ${base}/api/docs-json`,
      `Demo logins (password for all: ${DEMO_PASSWORD}):`,
      ...logins.map((l) => `  ${l.email.padEnd(width)}  ${l.roles.join(', ').padEnd(18)} ${l.organization}`),
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
}

function run(name: string, file: string): ChildProcess {
  const child = spawn(process.execPath, [file], { stdio: ['ignore', 'inherit', 'inherit'], env: process.env });
  child.on('exit', (code, signal) => {
    console.log(`${name} stopped (${signal ?? `exit code ${code}`})`);
    process.exitCode = code ?? 0;
    // One process without the other is not a working platform: stop both.
    if (signal === null && code !== 0) process.kill(process.pid, 'SIGTERM');
  });
  return child;
}

async function waitForHealth(url: string, api: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (api.exitCode !== null) throw new ConfigError('The API stopped while starting; see the messages above.');
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new ConfigError(`The API did not answer ${url} within 60 s.`);
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
