import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import IORedis from 'ioredis';
import { Client } from 'pg';
import request from 'supertest';
import { databaseName, deleteKeysWithPrefix, dropDatabase } from '@app/persistence';
import ipaddr from 'ipaddr.js';
import { AppConfig } from '@app/shared';
import { ComposeProject, ComposeService, imageEnvironment, InterpolationError, loadCompose, runCommand, RunningService } from './support/compose';
import { newCreditCode } from './support/actors';
import { eventually } from './support/worker';

/**
 * The compose files as an operator runs them, without a Docker engine: each app service's own
 * command, on the built dist/, with exactly the environment the file (and the image's ENV) gives it.
 * What the containers' network and volumes provide is mapped onto this run: the hostnames
 * `postgres` and `redis` (and their credentials) become this run's PostgreSQL and Redis, each stack
 * gets its own database and Redis prefix, named volumes become directories shared by the services
 * that mount them, a container's own files a directory of its own, and the API listens on a free
 * port instead of the container's 3000.
 */
jest.setTimeout(180_000);

const PUBLISHED_JWT_SECRET = 'local-compose-secret-change-me-0123456789abcdef';
// One line each (m: a runtime warning Node may print before it is not the app's message).
const DEMO_REFUSAL =
  /^Refusing to load the demo data with NODE_ENV=production \(.+\); create the regulator and its first administrator with "node dist\/scripts\/bootstrap\.js --email … --name-zh … --credit-code …" \(npm run bootstrap -- …\) instead\.$/m;
const BOOTSTRAP_REFUSAL = /^Refusing to bootstrap: a regulator organization already exists \(.+\), so the bootstrap has already run; .+\.$/m;
const DEMO_ACCOUNTS_REFUSAL =
  /^Refusing to start with NODE_ENV=production: the database holds \d+ active demo accounts \(regulator@demo\.szs, .+\) whose password is published in this repository; deactivate or delete .+, or start from an empty database and create the regulator with "node dist\/scripts\/bootstrap\.js --email … --name-zh … --credit-code …"\.$/m;
const PUBLISHED_SECRET_REFUSAL = /^Configuration error: JWT_SECRET is a value published in this repository or an example placeholder, .+\.$/m;

interface Stack {
  project: ComposeProject;
  databaseUrl: string;
  redisPrefix: string;
  /** Volumes and container file systems of this stack. */
  root: string;
  containers: number;
}

const running: RunningService[] = [];

const PRODUCTION_FILE = 'docker-compose.production.yml';
/** What the operator gives the production file (its `${VAR:?}` variables). */
const PRODUCTION_SECRETS: Record<string, string> = {
  POSTGRES_PASSWORD: randomBytes(16).toString('hex'),
  PUBLIC_BASE_URL: 'https://szs.example.test',
  JWT_SECRET: randomBytes(48).toString('base64url'),
  SIGNING_PRIVATE_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
};

function newStack(file: string, shell: Record<string, string>, suffix: string): Stack {
  const db = new URL(process.env.DATABASE_URL!);
  db.pathname = `/${databaseName(process.env.DATABASE_URL!)}_${suffix}`;
  return {
    project: loadCompose(file, shell),
    databaseUrl: db.toString(),
    redisPrefix: `${process.env.REDIS_PREFIX}_${suffix}`,
    root: mkdtempSync(join(tmpdir(), `szs-compose-${suffix}-`)),
    containers: 0,
  };
}

async function removeStack(stack: Stack | undefined): Promise<void> {
  if (!stack) return;
  await dropDatabase(stack.databaseUrl);
  const redis = new IORedis(process.env.REDIS_URL!, { maxRetriesPerRequest: 1 });
  try {
    await deleteKeysWithPrefix(redis, stack.redisPrefix);
  } finally {
    redis.disconnect();
  }
  rmSync(stack.root, { recursive: true, force: true });
}

/** Where a path inside one container lives on this machine: in a named volume it mounts, or in the container's own files. */
function hostPath(stack: Stack, service: ComposeService, container: string, containerPath: string): string {
  for (const v of service.volumes) {
    const rel = posix.relative(v.target, containerPath);
    if (rel.startsWith('..') || posix.isAbsolute(rel)) continue;
    expect(stack.project.namedVolumes).toContain(v.source);
    return join(stack.root, 'volumes', v.source, rel);
  }
  return join(stack.root, 'containers', container, containerPath);
}

/** The environment of a new container of `service`: the image's ENV, the file's environment, the mapping described above. */
function containerEnvironment(stack: Stack, service: ComposeService, port?: number): Record<string, string> {
  const container = `${service.name}-${++stack.containers}`;
  const env: Record<string, string> = { ...imageEnvironment(), ...service.environment };

  const db = new URL(env.DATABASE_URL);
  const postgres = stack.project.services.postgres.environment;
  expect(db.hostname).toBe('postgres');
  // The app's credentials are the ones the postgres service is created with.
  expect(decodeURIComponent(db.username)).toBe(postgres.POSTGRES_USER ?? 'postgres');
  expect(decodeURIComponent(db.password)).toBe(postgres.POSTGRES_PASSWORD);
  expect(db.pathname).toBe(`/${postgres.POSTGRES_DB}`);
  env.DATABASE_URL = stack.databaseUrl;
  expect(new URL(env.REDIS_URL).hostname).toBe('redis');
  env.REDIS_URL = process.env.REDIS_URL!;
  env.REDIS_PREFIX = stack.redisPrefix;

  env.HOME = hostPath(stack, service, container, '/home/node');
  if (env.STATE_DIR) env.STATE_DIR = hostPath(stack, service, container, env.STATE_DIR);
  env.PATH = process.env.PATH!;
  if (port !== undefined) {
    env.PORT = String(port);
    env.HOST = '127.0.0.1';
  }
  return env;
}

function start(stack: Stack, service: ComposeService, options: { command?: string[]; port?: number } = {}): RunningService {
  const r = runCommand(options.command ?? service.command, containerEnvironment(stack, service, options.port));
  running.push(r);
  return r;
}

/** A one-shot container (`docker compose run --rm <service> [command]`): its exit code and what it printed. */
async function runOnce(
  stack: Stack,
  service: ComposeService,
  command?: string[],
): Promise<{ code: number | null | 'still running'; stdout: string; stderr: string }> {
  // A service that publishes a port gets a free one, in case the command serves (npm start does).
  const r = start(stack, service, { command, port: service.ports.length ? await freePort() : undefined });
  let timer: NodeJS.Timeout | undefined;
  const code = await Promise.race([r.exited, new Promise<'still running'>((resolve) => (timer = setTimeout(() => resolve('still running'), 90_000)))]);
  clearTimeout(timer);
  await r.stop();
  return { code, stdout: r.output(), stderr: r.stderr() };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Up (its /health answers 200) or down (it exited, with its code): whichever comes first. */
async function upOrExit(api: RunningService, port: number): Promise<'up' | 'neither within 90 s' | { code: number | null }> {
  let exited: { code: number | null } | undefined;
  void api.exited.then((code) => (exited = { code }));
  for (const deadline = Date.now() + 90_000; Date.now() < deadline;) {
    if (exited) return exited;
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).status === 200) return 'up';
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return 'neither within 90 s';
}

async function query<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    return (await db.query(sql, params)).rows as T[];
  } finally {
    await db.end();
  }
}

const bootstrap = (...args: string[]) => ['node', 'dist/scripts/bootstrap.js', ...args];

afterAll(async () => {
  await Promise.all(running.map((r) => r.stop()));
});

describe('docker-compose.yml: the development stack, as the README runs it on a laptop', () => {
  let stack: Stack;
  beforeAll(() => {
    stack = newStack('docker-compose.yml', {}, 'dev');
  });
  afterAll(async () => {
    await Promise.all(running.map((r) => r.stop()));
    await removeStack(stack);
  });

  it('runs a one-shot seed before api and worker, all in development mode, sharing one state volume', () => {
    const { seed, api, worker } = stack.project.services;
    expect(seed.dependsOn).toMatchObject({ postgres: 'service_healthy', redis: 'service_healthy' });
    expect(api.dependsOn).toMatchObject({ seed: 'service_completed_successfully' });
    expect(worker.dependsOn).toMatchObject({ seed: 'service_completed_successfully' });
    const stateDirs = [seed, api, worker].map((s) => {
      const env = { ...imageEnvironment(), ...s.environment };
      expect(env.NODE_ENV).toBe('development');
      return hostPath(stack, s, s.name, env.STATE_DIR);
    });
    expect(new Set(stateDirs).size).toBe(1);
    expect(stateDirs[0]).toContain(join(stack.root, 'volumes'));
  });

  it('comes up: the seed loads the demo data and exits 0, the api answers /health, the worker is ready and signs with the key the api publishes', async () => {
    const { seed, api, worker } = stack.project.services;
    const seeded = await runOnce(stack, seed);
    expect({ code: seeded.code, stderr: seeded.stderr }).toMatchObject({ code: 0 });
    expect(seeded.stdout).toContain('Loaded the demo data.');
    expect(await query(stack.databaseUrl, `SELECT email FROM users WHERE email = 'regulator@demo.szs'`)).toHaveLength(1);

    const port = await freePort();
    const apiProcess = start(stack, api, { port });
    const workerProcess = start(stack, worker);
    expect(await upOrExit(apiProcess, port)).toBe('up');
    await workerProcess.waitFor('worker ready');

    const http = () => request(`http://127.0.0.1:${port}`);
    const login = await http().post('/api/v1/auth/login').send({ email: 'regulator@demo.szs', password: 'Demo-Password-2026' });
    expect(login.status).toBe(200);
    // The worker issues the demo's decided cases; the api verifies the token it signed: one key, generated once into the shared volume.
    const [{ token }] = await eventually(
      async () => {
        const rows = await query<{ token: string }>(stack.databaseUrl, 'SELECT token FROM certificates WHERE token IS NOT NULL LIMIT 1');
        return rows.length ? rows : undefined;
      },
      'the worker to issue a demo certificate',
      60_000,
      500,
    );
    expect((await http().get(`/api/v1/verify/token/${token}`)).body).toMatchObject({ token: 'genuine', status: 'valid' });
    const volume = join(stack.root, 'volumes', stack.project.services.api.volumes[0].source);
    expect(readdirSync(volume).sort()).toEqual(['jwt-secret', 'signing-key.pem']);
  });

  it('refuses the bootstrap, since the demo world already has its regulator', async () => {
    const r = await runOnce(
      stack,
      stack.project.services.api,
      bootstrap('--email', 'admin@amr.test', '--name-zh', '深圳市市场监督管理局', '--credit-code', newCreditCode()),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(BOOTSTRAP_REFUSAL);
  });

  it('is refused by the production api and worker (its demo accounts share a published password) until they are deactivated as the refusal says', async () => {
    // An operator who ran the first docker-compose.yml in production mode, then switched to the production file on the same database.
    const production: Stack = { ...newStack(PRODUCTION_FILE, PRODUCTION_SECRETS, 'dev'), databaseUrl: stack.databaseUrl, redisPrefix: stack.redisPrefix };
    try {
      const { api, worker } = production.project.services;
      let remedy = '';
      for (const service of [api, worker]) {
        const port = await freePort();
        const r = start(production, service, { port });
        expect(await upOrExit(r, port)).toEqual({ code: 1 });
        expect(r.stderr()).toMatch(DEMO_ACCOUNTS_REFUSAL);
        remedy = /\(psql: (UPDATE [^)]+)\)/.exec(r.stderr())![1];
      }
      await query(stack.databaseUrl, remedy);
      expect(await query(stack.databaseUrl, `SELECT email FROM users WHERE active AND email LIKE '%demo.szs'`)).toEqual([]);
      const port = await freePort();
      expect(await upOrExit(start(production, api, { port }), port)).toBe('up');
    } finally {
      rmSync(production.root, { recursive: true, force: true });
    }
  });
});

describe('docker-compose.production.yml: every secret from the environment, no demo data, a one-time bootstrap', () => {
  const file = PRODUCTION_FILE;
  const secrets = PRODUCTION_SECRETS;
  let stack: Stack;
  let apiPort: number | undefined;
  beforeAll(() => {
    stack = newStack(file, secrets, 'prod');
  });
  afterAll(async () => {
    await Promise.all(running.map((r) => r.stop()));
    await removeStack(stack);
  });

  /** The production api, started once (by the first test that needs it). */
  async function productionApi(): Promise<number> {
    if (apiPort !== undefined) return apiPort;
    const port = await freePort();
    const api = start(stack, stack.project.services.api, { port });
    expect(await upOrExit(api, port)).toBe('up');
    return (apiPort = port);
  }

  it('cannot be resolved without its secrets: compose stops, naming each missing variable', () => {
    expect(() => loadCompose(file, {})).toThrow(InterpolationError);
    for (const name of Object.keys(secrets)) {
      const unset = { ...secrets };
      delete unset[name];
      expect(() => loadCompose(file, unset)).toThrow(new RegExp(`required variable ${name} is missing a value: set ${name}`));
      expect(() => loadCompose(file, { ...secrets, [name]: '' })).toThrow(new RegExp(`required variable ${name} is missing a value`));
    }
  });

  it('has no demo seed: a one-shot migrate runs before api and worker, all in production mode with the given secrets', () => {
    const { services } = stack.project;
    expect(Object.keys(services).sort()).toEqual(['api', 'migrate', 'postgres', 'redis', 'worker']);
    expect(services.api.dependsOn).toMatchObject({ migrate: 'service_completed_successfully' });
    expect(services.worker.dependsOn).toMatchObject({ migrate: 'service_completed_successfully' });
    for (const s of [services.migrate, services.api, services.worker]) {
      expect({ ...imageEnvironment(), ...s.environment }).toMatchObject({
        NODE_ENV: 'production',
        JWT_SECRET: secrets.JWT_SECRET,
        SIGNING_PRIVATE_KEY: secrets.SIGNING_PRIVATE_KEY,
        PUBLIC_BASE_URL: secrets.PUBLIC_BASE_URL,
      });
    }
  });

  it("trusts X-Forwarded-For from the host's reverse proxy only: TRUST_PROXY is the gateway of the subnet the file declares, the port is published on 127.0.0.1", () => {
    const { api, worker } = stack.project.services;
    // Through the published port the container sees the network's gateway as the peer, never 127.0.0.1.
    expect(api.ports).toEqual(['127.0.0.1:3000:3000']);
    expect(api.networks).toEqual(['default']);
    const [ipam] = stack.project.networks.default ?? [];
    expect(ipam).toBeDefined();
    const [network, prefix] = ipaddr.parseCIDR(ipam.subnet);
    // Docker's gateway is the first address of the subnet unless the file names another one.
    const gateway = ipam.gateway ?? ipaddr.fromByteArray(network.toByteArray().map((b, i, all) => (i === all.length - 1 ? b + 1 : b))).toString();
    expect(ipaddr.parse(gateway).match(network, prefix)).toBe(true);
    expect(api.environment.TRUST_PROXY).toBe(`${gateway}/32`);
    expect(worker.environment.TRUST_PROXY).toBe(`${gateway}/32`);
    // The operator can still name other proxies (or none: false).
    expect(loadCompose(file, { ...secrets, TRUST_PROXY: 'false' }).services.api.environment.TRUST_PROXY).toBe('false');
  });

  it('passes every setting of AppConfig to the api and the worker: what the operator sets arrives, what it leaves unset is empty (the default)', () => {
    // Fixed by the file: the stack's own services, the container's port, production mode; STATE_DIR only serves development.
    const fixed = ['NODE_ENV', 'DATABASE_URL', 'REDIS_URL', 'PORT', 'HOST', 'STATE_DIR'];
    const settings = Object.keys(new AppConfig()).filter((k) => !fixed.includes(k));
    expect(settings).toEqual(expect.arrayContaining(['WEBHOOK_ALLOWED_NETWORKS', 'LOGIN_MAX_ATTEMPTS', 'JOB_ATTEMPTS', 'TRUST_PROXY']));
    const given = Object.fromEntries(settings.map((k) => [k, `${k}-value`]));
    const { api, worker } = loadCompose(file, { ...secrets, ...given }).services;
    for (const service of [api, worker]) {
      for (const key of settings)
        expect({ service: service.name, key, value: service.environment[key] }).toEqual({ service: service.name, key, value: given[key] });
    }
    const unset = stack.project.services.api.environment;
    expect(settings.filter((k) => !(k in unset))).toEqual([]);
    expect(unset).toMatchObject({ LOGIN_MAX_ATTEMPTS: '', WEBHOOK_ALLOWED_NETWORKS: '', WORKER_QUEUES: '' });
  });

  it('comes up: migrate exits 0, the api answers /health and the worker is ready', async () => {
    const migrated = await runOnce(stack, stack.project.services.migrate);
    expect({ code: migrated.code, stderr: migrated.stderr }).toMatchObject({ code: 0 });
    expect(migrated.stdout).toMatch(/Applied migrations: /);
    await productionApi();
    await start(stack, stack.project.services.worker).waitFor('worker ready');
  });

  it('refuses the demo data: the seed and npm start stop with one sentence and exit 1', async () => {
    const seedCommand = loadCompose('docker-compose.yml', {}).services.seed.command;
    for (const command of [seedCommand, ['node', 'dist/scripts/start.js']]) {
      // `docker compose -f docker-compose.production.yml run --rm api node dist/scripts/seed.js`
      const r = await runOnce(stack, stack.project.services.api, command);
      expect({ command, code: r.code }).toEqual({ command, code: 1 });
      expect(r.stderr).toMatch(DEMO_REFUSAL);
    }
    const demo = await query(stack.databaseUrl, `SELECT 1 FROM information_schema.tables WHERE table_name = 'users'`).then((t) =>
      t.length ? query(stack.databaseUrl, `SELECT email FROM users WHERE email LIKE '%demo.szs'`) : [],
    );
    expect(demo).toEqual([]);
  });

  it('refuses the JWT secret the first docker-compose.yml published, naming the variable and never printing it', async () => {
    const published = newStack(file, { ...secrets, JWT_SECRET: PUBLISHED_JWT_SECRET }, 'prod');
    published.databaseUrl = stack.databaseUrl;
    try {
      for (const service of [published.project.services.api, published.project.services.worker]) {
        const port = await freePort();
        const r = start(published, service, { port });
        expect(await upOrExit(r, port)).toEqual({ code: 1 });
        expect(r.stderr()).toMatch(PUBLISHED_SECRET_REFUSAL);
        expect(r.stderr() + r.output()).not.toContain(PUBLISHED_JWT_SECRET);
      }
    } finally {
      rmSync(published.root, { recursive: true, force: true });
    }
  });

  it('validates the bootstrap input with sentences naming the option', async () => {
    const api = stack.project.services.api;
    const code = newCreditCode();
    const wrongCheck = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    const r = await runOnce(stack, api, bootstrap('--email', 'not-an-address', '--name-zh', '深圳市市场监督管理局', '--credit-code', wrongCheck));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`--credit-code: unified social credit code check character is wrong: GB 32100-2015 gives "${code[17]}"`);
    expect(r.stderr).toMatch(/--email: .*email.* \(got "not-an-address"\)\./);
    const missing = await runOnce(stack, api, bootstrap('--email', 'admin@amr.test'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^--name-zh, --credit-code are required\. Usage: node dist\/scripts\/bootstrap\.js/m);
    expect(await query(stack.databaseUrl, `SELECT 1 FROM organizations WHERE kind = 'regulator'`)).toEqual([]);
  });

  it('bootstraps the regulator once: of two runs at the same moment one creates it with a password that logs in as regulator, the other and every later run refuse', async () => {
    const api = stack.project.services.api;
    const creditCode = newCreditCode();
    const args = (email: string) =>
      bootstrap('--email', email, '--name-zh', '深圳市市场监督管理局', '--credit-code', creditCode, '--display-name', '系统管理员');
    const runs = await Promise.all([runOnce(stack, api, args('first@amr.test')), runOnce(stack, api, args('second@amr.test'))]);
    expect(runs.map((r) => r.code).sort()).toEqual([0, 1]);
    const winner = runs.find((r) => r.code === 0)!;
    const loser = runs.find((r) => r.code === 1)!;
    expect(loser.stderr).toMatch(BOOTSTRAP_REFUSAL);
    const email = winner.stdout.includes('first@amr.test') ? 'first@amr.test' : 'second@amr.test';
    const password = /^Password: (\S+)$/m.exec(winner.stdout)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(winner.stdout.split(password!)).toHaveLength(2);

    const port = await productionApi();
    const login = await request(`http://127.0.0.1:${port}`).post('/api/v1/auth/login').send({ email, password });
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ email, roles: ['regulator'], organizationKind: 'regulator' });
    const orgs = await request(`http://127.0.0.1:${port}`)
      .get('/api/v1/organizations?kind=regulator')
      .set({ Authorization: `Bearer ${login.body.accessToken}` });
    expect(orgs.status).toBe(200);
    expect(JSON.stringify(orgs.body)).toContain(creditCode);

    const again = await runOnce(stack, api, bootstrap('--email', 'third@amr.test', '--name-zh', '深圳市市场监督管理局', '--credit-code', newCreditCode()));
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(BOOTSTRAP_REFUSAL);
    expect(await query(stack.databaseUrl, `SELECT count(*)::int AS n FROM organizations WHERE kind = 'regulator'`)).toEqual([{ n: 1 }]);
  });
});
