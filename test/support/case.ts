import { member, TestUser, organization, regulator } from './actors';
import type { components } from './api-types';
import type { TestApi } from './http';
import { COMMITMENT, MODELS, productScope, SchemeWorld, schemeWorld } from './scheme';
import { eventually } from './worker';

/** A test report by L0235, which schemeWorld accredits for its standard (test/support/scheme.ts). */
export const TEST_REPORT = { laboratoryName: '深圳市计量质量检测研究院', cnasNumber: 'CNAS L0235', reportNumber: 'SZ2026-0815-03', reportDate: '2025-08-15' };

/** Drives an application from draft to accepted (the worker then plans its audit). */
export async function acceptedApplication(
  api: TestApi,
  world: SchemeWorld,
  ent: TestUser,
  declarationId: string,
  models?: string[],
  productNameZh?: string,
): Promise<string> {
  const created = await api.post('/api/v1/applications', {
    auth: ent.auth,
    expect: 201,
    body: {
      catalogueEntryId: world.entryId,
      selfDeclarationId: declarationId,
      certificationBodyId: world.certificationBodyId,
      scope: productScope(models, productNameZh),
    },
  });
  return acceptedDraft(api, world, ent, created.body.id);
}

/** A draft (a new application, a renewal, an extension) submitted by `ent`, reviewed and accepted (the worker then plans its audit). */
export async function acceptedDraft(api: TestApi, world: SchemeWorld, ent: TestUser, id: string): Promise<string> {
  const params = { id };
  await api.post('/api/v1/applications/{id}/submit', { params, auth: ent.auth, expect: 200 });
  await api.post('/api/v1/applications/{id}/take-into-review', { params, auth: world.reviewer.auth, expect: 200 });
  await api.post('/api/v1/applications/{id}/accept', { params, auth: world.reviewer.auth, body: {}, expect: 200 });
  return id;
}

/**
 * A change of a certificate (a renewal, an extension) from its draft to its planned audit: accepted,
 * the audit planned, and that audit as the body reads it (its kind and checklist are what the change decides).
 */
export async function acceptedChangeAudit(api: TestApi, world: SchemeWorld, ent: TestUser, applicationId: string): Promise<components['schemas']['AuditView']> {
  await acceptedDraft(api, world, ent, applicationId);
  const { id } = await plannedAudit(api, world.cbAdmin, applicationId);
  return (await api.get('/api/v1/audits/{id}', { params: { id }, auth: world.cbAdmin.auth, expect: 200 })).body;
}

/** Waits for the planning job, then returns the audit and its lead auditor's id. */
export async function plannedAudit(api: TestApi, who: TestUser, applicationId: string): Promise<{ id: string; auditorIds: string[] }> {
  return eventually(async () => {
    const res = await api.get('/api/v1/audits', { query: { applicationId }, auth: who.auth, expect: 200 });
    const audit = res.body.items[0];
    return audit ? { id: audit.id, auditorIds: audit.auditors.map((a: { id: string }) => a.id) } : undefined;
  }, 'the initial audit to be planned');
}

/** Records a finding for every requirement: measured ones at `value(requirement)`, pass/fail ones passed. */
export async function recordAllFindings(
  api: TestApi,
  auditor: TestUser,
  auditId: string,
  value: (r: { clause: string; min: number | null; max: number | null }) => number = (r) => r.min ?? (r.max as number) / 2,
): Promise<void> {
  const audit = await api.get('/api/v1/audits/{id}', { params: { id: auditId }, auth: auditor.auth, expect: 200 });
  for (const r of audit.body.checklist) {
    const body = r.kind === 'measured' ? { ...TEST_REPORT, measuredValue: value(r) } : { ...TEST_REPORT, passed: true };
    await api.put('/api/v1/audits/{id}/findings/{requirementId}', {
      params: { id: auditId, requirementId: r.requirementId },
      auth: auditor.auth,
      body,
      expect: 200,
    });
  }
}

export async function applicationStatus(api: TestApi, who: TestUser, id: string): Promise<string> {
  return (await api.get('/api/v1/applications/{id}', { params: { id }, auth: who.auth, expect: 200 })).body.status;
}

/**
 * From an accepted application: its planned audit done by its lead (one of `auditors`) with every
 * finding passing, evaluated, then granted by `decider`.
 */
export async function auditedAndGranted(
  api: TestApi,
  world: SchemeWorld,
  ent: TestUser,
  applicationId: string,
  auditors: TestUser[],
  decider: TestUser,
): Promise<{ auditId: string }> {
  const audit = await plannedAudit(api, world.cbAdmin, applicationId);
  const lead = auditors.find((a) => a.userId === audit.auditorIds[0]) ?? auditors[0];
  await api.post('/api/v1/audits/{id}/start', { params: { id: audit.id }, auth: lead.auth, expect: 200 });
  await recordAllFindings(api, lead, audit.id);
  await api.post('/api/v1/audits/{id}/submit', { params: { id: audit.id }, auth: lead.auth, expect: 200 });
  await eventually(async () => ((await applicationStatus(api, ent, applicationId)) === 'awaiting_decision' ? true : undefined), 'awaiting decision');
  await api.post('/api/v1/applications/{id}/decision', {
    params: { id: applicationId },
    auth: decider.auth,
    body: { outcome: 'granted', rationale: '全部关键指标符合要求' },
    expect: 200,
  });
  return { auditId: audit.id };
}

export interface IssuedCertificate {
  applicationId: string;
  id: string;
  number: string;
  ent: TestUser;
}

/**
 * The whole case for one enterprise and declaration: accepted → audit (every finding passing) →
 * evaluated → granted by `decider` → the certificate the worker issues (with its PDF).
 */
export async function issuedCertificate(
  api: TestApi,
  world: SchemeWorld,
  people: { ent: TestUser; declarationId: string; auditor: TestUser; decider: TestUser; models?: string[]; productNameZh?: string },
): Promise<IssuedCertificate> {
  const { ent, declarationId, auditor, decider } = people;
  const applicationId = await acceptedApplication(api, world, ent, declarationId, people.models, people.productNameZh);
  await auditedAndGranted(api, world, ent, applicationId, [auditor], decider);
  const cert = await certificateOf(api, ent, applicationId);
  return { applicationId, id: cert.id, number: cert.number, ent };
}

/** Waits for the worker to issue the certificate of a granted application (a first one or a renewal), its PDF rendered. */
export async function certificateOf(api: TestApi, ent: TestUser, applicationId: string): Promise<components['schemas']['CertificateSummary']> {
  return eventually(async () => {
    const res = await api.get('/api/v1/certificates', { query: { applicationId }, auth: ent.auth, expect: 200 });
    return res.body.items[0]?.pdfReady ? res.body.items[0] : undefined;
  }, `the certificate of application ${applicationId}`);
}

/** A new enterprise with the given names, its self-declaration, and a certificate issued to it. */
export async function certifiedEnterprise(
  api: TestApi,
  reg: TestUser,
  world: SchemeWorld,
  names: { nameZh: string; nameEn: string },
  people: { auditor: TestUser; decider: TestUser },
  models = MODELS,
  productNameZh?: string,
): Promise<IssuedCertificate> {
  const ent = await organization(api, reg, 'enterprise', names.nameZh, names.nameEn);
  const decl = await api.post('/api/v1/self-declarations', {
    auth: ent.auth,
    expect: 201,
    body: {
      standardId: world.standardId,
      productNameZh: productNameZh ?? '智能手机',
      productNameEn: 'Smartphone',
      models,
      keyIndicators: [],
      commitment: COMMITMENT,
    },
  });
  return issuedCertificate(api, world, { ent, declarationId: decl.body.id, models, productNameZh, ...people });
}

/** A mark grant on `models` of the certificate, granted by the body, and a ready batch of `quantity` label codes under it. */
export async function grantWithLabels(
  api: TestApi,
  world: SchemeWorld,
  cert: IssuedCertificate,
  models: string[],
  quantity = 1,
): Promise<{ grantId: string; codes: string[] }> {
  const grant = await api.post('/api/v1/certificates/{id}/mark-grants', {
    params: { id: cert.id },
    auth: cert.ent.auth,
    body: { models, media: ['product'] },
    expect: 201,
  });
  await api.post('/api/v1/mark-grants/{id}/grant', { params: { id: grant.body.id }, auth: world.cbAdmin.auth, body: {}, expect: 200 });
  const batch = await api.post('/api/v1/mark-grants/{id}/label-batches', {
    params: { id: grant.body.id },
    auth: cert.ent.auth,
    body: { quantity },
    expect: 202,
  });
  await eventually(async () => {
    const b = await api.get('/api/v1/label-batches/{id}', { params: { id: batch.body.id }, auth: cert.ent.auth, expect: 200 });
    return b.body.status === 'ready' ? true : undefined;
  }, 'the label batch');
  const csv = await api.get('/api/v1/label-batches/{id}/codes.csv', { params: { id: batch.body.id }, auth: cert.ent.auth, expect: 200 });
  return {
    grantId: grant.body.id,
    codes: csv.text
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[1]),
  };
}

/** A certification body's two auditors (the planner picks the lead) and a decision maker, none of them on another's case. */
export async function auditTeam(api: TestApi, world: SchemeWorld): Promise<{ auditors: TestUser[]; decider: TestUser }> {
  const auditors = [await member(api, world.cbAdmin, ['auditor']), await member(api, world.cbAdmin, ['auditor'])];
  return { auditors, decider: await member(api, world.cbAdmin, ['decision_maker']) };
}

/** The regulator, a scheme world it set up, and the body's audit team: what a suite that follows certificates through their life starts from. */
export async function schemeWithTeam(api: TestApi): Promise<{ reg: TestUser; world: SchemeWorld; auditors: TestUser[]; decider: TestUser }> {
  const reg = await regulator(api);
  const world = await schemeWorld(api, reg);
  return { reg, world, ...(await auditTeam(api, world)) };
}
