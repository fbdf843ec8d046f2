import { TestUser, member, organization, regulator } from './support/actors';
import type { paths } from './support/api-types';
import { startApi, TestApi } from './support/http';
import { declaringEnterprise, productScope, schemeWorld, SchemeWorld } from './support/scheme';

describe('applications and certification-body review', () => {
  let api: TestApi;
  let reg: TestUser;
  let world: SchemeWorld;
  let ent: TestUser;
  let declarationId: string;

  beforeAll(async () => {
    api = await startApi();
    reg = await regulator(api);
    world = await schemeWorld(api, reg);
    ({ admin: ent, declarationId } = await declaringEnterprise(api, reg, world));
  });
  afterAll(() => api.close());

  const draftBody = () => ({
    catalogueEntryId: world.entryId,
    selfDeclarationId: declarationId,
    certificationBodyId: world.certificationBodyId,
    scope: productScope(),
  });

  async function draft(owner = ent, body = draftBody()): Promise<string> {
    return (await api.post('/api/v1/applications', { auth: owner.auth, body, expect: 201 })).body.id;
  }

  type Body<P extends keyof paths> = paths[P]['post'] extends { requestBody?: { content: { 'application/json': infer T } } } ? T : never;
  const on = (who: TestUser, id: string) => ({ params: { id }, auth: who.auth });
  /** The documented actions on an application, each through its own typed path. */
  const act = {
    submit: <S extends number>(who: TestUser, id: string, expect: S) => api.post('/api/v1/applications/{id}/submit', { ...on(who, id), expect }),
    'take-into-review': <S extends number>(who: TestUser, id: string, expect: S) =>
      api.post('/api/v1/applications/{id}/take-into-review', { ...on(who, id), expect }),
    'request-info': <S extends number>(who: TestUser, id: string, expect: S, body: Body<'/api/v1/applications/{id}/request-info'>) =>
      api.post('/api/v1/applications/{id}/request-info', { ...on(who, id), body, expect }),
    answer: <S extends number>(who: TestUser, id: string, expect: S, body: Body<'/api/v1/applications/{id}/answer'>) =>
      api.post('/api/v1/applications/{id}/answer', { ...on(who, id), body, expect }),
    accept: <S extends number>(who: TestUser, id: string, expect: S, body: Body<'/api/v1/applications/{id}/accept'> = {}) =>
      api.post('/api/v1/applications/{id}/accept', { ...on(who, id), body, expect }),
    reject: <S extends number>(who: TestUser, id: string, expect: S, body: Body<'/api/v1/applications/{id}/reject'>) =>
      api.post('/api/v1/applications/{id}/reject', { ...on(who, id), body, expect }),
    withdraw: <S extends number>(who: TestUser, id: string, expect: S, body: Body<'/api/v1/applications/{id}/withdraw'> = {}) =>
      api.post('/api/v1/applications/{id}/withdraw', { ...on(who, id), body, expect }),
  };
  /** Raw on purpose: for a body outside the contract, or answers whose status the test cannot fix in advance. */
  const actRaw = (who: TestUser, id: string, action: string, body: object = {}) =>
    api.http().post(`/api/v1/applications/${id}/${action}`).set(who.auth).send(body);
  const read = <S extends number>(who: TestUser, id: string, expect: S) => api.get('/api/v1/applications/{id}', { ...on(who, id), expect });

  it('walks draft → submitted → under review → information requested → submitted → accepted, with a timeline', async () => {
    const id = await draft();
    const created = await read(ent, id, 200);
    expect(created.body).toMatchObject({
      status: 'draft',
      number: expect.stringMatching(/^SZS-A-\d{4}-\d{6}$/),
      enterprise: { id: ent.organizationId },
      certificationBody: { id: world.certificationBodyId },
      catalogueEntry: { id: world.entryId, categoryCode: world.categoryCode },
      standard: { id: world.standardId },
      allowedActions: ['edit', 'submit', 'withdraw'],
    });

    expect((await act.submit(ent, id, 200)).body.status).toBe('submitted');
    const inbox = await api.get('/api/v1/applications', { query: { status: 'submitted' }, auth: world.reviewer.auth, expect: 200 });
    expect(inbox.body.items.map((a: { id: string }) => a.id)).toContain(id);

    expect((await act['take-into-review'](world.reviewer, id, 200)).body.status).toBe('under_review');
    const asked = await act['request-info'](world.reviewer, id, 200, { message: '请补充工厂检验报告' });
    expect(asked.body.status).toBe('info_requested');
    const answered = await act.answer(ent, id, 200, { message: '已补充，报告编号 R-2026-118' });
    expect(answered.body.status).toBe('submitted');
    await act['take-into-review'](world.reviewer, id, 200);
    const accepted = await act.accept(world.reviewer, id, 200, { reason: '资料齐全' });
    expect(accepted.body.status).toBe('accepted');

    const timeline = accepted.body.timeline;
    expect(timeline.map((e: { action: string }) => e.action)).toEqual([
      'create',
      'submit',
      'take_into_review',
      'request_info',
      'answer_info_request',
      'take_into_review',
      'accept',
    ]);
    expect(timeline[3]).toMatchObject({ from: 'under_review', to: 'info_requested', reason: '请补充工厂检验报告', actor: 'reviewer' });
    expect(timeline[4]).toMatchObject({ from: 'info_requested', to: 'submitted', reason: '已补充，报告编号 R-2026-118' });
    for (const e of timeline) expect(new Date(e.at).getTime()).not.toBeNaN();
  });

  it('rejects with a reason, and refuses a rejection without one', async () => {
    const id = await draft();
    await act.submit(ent, id, 200);
    await act['take-into-review'](world.reviewer, id, 200);
    const noReason = await actRaw(world.reviewer, id, 'reject', {}).expect(400);
    expect(noReason.body.fields.map((f: { field: string }) => f.field)).toEqual(['reason']);
    const rejected = await act.reject(world.reviewer, id, 200, { reason: '产品不在目录范围内' });
    expect(rejected.body.status).toBe('rejected');
    expect(rejected.body.timeline.at(-1)).toMatchObject({ action: 'reject', reason: '产品不在目录范围内' });
    expect((await read(ent, id, 200)).body.allowedActions).toEqual([]);
  });

  it('lets the enterprise withdraw before a decision, and nothing after', async () => {
    const fromDraft = await draft();
    expect((await act.withdraw(ent, fromDraft, 200, { reason: '暂不申请' })).body.status).toBe('withdrawn');
    const inReview = await draft();
    await act.submit(ent, inReview, 200);
    await act['take-into-review'](world.reviewer, inReview, 200);
    expect((await act.withdraw(ent, inReview, 200)).body.status).toBe('withdrawn');
    const again = await act.withdraw(ent, inReview, 409);
    expect(again.body.message).toContain("'withdrawn'");
    // a certification body never saw the draft that was withdrawn unsent
    await read(world.reviewer, fromDraft, 404);
  });

  describe('every illegal transition over HTTP answers 409 naming the state', () => {
    type Step = { who: () => TestUser; path: string; body?: object; method?: 'patch' };
    const steps: Record<string, Step> = {
      edit: { who: () => ent, path: '', method: 'patch', body: {} },
      submit: { who: () => ent, path: 'submit' },
      answer_info_request: { who: () => ent, path: 'answer', body: { message: 'answer' } },
      withdraw: { who: () => ent, path: 'withdraw' },
      take_into_review: { who: () => world.reviewer, path: 'take-into-review' },
      request_info: { who: () => world.reviewer, path: 'request-info', body: { message: 'need more' } },
      accept: { who: () => world.reviewer, path: 'accept' },
      reject: { who: () => world.reviewer, path: 'reject', body: { reason: 'no' } },
    };
    // raw: a table of every action over every state, whose answer (200 or 409) the walk decides
    const run = (action: string, id: string) => {
      const s = steps[action];
      const req = s.method === 'patch' ? api.http().patch(`/api/v1/applications/${id}`) : api.http().post(`/api/v1/applications/${id}/${s.path}`);
      return req.set(s.who().auth).send(s.body ?? {});
    };
    /** How to reach each state the HTTP API can reach, from a fresh draft. */
    const paths: Record<string, string[]> = {
      draft: [],
      submitted: ['submit'],
      under_review: ['submit', 'take_into_review'],
      info_requested: ['submit', 'take_into_review', 'request_info'],
      accepted: ['submit', 'take_into_review', 'accept'],
      rejected: ['submit', 'take_into_review', 'reject'],
      withdrawn: ['submit', 'withdraw'],
    };
    const allowed: Record<string, string[]> = {
      draft: ['edit', 'submit', 'withdraw'],
      submitted: ['take_into_review', 'withdraw'],
      under_review: ['request_info', 'accept', 'reject', 'withdraw'],
      info_requested: ['edit', 'answer_info_request', 'withdraw'],
      accepted: ['withdraw'],
      rejected: [],
      withdrawn: [],
    };

    it.each(Object.keys(paths))('from %s', async (state) => {
      const id = await draft();
      for (const step of paths[state]) expect((await run(step, id)).status).toBe(200);
      const view = await read(reg, id, 200);
      expect(view.body.status).toBe(state);
      for (const action of Object.keys(steps)) {
        if (allowed[state].includes(action)) continue;
        const res = await run(action, id);
        if (state === 'draft' && steps[action].who() === world.reviewer) {
          // a draft was never sent to the certification body: to it, the application does not exist
          expect({ action, status: res.status }).toEqual({ action, status: 404 });
          continue;
        }
        expect({ action, status: res.status }).toEqual({ action, status: 409 });
        expect(res.body.error).toBe('ILLEGAL_TRANSITION');
        expect(res.body.message).toContain(`is '${state}'`);
        expect(res.body.message).toContain(`'${action}'`);
      }
      // the refusals changed nothing
      const after = await read(reg, id, 200);
      expect(after.body.version).toBe(view.body.version);
      // and each allowed action works from here
      for (const action of allowed[state]) {
        const fresh = await draft();
        for (const step of paths[state]) await run(step, fresh).expect(200);
        expect({ action, status: (await run(action, fresh)).status }).toEqual({ action, status: 200 });
      }
    });
  });

  it('of 20 concurrent accepts exactly one wins; the others get 409', async () => {
    const id = await draft();
    await act.submit(ent, id, 200);
    await act['take-into-review'](world.reviewer, id, 200);
    const results = await Promise.all(Array.from({ length: 20 }, () => actRaw(world.reviewer, id, 'accept')));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    for (const r of results.filter((r) => r.status === 409)) {
      expect(['ILLEGAL_TRANSITION', 'CONCURRENT_MODIFICATION']).toContain(r.body.error);
      expect(r.body.message).toContain("'accepted'");
    }
    const view = await read(ent, id, 200);
    expect(view.body.timeline.filter((e: { action: string }) => e.action === 'accept')).toHaveLength(1);
  });

  describe('validation', () => {
    it('names each invalid field of a draft', async () => {
      // raw: wrong types and an unknown field, outside the contract on purpose
      const res = await api
        .http()
        .post('/api/v1/applications')
        .set(ent.auth)
        .send({
          catalogueEntryId: 'nope',
          certificationBodyId: world.certificationBodyId,
          scope: { kind: 'products', products: [{ nameZh: '', brand: 'x', models: [] }] },
          extra: 1,
        })
        .expect(400);
      const fields = res.body.fields.map((f: { field: string }) => f.field).sort();
      expect(fields).toEqual(
        ['catalogueEntryId', 'extra', 'scope.products[0].factoryAddress', 'scope.products[0].models', 'scope.products[0].nameZh', 'selfDeclarationId'].sort(),
      );
    });

    it('names an unknown reference, and writes nothing', async () => {
      const before = (await api.get('/api/v1/applications', { auth: ent.auth, expect: 200 })).body.total;
      const res = await api.post('/api/v1/applications', { auth: ent.auth, body: { ...draftBody(), certificationBodyId: ent.organizationId }, expect: 400 });
      expect(res.body).toMatchObject({ error: 'REFERENCE_NOT_FOUND', fields: [{ field: 'certificationBodyId' }] });
      expect((await api.get('/api/v1/applications', { auth: ent.auth, expect: 200 })).body.total).toBe(before);
    });

    it('refuses a service scope for a product catalogue entry', async () => {
      const res = await api.post('/api/v1/applications', {
        auth: ent.auth,
        body: { ...draftBody(), scope: { kind: 'service', service: { nameZh: '物业服务', sites: [{ name: '总部', address: '深圳市福田区' }] } } },
        expect: 400,
      });
      expect(res.body.fields?.[0]?.field).toBe('scope.kind');
    });

    it("refuses another enterprise's self-declaration", async () => {
      const other = await declaringEnterprise(api, reg, world);
      const res = await api.post('/api/v1/applications', { auth: ent.auth, body: { ...draftBody(), selfDeclarationId: other.declarationId }, expect: 400 });
      expect(res.body.fields?.[0]?.field).toBe('selfDeclarationId');
    });

    it('refuses a malformed id in the path with 400', async () => {
      // raw: the id is deliberately not a UUID
      const res = await api.http().get('/api/v1/applications/not-a-uuid').set(ent.auth).expect(400);
      expect(res.body.statusCode).toBe(400);
    });
  });

  describe('submission checks say which check failed', () => {
    const submitFails = async (owner: TestUser, id: string, check: string) => {
      const res = await act.submit(owner, id, 422);
      expect(res.body.error).toBe('SUBMISSION_CHECK_FAILED');
      expect(res.body.details?.['failedChecks']).toContain(check);
      const view = await read(owner, id, 200);
      expect(view.body.status).toBe('draft');
      return res;
    };

    it('a certification body without an authorization for the category', async () => {
      const unauthorized = await organization(api, reg, 'certification_body');
      const id = await draft(ent, { ...draftBody(), certificationBodyId: unauthorized.organizationId });
      const res = await submitFails(ent, id, 'certification_body_authorized');
      expect(res.body.message).toContain(world.categoryCode);
    });

    it('an enterprise on the abnormal-operations list', async () => {
      const listed = await declaringEnterprise(api, reg, world);
      const id = await draft(listed.admin, { ...draftBody(), selfDeclarationId: listed.declarationId });
      await api.post('/api/v1/abnormal-operations', {
        auth: reg.auth,
        body: { enterpriseId: listed.admin.organizationId, reason: '未按标准组织生产' },
        expect: 201,
      });
      const res = await submitFails(listed.admin, id, 'enterprise_not_abnormal');
      expect(res.body.message).toContain('未按标准组织生产');
    });

    it('a closed catalogue entry', async () => {
      const closedWorld = await schemeWorld(api, reg);
      const e = await declaringEnterprise(api, reg, closedWorld);
      const id = await draft(e.admin, {
        catalogueEntryId: closedWorld.entryId,
        selfDeclarationId: e.declarationId,
        certificationBodyId: closedWorld.certificationBodyId,
        scope: productScope(),
      });
      await api.post('/api/v1/catalogue/entries/{id}/close', { params: { id: closedWorld.entryId }, auth: reg.auth, body: {}, expect: 200 });
      await submitFails(e.admin, id, 'catalogue_entry_open');
    });

    it('models that the self-declaration does not cover', async () => {
      const id = await draft(ent, { ...draftBody(), scope: productScope(['HQ-X1', 'HQ-Z9']) });
      const res = await submitFails(ent, id, 'scope_within_declaration');
      expect(res.body.message).toContain('HQ-Z9');
    });
  });

  describe('tenancy and roles', () => {
    it('hides an application from other enterprises and other certification bodies (404)', async () => {
      const id = await draft();
      const stranger = await organization(api, reg, 'enterprise');
      const otherCb = await organization(api, reg, 'certification_body');
      await read(stranger, id, 404);
      await api.patch('/api/v1/applications/{id}', { ...on(stranger, id), body: {}, expect: 404 });
      for (const a of ['submit', 'withdraw'] as const) await act[a](stranger, id, 404);
      await act.answer(stranger, id, 404, { message: 'x' });
      // a draft is not visible to the certification body it names
      await read(world.cbAdmin, id, 404);
      await act.submit(ent, id, 200);
      await read(world.cbAdmin, id, 200);
      await read(otherCb, id, 404);
      for (const a of ['take-into-review', 'accept'] as const) await act[a](otherCb, id, 404);
      await act['request-info'](otherCb, id, 404, { message: 'x' });
      await act.reject(otherCb, id, 404, { reason: 'x' });
      const strangerList = await api.get('/api/v1/applications', { auth: stranger.auth, expect: 200 });
      expect(strangerList.body.items).toEqual([]);
      // the regulator sees it
      await read(reg, id, 200);
    });

    it('answers 403 to the wrong role', async () => {
      const id = await draft();
      await act.submit(ent, id, 200);
      const auditor = await member(api, world.cbAdmin, ['auditor']);
      for (const [who, action] of [
        [ent, 'take-into-review'],
        [ent, 'accept'],
        [auditor, 'take-into-review'],
        [reg, 'accept'],
        [world.reviewer, 'submit'],
        [reg, 'withdraw'],
      ] as const) {
        const res = await act[action](who, id, 403);
        expect(res.body.error).toBe('FORBIDDEN_ROLE');
      }
      await api.post('/api/v1/applications', { auth: world.reviewer.auth, body: draftBody(), expect: 403 });
      await api.get('/api/v1/applications/{id}', { params: { id }, expect: 401 });
    });
  });
});
