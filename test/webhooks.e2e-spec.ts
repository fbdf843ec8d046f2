import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import type { Role } from '@app/identity';
import { verifyWebhook } from '@app/registry';
import { TestUser, member, organization, regulator } from './support/actors';
import { issuedCertificate, IssuedCertificate } from './support/case';
import { startApi, TestApi } from './support/http';
import { declaringEnterprise, SchemeWorld, schemeWorld } from './support/scheme';
import { eventually, startWorker, WorkerProcess } from './support/worker';

/** The operator allow-list that lets the receivers of this suite, on this machine, get deliveries. */
const LOCAL_NETWORKS = '127.0.0.1/32,::1/128';
const WORKER_ENV = { JOB_ATTEMPTS: '3', JOB_BACKOFF_MS: '100', WEBHOOK_PAUSE_AFTER_FAILURES: '2' };

interface Receiver {
  server: Server;
  port: number;
  url: string;
  /** Deliveries answered with a 2xx. */
  received: { body: string; headers: IncomingHttpHeaders }[];
  /** Every request, whatever the answer. */
  requests: number;
  connections: number;
  /** The status of the next answer, from the request's number (1-based). */
  answer: (call: number) => number;
}

/** An integrator's receiver on 127.0.0.1; by default the first delivery fails with 500 and the rest succeed. */
function receiver(answer: (call: number) => number = (call) => (call === 1 ? 500 : 204)): Promise<Receiver> {
  const server = createServer();
  const r: Receiver = { server, port: 0, url: '', received: [], requests: 0, connections: 0, answer };
  server.on('connection', () => r.connections++);
  server.on('request', (req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const status = r.answer(++r.requests);
      if (status < 300) r.received.push({ body, headers: req.headers });
      res.writeHead(status).end(status < 300 ? '' : 'try again');
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      r.port = (server.address() as AddressInfo).port;
      r.url = `http://127.0.0.1:${r.port}/hooks/szs`;
      resolve(r);
    }),
  );
}

const stop = (r: Receiver) => new Promise<void>((resolve) => r.server.close(() => resolve()));

describe('webhooks for integrators', () => {
  /** The address rules as in production (no allow-list; http still allowed outside production). */
  let api: TestApi;
  /** The same platform with WEBHOOK_ALLOWED_NETWORKS opening this machine, so local receivers can subscribe. */
  let localApi: TestApi;
  let worker: WorkerProcess;
  let reg: TestUser;
  let world: SchemeWorld;
  let auditor: TestUser;
  let decider: TestUser;
  let cert: IssuedCertificate | undefined;
  const saved = { ...process.env };

  beforeAll(async () => {
    process.env.WEBHOOK_MAX_SUBSCRIPTIONS = '3';
    api = await startApi();
    process.env.WEBHOOK_ALLOWED_NETWORKS = LOCAL_NETWORKS;
    localApi = await startApi();
    process.env = { ...saved };
    worker = await startWorker('webhooks', { ...WORKER_ENV, WEBHOOK_ALLOWED_NETWORKS: LOCAL_NETWORKS });
    reg = await regulator(api);
    world = await schemeWorld(api, reg);
    auditor = await member(api, world.cbAdmin, ['auditor']);
    decider = await member(api, world.cbAdmin, ['decision_maker']);
  }, 60_000);
  afterAll(async () => {
    process.env = saved;
    await worker?.stop();
    await localApi?.close();
    await api?.close();
  });

  /** A certificate issued through the pipeline, for a new enterprise. */
  async function issue(): Promise<IssuedCertificate> {
    const { admin: ent, declarationId } = await declaringEnterprise(api, reg, world);
    return issuedCertificate(api, world, { ent, declarationId, auditor, decider });
  }

  /** One more public registry change: a certificate issued, or then suspended, or restored when it was. */
  async function registryChange(): Promise<void> {
    if (!cert) {
      cert = await issue();
      return;
    }
    const params = { id: cert.id };
    const auth = world.cbAdmin.auth;
    const { body } = await api.get('/api/v1/certificates/{id}', { params, auth, expect: 200 });
    if (body.status === 'suspended') await api.post('/api/v1/certificates/{id}/restore', { params, auth, body: {}, expect: 200 });
    else await api.post('/api/v1/certificates/{id}/suspend', { params, auth, body: { publicReason: 'other' }, expect: 200 });
  }

  /** An API key of the organization with the given roles. */
  const apiKey = async (admin: TestUser, roles: Role[]) =>
    (await api.post('/api/v1/api-keys', { auth: admin.auth, body: { name: `key ${roles.join(' ')}`, roles }, expect: 201 })).body.key;

  it('delivers every registry change, HMAC-signed, retrying a failed delivery, and logs it', async () => {
    const hook = await receiver();
    try {
      const retailer = await organization(api, reg, 'enterprise');
      const key = await apiKey(retailer, ['enterprise_admin']);
      const byKey = { 'X-API-Key': key };
      const sub = await localApi.post('/api/v1/webhooks', { auth: byKey, body: { url: hook.url, description: '门店验真系统' }, expect: 201 });
      expect(sub.body.secret).toMatch(/^whsec_/);
      expect(sub.body).toMatchObject({ url: hook.url, state: 'active', active: true, consecutiveFailures: 0, pausedAt: null });
      expect(JSON.stringify((await localApi.get('/api/v1/webhooks', { auth: byKey, expect: 200 })).body)).not.toContain(sub.body.secret);
      await localApi.post('/api/v1/webhooks', { auth: byKey, body: { url: 'ftp://example.cn/x' }, expect: 400 });

      // a certificate issued through the pipeline, then suspended
      const { admin: ent, declarationId } = await declaringEnterprise(api, reg, world);
      cert = await issuedCertificate(api, world, { ent, declarationId, auditor, decider });
      await eventually(async () => (hook.received.length >= 1 ? true : undefined), 'the issue delivery (after one failure)');
      await api.post('/api/v1/certificates/{id}/suspend', {
        params: { id: cert.id },
        auth: world.cbAdmin.auth,
        body: { publicReason: 'nonconforming_product', privateNote: '内部：抽检批次 7' },
        expect: 200,
      });
      await eventually(async () => (hook.received.length >= 2 ? true : undefined), 'the suspend delivery');

      const [issued, suspended] = hook.received.map((r) => ({ ...r, json: JSON.parse(r.body) }));
      expect(issued.json).toMatchObject({ number: cert.number, event: 'issue', status: 'valid' });
      expect(suspended.json).toMatchObject({
        number: cert.number,
        event: 'suspend',
        from: 'valid',
        status: 'suspended',
        publicReason: 'nonconforming_product',
      });
      expect(suspended.body).not.toContain('抽检批次');
      for (const r of hook.received) {
        expect(verifyWebhook(sub.body.secret, r.body, String(r.headers['x-szs-signature']))).toBe(true);
        expect(verifyWebhook('whsec_wrong', r.body, String(r.headers['x-szs-signature']))).toBe(false);
      }
      // the same events are in the change feed, with the same sequence numbers
      const feed = await api.get('/api/v1/registry/changes', { query: { after: Number(issued.json.sequence) - 1 }, expect: 200 });
      expect(feed.body.items.slice(0, 2).map((c) => c.sequence)).toEqual([issued.json.sequence, suspended.json.sequence]);

      const params = { id: sub.body.id };
      const log = await api.get('/api/v1/webhooks/{id}/deliveries', { params, auth: byKey, expect: 200 });
      const issueLog = log.body.items.find((d) => d.sequence === issued.json.sequence);
      expect(issueLog).toMatchObject({ status: 'delivered', attempts: 2, lastStatusCode: 204 });
      await api.get('/api/v1/webhooks/{id}/deliveries', { params, auth: ent.auth, expect: 404 });
      await api.post('/api/v1/webhooks/{id}/deactivate', { params, auth: byKey, expect: 200 });
      const again = await api.post('/api/v1/webhooks/{id}/deactivate', { params, auth: byKey, expect: 409 });
      expect(again.body.message).toContain("webhook subscription is 'deactivated'");
    } finally {
      await stop(hook);
    }
  });

  it('refuses loopback, private, link-local and metadata addresses when subscribing, naming url and why', async () => {
    const admin = await organization(api, reg, 'enterprise');
    const refused: [string, string][] = [
      ['http://127.0.0.1:8080/hooks', '127.0.0.1 is a loopback address'],
      ['http://localhost/hooks', 'localhost resolves to'],
      ['http://10.0.0.1/', '10.0.0.1 is a private address'],
      ['http://169.254.169.254/latest/meta-data', '169.254.169.254 is a link-local address'],
      ['http://[::1]/', '::1 is a loopback address'],
      ['http://[fd00::1]/', 'fd00::1 is a unique-local (private) address'],
      ['http://[::ffff:127.0.0.1]/', 'the IPv6 form of 127.0.0.1, a loopback address'],
      ['http://2130706433/', '127.0.0.1 is a loopback address'],
      ['http://metadata.google.internal/computeMetadata/v1/', 'metadata.google.internal is a cloud metadata service'],
      ['http://user:secret@93.184.215.14/', 'must not carry a user name or password'],
    ];
    for (const [url, why] of refused) {
      const res = await api.post('/api/v1/webhooks', { auth: admin.auth, body: { url }, expect: 400 });
      expect({ url, status: res.status, field: res.body.fields?.[0]?.field }).toEqual({ url, status: 400, field: 'url' });
      expect(res.body.message).toContain(why);
    }
    expect((await api.get('/api/v1/webhooks', { auth: admin.auth, expect: 200 })).body).toEqual({ items: [], page: 1, pageSize: 20, total: 0 });
  });

  it('lets only administrators (users or API keys with an administrator role) manage webhooks', async () => {
    const admin = await organization(api, reg, 'enterprise');
    const staff = await member(api, admin, ['enterprise_member']);
    const staffKey = await apiKey(admin, ['enterprise_member']);
    for (const who of [staff.auth, { 'X-API-Key': staffKey }]) {
      const res = await api.post('/api/v1/webhooks', { auth: who, body: { url: 'https://93.184.215.14/hooks' }, expect: 403 });
      expect(res.body.message).toContain('enterprise_admin');
      await api.get('/api/v1/webhooks', { auth: who, expect: 403 });
    }
    const sub = await api.post('/api/v1/webhooks', { auth: admin.auth, body: { url: 'https://93.184.215.14/hooks' }, expect: 201 });
    const params = { id: sub.body.id };
    await api.get('/api/v1/webhooks/{id}/deliveries', { params, auth: staff.auth, expect: 403 });
    await api.post('/api/v1/webhooks/{id}/deactivate', { params, auth: staff.auth, expect: 403 });
    await api.post('/api/v1/webhooks/{id}/deactivate', { params, auth: admin.auth, expect: 200 });
  });

  it('caps the subscriptions an organization holds, naming the cap', async () => {
    const admin = await organization(api, reg, 'enterprise');
    const hookUrl = (n: number) => `https://93.184.215.14/hooks/${n}`;
    const subscribe = <S extends 201 | 409>(n: number, expect: S) => api.post('/api/v1/webhooks', { auth: admin.auth, body: { url: hookUrl(n) }, expect });
    const deactivate = (id: string) => api.post('/api/v1/webhooks/{id}/deactivate', { params: { id }, auth: admin.auth, expect: 200 });
    const ids: string[] = [];
    for (let n = 1; n <= 3; n++) ids.push((await subscribe(n, 201)).body.id);
    const refused = await subscribe(4, 409);
    expect(refused.body).toMatchObject({ error: 'LIMIT_REACHED', details: { quota: 'WEBHOOK_MAX_SUBSCRIPTIONS', limit: 3 } });
    expect(refused.body.message).toContain('WEBHOOK_MAX_SUBSCRIPTIONS=3');
    // a deactivated subscription no longer counts
    await deactivate(ids[0]!);
    ids.push((await subscribe(5, 201)).body.id);
    // the list is a page, newest first, deactivated ones included
    const older = await api.get('/api/v1/webhooks', { query: { page: 2, pageSize: 2 }, auth: admin.auth, expect: 200 });
    expect(older.body).toMatchObject({ page: 2, pageSize: 2, total: 4 });
    expect(older.body.items.map((s) => [s.id, s.state])).toEqual([
      [ids[1], 'active'],
      [ids[0], 'deactivated'],
    ]);
    await api.get('/api/v1/webhooks', { query: { pageSize: 101 }, auth: admin.auth, expect: 400 });
    for (const id of ids.slice(1)) await deactivate(id);

    // requests at the same moment cannot all slip under the cap (raw: each answer is read, none is expected)
    const racing = await Promise.all(
      [6, 7, 8, 9, 10].map((n) =>
        api
          .http()
          .post('/api/v1/webhooks')
          .set(admin.auth)
          .send({ url: hookUrl(n) }),
      ),
    );
    expect(racing.map((r) => r.status).sort()).toEqual([201, 201, 201, 409, 409]);
    for (const r of racing.filter((r) => r.status === 201)) await deactivate(r.body.id);
  });

  it('pauses a subscription whose deliveries keep failing, says why, skips it, and resumes it', async () => {
    let failing = true;
    const flaky = await receiver(() => (failing ? 500 : 204));
    const witness = await receiver(() => 204);
    const admin = await organization(api, reg, 'enterprise');
    try {
      const sub = (await localApi.post('/api/v1/webhooks', { auth: admin.auth, body: { url: flaky.url }, expect: 201 })).body;
      await localApi.post('/api/v1/webhooks', { auth: admin.auth, body: { url: witness.url }, expect: 201 });
      const params = { id: sub.id };
      const state = async () => (await api.get('/api/v1/webhooks/{id}', { params, auth: admin.auth, expect: 200 })).body;
      const deliveries = async () => (await api.get('/api/v1/webhooks/{id}/deliveries', { params, auth: admin.auth, expect: 200 })).body;
      /** A change, then its delivery to the flaky receiver, once that is final (delivered, or failed after every attempt). */
      const changeDeliveredAs = async (status: 'delivered' | 'failed') => {
        const before = (await deliveries()).total;
        await registryChange();
        return eventually(async () => {
          const log = await deliveries();
          const last = log.items[0];
          return log.total > before && last?.status === status ? last : undefined;
        }, `a ${status} delivery`);
      };

      const failed = await changeDeliveredAs('failed');
      expect(failed).toMatchObject({ attempts: 3, lastStatusCode: 500, lastError: 'receiver answered 500' });
      expect(await state()).toMatchObject({ state: 'active', consecutiveFailures: 1 });
      // a success clears the count
      failing = false;
      await changeDeliveredAs('delivered');
      expect(await state()).toMatchObject({ state: 'active', consecutiveFailures: 0 });
      failing = true;
      await changeDeliveredAs('failed');
      await changeDeliveredAs('failed');
      const paused = await state();
      expect(paused).toMatchObject({ state: 'paused', active: false, consecutiveFailures: 2 });
      expect(paused.pausedReason).toBe('2 deliveries in a row failed after every attempt (the last: receiver answered 500)');
      expect(new Date(paused.pausedAt!).getTime()).toBeGreaterThan(Date.now() - 60_000);
      expect((await api.get('/api/v1/webhooks', { auth: admin.auth, expect: 200 })).body.items.find((s) => s.id === sub.id)).toMatchObject({
        state: 'paused',
        pausedReason: paused.pausedReason,
      });

      // the next change reaches the other subscription, and not the paused one
      const requestsBefore = flaky.requests;
      const witnessed = witness.received.length;
      const logBefore = (await deliveries()).total;
      await registryChange();
      await eventually(async () => (witness.received.length > witnessed ? true : undefined), 'the delivery to the active subscription');
      expect((await deliveries()).total).toBe(logBefore);
      expect(flaky.requests).toBe(requestsBefore);

      // resuming checks the URL again: where the rules no longer allow it, the subscription stays paused
      const refused = await api.post('/api/v1/webhooks/{id}/resume', { params, auth: admin.auth, expect: 400 });
      expect(refused.body.fields).toEqual([{ field: 'url', reasons: ['127.0.0.1 is a loopback address; webhooks go only to public addresses'] }]);
      expect(await state()).toMatchObject({ state: 'paused' });
      const resumed = await localApi.post('/api/v1/webhooks/{id}/resume', { params, auth: admin.auth, expect: 200 });
      expect(resumed.body).toMatchObject({ state: 'active', consecutiveFailures: 0, pausedAt: null, pausedReason: null });
      const twice = await localApi.post('/api/v1/webhooks/{id}/resume', { params, auth: admin.auth, expect: 409 });
      expect(twice.body.message).toBe("webhook subscription is 'active': 'resume' is allowed only when it is 'paused'");
      failing = false;
      await changeDeliveredAs('delivered');
    } finally {
      // raw: cleanup after a failure, whatever each answers (one already deactivated answers 409)
      for (const s of (await api.get('/api/v1/webhooks', { auth: admin.auth, expect: 200 })).body.items) {
        await api.http().post(`/api/v1/webhooks/${s.id}/deactivate`).set(admin.auth);
      }
      await stop(flaky);
      await stop(witness);
    }
  });

  it('checks the address again at every delivery: a refused one fails the delivery without a connection', async () => {
    // The worker's rules change under a subscription made while they allowed this machine.
    await worker.stop();
    worker = await startWorker('webhooks-closed', { ...WORKER_ENV, WEBHOOK_ALLOWED_NETWORKS: '' });
    const hook = await receiver(() => 204);
    const admin = await organization(api, reg, 'enterprise');
    try {
      const url = `http://localhost:${hook.port}/hooks/szs`;
      const sub = (await localApi.post('/api/v1/webhooks', { auth: admin.auth, body: { url }, expect: 201 })).body;
      const params = { id: sub.id };
      await registryChange();
      const failed = await eventually(async () => {
        const [last] = (await api.get('/api/v1/webhooks/{id}/deliveries', { params, auth: admin.auth, expect: 200 })).body.items;
        return last && last.status !== 'pending' ? last : undefined;
      }, 'the delivery to be final');
      expect(failed).toMatchObject({ status: 'failed', attempts: 3, lastStatusCode: null });
      expect(failed.lastError).toMatch(/^not sent, no connection made: localhost resolves to (127\.0\.0\.1|::1), a loopback address/);
      expect(hook.connections).toBe(0);
      expect((await api.get('/api/v1/webhooks/{id}', { params, auth: admin.auth, expect: 200 })).body).toMatchObject({ consecutiveFailures: 1 });
      await api.post('/api/v1/webhooks/{id}/deactivate', { params, auth: admin.auth, expect: 200 });
    } finally {
      await stop(hook);
    }
  });
});
