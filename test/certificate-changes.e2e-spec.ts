import { DataSource } from 'typeorm';
import { TestUser, organization } from './support/actors';
import {
  acceptedChangeAudit,
  auditedAndGranted,
  auditTeam,
  certifiedEnterprise,
  grantWithLabels,
  IssuedCertificate,
  recordAllFindings,
  schemeWithTeam,
} from './support/case';
import { startApi, TestApi } from './support/http';
import { COMMITMENT, MODELS, productScope, SchemeWorld, schemeWorld } from './support/scheme';
import { eventually, startWorker, WorkerProcess } from './support/worker';

/**
 * Changes of an issued certificate (issue 11): a scope extension (a reduced evaluation of what is
 * new), a scope reduction (the removed models' mark grants end and their labels say why), and
 * re-issue as a new edition (an older edition's QR answers "superseded" with the current record).
 */
describe('changes of a certificate', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let db: DataSource;
  let reg: TestUser;
  let world: SchemeWorld;
  let auditors: TestUser[];
  let decider: TestUser;
  let cert: IssuedCertificate;
  const grants: Record<'x1' | 'both', { id: string; label: string }> = { x1: { id: '', label: '' }, both: { id: '', label: '' } };

  async function grantWithLabel(models: string[]): Promise<{ id: string; label: string }> {
    const { grantId, codes } = await grantWithLabels(api, world, cert, models);
    return { id: grantId, label: codes[0] };
  }

  const edition = async () => (await db.query(`SELECT edition FROM certificates WHERE id = $1`, [cert.id]))[0].edition as number;
  const editionToken = async (n: number) =>
    (await db.query(`SELECT token FROM certificate_editions WHERE certificate_id = $1 AND edition = $2`, [cert.id, n]))[0].token as string;
  const record = async () => (await api.get('/api/v1/registry/certificates/{number}', { params: { number: cert.number }, expect: 200 })).body;

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker('certificate-changes');
    db = api.app.get(DataSource);
    ({ reg, world, auditors, decider } = await schemeWithTeam(api));
    cert = await certifiedEnterprise(
      api,
      reg,
      world,
      { nameZh: '深圳变更电子有限公司', nameEn: 'Shenzhen Changes Electronics' },
      { auditor: auditors[0], decider },
    );
    grants.x1 = await grantWithLabel(['HQ-X1']);
    grants.both = await grantWithLabel(MODELS);
  });
  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  describe('scope extension', () => {
    let declarationId: string;
    beforeAll(async () => {
      const decl = await api.post('/api/v1/self-declarations', {
        auth: cert.ent.auth,
        expect: 201,
        body: {
          standardId: world.standardId,
          productNameZh: '智能手机',
          productNameEn: 'Smartphone',
          models: [...MODELS, 'HQ-X2'],
          keyIndicators: [],
          commitment: COMMITMENT,
        },
      });
      declarationId = decl.body.id;
      // A management requirement (pass/fail, not critical): what an extension's reduced evaluation leaves to surveillance.
      await db.query(
        `INSERT INTO requirements (standard_id, position, clause, text_zh, text_en, kind, critical)
         VALUES ($1, 99, '9.9', '质量管理体系文件齐全', 'Quality management documents complete', 'pass_fail', false)`,
        [world.standardId],
      );
    });

    it('refuses models already certified (400 naming the field), the body (403) and another enterprise (404)', async () => {
      const res = await api.post('/api/v1/certificates/{id}/extension', {
        params: { id: cert.id },
        auth: cert.ent.auth,
        body: { scope: productScope(['HQ-X1', 'HQ-X2']), selfDeclarationId: declarationId },
        expect: 400,
      });
      expect(res.body.fields).toEqual([{ field: 'scope.products', reasons: [expect.stringContaining('HQ-X1')] }]);
      const body = { scope: productScope(['HQ-X2']), selfDeclarationId: declarationId };
      await api.post('/api/v1/certificates/{id}/extension', { params: { id: cert.id }, auth: world.cbAdmin.auth, body, expect: 403 });
      const stranger = await organization(api, reg, 'enterprise');
      await api.post('/api/v1/certificates/{id}/extension', { params: { id: cert.id }, auth: stranger.auth, body, expect: 404 });
      const unknownField = await api.post('/api/v1/certificates/{id}/extension', {
        params: { id: cert.id },
        auth: cert.ent.auth,
        body: { ...body, extra: 1 } as typeof body,
        expect: 400,
      });
      expect(JSON.stringify(unknownField.body)).toContain('extra');
    });

    it('evaluates only what is new, then adds the models to the scope as a new edition', async () => {
      const token1 = await editionToken(1);
      const draft = await api.post('/api/v1/certificates/{id}/extension', {
        params: { id: cert.id },
        auth: cert.ent.auth,
        body: { scope: productScope(['HQ-X2']), selfDeclarationId: declarationId },
        expect: 201,
      });
      expect(draft.body).toMatchObject({ kind: 'extension', certificateId: cert.id, status: 'draft' });
      const audit = await acceptedChangeAudit(api, world, cert.ent, draft.body.id);
      expect(audit.kind).toBe('special');
      // The reduced checklist: every measured requirement and every critical one, nothing else.
      const [{ reduced, all }] = await db.query(
        `SELECT count(*) FILTER (WHERE kind = 'measured' OR critical)::int AS reduced, count(*)::int AS all FROM requirements WHERE standard_id = $1`,
        [world.standardId],
      );
      expect(audit.checklist).toHaveLength(reduced);
      expect(reduced).toBeLessThan(all);
      await auditedAndGranted(api, world, cert.ent, draft.body.id, auditors, decider);

      await eventually(async () => ((await edition()) === 2 ? true : undefined), 'the extended certificate re-issued');
      const view = await api.get('/api/v1/certificates/{id}', { params: { id: cert.id }, auth: cert.ent.auth, expect: 200 });
      expect(view.body.scope.products?.flatMap((p) => p.models)).toEqual([...MODELS, 'HQ-X2']);
      expect(view.body.history.at(-1)).toMatchObject({ action: 'scope_extended', details: { models: ['HQ-X2'], edition: 2 } });
      const history = (await record()).history;
      expect(history.at(-1)).toMatchObject({ event: 'scope_extended', status: 'valid', details: { models: ['HQ-X2'] } });
      expect(history.at(-1)?.details).not.toHaveProperty('applicationId');

      // The first edition's QR answers with the current record and says it is superseded.
      const old = await api.get('/api/v1/verify/token/{token}', { params: { token: token1 }, expect: 200 });
      expect(old.body).toMatchObject({ token: 'genuine', status: 'valid', supersededBy: { edition: 2 } });
      expect(old.body.message).toContain('superseded by edition 2');
      // raw: the page for people says so too, in both languages
      expect((await api.http().get(`/v/${token1}`).expect(200)).text).toContain('已被第 2 版取代');
      expect((await api.http().get(`/v/${token1}?lang=en`).expect(200)).text).toContain('superseded by edition 2');
      expect(old.body.certificate?.scope.products?.flatMap((p) => p.models)).toContain('HQ-X2');
      const current = await api.get('/api/v1/verify/token/{token}', { params: { token: await editionToken(2) }, expect: 200 });
      expect(current.body.supersededBy).toBeUndefined();

      // Both editions stay downloadable by the holder.
      const editions = await api.get('/api/v1/certificates/{id}/editions', { params: { id: cert.id }, auth: cert.ent.auth, expect: 200 });
      expect(editions.body.map((e) => [e.edition, e.current])).toEqual([
        [1, false],
        [2, true],
      ]);
      for (const n of [1, 2]) {
        // raw: the PDF needs supertest's binary parser
        const pdf = await api
          .http()
          .get(`/api/v1/certificates/${cert.id}/editions/${n}/pdf`)
          .set(cert.ent.auth)
          .buffer(true)
          .parse((res, done) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => done(null, Buffer.concat(chunks)));
          })
          .expect(200);
        expect(pdf.headers['content-type']).toBe('application/pdf');
        expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
      }
      await api.get('/api/v1/certificates/{id}/editions', { params: { id: cert.id }, auth: (await organization(api, reg, 'enterprise')).auth, expect: 404 });
    });
  });

  describe('scope reduction', () => {
    const reduce = <S extends 200 | 400 | 403 | 404 | 409>(who: TestUser, body: { models: string[]; reason: string }, expect: S) =>
      api.post('/api/v1/certificates/{id}/scope-reduction', { params: { id: cert.id }, auth: who.auth, body: body as never, expect });

    it('refuses unknown models, an empty scope, wrong reasons, wrong roles and strangers', async () => {
      const unknown = await reduce(decider, { models: ['HQ-NOPE'], reason: 'nonconforming_product' }, 400);
      expect(unknown.body.fields).toEqual([{ field: 'models', reasons: [expect.stringContaining('HQ-NOPE')] }]);
      const all = await reduce(decider, { models: [...MODELS, 'HQ-X2'], reason: 'nonconforming_product' }, 400);
      expect(all.body.fields).toEqual([{ field: 'models', reasons: [expect.stringContaining('is a withdrawal')] }]);
      const reason = await reduce(decider, { models: ['HQ-X1'], reason: 'because' }, 400);
      expect(JSON.stringify(reason.body.fields)).toContain('reason');
      await reduce(auditors[0], { models: ['HQ-X1'], reason: 'nonconforming_product' }, 403);
      await reduce(await organization(api, reg, 'enterprise'), { models: ['HQ-X1'], reason: 'holder_request' }, 404);
      expect(
        (await api.get('/api/v1/certificates/{id}', { params: { id: cert.id }, auth: cert.ent.auth, expect: 200 })).body.scope.products?.[0].models,
      ).toContain('HQ-X1');
    });

    it('removes the models, ends their mark grants, and makes their labels say why', async () => {
      const before = await edition();
      const res = await reduce(decider, { models: ['HQ-X1'], reason: 'nonconforming_product' }, 200);
      expect(res.body.scope.products?.flatMap((p) => p.models)).toEqual(['HQ-X1 Pro', 'HQ-X2']);
      const grantsNow = Object.fromEntries(res.body.markGrants.map((g) => [g.id, g]));
      expect(grantsNow[grants.x1.id].status).toBe('revoked');
      expect(grantsNow[grants.both.id]).toMatchObject({ status: 'granted', products: [expect.objectContaining({ model: 'HQ-X1 Pro' })] });
      expect(grantsNow[grants.both.id].products).toHaveLength(1);

      const last = (await record()).history.at(-1);
      expect(last).toMatchObject({ event: 'scope_reduced', status: 'valid', publicReason: 'nonconforming_product', details: { models: ['HQ-X1'] } });

      const [{ today }] = await db.query(`SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date::text AS today`);
      const ended = await api.get('/api/v1/verify/{code}', { params: { code: grants.x1.label }, expect: 200 });
      expect(ended.body).toMatchObject({ kind: 'label', status: 'withdrawn', markGrant: { status: 'revoked' } });
      expect(ended.body.message).toBe(`model HQ-X1 was removed from certificate ${cert.number}'s scope on ${today}: this mark no longer certifies it`);
      const kept = await api.get('/api/v1/verify/{code}', { params: { code: grants.both.label }, expect: 200 });
      expect(kept.body).toMatchObject({ status: 'valid', markGrant: { status: 'granted' } });

      // The PDF no longer lists the model: the worker re-issues the certificate as its next edition.
      await eventually(async () => ((await edition()) === before + 1 ? true : undefined), 'the reduced certificate re-issued');
    });

    it("takes a reduction at the holder's request", async () => {
      const res = await reduce(cert.ent, { models: ['HQ-X2'], reason: 'holder_request' }, 200);
      expect(res.body.scope.products?.flatMap((p) => p.models)).toEqual(['HQ-X1 Pro']);
    });
  });

  describe('standard transition', () => {
    let w: SchemeWorld;
    let people: { auditor: TestUser; decider: TestUser };
    let team: TestUser[];
    let moving: IssuedCertificate;
    let lagging: IssuedCertificate;
    let newStandardId: string;

    beforeAll(async () => {
      w = await schemeWorld(api, reg);
      const staff = await auditTeam(api, w);
      team = staff.auditors;
      people = { auditor: team[0], decider: staff.decider };
      moving = await certifiedEnterprise(api, reg, w, { nameZh: '深圳换版电子有限公司', nameEn: 'Shenzhen Transition Electronics' }, people);
      lagging = await certifiedEnterprise(api, reg, w, { nameZh: '深圳迟缓电子有限公司', nameEn: 'Shenzhen Lagging Electronics' }, people);
      const old = await api.get('/api/v1/standards/{id}', { params: { id: w.standardId }, auth: reg.auth, expect: 200 });
      // The new version: 5.1 tightened, 5.2 unchanged, 5.3 added.
      const created = await api.post('/api/v1/standards', {
        auth: reg.auth,
        expect: 201,
        body: {
          code: old.body.code,
          version: '2027',
          titleZh: old.body.titleZh,
          kind: 'shenzhen',
          issuer: '深圳市市场监督管理局',
          categoryCodes: [w.categoryCode],
          requirements: [
            { clause: '5.1', textZh: '待机时间', kind: 'measured', unit: 'h', min: 80, critical: true },
            { clause: '5.2', textZh: '跌落试验无功能失效', kind: 'pass_fail', critical: true },
            { clause: '5.3', textZh: '电池循环寿命不低于800次', kind: 'pass_fail', critical: false },
          ],
        },
      });
      newStandardId = created.body.id;
    });

    const transitionOf = async (id: string) =>
      (
        await db.query(
          `SELECT c.transition_deadline::text AS deadline, c.transition_standard_id AS "standardId", r.lifecycle->'transition' AS public,
                  ((now() AT TIME ZONE 'Asia/Shanghai')::date + 365)::text AS expected
             FROM certificates c JOIN registry_entries r ON r.certificate_id = c.id WHERE c.id = $1`,
          [id],
        )
      )[0];

    it('gives the certificates of a superseded standard a deadline and the new version, shown in the registry', async () => {
      await api.post('/api/v1/standards/{id}/supersede', { params: { id: w.standardId }, auth: reg.auth, expect: 200 });
      for (const c of [moving, lagging]) {
        const t = await eventually(async () => {
          const row = await transitionOf(c.id);
          return row.deadline ? row : undefined;
        }, 'the transition to be set');
        expect(t).toMatchObject({ deadline: t.expected, standardId: newStandardId, public: { deadline: t.expected, standard: { version: '2027' } } });
      }
    });

    it('refuses a transition audit to the holder (403), another body (404) and a certificate with no transition (409)', async () => {
      const audit = <S extends 202 | 403 | 404 | 409>(who: TestUser, id: string, expect: S) =>
        api.post('/api/v1/certificates/{id}/transition-audit', { params: { id }, auth: who.auth, expect });
      await audit(moving.ent, moving.id, 403);
      await audit(world.cbAdmin, moving.id, 404);
      const none = await audit(world.cbAdmin, cert.id, 409);
      expect(none.body.message).toContain('no standard transition under way');
    });

    it('audits what changed and, passed, moves the certificate to the new version and re-issues it', async () => {
      await api.post('/api/v1/certificates/{id}/transition-audit', { params: { id: moving.id }, auth: w.cbAdmin.auth, expect: 202 });
      const auditId = await eventually(async () => {
        const [row] = await db.query(`SELECT id FROM audits WHERE certificate_id = $1 AND trigger = 'transition'`, [moving.id]);
        return row?.id as string | undefined;
      }, 'the transition audit to be planned');
      const planned = await api.get('/api/v1/audits/{id}', { params: { id: auditId }, auth: w.cbAdmin.auth, expect: 200 });
      expect(planned.body.checklist.map((r) => r.clause)).toEqual(['5.1', '5.3']);
      const lead = team.find((a) => planned.body.auditors[0].id === a.userId)!;
      await api.post('/api/v1/audits/{id}/start', { params: { id: auditId }, auth: lead.auth, expect: 200 });
      await recordAllFindings(api, lead, auditId);
      await api.post('/api/v1/audits/{id}/submit', { params: { id: auditId }, auth: lead.auth, expect: 200 });
      const moved = await eventually(async () => {
        const c = await api.get('/api/v1/certificates/{id}', { params: { id: moving.id }, auth: moving.ent.auth, expect: 200 });
        return c.body.standard.version === '2027' ? c.body : undefined;
      }, 'the certificate to move to the new version');
      expect(moved.history.map((h) => h.action)).toContain('transition_completed');
      expect(await transitionOf(moving.id)).toMatchObject({ deadline: null, standardId: null, public: null });
      await eventually(
        async () => ((await db.query(`SELECT edition FROM certificates WHERE id = $1`, [moving.id]))[0].edition === 2 ? true : undefined),
        'the new edition',
      );
    });

    it('suspends a certificate whose transition was not completed by its deadline', async () => {
      await db.query(`UPDATE certificates SET transition_deadline = current_date - 1 WHERE id = $1`, [lagging.id]);
      const suspended = await eventually(async () => {
        const v = await api.get('/api/v1/verify/{code}', { params: { code: lagging.number }, expect: 200 });
        return v.body.status === 'suspended' ? v.body : undefined;
      }, 'the overdue certificate to be suspended');
      expect(suspended.status).toBe('suspended');
      const history = (await api.get('/api/v1/registry/certificates/{number}', { params: { number: lagging.number }, expect: 200 })).body.history;
      expect(history.at(-1)).toMatchObject({ event: 'suspend', publicReason: 'transition_not_completed' });
    });
  });

  describe('re-issue', () => {
    it('re-issues as the next edition after a change of the holder, by the body only', async () => {
      await eventually(
        async () =>
          (await db.query(`SELECT count(*)::int AS n FROM outbox WHERE job_name = 'reissue-certificate' AND completed_at IS NULL`))[0].n === 0
            ? true
            : undefined,
        'earlier re-issues',
      );
      const before = await edition();
      const body = { reason: '持证企业地址变更', changedFields: ['holder.address' as const] };
      await api.post('/api/v1/certificates/{id}/reissue', { params: { id: cert.id }, auth: cert.ent.auth, body, expect: 403 });
      const bad = await api.post('/api/v1/certificates/{id}/reissue', {
        params: { id: cert.id },
        auth: world.cbAdmin.auth,
        body: { reason: '变更', changedFields: ['holder.phone'] } as never,
        expect: 400,
      });
      expect(JSON.stringify(bad.body.fields)).toContain('changedFields');
      await api.post('/api/v1/certificates/{id}/reissue', { params: { id: cert.id }, auth: world.cbAdmin.auth, body, expect: 202 });
      await eventually(async () => ((await edition()) === before + 1 ? true : undefined), 'the re-issued edition');
      const editions = await api.get('/api/v1/certificates/{id}/editions', { params: { id: cert.id }, auth: world.cbAdmin.auth, expect: 200 });
      expect(editions.body.at(-1)).toMatchObject({ edition: before + 1, current: true, reason: body.reason, changedFields: ['holder.address'] });
      const old = await api.get('/api/v1/verify/token/{token}', { params: { token: await editionToken(1) }, expect: 200 });
      expect(old.body.supersededBy).toEqual({ edition: before + 1 });
      expect((await record()).history.at(-1)).toMatchObject({ event: 'reissue', details: { edition: before + 1, changedFields: ['holder.address'] } });
    });

    it('refuses to re-issue or change a certificate that has ended, naming its state', async () => {
      await api.post('/api/v1/certificates/{id}/withdraw', {
        params: { id: cert.id },
        auth: decider.auth,
        body: { publicReason: 'misuse_of_mark' },
        expect: 200,
      });
      const res = await api.post('/api/v1/certificates/{id}/reissue', {
        params: { id: cert.id },
        auth: world.cbAdmin.auth,
        body: { reason: '变更', changedFields: ['holder.nameZh'] },
        expect: 409,
      });
      expect(res.body.message).toContain('is withdrawn');
      const reduced = await api.post('/api/v1/certificates/{id}/scope-reduction', {
        params: { id: cert.id },
        auth: decider.auth,
        body: { models: ['HQ-X1 Pro'], reason: 'other' },
        expect: 409,
      });
      expect(reduced.body.error).toBe('ILLEGAL_TRANSITION');
    });
  });
});
