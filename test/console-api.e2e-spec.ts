import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { REDIS } from '@app/persistence';
import { member, organization, regulator, TestUser } from './support/actors';
import { acceptedApplication, issuedCertificate, IssuedCertificate, plannedAudit } from './support/case';
import { startApi, TestApi } from './support/http';
import type { components } from './support/api-types';
import { declaringEnterprise, productScope, SchemeWorld, schemeWorld } from './support/scheme';
import { eventually, startWorker, WorkerProcess } from './support/worker';

type Worklist = components['schemas']['WorklistView'];

const PRODUCT = '控制台测试净水器';
const shenzhenDay = (offsetDays = 0) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

/**
 * What the console reads: the work list ("what needs me"), the list filters its screens use, and
 * the dashboard — each built from real cases driven through the API, checked for counts, for
 * tenancy (another enterprise or body sees none of it) and for refusals.
 */
describe('console API: work list, list filters, dashboard', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let reg: TestUser;
  let world: SchemeWorld;
  let auditor: TestUser;
  let decider: TestUser;
  let ent: TestUser;
  let cert: IssuedCertificate;
  let auditId: string;
  let infoRequestedId: string;
  let submittedId: string;
  let grantId: string;
  let otherEnt: TestUser;
  let otherBody: TestUser;

  const worklist = async (who: TestUser): Promise<Worklist> => (await api.get('/api/v1/worklist', { auth: who.auth, expect: 200 })).body as Worklist;
  const section = (w: Worklist, key: string) => {
    const s = w.sections.find((x) => x.key === key);
    if (!s) throw new Error(`no section ${key} in ${w.sections.map((x) => x.key).join(', ')}`);
    return s;
  };
  const counts = (w: Worklist) => Object.fromEntries(w.sections.map((s) => [s.key, s.count]));

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker('console-api');
    reg = await regulator(api);
    world = await schemeWorld(api, reg);
    auditor = await member(api, world.cbAdmin, ['auditor']);
    decider = await member(api, world.cbAdmin, ['decision_maker']);
    const declaring = await declaringEnterprise(api, reg, world);
    ent = declaring.admin;
    // 1: certified (then made to expire within 90 days below); its products carry a name of their own for the text filters.
    cert = await issuedCertificate(api, world, { ent, declarationId: declaring.declarationId, auditor, decider, productNameZh: PRODUCT });
    // 2: in evaluation, the audit running, with a nonconformity open.
    const evaluated = await acceptedApplication(api, world, ent, declaring.declarationId);
    auditId = (await plannedAudit(api, world.cbAdmin, evaluated)).id;
    await api.post('/api/v1/audits/{id}/start', { params: { id: auditId }, auth: auditor.auth, expect: 200 });
    await api.post('/api/v1/audits/{id}/nonconformities', {
      params: { id: auditId },
      auth: auditor.auth,
      body: { grade: 'minor', description: '成品出厂检验记录不完整', dueOn: shenzhenDay(30) },
      expect: 201,
    });
    // 3: information requested; 4: submitted, waiting for review.
    const create = async () =>
      (
        await api.post('/api/v1/applications', {
          auth: ent.auth,
          expect: 201,
          body: {
            catalogueEntryId: world.entryId,
            selfDeclarationId: declaring.declarationId,
            certificationBodyId: world.certificationBodyId,
            scope: productScope(),
          },
        })
      ).body.id;
    infoRequestedId = await create();
    await api.post('/api/v1/applications/{id}/submit', { params: { id: infoRequestedId }, auth: ent.auth, expect: 200 });
    await api.post('/api/v1/applications/{id}/take-into-review', { params: { id: infoRequestedId }, auth: world.reviewer.auth, expect: 200 });
    await api.post('/api/v1/applications/{id}/request-info', {
      params: { id: infoRequestedId },
      auth: world.reviewer.auth,
      body: { message: '请补充工厂检验报告' },
      expect: 200,
    });
    submittedId = await create();
    await api.post('/api/v1/applications/{id}/submit', { params: { id: submittedId }, auth: ent.auth, expect: 200 });
    // A mark grant waiting for the body.
    grantId = (
      await api.post('/api/v1/certificates/{id}/mark-grants', {
        params: { id: cert.id },
        auth: ent.auth,
        body: { models: ['HQ-X1'], media: ['packaging'] },
        expect: 201,
      })
    ).body.id;
    // No HTTP call moves a certificate's expiry: the test brings the date near, as time would.
    await api.app.get(DataSource).query(`UPDATE certificates SET expires_on = $2::date WHERE id = $1`, [cert.id, shenzhenDay(40)]);
    otherEnt = await organization(api, reg, 'enterprise');
    otherBody = await organization(api, reg, 'certification_body');
  }, 180_000);

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  describe('GET /api/v1/worklist', () => {
    it('gives the enterprise its information requests, open nonconformities, expiring certificates and pending mark grants', async () => {
      const w = await worklist(ent);
      expect(w.organizationKind).toBe('enterprise');
      expect(counts(w)).toEqual({
        applications_info_requested: 1,
        nonconformities_open: 1,
        certificates_expiring: 1,
        mark_grants_requested: 1,
        label_batches_generating: 0,
      });
      expect(section(w, 'applications_info_requested').items).toMatchObject([{ id: infoRequestedId, target: 'application' }]);
      expect(section(w, 'nonconformities_open').items).toMatchObject([{ target: 'nonconformity', parentId: auditId, title: '成品出厂检验记录不完整' }]);
      expect(section(w, 'certificates_expiring').items).toMatchObject([{ id: cert.id, target: 'certificate', title: cert.number }]);
      expect(section(w, 'mark_grants_requested').items).toMatchObject([{ id: grantId, target: 'mark_grant', parentId: cert.id }]);
    });

    it("gives each of the body's staff the work of its role", async () => {
      const admin = await worklist(world.cbAdmin);
      expect(admin.organizationKind).toBe('certification_body');
      expect(counts(admin)).toEqual({
        applications_submitted: 1,
        applications_in_review: 0,
        applications_awaiting_decision: 0,
        nonconformities_answered: 0,
        mark_grants_requested: 1,
        misuse_reports_open: 0,
        counterfeit_signals_open: 0,
        failed_jobs: 0,
      });
      expect(section(admin, 'applications_submitted').items).toMatchObject([{ id: submittedId, target: 'application' }]);

      const own = await worklist(auditor);
      expect(counts(own)).toEqual({ my_audits: 1, nonconformities_answered: 0 });
      expect(section(own, 'my_audits').items).toMatchObject([{ id: auditId, target: 'audit' }]);
      expect(counts(await worklist(decider))).toEqual({ applications_awaiting_decision: 0, mark_grants_requested: 1, counterfeit_signals_open: 0 });
      // The reviewer's own reviews: it asked for information on the one it had, so none is in review.
      expect(counts(await worklist(world.reviewer))).toEqual({ applications_submitted: 1, applications_in_review: 0 });
    });

    it('moves an answered nonconformity to the auditor', async () => {
      const [nc] = (await api.get('/api/v1/nonconformities', { query: { auditId, status: 'open' }, auth: ent.auth, expect: 200 })).body.items;
      await api.post('/api/v1/nonconformities/{id}/answer', {
        params: { id: nc.id },
        auth: ent.auth,
        body: { correctiveAction: '已补充出厂检验规程并培训检验员' },
        expect: 200,
      });
      expect(section(await worklist(ent), 'nonconformities_open').count).toBe(0);
      expect(section(await worklist(auditor), 'nonconformities_answered').items).toMatchObject([{ id: nc.id, parentId: auditId }]);
      expect(section(await worklist(world.cbAdmin), 'nonconformities_answered').count).toBe(1);
    });

    it('shows another enterprise and another body none of it', async () => {
      expect(Object.values(counts(await worklist(otherEnt))).every((n) => n === 0)).toBe(true);
      const body = await worklist(otherBody);
      expect(body.sections.length).toBeGreaterThan(0);
      expect(body.sections.every((s) => s.count === 0 && s.items.length === 0)).toBe(true);
    });

    it("gives the regulator the scheme's open misuse reports, draft batches, expiring authorizations and listed enterprises", async () => {
      const before = counts(await worklist(reg));
      // The run's suites share one Redis prefix and report from the same address: start this address's misuse-report count afresh.
      const redis = api.app.get<Redis>(REDIS);
      const keys = await redis.keys(`${process.env.REDIS_PREFIX}:rl:misuse*`);
      if (keys.length) await redis.del(...keys);
      await api.post('/api/v1/misuse-reports', { body: { code: cert.number, description: '市场上发现未获证型号使用标志' }, expect: 201 });
      const batch = await api.post('/api/v1/catalogue/batches', {
        auth: reg.auth,
        expect: 201,
        body: { number: `CON-${Date.now()}`, titleZh: '控制台草稿目录' },
      });
      await api.post('/api/v1/authorizations', {
        auth: reg.auth,
        expect: 201,
        body: {
          certificationBodyId: otherBody.organizationId,
          categoryCode: world.categoryCode,
          accreditationNumber: 'CNAS C9999',
          validFrom: '2025-01-01',
          validUntil: shenzhenDay(20),
        },
      });
      await api.post('/api/v1/abnormal-operations', {
        auth: reg.auth,
        expect: 201,
        body: { enterpriseId: otherEnt.organizationId, reason: '未按公开的企业标准组织生产' },
      });
      const after = await worklist(reg);
      expect(after.organizationKind).toBe('regulator');
      expect(counts(after)).toEqual({
        misuse_reports_open: before.misuse_reports_open + 1,
        catalogue_batches_draft: before.catalogue_batches_draft + 1,
        authorizations_expiring: before.authorizations_expiring + 1,
        abnormal_operations_listed: before.abnormal_operations_listed + 1,
      });
      // The run's database is shared with the other suites: drafts waiting longest come first, so the new one shows when few wait.
      const drafts = section(after, 'catalogue_batches_draft');
      const times = drafts.items.map((i) => Date.parse(i.at!));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(drafts.items).toHaveLength(Math.min(5, drafts.count));
      if (drafts.count <= 5) expect(drafts.items.map((i) => i.id)).toContain(batch.body.id);
      // The report names the body's certificate: its administrator has it too, the other body not.
      expect(section(await worklist(world.cbAdmin), 'misuse_reports_open').count).toBe(1);
      expect(section(await worklist(otherBody), 'misuse_reports_open').count).toBe(0);
    });

    it('refuses an API key: the work list is a person’s', async () => {
      const key = await api.post('/api/v1/api-keys', { auth: world.cbAdmin.auth, body: { name: 'console test', roles: ['cb_admin'] }, expect: 201 });
      const res = await api.http().get('/api/v1/worklist').set({ 'X-API-Key': key.body.key });
      expect(res.status).toBe(403);
    });
  });

  describe('list filters', () => {
    it('finds certificates by expiry and by number or product text, within the caller’s own', async () => {
      const get = (who: TestUser, query: Record<string, string>) => api.get('/api/v1/certificates', { auth: who.auth, query, expect: 200 });
      expect((await get(ent, { expiresBefore: shenzhenDay(60) })).body.items.map((c) => c.id)).toEqual([cert.id]);
      expect((await get(ent, { expiresBefore: shenzhenDay(10) })).body.total).toBe(0);
      expect((await get(ent, { q: PRODUCT })).body.total).toBe(1);
      expect((await get(ent, { q: cert.number.slice(4, 15) })).body.total).toBe(1);
      expect((await get(ent, { q: '没有这种产品' })).body.total).toBe(0);
      // "products" is the scope's kind, not its text.
      expect((await get(ent, { q: 'products' })).body.total).toBe(0);
      expect((await get(otherEnt, { q: PRODUCT })).body.total).toBe(0);
      expect((await get(world.cbAdmin, { q: PRODUCT })).body.total).toBe(1);
      expect((await get(world.cbAdmin, { q: 'hq-x1 pro' })).body.total).toBe(1);
      expect((await get(otherBody, { q: PRODUCT })).body.total).toBe(0);
      expect((await get(reg, { q: PRODUCT })).body.total).toBe(1);
    });

    it('refuses a bad certificate filter with 400 naming the field', async () => {
      for (const expiresBefore of ['2026-13-01', 'tomorrow', '2026-01-01T00:00:00Z']) {
        const res = await api.get('/api/v1/certificates', { auth: ent.auth, query: { expiresBefore }, expect: 400 });
        expect(res.body.fields?.map((f) => f.field)).toEqual(['expiresBefore']);
      }
      for (const q of ['x'.repeat(101), 'x', 'a b c']) {
        const res = await api.get('/api/v1/certificates', { auth: ent.auth, query: { q }, expect: 400 });
        expect(res.body.fields?.map((f) => f.field)).toEqual(['q']);
      }
    });

    it('finds audits by planned date range and by auditor, with the dates and auditors a calendar draws', async () => {
      const { body: audit } = await api.get('/api/v1/audits/{id}', { params: { id: auditId }, auth: world.cbAdmin.auth, expect: 200 });
      // an announced audit: the body sees its date
      const day = audit.plannedOn!;
      const list = (query: Record<string, string>, who = world.cbAdmin) => api.get('/api/v1/audits', { auth: who.auth, query, expect: 200 });
      const inRange = await list({ from: day, to: day, auditorId: auditor.userId });
      expect(inRange.body.items.map((a) => a.id)).toContain(auditId);
      expect(inRange.body.items.find((a) => a.id === auditId)).toMatchObject({ plannedOn: day, auditors: [{ id: auditor.userId, lead: true }] });
      expect(inRange.body.items.find((a) => a.id === auditId)!.auditors[0].displayName).toEqual(expect.any(String));
      expect((await list({ from: '2000-01-01', to: '2000-01-31' })).body.total).toBe(0);
      expect((await list({ auditorId: world.reviewer.userId })).body.total).toBe(0);
      // Another body asking for this auditor's audits finds nothing.
      expect((await list({ auditorId: auditor.userId }, otherBody)).body.total).toBe(0);
    });

    it('refuses a bad audit range with 400 naming the field', async () => {
      const reversed = await api.get('/api/v1/audits', { auth: world.cbAdmin.auth, query: { from: '2026-12-31', to: '2026-12-01' }, expect: 400 });
      expect(reversed.body.fields?.map((f) => f.field)).toEqual(['to']);
      const bad = await api.get('/api/v1/audits', { auth: world.cbAdmin.auth, query: { from: '2026-02-30', auditorId: 'nobody' }, expect: 400 });
      expect(bad.body.fields?.map((f) => f.field).sort()).toEqual(['auditorId', 'from']);
    });

    it('lists nonconformities: the enterprise its own, the body its, the regulator all', async () => {
      const list = (who: TestUser, query: Record<string, string> = {}) => api.get('/api/v1/nonconformities', { auth: who.auth, query, expect: 200 });
      const own = await list(ent);
      expect(own.body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
      expect(own.body.items[0]).toMatchObject({ auditId, grade: 'minor', status: 'answered', enterprise: { id: ent.organizationId } });
      expect((await list(ent, { status: 'open' })).body.total).toBe(0);
      expect((await list(world.cbAdmin, { auditId })).body.total).toBe(1);
      expect((await list(reg, { auditId })).body.total).toBe(1);
      expect((await list(otherEnt)).body.total).toBe(0);
      expect((await list(otherBody)).body.total).toBe(0);
      const bad = await api.get('/api/v1/nonconformities', { auth: ent.auth, query: { status: 'pending' as never }, expect: 400 });
      expect(bad.body.fields?.map((f) => f.field)).toEqual(['status']);
    });

    it('finds mark grants by status and applications by text', async () => {
      const grants = (status: string) => api.get('/api/v1/mark-grants', { auth: world.cbAdmin.auth, query: { status: status as never }, expect: 200 });
      expect((await grants('requested')).body.items.map((g) => g.id)).toEqual([grantId]);
      expect((await grants('granted')).body.total).toBe(0);
      await api.get('/api/v1/mark-grants', { auth: ent.auth, query: { status: 'approved' as never }, expect: 400 });
      const apps = (who: TestUser, q: string) => api.get('/api/v1/applications', { auth: who.auth, query: { q }, expect: 200 });
      expect((await apps(ent, PRODUCT)).body.items.map((a) => a.id)).toEqual([cert.applicationId]);
      expect((await apps(ent, '智能手机')).body.total).toBe(3);
      expect((await apps(otherEnt, PRODUCT)).body.total).toBe(0);
      // The regulator's text search names an enterprise or a body: applications have no search index.
      const unbounded = await api.get('/api/v1/applications', { auth: reg.auth, query: { q: PRODUCT }, expect: 400 });
      expect(unbounded.body.fields?.map((f) => f.field)).toEqual(['q']);
      const bounded = await api.get('/api/v1/applications', { auth: reg.auth, query: { q: PRODUCT, enterpriseId: ent.organizationId }, expect: 200 });
      expect(bounded.body.items.map((a) => a.id)).toEqual([cert.applicationId]);
    });
  });

  describe('GET /api/v1/statistics/dashboard', () => {
    it('counts verifications per day and counterfeit signals, for the regulator and the body concerned only', async () => {
      // A withdrawn certificate still being verified raises a counterfeit signal for its body.
      await api.post('/api/v1/certificates/{id}/withdraw', {
        params: { id: cert.id },
        auth: world.cbAdmin.auth,
        body: { publicReason: 'nonconforming_product' },
        expect: 200,
      });
      for (let i = 0; i < 3; i++) await api.get('/api/v1/verify/{code}', { params: { code: cert.number }, expect: 200 });
      const today = shenzhenDay();
      const body = await eventually(async () => {
        const d = (await api.get('/api/v1/statistics/dashboard', { auth: world.cbAdmin.auth, expect: 200 })).body;
        return d.verificationsPerDay.at(-1)?.certificate === 3 && d.counterfeitSignalsPerDay.at(-1)?.count === 1 ? d : undefined;
      }, 'the verifications to be flushed');
      expect(body).toMatchObject({ scope: 'certification_body', today });
      expect(body.verificationsPerDay).toHaveLength(30);
      expect(body.verificationsPerDay.at(-1)).toEqual({ day: today, certificate: 3, label: 0, total: 3 });
      expect(body.verificationsPerDay.slice(0, -1).every((d) => d.total === 0)).toBe(true);
      expect(body.counterfeitSignalsPerDay).toHaveLength(30);
      expect(body.counterfeitSignalsByStatus).toEqual([
        { status: 'open', count: 1 },
        { status: 'dismissed', count: 0 },
        { status: 'confirmed', count: 0 },
      ]);
      expect(section(await worklist(world.cbAdmin), 'counterfeit_signals_open').items).toMatchObject([{ title: cert.number, parentId: cert.id }]);

      const all = (await api.get('/api/v1/statistics/dashboard', { auth: reg.auth, expect: 200 })).body;
      expect(all.scope).toBe('all');
      expect(all.verificationsPerDay.at(-1)!.certificate).toBeGreaterThanOrEqual(3);

      const other = (await api.get('/api/v1/statistics/dashboard', { auth: otherBody.auth, expect: 200 })).body;
      expect(other.verificationsPerDay.every((d) => d.total === 0)).toBe(true);
      expect(other.counterfeitSignalsByStatus.every((s) => s.count === 0)).toBe(true);
      expect(other.certificatesByCategory).toEqual([]);
    });

    it("gives certificates by category, status and month of issue: the body its own, the regulator the scheme's", async () => {
      const mine = (await api.get('/api/v1/statistics/dashboard', { auth: decider.auth, expect: 200 })).body;
      expect(mine.certificatesByCategory).toEqual([{ code: world.categoryCode, nameZh: expect.any(String), nameEn: expect.any(String), count: 1, valid: 0 }]);
      expect(mine.certificatesByStatus).toEqual([
        { status: 'valid', count: 0 },
        { status: 'suspended', count: 0 },
        { status: 'withdrawn', count: 1 },
        { status: 'cancelled', count: 0 },
        { status: 'expired', count: 0 },
      ]);
      expect(mine.issuedPerMonth).toHaveLength(12);
      expect(mine.issuedPerMonth.at(-1)).toEqual({ month: shenzhenDay().slice(0, 7), count: 1 });
      expect(mine.issuedPerMonth.slice(0, -1).every((m) => m.count === 0)).toBe(true);

      const all = (await api.get('/api/v1/statistics/dashboard', { auth: reg.auth, expect: 200 })).body;
      expect(all.certificatesByCategory.find((c) => c.code === world.categoryCode)).toMatchObject({ count: 1 });
      expect(all.issuedPerMonth.at(-1)!.count).toBeGreaterThanOrEqual(1);
    });

    it('refuses enterprises (403)', async () => {
      const res = await api.get('/api/v1/statistics/dashboard', { auth: ent.auth, expect: 403 });
      expect(res.body.error).toBe('FORBIDDEN_ROLE');
    });
  });
});
