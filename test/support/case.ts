import { Actor } from './actors';
import type { TestApi } from './http';
import { productScope, SchemeWorld } from './scheme';
import { eventually } from './worker';

export const TEST_REPORT = { laboratoryName: '深圳市计量质量检测研究院', cnasNumber: 'CNAS L0235', reportNumber: 'SZ2026-0815-03' };

/** Drives an application from draft to accepted (the worker then plans its audit). */
export async function acceptedApplication(api: TestApi, world: SchemeWorld, ent: Actor, declarationId: string, models?: string[]): Promise<string> {
  const created = await api
    .http()
    .post('/api/v1/applications')
    .set(ent.auth)
    .send({ catalogueEntryId: world.entryId, selfDeclarationId: declarationId, certificationBodyId: world.certificationBodyId, scope: productScope(models) })
    .expect(201);
  const id = created.body.id;
  await api.http().post(`/api/v1/applications/${id}/submit`).set(ent.auth).expect(200);
  await api.http().post(`/api/v1/applications/${id}/take-into-review`).set(world.reviewer.auth).expect(200);
  await api.http().post(`/api/v1/applications/${id}/accept`).set(world.reviewer.auth).send({}).expect(200);
  return id;
}

/** Waits for the planning job, then returns the audit and its lead auditor's id. */
export async function plannedAudit(api: TestApi, who: Actor, applicationId: string): Promise<{ id: string; auditorIds: string[] }> {
  return eventually(async () => {
    const res = await api.http().get('/api/v1/audits').query({ applicationId }).set(who.auth).expect(200);
    const audit = res.body.items[0];
    return audit ? { id: audit.id, auditorIds: audit.auditors.map((a: { id: string }) => a.id) } : undefined;
  }, 'the initial audit to be planned');
}

/** Records a finding for every requirement: measured ones at `value(requirement)`, pass/fail ones passed. */
export async function recordAllFindings(
  api: TestApi,
  auditor: Actor,
  auditId: string,
  value: (r: { clause: string; min: number | null; max: number | null }) => number = (r) => r.min ?? (r.max as number) / 2,
): Promise<void> {
  const audit = await api.http().get(`/api/v1/audits/${auditId}`).set(auditor.auth).expect(200);
  for (const r of audit.body.checklist) {
    const body = r.kind === 'measured' ? { ...TEST_REPORT, measuredValue: value(r) } : { ...TEST_REPORT, passed: true };
    await api.http().put(`/api/v1/audits/${auditId}/findings/${r.requirementId}`).set(auditor.auth).send(body).expect(200);
  }
}

export async function applicationStatus(api: TestApi, who: Actor, id: string): Promise<string> {
  return (await api.http().get(`/api/v1/applications/${id}`).set(who.auth).expect(200)).body.status;
}
