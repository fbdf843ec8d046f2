import { Actor, organization, regulator } from './support/actors';
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
    const reg: Actor = await regulator(api);
    const ent = await organization(api, reg, 'enterprise');
    const key = (await api.http().post('/api/v1/api-keys').set(ent.auth).send({ name: 'retail checker', roles: ['enterprise_member'] }).expect(201)).body.key;
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) statuses.push((await api.http().get('/api/v1/verify/SZS-2026-000001-6').set('X-API-Key', key)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 429]);
    await api.http().get('/api/v1/verify/SZS-2026-000001-6').set('X-API-Key', 'szs_000000000000_' + 'a'.repeat(43)).expect(401);
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
