import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { commitmentOf, drawInspection, sampleSize } from '@app/inspections';
import { member, organization, regulator, TestUser } from './support/actors';
import { certifiedEnterprise, IssuedCertificate } from './support/case';
import { daysAfter, shenzhenToday } from './support/dates';
import { startApi, TestApi } from './support/http';
import { declaringEnterprise, SchemeWorld, schemeWorld } from './support/scheme';
import { eventually, startWorker, WorkerProcess } from './support/worker';

type Body = { fields?: { field: string }[]; message?: string; details?: Record<string, unknown> };
const fieldsOf = (res: { body: Body }) => (res.body.fields ?? []).map((f) => f.field);
const tag = () => randomBytes(3).toString('hex').toUpperCase();
const HEX64 = /^[0-9a-f]{64}$/;

/** Random inspections (双随机一公开): registers, a plan committed to a secret seed, drawn, re-run by anyone, results published. */
describe('random inspections', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let db: DataSource;
  let reg: TestUser;
  let world: SchemeWorld;
  let cert: IssuedCertificate;
  let declaring: { admin: TestUser; declarationId: string };
  let holder: TestUser;
  let matterId: string;
  const targetIds: Record<'certificate' | 'declaration' | 'holder', string> = { certificate: '', declaration: '', holder: '' };
  const inspectorIds: string[] = [];
  let planId: string;

  const regPost = (path: string, body: unknown) =>
    api
      .http()
      .post(path)
      .set(reg.auth)
      .send(body as object);

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker('inspections');
    db = api.app.get(DataSource);
    reg = await regulator(api);
    world = await schemeWorld(api, reg);
    const auditor = await member(api, world.cbAdmin, ['auditor']);
    const decider = await member(api, world.cbAdmin, ['decision_maker']);
    cert = await certifiedEnterprise(
      api,
      reg,
      world,
      { nameZh: '深圳市抽查测试电子有限公司', nameEn: 'Shenzhen Inspection Test Electronics' },
      { auditor, decider },
    );
    declaring = await declaringEnterprise(api, reg, world);
    holder = await organization(api, reg, 'enterprise', '深圳市抽查对象家具有限公司', 'Shenzhen Inspected Furniture');
  }, 180_000);

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  it('keeps the checklist of matters, refusing a second code and bad input by field', async () => {
    const code = `SZS-MARK-${tag()}`;
    const matter = {
      code,
      nameZh: '认证标志使用情况',
      nameEn: 'Use of the certification mark',
      legalBasis: '《认证认可条例》第二十八条',
      targetKinds: ['certificate', 'declaration', 'holder'],
    };
    const created = await regPost('/api/v1/inspection-matters', matter).expect(201);
    expect(created.body).toMatchObject({ code, nameZh: '认证标志使用情况', targetKinds: ['certificate', 'declaration', 'holder'] });
    matterId = created.body.id;
    expect(fieldsOf(await regPost('/api/v1/inspection-matters', matter).expect(409))).toEqual(['code']);
    expect(fieldsOf(await regPost('/api/v1/inspection-matters', { ...matter, code: 'lower case' }).expect(400))).toEqual(['code']);
    expect(fieldsOf(await regPost('/api/v1/inspection-matters', { ...matter, code: `X-${tag()}`, targetKinds: ['shop'] }).expect(400))).toEqual([
      'targetKinds',
    ]);
    expect(fieldsOf(await regPost('/api/v1/inspection-matters', { ...matter, code: `X-${tag()}`, targetKinds: [] }).expect(400))).toEqual(['targetKinds']);
    expect(fieldsOf(await regPost('/api/v1/inspection-matters', { ...matter, code: `X-${tag()}`, nameZh: '长'.repeat(201) }).expect(400))).toEqual(['nameZh']);
    expect(fieldsOf(await regPost('/api/v1/inspection-matters', { ...matter, code: `X-${tag()}`, legalBasis: 'a\u0000b' }).expect(400))).toEqual([
      'legalBasis',
    ]);
    expect(fieldsOf(await regPost('/api/v1/inspection-matters', { ...matter, code: `X-${tag()}`, scope: 'all' }).expect(400))).toEqual(['scope']);
    const list = await api.http().get('/api/v1/inspection-matters').query({ pageSize: 100 }).set(reg.auth).expect(200);
    expect(list.body.items.map((m: { code: string }) => m.code)).toContain(code);
    // Only the regulator keeps it.
    await api
      .http()
      .post('/api/v1/inspection-matters')
      .set(world.cbAdmin.auth)
      .send({ ...matter, code: `X-${tag()}` })
      .expect(403);
    await api.http().get('/api/v1/inspection-matters').set(cert.ent.auth).expect(403);
    await api.http().get('/api/v1/inspection-matters').expect(401);
  });

  it('registers only platform rows as targets, each with a risk class, refusing unknown ids by field', async () => {
    const add = (body: Record<string, unknown>) => regPost('/api/v1/inspection-targets', body);
    const c = await add({ kind: 'certificate', subjectId: cert.id, riskClass: 'B' }).expect(201);
    expect(c.body).toMatchObject({ kind: 'certificate', subjectId: cert.id, label: cert.number, riskClass: 'B', enterprise: { id: cert.ent.organizationId } });
    // Registering it again sets its risk class: one target per row.
    const again = await add({ kind: 'certificate', subjectId: cert.id, riskClass: 'A' }).expect(201);
    expect(again.body).toMatchObject({ id: c.body.id, riskClass: 'A' });
    targetIds.certificate = c.body.id;
    const d = await add({ kind: 'declaration', subjectId: declaring.declarationId, riskClass: 'B' }).expect(201);
    expect(d.body).toMatchObject({ label: '智能手机', enterprise: { id: declaring.admin.organizationId } });
    targetIds.declaration = d.body.id;
    targetIds.holder = (await add({ kind: 'holder', subjectId: holder.organizationId, riskClass: 'C' }).expect(201)).body.id;

    // No free text and no row of another kind: the id must name a live row of the kind given.
    expect(fieldsOf(await add({ kind: 'certificate', subjectId: declaring.declarationId, riskClass: 'A' }).expect(400))).toEqual(['subjectId']);
    expect(fieldsOf(await add({ kind: 'holder', subjectId: world.certificationBodyId, riskClass: 'A' }).expect(400))).toEqual(['subjectId']);
    expect(fieldsOf(await add({ kind: 'declaration', subjectId: '00000000-0000-4000-8000-000000000000', riskClass: 'A' }).expect(400))).toEqual(['subjectId']);
    expect(fieldsOf(await add({ kind: 'declaration', subjectId: '深圳某公司', riskClass: 'A' }).expect(400))).toEqual(['subjectId']);
    expect(fieldsOf(await add({ kind: 'holder', subjectId: holder.organizationId, riskClass: 'E' }).expect(400))).toEqual(['riskClass']);
    expect(fieldsOf(await add({ kind: 'shop', subjectId: holder.organizationId, riskClass: 'A' }).expect(400))).toEqual(['kind']);

    const listed = await api.http().get('/api/v1/inspection-targets').query({ enterpriseId: cert.ent.organizationId }).set(reg.auth).expect(200);
    expect(listed.body.items.map((t: { id: string }) => t.id)).toEqual([targetIds.certificate]);
    await api
      .http()
      .post('/api/v1/inspection-targets')
      .set(cert.ent.auth)
      .send({ kind: 'holder', subjectId: holder.organizationId, riskClass: 'A' })
      .expect(403);
    // Sync adds the live rows not yet registered, and nothing twice.
    await regPost('/api/v1/inspection-targets/sync', { kind: 'holder', riskClass: 'D' }).expect(200);
    expect((await regPost('/api/v1/inspection-targets/sync', { kind: 'holder', riskClass: 'D' }).expect(200)).body).toEqual({ added: 0 });
    const mine = await api.http().get('/api/v1/inspection-targets').query({ enterpriseId: holder.organizationId }).set(reg.auth).expect(200);
    expect(mine.body.items).toEqual([expect.objectContaining({ id: targetIds.holder, riskClass: 'C' })]);
  });

  it('keeps the inspectors with the conflicts they declared', async () => {
    const badge = tag();
    for (const [i, name] of ['李明', '王芳', '张伟', '陈静'].entries()) {
      const res = await regPost('/api/v1/inspectors', { name, unit: '深圳市市场监督管理局福田监管局', badgeNumber: `FT-${badge}-${i}` }).expect(201);
      expect(res.body).toMatchObject({ name, active: true, conflicts: [] });
      inspectorIds.push(res.body.id);
    }
    expect(fieldsOf(await regPost('/api/v1/inspectors', { name: '重复', unit: '福田', badgeNumber: `FT-${badge}-0` }).expect(409))).toEqual(['badgeNumber']);
    expect(fieldsOf(await regPost('/api/v1/inspectors', { name: '', unit: '福田', badgeNumber: `FT-${tag()}` }).expect(400))).toEqual(['name']);
    expect(fieldsOf(await regPost('/api/v1/inspectors', { name: '李', unit: '福田', badgeNumber: 'FT 01' }).expect(400))).toEqual(['badgeNumber']);

    const conflict = `/api/v1/inspectors/${inspectorIds[0]}/conflicts`;
    const declared = await regPost(conflict, { enterpriseId: cert.ent.organizationId, reason: '配偶在该企业任职' }).expect(200);
    expect(declared.body.conflicts).toEqual([expect.objectContaining({ enterpriseId: cert.ent.organizationId, reason: '配偶在该企业任职' })]);
    expect(fieldsOf(await regPost(conflict, { enterpriseId: cert.ent.organizationId, reason: '再次' }).expect(409))).toEqual(['enterpriseId']);
    expect(fieldsOf(await regPost(conflict, { enterpriseId: world.certificationBodyId, reason: '认证机构' }).expect(400))).toEqual(['enterpriseId']);
    await regPost(`/api/v1/inspectors/00000000-0000-4000-8000-000000000000/conflicts`, { enterpriseId: cert.ent.organizationId, reason: 'x' }).expect(404);
    await api.http().patch(`/api/v1/inspectors/${inspectorIds[3]}`).set(reg.auth).send({ active: 'no' }).expect(400);
    await api.http().patch(`/api/v1/inspectors/${inspectorIds[3]}`).set(world.cbAdmin.auth).send({ active: false }).expect(403);
  });

  it('commits a plan: the commitment and frozen population published, the seed kept secret; a draft is not public', async () => {
    const plan = {
      name: `2026年度深圳标准双随机抽查 ${tag()}`,
      year: 2026,
      matterIds: [matterId],
      rates: { A: 100, B: 100, C: 0, D: 0 },
      inspectorsPerTarget: 2,
    };
    const bad = async (body: Record<string, unknown>) => fieldsOf(await regPost('/api/v1/inspection-plans', { ...plan, ...body }).expect(400));
    expect(await bad({ matterIds: ['00000000-0000-4000-8000-000000000000'] })).toEqual(['matterIds[0]']);
    expect(await bad({ rates: { A: 101, B: 0, C: 0, D: 0 } })).toEqual(['rates.A']);
    expect(await bad({ rates: { A: 10, B: 0, C: 0 } })).toEqual(['rates.D']);
    expect(await bad({ inspectorsPerTarget: 1 })).toEqual(['inspectorsPerTarget']);
    expect(await bad({ year: '2026' })).toEqual(['year']);
    expect(await bad({ seed: 'mine' })).toEqual(['seed']);
    await api.http().post('/api/v1/inspection-plans').set(world.cbAdmin.auth).send(plan).expect(403);

    const draft = await regPost('/api/v1/inspection-plans', plan).expect(201);
    expect(draft.body).toMatchObject({ status: 'draft', commitment: null, seed: null, draw: [], matters: [{ id: matterId }] });
    planId = draft.body.id;
    await api.http().get(`/api/v1/public/inspection-plans/${planId}`).expect(404);
    await api.http().get(`/api/v1/public/inspection-plans/${planId}/verify`).expect(404);
    const publicList = await api.http().get('/api/v1/public/inspection-plans').query({ pageSize: 100 }).expect(200);
    // Offset pages are bounded for anonymous callers.
    expect(fieldsOf(await api.http().get('/api/v1/public/inspection-plans').query({ page: 501 }).expect(400))).toEqual(['page']);
    expect(fieldsOf(await api.http().get('/api/v1/public/inspection-plans').query({ year: 'soon' }).expect(400))).toEqual(['year']);
    expect(publicList.body.items.map((p: { id: string }) => p.id)).not.toContain(planId);
    // Nothing to record or draw on a draft.
    await regPost(`/api/v1/inspection-plans/${planId}/draw`, {}).expect(409);

    const committed = await regPost(`/api/v1/inspection-plans/${planId}/commit`, {}).expect(200);
    expect(committed.body).toMatchObject({ status: 'committed', algorithm: 'szs-inspection-draw/1', seed: null, draw: [] });
    expect(committed.body.commitment).toMatch(HEX64);
    // The seed exists, kept by the platform, and is what the commitment commits to.
    const [{ seed }] = await db.query(`SELECT seed FROM inspection_plans WHERE id = $1`, [planId]);
    expect(commitmentOf(seed)).toBe(committed.body.commitment);

    const pub = await api.http().get(`/api/v1/public/inspection-plans/${planId}`).expect(200);
    expect(pub.body).toMatchObject({ status: 'committed', commitment: committed.body.commitment, seed: null, result: null });
    expect(JSON.stringify(pub.body)).not.toContain(seed);
    const frozen = Object.fromEntries(pub.body.population.map((t: { id: string; riskClass: string }) => [t.id, t.riskClass]));
    expect(frozen).toMatchObject({ [targetIds.certificate]: 'A', [targetIds.declaration]: 'B', [targetIds.holder]: 'C' });
    expect(pub.body.inspectors).toContainEqual(expect.objectContaining({ id: inspectorIds[0], conflicts: [cert.ent.organizationId] }));
    const summary = (await api.http().get('/api/v1/public/inspection-plans').query({ pageSize: 100 }).expect(200)).body.items.find(
      (p: { id: string }) => p.id === planId,
    );
    expect(summary).toMatchObject({ status: 'committed', commitment: committed.body.commitment, seed: null, populationSize: pub.body.population.length });
    const early = await api.http().get(`/api/v1/public/inspection-plans/${planId}/verify`).expect(200);
    expect(early.body).toMatchObject({ drawn: false, populationHashMatches: true, inspectorsHashMatches: true, drawMatches: null, matches: false });

    // Committed once: the population and seed never change after it.
    expect((await regPost(`/api/v1/inspection-plans/${planId}/commit`, {}).expect(409)).body.message).toContain("'committed'");
    await regPost(`/api/v1/inspection-plans/${planId}/publish-results`, {}).expect(409);
  });

  it('draws from the committed seed and publishes it; the draw re-run from what is public gives the same targets and inspectors', async () => {
    await api.http().post(`/api/v1/inspection-plans/${planId}/draw`).set(cert.ent.auth).expect(403);
    const drawn = await regPost(`/api/v1/inspection-plans/${planId}/draw`, {}).expect(200);
    expect(drawn.body.status).toBe('drawn');
    expect(drawn.body.seed).toMatch(HEX64);
    expect(commitmentOf(drawn.body.seed)).toBe(drawn.body.commitment);

    const pub = (await api.http().get(`/api/v1/public/inspection-plans/${planId}`).expect(200)).body;
    expect(pub.seed).toBe(drawn.body.seed);
    const again = drawInspection({
      seed: pub.seed,
      targets: pub.population,
      inspectors: pub.inspectors,
      rates: pub.rates,
      inspectorsPerTarget: pub.inspectorsPerTarget,
    });
    expect(again).toEqual(pub.result);
    expect(pub.result).toEqual(
      drawn.body.draw.map((d: { targetId: string; riskClass: string; inspectors: { id: string }[] }) => ({
        targetId: d.targetId,
        riskClass: d.riskClass,
        inspectorIds: d.inspectors.map((i) => i.id),
      })),
    );
    // Rates per class: all of A and B, none of C and D.
    for (const c of ['A', 'B', 'C', 'D'] as const) {
      const size = pub.population.filter((t: { riskClass: string }) => t.riskClass === c).length;
      expect(pub.result.filter((d: { riskClass: string }) => d.riskClass === c)).toHaveLength(sampleSize(pub.rates[c], size));
    }
    const ids = pub.result.map((d: { targetId: string }) => d.targetId);
    expect(ids).toEqual(expect.arrayContaining([targetIds.certificate, targetIds.declaration]));
    expect(ids).not.toContain(targetIds.holder);
    // At least two distinct inspectors each; the conflicted inspector never for its enterprise's targets.
    for (const d of drawn.body.draw as { enterprise: { id: string }; inspectors: { id: string }[] }[]) {
      expect(new Set(d.inspectors.map((i) => i.id)).size).toBe(2);
      if (d.enterprise.id === cert.ent.organizationId) expect(d.inspectors.map((i) => i.id)).not.toContain(inspectorIds[0]);
    }
    const certDraw = drawn.body.draw.find((d: { targetId: string }) => d.targetId === targetIds.certificate);
    expect(certDraw).toMatchObject({ kind: 'certificate', label: cert.number, result: null });

    const verified = await api.http().get(`/api/v1/public/inspection-plans/${planId}/verify`).expect(200);
    expect(verified.body).toEqual({
      algorithm: 'szs-inspection-draw/1',
      drawn: true,
      commitmentMatches: true,
      populationHashMatches: true,
      inspectorsHashMatches: true,
      drawMatches: true,
      matches: true,
    });
    // A draw stored otherwise than the seed gives is caught by the verification.
    const [first] = pub.result;
    await db.query(`UPDATE inspection_results SET inspector_ids = $3 WHERE plan_id = $1 AND target_id = $2`, [
      planId,
      first.targetId,
      [...first.inspectorIds].reverse(),
    ]);
    expect((await api.http().get(`/api/v1/public/inspection-plans/${planId}/verify`).expect(200)).body).toMatchObject({ drawMatches: false, matches: false });
    await db.query(`UPDATE inspection_results SET inspector_ids = $3 WHERE plan_id = $1 AND target_id = $2`, [planId, first.targetId, first.inspectorIds]);

    expect((await regPost(`/api/v1/inspection-plans/${planId}/draw`, {}).expect(409)).body.message).toContain("'drawn'");
  });

  it('records results; a nonconforming one on a certified product tells its body and brings a special audit forward', async () => {
    const plan = (await api.http().get(`/api/v1/inspection-plans/${planId}`).set(reg.auth).expect(200)).body;
    const today = await shenzhenToday(db);
    const certDraw = plan.draw.find((d: { targetId: string }) => d.targetId === targetIds.certificate);
    const present = certDraw.inspectors.map((i: { id: string }) => i.id);
    const result = `/api/v1/inspection-plans/${planId}/results/${targetIds.certificate}`;
    const ok = {
      outcome: 'nonconforming',
      inspectedOn: today,
      inspectorsPresent: present,
      findings: [{ matterId, text: '包装上的认证标志用于证书范围外的型号' }],
    };
    const bad = async (body: Record<string, unknown>) => fieldsOf(await regPost(result, { ...ok, ...body }).expect(400));
    const stranger = inspectorIds.find((i) => !present.includes(i))!;
    expect(await bad({ inspectorsPresent: [present[0], stranger] })).toEqual(['inspectorsPresent[1]']);
    expect(await bad({ inspectorsPresent: [present[0]] })).toEqual(['inspectorsPresent']);
    expect(await bad({ findings: [] })).toEqual(['findings']);
    expect(await bad({ findings: [{ matterId: '00000000-0000-4000-8000-000000000000', text: '无' }] })).toEqual(['findings[0].matterId']);
    expect(await bad({ findings: [{ matterId, text: 'NUL \u0000 here' }] })).toEqual(['findings[0].text']);
    expect(await bad({ findings: [{ matterId, text: '长'.repeat(2001) }] })).toEqual(['findings[0].text']);
    expect(await bad({ inspectedOn: await daysAfter(db, today, 1) })).toEqual(['inspectedOn']);
    expect(await bad({ inspectedOn: await daysAfter(db, today, -1) })).toEqual(['inspectedOn']);
    expect(await bad({ inspectedOn: '12/05/2026' })).toEqual(['inspectedOn']);
    expect(await bad({ outcome: 'failed' })).toEqual(['outcome']);
    expect(await bad({ score: 3 })).toEqual(['score']);
    await regPost(`/api/v1/inspection-plans/${planId}/results/${targetIds.holder}`, ok).expect(404);
    await api.http().post(result).set(world.cbAdmin.auth).send(ok).expect(403);

    const recorded = await regPost(result, ok).expect(200);
    expect(recorded.body.draw.find((d: { targetId: string }) => d.targetId === targetIds.certificate).result).toMatchObject({
      outcome: 'nonconforming',
      inspectedOn: today,
      inspectorsPresent: present,
      findings: [{ matterId, text: '包装上的认证标志用于证书范围外的型号' }],
    });
    expect((await regPost(result, ok).expect(409)).body.message).toContain('recorded already');
    // Results are published together, once all are recorded; until then the public sees none.
    expect((await regPost(`/api/v1/inspection-plans/${planId}/publish-results`, {}).expect(422)).body.message).toContain('no result recorded');
    const hidden = (await api.http().get(`/api/v1/public/inspection-plans/${planId}`).expect(200)).body;
    expect(hidden.draw.every((d: { result: unknown }) => d.result === null)).toBe(true);

    // The certificate's body is told, and a special audit of the certificate is planned by the worker.
    const told = await eventually(async () => {
      const res = await api.get('/api/v1/notifications', { auth: world.cbAdmin.auth, expect: 200 });
      return res.body.items.find((n) => n.event === 'inspection_nonconforming' && n.subjectNumber === cert.number);
    }, 'the body told of the nonconforming result');
    expect(told.body).toContain('包装上的认证标志用于证书范围外的型号');
    const audit = await eventually(async () => {
      const res = await api.get('/api/v1/audits', { query: { certificateId: cert.id, trigger: 'inspection' }, auth: world.cbAdmin.auth, expect: 200 });
      return res.body.items[0];
    }, 'the special audit an inspection brought forward');
    expect(audit).toMatchObject({ kind: 'special', trigger: 'inspection', status: 'planned' });

    for (const d of plan.draw as { targetId: string; inspectors: { id: string }[] }[]) {
      if (d.targetId === targetIds.certificate) continue;
      await regPost(`/api/v1/inspection-plans/${planId}/results/${d.targetId}`, {
        outcome: 'conforming',
        inspectedOn: today,
        inspectorsPresent: d.inspectors.map((i) => i.id),
        findings: [],
      }).expect(200);
    }
    await regPost(`/api/v1/inspection-plans/${planId}/close`, {}).expect(409);
    expect((await regPost(`/api/v1/inspection-plans/${planId}/publish-results`, {}).expect(200)).body.status).toBe('results_recorded');
    const published = (await api.http().get(`/api/v1/public/inspection-plans/${planId}`).expect(200)).body;
    expect(published.draw.find((d: { targetId: string }) => d.targetId === targetIds.certificate).result).toMatchObject({ outcome: 'nonconforming' });
    expect(published.draw.find((d: { targetId: string }) => d.targetId === targetIds.declaration).result).toMatchObject({ outcome: 'conforming' });
    // A result is no longer recorded once published.
    await regPost(`/api/v1/inspection-plans/${planId}/results/${targetIds.declaration}`, ok).expect(409);
    expect((await regPost(`/api/v1/inspection-plans/${planId}/close`, {}).expect(200)).body.status).toBe('closed');
    expect((await regPost(`/api/v1/inspection-plans/${planId}/close`, {}).expect(409)).body.message).toContain("'closed'");
    // The published result is on the holder's credit record, for the regulator and for the holder itself.
    for (const who of [reg, cert.ent]) {
      const credit = await api.http().get(`/api/v1/credit-records/${cert.ent.organizationId}`).set(who.auth).expect(200);
      expect(credit.body.inspectionResults).toEqual([expect.objectContaining({ planId, outcome: 'nonconforming', label: cert.number })]);
    }
    await api.http().get('/api/v1/inspection-plans/00000000-0000-4000-8000-000000000000').set(reg.auth).expect(404);
    await api.http().get('/api/v1/inspection-plans/not-a-uuid').set(reg.auth).expect(400);
  });

  it('refuses to commit a plan no draw could satisfy, naming the target every inspector is conflicted with', async () => {
    const lonely = await declaringEnterprise(api, reg, world);
    const target = (await regPost('/api/v1/inspection-targets', { kind: 'declaration', subjectId: lonely.declarationId, riskClass: 'D' }).expect(201)).body.id;
    const active = (await api.http().get('/api/v1/inspectors').query({ pageSize: 100 }).set(reg.auth).expect(200)).body.items.filter(
      (i: { active: boolean }) => i.active,
    );
    // All but one inspector declared a conflict with it: two are needed.
    for (const i of active.slice(1))
      await regPost(`/api/v1/inspectors/${i.id}/conflicts`, { enterpriseId: lonely.admin.organizationId, reason: '曾为该企业提供咨询' }).expect(200);
    const plan = await regPost('/api/v1/inspection-plans', {
      name: `不可抽取的计划 ${tag()}`,
      year: 2026,
      matterIds: [matterId],
      rates: { A: 0, B: 0, C: 0, D: 1 },
      inspectorsPerTarget: 2,
    }).expect(201);
    const refused = await regPost(`/api/v1/inspection-plans/${plan.body.id}/commit`, {}).expect(422);
    expect(refused.body.message).toContain(target);
    expect(refused.body.details).toMatchObject({ targetId: target, eligible: 1, needed: 2 });
    expect((await api.http().get(`/api/v1/inspection-plans/${plan.body.id}`).set(reg.auth).expect(200)).body).toMatchObject({
      status: 'draft',
      commitment: null,
    });
    // Once the declaration is withdrawn it is no target any more, and the plan can be committed.
    await api.http().post(`/api/v1/self-declarations/${lonely.declarationId}/withdraw`).set(lonely.admin.auth).expect(200);
    const committed = await regPost(`/api/v1/inspection-plans/${plan.body.id}/commit`, {}).expect(200);
    const pub = (await api.http().get(`/api/v1/public/inspection-plans/${plan.body.id}`).expect(200)).body;
    expect(committed.body.status).toBe('committed');
    expect(pub.population.map((t: { id: string }) => t.id)).not.toContain(target);
  });
});
