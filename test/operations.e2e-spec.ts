import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { REDIS } from '@app/persistence';
import { TestUser, member, organization, regulator } from './support/actors';
import { acceptedApplication, plannedAudit } from './support/case';
import { startApi, TestApi } from './support/http';
import { declaringEnterprise, SchemeWorld, schemeWorld } from './support/scheme';
import { eventually, startWorker, WorkerProcess } from './support/worker';

describe('failed background jobs', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let reg: TestUser;
  let world: SchemeWorld;

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker('operations', { JOB_ATTEMPTS: '2', JOB_BACKOFF_MS: '100' });
    reg = await regulator(api);
    world = await schemeWorld(api, reg); // a certification body with no auditor yet
  });
  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  it('shows a failed job, with its error, to the body it concerns and the regulator; a retry runs it again', async () => {
    const { admin: ent, declarationId } = await declaringEnterprise(api, reg, world);
    const applicationId = await acceptedApplication(api, world, ent, declarationId);
    const failed = await eventually(async () => {
      const res = await api.get('/api/v1/operations/jobs', { query: { state: 'failed', pageSize: 100 }, auth: world.cbAdmin.auth, expect: 200 });
      return res.body.items.find((j) => j.payload.applicationId === applicationId);
    }, 'the planning job to fail');
    expect(failed).toMatchObject({ queue: 'audit-planning', state: 'failed', attempts: 2 });
    expect(failed.lastError).toContain('no active auditor');

    const otherCb = await organization(api, reg, 'certification_body');
    const theirs = await api.get('/api/v1/operations/jobs', { auth: otherCb.auth, expect: 200 });
    expect(theirs.body.items.map((j) => j.id)).not.toContain(failed.id);
    const all = await api.get('/api/v1/operations/jobs', { query: { state: 'failed', pageSize: 100 }, auth: reg.auth, expect: 200 });
    expect(all.body.items.map((j) => j.id)).toContain(failed.id);
    // a page, newest first, of the jobs in the state asked for
    const first = await api.get('/api/v1/operations/jobs', { query: { state: 'failed', pageSize: 1 }, auth: world.cbAdmin.auth, expect: 200 });
    expect(first.body).toMatchObject({ page: 1, pageSize: 1, items: [{ state: 'failed' }] });
    expect(first.body.total).toBeGreaterThanOrEqual(1);
    // raw: a state the document's enum does not have
    await api.http().get('/api/v1/operations/jobs').query({ state: 'stuck' }).set(world.cbAdmin.auth).expect(400);
    await api.get('/api/v1/operations/jobs', { query: { pageSize: 0 }, auth: world.cbAdmin.auth, expect: 400 });
    await api.get('/api/v1/operations/jobs', { auth: ent.auth, expect: 403 });
    const params = { id: failed.id };
    await api.post('/api/v1/operations/jobs/{id}/retry', { params, auth: otherCb.auth, expect: 404 });

    await member(api, world.cbAdmin, ['auditor']);
    const retried = await api.post('/api/v1/operations/jobs/{id}/retry', { params, auth: world.cbAdmin.auth, expect: 200 });
    expect(retried.body.state).toBe('pending');
    const audit = await plannedAudit(api, world.cbAdmin, applicationId);
    expect(audit.auditorIds).toHaveLength(1);
    await api.post('/api/v1/operations/jobs/{id}/retry', { params, auth: world.cbAdmin.auth, expect: 409 });
  });

  it('retries a failed job once: of ten concurrent retries exactly one wins, the rest get 409, and the job runs once', async () => {
    const quiet = await schemeWorld(api, reg); // again a certification body with no auditor: planning fails
    const { admin: ent, declarationId } = await declaringEnterprise(api, reg, quiet);
    // Five failed jobs, each raced in turn: the old lock outside a transaction let more than one retry win in most.
    const applicationIds: string[] = [];
    for (let i = 0; i < 5; i++) applicationIds.push(await acceptedApplication(api, quiet, ent, declarationId));
    const failed: { id: string }[] = await eventually(async () => {
      const res = await api.get('/api/v1/operations/jobs', { query: { state: 'failed', pageSize: 100 }, auth: quiet.cbAdmin.auth, expect: 200 });
      const jobs = applicationIds.map((a) => res.body.items.find((j) => j.payload.applicationId === a));
      return jobs.every((j) => j !== undefined) ? jobs : undefined;
    }, 'the planning jobs to fail');
    await member(api, quiet.cbAdmin, ['auditor']);

    // raw: ten retries at once, each answer read rather than expected
    const answers: { status: number; body: { details?: { state?: string } } }[] = [];
    for (const job of failed) {
      answers.push(
        ...(await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            api
              .http()
              .post(`/api/v1/operations/jobs/${job.id}/retry`)
              .set(i % 2 ? quiet.cbAdmin.auth : reg.auth),
          ),
        )),
      );
    }
    const db = api.app.get(DataSource);
    const redis = api.app.get<Redis>(REDIS);
    const answersOf = (n: number) => answers.slice(n * 10, n * 10 + 10);
    expect(
      failed.map((_, n) =>
        answersOf(n)
          .map((a) => a.status)
          .sort(),
      ),
    ).toEqual(failed.map(() => [200, ...Array(9).fill(409)]));
    for (const [n, job] of failed.entries()) {
      const mine = answersOf(n);
      await eventually(
        async () => (await db.query(`SELECT completed_at FROM outbox WHERE id = $1`, [job.id]))[0].completed_at ?? undefined,
        'the retried job to complete',
      );
      const [{ retry_count }] = await db.query(`SELECT retry_count FROM outbox WHERE id = $1`, [job.id]);
      expect({ job: n, retry_count }).toEqual({ job: n, retry_count: 1 });
      // BullMQ saw the failed job and exactly one retry of it: no second dispatch under another id.
      const keys: string[] = [];
      let cursor = '0';
      do {
        const [next, batch] = await redis.scan(cursor, 'MATCH', `${process.env.REDIS_PREFIX}:audit-planning:outbox-${job.id}*`, 'COUNT', 1000);
        keys.push(...batch);
        cursor = next;
      } while (cursor !== '0');
      const jobIds = [...new Set(keys.map((k) => k.split(':')[2]))].filter((j) => new RegExp(`^outbox-${job.id}(-r\\d+)?$`).test(j)).sort();
      expect(jobIds).toEqual([`outbox-${job.id}`, `outbox-${job.id}-r1`]);
      for (const a of mine.filter((x) => x.status === 409)) {
        expect(a.body).toMatchObject({ error: 'ILLEGAL_TRANSITION', details: { action: 'retry' } });
        expect(a.body.details?.state).not.toBe('failed');
      }
    }
    for (const applicationId of applicationIds) expect((await plannedAudit(api, quiet.cbAdmin, applicationId)).auditorIds).toHaveLength(1);
  });
});
