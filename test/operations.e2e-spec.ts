import { Actor, member, organization, regulator } from './support/actors';
import { acceptedApplication, plannedAudit } from './support/case';
import { startApi, TestApi } from './support/http';
import { declaringEnterprise, SchemeWorld, schemeWorld } from './support/scheme';
import { eventually, startWorker, WorkerProcess } from './support/worker';

describe('failed background jobs', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let reg: Actor;
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
      const res = await api.http().get('/api/v1/operations/jobs').query({ state: 'failed' }).set(world.cbAdmin.auth).expect(200);
      return res.body.find((j: { payload: { applicationId?: string } }) => j.payload.applicationId === applicationId);
    }, 'the planning job to fail');
    expect(failed).toMatchObject({ queue: 'audit-planning', state: 'failed', attempts: 2 });
    expect(failed.lastError).toContain('no active auditor');

    const otherCb = await organization(api, reg, 'certification_body');
    const theirs = await api.http().get('/api/v1/operations/jobs').set(otherCb.auth).expect(200);
    expect(theirs.body.map((j: { id: string }) => j.id)).not.toContain(failed.id);
    const all = await api.http().get('/api/v1/operations/jobs').query({ state: 'failed' }).set(reg.auth).expect(200);
    expect(all.body.map((j: { id: string }) => j.id)).toContain(failed.id);
    await api.http().get('/api/v1/operations/jobs').set(ent.auth).expect(403);
    await api.http().post(`/api/v1/operations/jobs/${failed.id}/retry`).set(otherCb.auth).expect(404);

    await member(api, world.cbAdmin, ['auditor']);
    const retried = await api.http().post(`/api/v1/operations/jobs/${failed.id}/retry`).set(world.cbAdmin.auth).expect(200);
    expect(retried.body.state).toBe('pending');
    const audit = await plannedAudit(api, world.cbAdmin, applicationId);
    expect(audit.auditorIds).toHaveLength(1);
    await api.http().post(`/api/v1/operations/jobs/${failed.id}/retry`).set(world.cbAdmin.auth).expect(409);
  });
});
