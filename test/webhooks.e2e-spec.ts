import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { verifyWebhook } from '@app/registry';
import { Actor, member, organization, regulator } from './support/actors';
import { issuedCertificate } from './support/case';
import { startApi, TestApi } from './support/http';
import { declaringEnterprise, SchemeWorld, schemeWorld } from './support/scheme';
import { eventually, startWorker, WorkerProcess } from './support/worker';

/** An integrator's receiver: the first delivery fails with 500, the rest succeed. */
function receiver(): Promise<{ server: Server; url: string; received: { body: string; headers: IncomingHttpHeaders }[] }> {
  const received: { body: string; headers: IncomingHttpHeaders }[] = [];
  let calls = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      calls++;
      if (calls === 1) {
        res.writeHead(500).end('try again');
        return;
      }
      received.push({ body, headers: req.headers });
      res.writeHead(204).end();
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/szs`, received })),
  );
}

describe('webhooks for integrators', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let reg: Actor;
  let world: SchemeWorld;

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker('webhooks', { JOB_ATTEMPTS: '3', JOB_BACKOFF_MS: '200' });
    reg = await regulator(api);
    world = await schemeWorld(api, reg);
  });
  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  it('delivers every registry change, HMAC-signed, retrying a failed delivery, and logs it', async () => {
    const hook = await receiver();
    try {
      const retailer = await organization(api, reg, 'enterprise');
      const key = (await api.http().post('/api/v1/api-keys').set(retailer.auth).send({ name: 'store checker', roles: ['enterprise_member'] }).expect(201)).body.key;
      const sub = await api.http().post('/api/v1/webhooks').set('X-API-Key', key).send({ url: hook.url, description: '门店验真系统' }).expect(201);
      expect(sub.body.secret).toMatch(/^whsec_/);
      expect(JSON.stringify((await api.http().get('/api/v1/webhooks').set('X-API-Key', key).expect(200)).body)).not.toContain(sub.body.secret);
      await api.http().post('/api/v1/webhooks').set('X-API-Key', key).send({ url: 'ftp://example.cn/x' }).expect(400);

      // a certificate issued through the pipeline, then suspended
      const auditor = await member(api, world.cbAdmin, ['auditor']);
      const decider = await member(api, world.cbAdmin, ['decision_maker']);
      const { admin: ent, declarationId } = await declaringEnterprise(api, reg, world);
      const cert = await issuedCertificate(api, world, { ent, declarationId, auditor, decider });
      await eventually(async () => (hook.received.length >= 1 ? true : undefined), 'the issue delivery (after one failure)');
      await api.http().post(`/api/v1/certificates/${cert.id}/suspend`).set(world.cbAdmin.auth).send({ publicReason: 'nonconforming_product', privateNote: '内部：抽检批次 7' }).expect(200);
      await eventually(async () => (hook.received.length >= 2 ? true : undefined), 'the suspend delivery');

      const [issued, suspended] = hook.received.map((r) => ({ ...r, json: JSON.parse(r.body) }));
      expect(issued.json).toMatchObject({ number: cert.number, event: 'issue', status: 'valid' });
      expect(suspended.json).toMatchObject({ number: cert.number, event: 'suspend', from: 'valid', status: 'suspended', publicReason: 'nonconforming_product' });
      expect(suspended.body).not.toContain('抽检批次');
      for (const r of hook.received) {
        expect(verifyWebhook(sub.body.secret, r.body, String(r.headers['x-szs-signature']))).toBe(true);
        expect(verifyWebhook('whsec_wrong', r.body, String(r.headers['x-szs-signature']))).toBe(false);
      }
      // the same events are in the change feed, with the same sequence numbers
      const feed = await api.http().get('/api/v1/registry/changes').query({ after: Number(issued.json.sequence) - 1 }).expect(200);
      expect(feed.body.items.slice(0, 2).map((c: { sequence: string }) => c.sequence)).toEqual([issued.json.sequence, suspended.json.sequence]);

      const log = await api.http().get(`/api/v1/webhooks/${sub.body.id}/deliveries`).set('X-API-Key', key).expect(200);
      const issueLog = log.body.find((d: { sequence: string }) => d.sequence === issued.json.sequence);
      expect(issueLog).toMatchObject({ status: 'delivered', attempts: 2, lastStatusCode: 204 });
      await api.http().get(`/api/v1/webhooks/${sub.body.id}/deliveries`).set(ent.auth).expect(404);
      await api.http().post(`/api/v1/webhooks/${sub.body.id}/deactivate`).set('X-API-Key', key).expect(200);
      await api.http().post(`/api/v1/webhooks/${sub.body.id}/deactivate`).set('X-API-Key', key).expect(409);
    } finally {
      hook.server.close();
    }
  });
});
