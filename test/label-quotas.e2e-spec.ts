import { TestUser, member, regulator } from './support/actors';
import { certifiedEnterprise, IssuedCertificate } from './support/case';
import { startApi, TestApi } from './support/http';
import { SchemeWorld, schemeWorld } from './support/scheme';
import { eventually, startWorker, WorkerProcess } from './support/worker';

/**
 * Label codes cost the worker and the database in proportion to how many are ordered: quotas per
 * mark grant, per enterprise and day, and on batches in progress, checked under a lock so that
 * concurrent orders cannot pass together; only the enterprise's administrator orders.
 */
describe('label code quotas', () => {
  let api: TestApi;
  let worker: WorkerProcess | undefined;
  let world: SchemeWorld;
  let cert: IssuedCertificate;
  const saved = { ...process.env };

  beforeAll(async () => {
    Object.assign(process.env, { LABEL_CODES_PER_GRANT: '300', LABEL_CODES_PER_DAY: '700', LABEL_BATCHES_IN_PROGRESS: '4' });
    api = await startApi();
    worker = await startWorker('label-quotas');
    const reg = await regulator(api);
    world = await schemeWorld(api, reg);
    const auditor = await member(api, world.cbAdmin, ['auditor']);
    const decider = await member(api, world.cbAdmin, ['decision_maker']);
    cert = await certifiedEnterprise(api, reg, world, { nameZh: '深圳市标签印务有限公司', nameEn: 'Shenzhen Label Printing' }, { auditor, decider });
    // Without a worker, ordered batches stay in progress: the test decides when they are generated.
    await worker.stop();
    worker = undefined;
  }, 120_000);
  afterAll(async () => {
    process.env = saved;
    await worker?.stop();
    await api?.close();
  });

  async function grantedMark(): Promise<string> {
    const grant = await api.post('/api/v1/certificates/{id}/mark-grants', {
      params: { id: cert.id },
      auth: cert.ent.auth,
      body: { models: ['HQ-X1'], media: ['packaging'] },
      expect: 201,
    });
    await api.post('/api/v1/mark-grants/{id}/grant', { params: { id: grant.body.id }, auth: world.cbAdmin.auth, body: {}, expect: 200 });
    return grant.body.id;
  }
  const ordered: string[] = [];
  // Raw on purpose: concurrent orders answer 202, 422 or 429 in an order the test cannot fix in advance.
  const order = async (who: TestUser, grantId: string, quantity: number) => {
    const res = await api.http().post(`/api/v1/mark-grants/${grantId}/label-batches`).set(who.auth).send({ quantity });
    if (res.status === 202) ordered.push(res.body.id);
    return res;
  };
  const status = (res: { status: number }, expected: number) => expect(res.status).toBe(expected);

  it("lets only the enterprise's administrator order label codes", async () => {
    const grantId = await grantedMark();
    const staff = await member(api, cert.ent, ['enterprise_member']);
    const refused = await order(staff, grantId, 1);
    status(refused, 403);
    expect(refused.body.details.requiredRoles).toEqual(['enterprise_admin']);
  });

  it("refuses orders past the grant's total with 422 naming LABEL_CODES_PER_GRANT, even when they arrive together", async () => {
    const grantId = await grantedMark();
    // Six concurrent orders of 100 under a total of 300: exactly three pass.
    const answers = await Promise.all(Array.from({ length: 6 }, () => order(cert.ent, grantId, 100)));
    expect(answers.map((a) => a.status).sort()).toEqual([202, 202, 202, 422, 422, 422]);
    for (const refused of answers.filter((a) => a.status === 422)) {
      expect(refused.body.error).toBe('QUOTA_EXHAUSTED');
      expect(refused.body.message).toContain('LABEL_CODES_PER_GRANT');
      expect(refused.body.details).toEqual({ quota: 'LABEL_CODES_PER_GRANT', limit: 300, used: 300, requested: 100 });
    }
  });

  it('refuses a batch past LABEL_BATCHES_IN_PROGRESS and past LABEL_CODES_PER_DAY with 429 and Retry-After', async () => {
    // Three batches are in progress (the test above): one more fits, the fifth does not.
    const grantId = await grantedMark();
    status(await order(cert.ent, grantId, 100), 202);
    const busy = await order(cert.ent, grantId, 100);
    status(busy, 429);
    expect(busy.body.error).toBe('QUOTA_EXCEEDED');
    expect(busy.body.details).toMatchObject({ quota: 'LABEL_BATCHES_IN_PROGRESS', limit: 4, used: 4 });
    expect(Number(busy.headers['retry-after'])).toBeGreaterThan(0);

    // Once the worker has generated them, batches may be ordered again, up to the day's quota (400 used of 700).
    worker = await startWorker('label-quotas');
    const ready = async (id: string) =>
      (await api.get('/api/v1/label-batches/{id}', { params: { id }, auth: cert.ent.auth, expect: 200 })).body.status === 'ready';
    await eventually(async () => ((await Promise.all(ordered.map(ready))).every(Boolean) ? true : undefined), 'every batch to be generated');
    status(await order(cert.ent, grantId, 200), 202);
    const day = await order(cert.ent, await grantedMark(), 200);
    status(day, 429);
    expect(day.body.error).toBe('QUOTA_EXCEEDED');
    expect(day.body.message).toContain('LABEL_CODES_PER_DAY');
    expect(day.body.details).toMatchObject({ quota: 'LABEL_CODES_PER_DAY', limit: 700, used: 600, requested: 200 });
    const retryAfter = Number(day.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(86_400); // the next midnight in Beijing
  });
});
