import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { REDIS } from '@app/persistence';
import { ConfigError } from '@app/shared';
import { TestUser, member, organization, regulator } from './support/actors';
import { certifiedEnterprise } from './support/case';
import { startApi, TestApi } from './support/http';
import { schemeWorld, SchemeWorld } from './support/scheme';
import { eventually, startWorker, WorkerProcess } from './support/worker';

/**
 * The client address behind every login limit, public rate limit, misuse-report limit and
 * counterfeit signal is request.ip: the TCP peer, or what a proxy named in TRUST_PROXY forwarded.
 * Test clients connect from 127.0.0.1, so TRUST_PROXY=127.0.0.1/32 makes the test client a proxy.
 */
describe('client addresses', () => {
  const saved = { ...process.env };
  let setup: TestApi;
  let worker: WorkerProcess;
  let reg: TestUser;
  let world: SchemeWorld;
  const labels: string[] = [];

  /** Small limits so a test reaches them; each API on its own Redis sub-prefix (teardown still removes it). */
  async function apiWith(name: string, trustProxy: string | undefined): Promise<TestApi> {
    const before = process.env;
    process.env = {
      ...saved,
      REDIS_PREFIX: `${saved.REDIS_PREFIX}:client-address-${name}`,
      PUBLIC_RATE_LIMIT_PER_MINUTE: '12',
      MISUSE_REPORT_LIMIT: '2',
      LOGIN_MAX_ATTEMPTS: '2',
    };
    if (trustProxy === undefined) delete process.env.TRUST_PROXY;
    else process.env.TRUST_PROXY = trustProxy;
    try {
      return await startApi();
    } finally {
      process.env = before;
    }
  }

  /** Open signals of the world's certification body for one label code (stored without dashes). */
  async function signalsFor(api: TestApi, code: string) {
    const res = await api.get('/api/v1/counterfeit-signals', { query: { status: 'open', pageSize: 100 }, auth: world.cbAdmin.auth, expect: 200 });
    return res.body.items.filter((s) => s.code === code.replace(/-/g, ''));
  }

  /** The headers of a request a proxy forwards for `address`. */
  const forwarded = (address: string) => ({ 'X-Forwarded-For': address });

  const REPORT = { description: '商场里看到的标志与证书型号不符' };
  const report = (api: TestApi, forwardedFor: string) => api.post('/api/v1/misuse-reports', { auth: forwarded(forwardedFor), body: REPORT, expect: 201 });
  // raw: the document gives a public route's 429 no body (reported), and these assertions read it
  const refusedReport = (api: TestApi, forwardedFor: string) => api.http().post('/api/v1/misuse-reports').set(forwarded(forwardedFor)).send(REPORT).expect(429);

  const wrongLogin = <S extends number>(api: TestApi, email: string, forwardedFor: string, expect: S) =>
    api.post('/api/v1/auth/login', { auth: forwarded(forwardedFor), body: { email, password: 'not-the-password' }, expect });

  const verify = <S extends number>(api: TestApi, code: string, forwardedFor: string, expect: S) =>
    api.get('/api/v1/verify/{code}', { params: { code }, auth: forwarded(forwardedFor), expect });

  beforeAll(async () => {
    setup = await apiWith('setup', undefined);
    worker = await startWorker('client-address');
    reg = await regulator(setup);
    world = await schemeWorld(setup, reg);
    const auditor = await member(setup, world.cbAdmin, ['auditor']);
    const decider = await member(setup, world.cbAdmin, ['decision_maker']);
    const cert = await certifiedEnterprise(setup, reg, world, { nameZh: '深圳市地址电子有限公司', nameEn: 'Shenzhen Dizhi Electronics' }, { auditor, decider });
    const grant = await setup.post('/api/v1/certificates/{id}/mark-grants', {
      params: { id: cert.id },
      auth: cert.ent.auth,
      body: { models: ['HQ-X1'], media: ['product'] },
      expect: 201,
    });
    const ofGrant = { id: grant.body.id };
    await setup.post('/api/v1/mark-grants/{id}/grant', { params: ofGrant, auth: world.cbAdmin.auth, body: {}, expect: 200 });
    const batch = await setup.post('/api/v1/mark-grants/{id}/label-batches', { params: ofGrant, auth: cert.ent.auth, body: { quantity: 4 }, expect: 202 });
    const ofBatch = { id: batch.body.id };
    await eventually(
      async () =>
        (await setup.get('/api/v1/label-batches/{id}', { params: ofBatch, auth: cert.ent.auth, expect: 200 })).body.status === 'ready' ? true : undefined,
      'the label codes',
    );
    const csv = await setup.get('/api/v1/label-batches/{id}/codes.csv', { params: ofBatch, auth: cert.ent.auth, expect: 200 });
    labels.push(
      ...csv.text
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(',')[1]),
    );
    expect(labels).toHaveLength(4);
  }, 120_000);
  afterAll(async () => {
    process.env = saved;
    await worker?.stop();
    await setup?.close();
  });

  it('refuses to start with TRUST_PROXY=true, saying why and what to write instead', async () => {
    const attempt = apiWith('refused', 'true');
    await expect(attempt).rejects.toThrow(ConfigError);
    await expect(attempt).rejects.toThrow(/TRUST_PROXY="true" — .*every X-Forwarded-For hop.*TRUST_PROXY=1/);
  });

  describe.each([
    ['no proxy configured', 'untrusted', undefined, 0],
    ['a proxy elsewhere (TRUST_PROXY=10.0.0.0/8)', 'elsewhere', '10.0.0.0/8', 1],
  ])('from a peer that is not a trusted proxy: %s', (_title, name, trustProxy, labelIndex) => {
    let api: TestApi;
    beforeAll(async () => {
      api = await apiWith(name, trustProxy);
    });
    afterAll(() => api?.close());

    it('keeps refusing public reads after the limit, whatever X-Forwarded-For says, and sees one network', async () => {
      const code = labels[labelIndex];
      const statuses: number[] = [];
      for (let i = 1; i <= 12; i++) statuses.push((await verify(api, code, `203.0.${i}.7`, 200)).status);
      expect(statuses).toEqual(new Array(12).fill(200));
      // raw: the document gives a public route's 429 no body (reported), and this assertion reads it
      const refused = await api.http().get(`/api/v1/verify/${code}`).set(forwarded('198.51.100.99')).expect(429);
      expect(refused.body.error).toBe('RATE_LIMITED');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      // Twelve "networks" in the header, one real peer: no many_networks signal (raised, if at all, before the answer).
      expect(await signalsFor(api, code)).toEqual([]);
    });

    it('keeps refusing misuse reports after the limit, whatever X-Forwarded-For says', async () => {
      // A process of its own: the public reads above used up this client's general public quota.
      const own = await apiWith(`${name}-reports`, trustProxy);
      try {
        await report(own, '203.0.113.1');
        await report(own, '203.0.113.2');
        const refused = await refusedReport(own, '203.0.113.3');
        expect(refused.body.message).toMatch(/misuse reports/);
        expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      } finally {
        await own.close();
      }
    });

    it('counts login attempts by the real address, whatever X-Forwarded-For says', async () => {
      const email = `nobody-${randomBytes(4).toString('hex')}@test.szs`;
      await wrongLogin(api, email, '203.0.113.1', 401);
      await wrongLogin(api, email, '203.0.113.2', 401);
      const refused = await wrongLogin(api, email, '203.0.113.3', 429);
      expect(refused.body.message).toMatch(/login attempts/);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('answers /health in detail to a caller on this machine, even when it forwards a public address', async () => {
      const res = await api.get('/health', { auth: forwarded('203.0.113.9'), expect: 200 });
      expect(res.body).toEqual({ status: 'ok', checks: { postgres: { status: 'up' }, redis: { status: 'up' } } });
    });
  });

  describe.each([
    ['its address (TRUST_PROXY=127.0.0.1/32)', 'proxy-address', '127.0.0.1/32', 2],
    ['a hop count (TRUST_PROXY=1)', 'proxy-hops', '1', 3],
  ])('through a trusted proxy named by %s', (_title, name, trustProxy, labelIndex) => {
    let api: TestApi;
    beforeAll(async () => {
      api = await apiWith(name, trustProxy);
    });
    afterAll(() => api?.close());

    it('gives each forwarded address its own public quota and counts the networks it comes from', async () => {
      const code = labels[labelIndex];
      // Thirteen shoppers in thirteen networks: more than one address's quota, all answered.
      for (let i = 1; i <= 13; i++) await verify(api, code, `203.0.${i}.7`, 200);
      expect(await signalsFor(api, code)).toEqual([expect.objectContaining({ reason: 'many_networks', kind: 'label', distinctNetworks: 5 })]);

      // One client adding addresses of its own in front of the one the proxy appended: still one client.
      const statuses: number[] = [];
      for (let i = 1; i <= 13; i++) {
        statuses.push((await verify(api, 'SZS-2026-000001-6', `198.18.${i}.1, 198.51.100.77`, i <= 12 ? 200 : 429)).status);
      }
      expect(statuses).toEqual([...new Array(12).fill(200), 429]);

      // An IPv6 client picking a new address of its /64 for every request: still one client.
      const v6: number[] = [];
      for (let i = 1; i <= 13; i++) v6.push((await verify(api, 'SZS-2026-000001-6', `2001:db8:77:5::${i.toString(16)}`, i <= 12 ? 200 : 429)).status);
      expect(v6).toEqual([...new Array(12).fill(200), 429]);
      // another /64 is another client
      await verify(api, 'SZS-2026-000001-6', '2001:db8:77:6::1', 200);
    });

    it('limits misuse reports per forwarded address', async () => {
      await report(api, '203.0.113.1');
      await report(api, '203.0.113.1');
      await report(api, '203.0.113.2');
      expect((await refusedReport(api, '203.0.113.1')).body.message).toMatch(/misuse reports/);
    });

    it('counts login attempts per forwarded address', async () => {
      const email = `nobody-${randomBytes(4).toString('hex')}@test.szs`;
      await wrongLogin(api, email, '203.0.113.1', 401);
      await wrongLogin(api, email, '203.0.113.1', 401);
      expect((await wrongLogin(api, email, '203.0.113.1', 429)).body.message).toMatch(/login attempts/);
      await wrongLogin(api, email, '203.0.113.2', 401);
    });

    it('answers /health with up or down only to a forwarded client, in detail to the regulator and to this machine', async () => {
      const outsider = forwarded('203.0.113.9');
      const outside = await api.get('/health', { auth: outsider, expect: 200 });
      expect(outside.body).toEqual({ status: 'ok' });

      const regulatorToken = await api.get('/health', { auth: { ...outsider, ...reg.auth }, expect: 200 });
      expect(regulatorToken.body).toEqual({ status: 'ok', checks: { postgres: { status: 'up' }, redis: { status: 'up' } } });
      const regulatorKey = (await api.post('/api/v1/api-keys', { auth: reg.auth, body: { name: 'monitoring', roles: ['regulator'] }, expect: 201 })).body.key;
      const withKey = await api.get('/health', { auth: { ...outsider, 'X-API-Key': regulatorKey }, expect: 200 });
      expect(withKey.body.checks).toBeDefined();

      const ent = await organization(api, reg, 'enterprise');
      expect((await api.get('/health', { auth: { ...outsider, ...ent.auth }, expect: 200 })).body).toEqual({ status: 'ok' });
      // Bad credentials on a public route: the public answer, not a 401.
      expect((await api.get('/health', { auth: { ...outsider, Authorization: 'Bearer nonsense' }, expect: 200 })).body).toEqual({ status: 'ok' });

      // The proxy's own machine asking directly (no forwarded address) is a local caller.
      expect((await api.get('/health', { expect: 200 })).body.checks).toBeDefined();
    });
  });

  it('answers /health 503 with Retry-After when a dependency is down, naming it only to this machine', async () => {
    const api = await apiWith('redis-lost', '127.0.0.1/32');
    try {
      // This API process loses its Redis connection for good (the shared server stays up for everyone else).
      api.app.get<Redis>(REDIS).disconnect();
      const outside = await api.get('/health', { auth: forwarded('203.0.113.9'), expect: 503 });
      expect(outside.body).toEqual({ status: 'down' });
      expect(Number(outside.headers['retry-after'])).toBeGreaterThan(0);
      const local = await api.get('/health', { expect: 503 });
      expect(local.body).toEqual({ status: 'down', checks: { postgres: { status: 'up' }, redis: { status: 'down', error: expect.any(String) } } });
    } finally {
      await api.close();
    }
  });
});
