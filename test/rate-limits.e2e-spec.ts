import { PrincipalResolver, requiresCredentials } from '@app/identity';
import { TestUser, organization, regulator } from './support/actors';
import { startApi, TestApi } from './support/http';

/** Public routes are rate-limited in Redis: 429 with Retry-After, and a higher quota with an API key. */
describe('public rate limits', () => {
  let api: TestApi;
  const saved = { ...process.env };

  beforeAll(async () => {
    // This suite's own limits and counters (a sub-prefix of the run's, so teardown still removes them).
    Object.assign(process.env, {
      PUBLIC_RATE_LIMIT_PER_MINUTE: '5',
      API_KEY_RATE_LIMIT_PER_MINUTE: '8',
      REDIS_PREFIX: `${saved.REDIS_PREFIX}:ratelimits`,
    });
    api = await startApi();
  });
  afterAll(async () => {
    process.env = saved;
    await api?.close();
  });

  it('answers 429 with Retry-After once an anonymous client passes its quota', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await api.http().get('/api/v1/verify/SZS-2026-000001-6');
      statuses.push(res.status);
      if (i === 0) expect(res.headers['x-ratelimit-limit']).toBe('5');
      if (res.status === 429) {
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
        expect(res.body.error).toBe('RATE_LIMITED');
      }
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    await api.http().get('/api/v1/registry/certificates').expect(429);
  });

  it('gives an integrator with an API key its own, higher quota; a bad key is refused', async () => {
    const reg: TestUser = await regulator(api);
    const ent = await organization(api, reg, 'enterprise');
    const key = (
      await api
        .http()
        .post('/api/v1/api-keys')
        .set(ent.auth)
        .send({ name: 'retail checker', roles: ['enterprise_member'] })
        .expect(201)
    ).body.key;
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) statuses.push((await api.http().get('/api/v1/verify/SZS-2026-000001-6').set('X-API-Key', key)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 429]);
    // A made-up key costs a lookup, so it counts against the address, which the test above used up;
    // past the quota of unknown keys (5 here) an address is refused before the lookup.
    const lookups = jest.spyOn(api.app.get(PrincipalResolver), 'fromApiKey');
    for (let i = 0; i < 8; i++) {
      await api
        .http()
        .get('/api/v1/verify/SZS-2026-000001-6')
        .set('X-API-Key', `szs_00000000000${i}_` + 'a'.repeat(43))
        .expect(429);
    }
    expect(lookups).toHaveBeenCalledTimes(5);
    lookups.mockRestore();
    const refused = await api
      .http()
      .get('/api/v1/verify/SZS-2026-000001-6')
      .set('X-API-Key', 'szs_000000000009_' + 'a'.repeat(43))
      .expect(429);
    expect(refused.body.message).toMatch(/unknown API key/);
  });
});

/** Every API process counts against the same limit in Redis, reserving points a few at a time. */
describe('public rate limits across API processes', () => {
  const apis: TestApi[] = [];
  const saved = { ...process.env };

  beforeAll(async () => {
    // 250 a minute: each process reserves 2 points per Redis call (1 % of the limit).
    Object.assign(process.env, { PUBLIC_RATE_LIMIT_PER_MINUTE: '250', REDIS_PREFIX: `${saved.REDIS_PREFIX}:ratelimits-shared` });
    apis.push(await startApi(), await startApi());
  });
  afterAll(async () => {
    process.env = saved;
    for (const api of apis) await api.close();
  });

  it('lets no more than the limit through two processes together', async () => {
    let allowed = 0;
    for (let i = 0; i < 270; i++) {
      const res = await apis[i % 2].http().get('/api/v1/verify/SZS-2026-000001-6');
      if (res.status === 200) allowed++;
      else expect(res.status).toBe(429);
    }
    expect(allowed).toBeLessThanOrEqual(250);
    // A process may still hold one unused lease when the other is refused: at most 2 points each.
    expect(allowed).toBeGreaterThanOrEqual(246);
  });
});

/** A burst from one client renews its lease once, not once per request in flight. */
describe('public rate limits under a burst', () => {
  let api: TestApi;
  const saved = { ...process.env };

  beforeAll(async () => {
    Object.assign(process.env, { PUBLIC_RATE_LIMIT_PER_MINUTE: '1000', REDIS_PREFIX: `${saved.REDIS_PREFIX}:ratelimits-burst` });
    api = await startApi();
  });
  afterAll(async () => {
    process.env = saved;
    await api?.close();
  });

  it('counts 50 concurrent requests as 50, whatever the lease size (10 here)', async () => {
    const burst = await Promise.all(Array.from({ length: 50 }, () => api.http().get('/api/v1/verify/SZS-2026-000001-6')));
    expect(burst.map((r) => r.status)).toEqual(Array(50).fill(200));
    const after = await api.http().get('/api/v1/verify/SZS-2026-000001-6').expect(200);
    // 51 used; the process may hold at most one lease it has not used up (9 points).
    expect(Number(after.headers['x-ratelimit-remaining'])).toBeGreaterThanOrEqual(1000 - 51 - 9);
  });
});

/**
 * Routes anyone may call that are not counted, and why: each answers from memory without touching
 * PostgreSQL or Redis, or has a stricter limiter of its own. Every other route without credentials
 * must be rate-limited.
 */
const NOT_RATE_LIMITED = new Set([
  'POST /api/v1/auth/login', // LOGIN_MAX_ATTEMPTS per (address, email) and per address
  'POST /api/v1/auth/session', // the console's login: the same login limits
  'GET /api/v1/auth/session', // verifies the caller's own cookie (one indexed read when it is genuine)
  'DELETE /api/v1/auth/session', // clears a cookie
  'GET /.well-known/jwks.json', // keys loaded at start
  'GET /', // a redirect
  'GET /report', // an empty form
  'GET /complaint', // an empty form
  'GET /complaint/status', // an empty form
]);

/** Every public operation of the API docs (pages included) counts against a limit, and refuses past it. */
describe('every public route is rate-limited', () => {
  let api: TestApi;
  const saved = { ...process.env };
  const LIMIT = 12;

  beforeAll(async () => {
    Object.assign(process.env, {
      PUBLIC_RATE_LIMIT_PER_MINUTE: String(LIMIT),
      EXPORT_RATE_LIMIT_PER_HOUR: '2',
      REDIS_PREFIX: `${saved.REDIS_PREFIX}:ratelimits-every`,
    });
    api = await startApi();
  });
  afterAll(async () => {
    process.env = saved;
    await api?.close();
  });

  it('answers every operation without security with X-RateLimit-Limit, and 429 with Retry-After past it', async () => {
    const doc = (await api.http().get('/api/docs-json').expect(200)).body;
    const open = Object.entries(doc.paths as Record<string, Record<string, { security?: Record<string, unknown>[] }>>).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => !requiresCredentials(op.security))
        .map(([method]) => ({ method, path, route: `${method.toUpperCase()} ${path}` })),
    );
    // The pages for people are in the document too (HTML), so the walk covers them.
    expect(open.map((o) => o.route)).toEqual(
      expect.arrayContaining([
        'GET /api/v1/self-declarations',
        'GET /api/v1/self-declarations/{id}',
        'GET /api/v1/abnormal-operations',
        'GET /health',
        'POST /api/v1/misuse-reports',
        'GET /registry',
        'GET /registry/{number}',
        'GET /verify',
        'GET /v/{token}',
        'POST /report',
      ]),
    );
    const call = (o: (typeof open)[number]) =>
      api
        .http()
        [o.method as 'get'](o.path.replace(/\{[^}]+\}/g, 'SZS-2099-999999-X'))
        .send({});
    for (const o of open) {
      const first = await call(o);
      if (NOT_RATE_LIMITED.has(o.route)) {
        expect({ route: o.route, limit: first.headers['x-ratelimit-limit'] }).toEqual({ route: o.route, limit: undefined });
        continue;
      }
      expect({ route: o.route, limited: first.headers['x-ratelimit-limit'] !== undefined }).toEqual({ route: o.route, limited: true });
      // Routes share their policy's count, so most are refused at once; none answers past its limit.
      let refused = first;
      for (let i = 0; i < LIMIT && refused.status !== 429; i++) refused = await call(o);
      expect({ route: o.route, status: refused.status }).toEqual({ route: o.route, status: 429 });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    }
  });
});

/** The export reads the whole registry: its own, much lower limit per address and per API key. */
describe('the registry export has its own limit', () => {
  let api: TestApi;
  const saved = { ...process.env };

  beforeAll(async () => {
    Object.assign(process.env, {
      EXPORT_RATE_LIMIT_PER_HOUR: '2',
      EXPORT_API_KEY_RATE_LIMIT_PER_HOUR: '3',
      REDIS_PREFIX: `${saved.REDIS_PREFIX}:ratelimits-export`,
    });
    api = await startApi();
  });
  afterAll(async () => {
    process.env = saved;
    await api?.close();
  });

  it('refuses a third export in the hour with 429 naming EXPORT_RATE_LIMIT_PER_HOUR; other public reads still answer', async () => {
    for (const format of ['csv', 'jsonl']) {
      const ok = await api.http().get('/api/v1/registry/export').query({ format }).expect(200);
      expect(ok.headers['x-ratelimit-limit']).toBe('2');
    }
    const refused = await api.http().get('/api/v1/registry/export').query({ format: 'csv' }).expect(429);
    expect(refused.body.error).toBe('RATE_LIMITED');
    expect(refused.body.message).toContain('EXPORT_RATE_LIMIT_PER_HOUR');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(60); // the window is an hour
    await api.http().get('/api/v1/registry/certificates').expect(200);

    // An integrator's key has its own export quota; a made-up key is counted against the address.
    const reg: TestUser = await regulator(api);
    const ent = await organization(api, reg, 'enterprise');
    const key = (
      await api
        .http()
        .post('/api/v1/api-keys')
        .set(ent.auth)
        .send({ name: 'open data mirror', roles: ['enterprise_member'] })
        .expect(201)
    ).body.key;
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await api.http().get('/api/v1/registry/export').query({ format: 'jsonl' }).set('X-API-Key', key)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const madeUp = await api
      .http()
      .get('/api/v1/registry/certificates')
      .set('X-API-Key', 'szs_000000000000_' + 'a'.repeat(43))
      .expect(401);
    expect(madeUp.headers['x-ratelimit-limit']).toBeUndefined();
  });
});
