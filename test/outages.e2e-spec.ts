import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { Response } from 'supertest';
import { ensureDatabase, runMigrations } from '@app/persistence';
import { migrations } from '../migrations';
import { TestUser, PASSWORD, regulator } from './support/actors';
import { startApi, TestApi } from './support/http';
import { missingForPrivateServices, PrivatePostgres, PrivateRedis, startPrivatePostgres, startPrivateRedis } from './support/private-services';
import { eventually } from './support/worker';

/**
 * The database or Redis going away under load: every request answers 503 with Retry-After and a
 * sentence naming the service (never 500, never a hang), everything answers again once the
 * service is back, and no write that was answered 201 is lost. The suite runs its own PostgreSQL
 * cluster and redis-server and stops those; the shared ones are never touched.
 */
const missing = missingForPrivateServices();
// CI installs what the suite needs and sets CI_REQUIRE_TOOLS=true: there a missing tool fails it; elsewhere it is skipped with a message.
const REQUIRE_TOOLS = process.env.CI_REQUIRE_TOOLS === 'true';
if (missing.length && !REQUIRE_TOOLS) console.warn(`outages suite skipped, missing: ${missing.join('; ')}`);
const suite = missing.length && !REQUIRE_TOOLS ? describe.skip : describe;

/** A request that gets no answer in this long counts as hung (status 0), which the suite refuses. */
const HUNG_MS = 15_000;
const NUMBER = 'SZS-2026-000001-6'; // a well-formed certificate number no certificate has: verify reads the database

interface Sample {
  route: string;
  status: number;
  retryAfter?: string;
  error?: string;
  message?: string;
  contentType?: string;
  /** When the answer came (Date.now()). */
  at?: number;
}

async function sample(route: string, send: () => Promise<Response>): Promise<Sample & { res?: Response }> {
  try {
    const res = await send();
    return {
      route,
      status: res.status,
      retryAfter: res.headers['retry-after'],
      error: res.body?.error,
      message: res.body?.message,
      contentType: res.headers['content-type'],
      at: Date.now(),
      res,
    };
  } catch (e) {
    return { route, status: 0, message: `no answer: ${(e as Error).message}` };
  }
}

/** Runs `loop` in `n` parallel lanes until `running()` is false. */
async function lanes(n: number, running: () => boolean, loop: () => Promise<void>): Promise<void> {
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (running()) await loop();
    }),
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Statuses per route, and how long after the service was back each route first answered 2xx (for the log, not asserted). */
function summary(samples: Sample[], backAt: number): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const s of samples) {
    out[s.route] ??= {};
    out[s.route][s.status] = (out[s.route][s.status] ?? 0) + 1;
    if (s.status < 300 && s.at! >= backAt) out[s.route].msToRecover ??= s.at! - backAt;
  }
  return out;
}

/** Every answer is a success or a 503 that says when to come back and which service is away. */
function expectOnlySuccessOr503(samples: Sample[], service: RegExp): void {
  const wrong = samples.filter((s) => !(s.status >= 200 && s.status < 300) && s.status !== 503);
  expect(wrong.slice(0, 5).map(({ route, status, message }) => ({ route, status, message }))).toEqual([]);
  for (const s of samples.filter((x) => x.status === 503)) {
    expect(Number(s.retryAfter)).toBeGreaterThan(0);
    expect(s.error).toBe('SERVICE_UNAVAILABLE');
    expect(s.message).toMatch(service);
  }
}

suite('outages of PostgreSQL and Redis', () => {
  let pg: PrivatePostgres;
  let redis: PrivateRedis;
  let api: TestApi;
  let reg: TestUser;
  const saved = { ...process.env };
  const timeout = (r: { timeout: (ms: { deadline: number }) => Promise<Response> }) => r.timeout({ deadline: HUNG_MS });

  beforeAll(async () => {
    if (missing.length) throw new Error(`CI_REQUIRE_TOOLS=true but the outages suite cannot run, missing: ${missing.join('; ')}`);
    [pg, redis] = await Promise.all([startPrivatePostgres(), startPrivateRedis()]);
    const url = pg.url('szs_outages');
    await ensureDatabase(url);
    await runMigrations(url, migrations);
    Object.assign(process.env, {
      DATABASE_URL: url,
      REDIS_URL: redis.url,
      // The load is one client address: its limits must not be what refuses it.
      PUBLIC_RATE_LIMIT_PER_MINUTE: '20000',
      LOGIN_MAX_ATTEMPTS: '100000',
    });
    api = await startApi();
    reg = await regulator(api);
  }, 120_000);

  afterAll(async () => {
    process.env = saved;
    await api?.close().catch(() => undefined);
    await Promise.all([pg?.destroy(), redis?.destroy()]);
  }, 60_000);

  // fast: the server ends every session with 57P01 and stops; immediate: a crash, connections just break.
  it.each(['immediate', 'fast'] as const)(
    'answers 503 naming PostgreSQL while it is stopped (%s) under reads and writes, recovers, and loses no 201',
    async (mode) => {
      const tag = randomBytes(3).toString('hex').toUpperCase();
      const samples: Sample[] = [];
      const created: string[] = [];
      let n = 0;
      let running = true;
      const write = async () => {
        const code = `OUT${tag}_${n++}`;
        const s = await sample('POST /api/v1/categories', () =>
          timeout(api.http().post('/api/v1/categories').set(reg.auth).send({ code, nameZh: '停机测试', nameEn: 'Outage test', pilot: false })),
        );
        samples.push(s);
        if (s.status === 201) created.push(code);
        if (created.length) {
          const some = created[Math.floor(Math.random() * created.length)];
          samples.push(await sample('GET /api/v1/categories/:code', () => timeout(api.http().get(`/api/v1/categories/${some}`).set(reg.auth))));
        }
      };
      const read = async () => {
        samples.push(await sample('GET /api/v1/registry/certificates', () => timeout(api.http().get('/api/v1/registry/certificates?limit=5'))));
        samples.push(await sample('GET /api/v1/verify/:code', () => timeout(api.http().get(`/api/v1/verify/${NUMBER}`))));
      };
      const load = Promise.all([lanes(3, () => running, write), lanes(2, () => running, read)]);

      await sleep(2000);
      await pg.stop(mode);
      const outageStarted = samples.length;
      // The pages and /health while the database is away: a page in the reader's language, no hang.
      const health = await sample('GET /health', () => timeout(api.http().get('/health')));
      const pageZh = await sample('GET /verify (zh)', () => timeout(api.http().get('/verify').query({ code: NUMBER })));
      const pageEn = await sample('GET /verify (en)', () => timeout(api.http().get('/verify').query({ code: NUMBER, lang: 'en' })));
      await sleep(5000);
      const duringOutage = samples.slice(outageStarted);
      await pg.start();
      const backAt = Date.now();
      await sleep(3000);
      running = false;
      await load;

      console.log(`PostgreSQL outage (${mode}), statuses per route:`, JSON.stringify(summary(samples, backAt)), `${created.length} created`);
      expectOnlySuccessOr503(samples, /PostgreSQL/);
      // The outage was seen, so the assertions above were about something.
      expect(duringOutage.filter((s) => s.status === 503).length).toBeGreaterThan(0);
      expect(samples.filter((s) => s.route.startsWith('POST') && s.status === 503).length).toBeGreaterThan(0);

      expect(health.status).toBe(503);
      for (const [page, lang, words] of [
        [pageZh, 'zh-Hans', /数据库（PostgreSQL）暂时无法访问/],
        [pageEn, 'en', /database \(PostgreSQL\) is unavailable/],
      ] as const) {
        expect(page.status).toBe(503);
        expect(Number(page.retryAfter)).toBeGreaterThan(0);
        expect(page.contentType).toMatch(/text\/html/);
        expect(page.res!.text).toContain(`<html lang="${lang}">`);
        expect(page.res!.text).toMatch(words);
      }

      // Back: every route answers again, and every category answered 201 is there.
      await eventually(
        async () =>
          (
            await api
              .http()
              .post('/api/v1/categories')
              .set(reg.auth)
              .send({ code: `OUT${tag}_AFTER${mode.toUpperCase()}`, nameZh: '恢复', nameEn: 'After', pilot: false })
          ).status === 201
            ? true
            : undefined,
        'a write after the outage',
      );
      await eventually(async () => ((await api.http().get(`/api/v1/verify/${NUMBER}`)).status === 200 ? true : undefined), 'a verification after the outage');
      await api.http().get('/api/v1/registry/certificates?limit=5').expect(200);
      await api.http().get('/health').expect(200);
      // The registry cache's listener is back too (else every verification reads the database for good).
      const admin = new Client({ connectionString: pg.url('postgres') });
      await admin.connect();
      try {
        await eventually(async () => {
          await api.http().get(`/api/v1/verify/${NUMBER}`);
          const { rows } = await admin.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'szs-registry-cache'`);
          return rows[0].n > 0 ? true : undefined;
        }, 'the registry cache to listen again');
      } finally {
        await admin.end();
      }
      expect(created.length).toBeGreaterThan(0);
      const missing: string[] = [];
      for (const code of created) if ((await api.http().get(`/api/v1/categories/${code}`).set(reg.auth)).status !== 200) missing.push(code);
      expect(missing).toEqual([]);
    },
    120_000,
  );

  it('does not count a login attempted while the database is away against the login limit', async () => {
    const saved2 = { ...process.env };
    Object.assign(process.env, { LOGIN_MAX_ATTEMPTS: '2', REDIS_PREFIX: `${saved.REDIS_PREFIX}:outage-logins` });
    const strict = await startApi();
    process.env = saved2;
    try {
      const login = () => timeout(strict.http().post('/api/v1/auth/login').send({ email: reg.email, password: PASSWORD }));
      await pg.stop('fast');
      const during: Sample[] = [];
      for (let i = 0; i < 4; i++) during.push(await sample('POST /api/v1/auth/login', login));
      await pg.start();
      expect(during.map((s) => s.status)).toEqual([503, 503, 503, 503]);
      expectOnlySuccessOr503(during, /PostgreSQL/);
      // Once the database is back the account is not locked out: 200, not 429.
      const status = await eventually(async () => {
        const res = await login();
        return res.status === 503 ? undefined : res.status;
      }, 'a login after the outage');
      expect(status).toBe(200);
    } finally {
      await strict.close();
    }
  }, 60_000);

  it('answers 503 naming Redis while it is stopped under verifications and logins, and recovers', async () => {
    const samples: Sample[] = [];
    let running = true;
    const verify = async () => {
      samples.push(await sample('GET /api/v1/verify/:code', () => timeout(api.http().get(`/api/v1/verify/${NUMBER}`))));
    };
    const login = async () => {
      samples.push(
        await sample('POST /api/v1/auth/login', () => timeout(api.http().post('/api/v1/auth/login').send({ email: reg.email, password: PASSWORD }))),
      );
    };
    const load = Promise.all([lanes(2, () => running, verify), lanes(2, () => running, login)]);

    await sleep(2000);
    await redis.stop();
    const outageStarted = samples.length;
    // A misuse report from the page is counted in Redis: the reader is told, in their language, to come back.
    const report = (lang: 'zh' | 'en') => () =>
      timeout(api.http().post('/report').type('form').send({ lang, description: 'The box shows a mark I do not trust' }));
    const pageZh = await sample('POST /report (zh)', report('zh'));
    const pageEn = await sample('POST /report (en)', report('en'));
    const health = await sample('GET /health', () => timeout(api.http().get('/health')));
    await sleep(4000);
    const duringOutage = samples.slice(outageStarted);
    await redis.start();
    const backAt = Date.now();
    await sleep(3000);
    running = false;
    await load;

    console.log('Redis outage, statuses per route:', JSON.stringify(summary(samples, backAt)));
    expectOnlySuccessOr503(samples, /Redis/);
    expect(duringOutage.filter((s) => s.route.startsWith('POST /api/v1/auth/login') && s.status === 503).length).toBeGreaterThan(0);

    expect(health.status).toBe(503);
    for (const [page, lang, words] of [
      [pageZh, 'zh-Hans', /（Redis）暂时无法访问/],
      [pageEn, 'en', /\(Redis\) is unavailable/],
    ] as const) {
      expect(page.status).toBe(503);
      expect(Number(page.retryAfter)).toBeGreaterThan(0);
      expect(page.res!.text).toContain(`<html lang="${lang}">`);
      expect(page.res!.text).toMatch(words);
    }

    await eventually(
      async () => ((await api.http().post('/api/v1/auth/login').send({ email: reg.email, password: PASSWORD })).status === 200 ? true : undefined),
      'a login after the outage',
    );
    await eventually(async () => ((await api.http().get(`/api/v1/verify/${NUMBER}`)).status === 200 ? true : undefined), 'a verification after the outage');
    await api.http().get('/health').expect(200);
  }, 120_000);
});
