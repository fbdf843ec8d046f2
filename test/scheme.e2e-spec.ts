import { randomBytes, randomUUID } from 'node:crypto';
import { TestUser, member, organization, regulator } from './support/actors';
import type { components } from './support/api-types';
import { startApi, TestApi } from './support/http';
import { COMMITMENT } from './support/scheme';

/**
 * The scheme catalogue the regulator runs (categories, standards, catalogue batches and entries,
 * authorizations, the abnormal-operations list) and the enterprises' public self-declarations,
 * through HTTP against the real API, Postgres and Redis.
 */
describe('scheme catalogue', () => {
  let api: TestApi;
  let reg: TestUser;
  let ent: TestUser;
  let entMember: TestUser;
  let cb: TestUser;
  let auditor: TestUser;

  type Dto<N extends keyof components['schemas']> = components['schemas'][N];
  const tag = () => randomBytes(3).toString('hex').toUpperCase();
  // Raw supertest, for the requests deliberately outside the contract (wrong types, unknown fields, missing fields, concurrency).
  const post = (who: TestUser, path: string, body: object = {}) => api.http().post(path).set(who.auth).send(body);
  const get = (who: TestUser, path: string, query: Record<string, string | number> = {}) => api.http().get(path).set(who.auth).query(query);
  const anonymous = (path: string, query: Record<string, string | number> = {}) => api.http().get(path).query(query);
  const fieldsOf = (body: { fields?: { field: string }[] }) => (body.fields ?? []).map((f) => f.field);
  const ids = (body: { items: { id: string }[] }) => body.items.map((i) => i.id);
  /** Nothing private about an organization or an author may appear in a public or shared answer. */
  const PRIVATE = /contact|address|createdBy|created_by|listedBy|removedBy|email|phone|@test\.szs/i;

  beforeAll(async () => {
    api = await startApi();
    reg = await regulator(api);
    ent = await organization(api, reg, 'enterprise');
    entMember = await member(api, ent, ['enterprise_member']);
    cb = await organization(api, reg, 'certification_body');
    auditor = await member(api, cb, ['auditor']);
  });
  afterAll(() => api.close());

  async function category(pilot = false): Promise<string> {
    const code = `C${tag()}`;
    await api.post('/api/v1/categories', { auth: reg.auth, body: { code, nameZh: `类别${code}`, nameEn: `Category ${code}`, pilot }, expect: 201 });
    return code;
  }

  const requirement: Dto<'RequirementDto'> = { clause: '4.1', textZh: '甲醛含量', kind: 'measured', unit: 'mg/kg', max: 20, critical: true };
  const standardBody = (categoryCodes: string[], extra: Partial<Dto<'CreateStandardDto'>> = {}): Dto<'CreateStandardDto'> => ({
    code: `T/SZ ${tag()}`,
    version: '2026',
    titleZh: '婴幼儿服装 深圳标准评价规范',
    titleEn: 'Infant clothing — Shenzhen Standard evaluation specification',
    kind: 'shenzhen',
    issuer: '深圳市市场监督管理局',
    categoryCodes,
    requirements: [requirement],
    ...extra,
  });

  async function standard(
    categoryCodes: string[],
    extra: Partial<Dto<'CreateStandardDto'>> = {},
  ): Promise<{ id: string; code: string; version: string; titleZh: string }> {
    return (await api.post('/api/v1/standards', { auth: reg.auth, body: standardBody(categoryCodes, extra), expect: 201 })).body;
  }

  async function draftBatch(): Promise<string> {
    return (await api.post('/api/v1/catalogue/batches', { auth: reg.auth, body: { number: `B-${tag()}`, titleZh: '测试目录' }, expect: 201 })).body.id;
  }

  const entryBody = (categoryCode: string, standardIds: string[], extra: Partial<Dto<'CreateEntryDto'>> = {}): Dto<'CreateEntryDto'> => ({
    categoryCode,
    kind: 'product',
    nameZh: '婴幼儿服装',
    nameEn: 'Infant clothing',
    evaluationRules: '工厂检查 + 型式检验',
    standardIds,
    ...extra,
  });

  describe('product categories', () => {
    it('lets the regulator add a category, answering its view', async () => {
      const code = `W${tag()}`;
      const res = await api.post('/api/v1/categories', { auth: reg.auth, body: { code, nameZh: '钟表', nameEn: 'Watches', pilot: false }, expect: 201 });
      expect(res.body).toEqual({ code, nameZh: '钟表', nameEn: 'Watches', pilot: false, active: true });
      expect((await api.get('/api/v1/categories/{code}', { params: { code }, auth: cb.auth, expect: 200 })).body).toEqual(res.body);
    });

    it('refuses a second category with the same code (409 naming code)', async () => {
      const code = await category();
      const res = await api.post('/api/v1/categories', { auth: reg.auth, body: { code, nameZh: 'x', nameEn: 'x', pilot: false }, expect: 409 });
      expect(res.body).toMatchObject({ error: 'ALREADY_EXISTS', fields: [{ field: 'code' }] });
    });

    it('names a malformed code, a missing name and an unknown field', async () => {
      const res = await post(reg, '/api/v1/categories', { code: 'watches', nameEn: 'x', pilot: 'yes', colour: 'red' }).expect(400); // raw: wrong types and an unknown field
      expect(res.body.error).toBe('VALIDATION_FAILED');
      expect(fieldsOf(res.body).sort()).toEqual(['code', 'colour', 'nameZh', 'pilot']);
    });

    it('lists categories to any user, filtered by pilot and active, a page at a time', async () => {
      const pilot = await category(true);
      const closed = await category(false);
      await api.patch('/api/v1/categories/{code}', { params: { code: closed }, auth: reg.auth, body: { active: false }, expect: 200 });
      const pilots = await api.get('/api/v1/categories', { auth: ent.auth, query: { pilot: true, pageSize: 100 }, expect: 200 });
      expect(pilots.body.items.map((c: { code: string }) => c.code)).toContain(pilot);
      expect(pilots.body.items.every((c: { pilot: boolean }) => c.pilot)).toBe(true);
      const inactive = await api.get('/api/v1/categories', { auth: cb.auth, query: { active: false, pageSize: 100 }, expect: 200 });
      expect(inactive.body.items.map((c: { code: string }) => c.code)).toContain(closed);
      expect(inactive.body.items.every((c: { active: boolean }) => !c.active)).toBe(true);
      const page = await api.get('/api/v1/categories', { auth: ent.auth, query: { page: 2, pageSize: 1 }, expect: 200 });
      expect(page.body).toMatchObject({ page: 2, pageSize: 1 });
      expect(page.body.items).toHaveLength(1);
      expect(page.body.total).toBeGreaterThanOrEqual(2);
      const bad = await get(ent, '/api/v1/categories', { pilot: 'maybe' }).expect(400); // raw: not a boolean
      expect(fieldsOf(bad.body)).toEqual(['pilot']);
    });

    it('lets the regulator rename, re-flag and close a category; nobody else', async () => {
      const code = await category();
      const res = await api.patch('/api/v1/categories/{code}', {
        params: { code },
        auth: reg.auth,
        body: { nameEn: 'Eyewear', pilot: true, active: false },
        expect: 200,
      });
      expect(res.body).toMatchObject({ code, nameEn: 'Eyewear', pilot: true, active: false });
      expect((await api.get('/api/v1/categories/{code}', { params: { code }, auth: ent.auth, expect: 200 })).body).toMatchObject({
        nameEn: 'Eyewear',
        active: false,
      });
      await api.patch('/api/v1/categories/{code}', { params: { code }, auth: ent.auth, body: { active: true }, expect: 403 });
      await api.patch('/api/v1/categories/{code}', { params: { code: 'NOSUCH' }, auth: reg.auth, body: { active: true }, expect: 404 });
      await api.get('/api/v1/categories/{code}', { params: { code: 'NOSUCH' }, auth: ent.auth, expect: 404 });
    });

    it('answers 401 without credentials', async () => {
      await api.get('/api/v1/categories', { expect: 401 });
    });
  });

  describe('standards', () => {
    it('stores a standard with its requirements in the given order', async () => {
      const code = await category();
      const other = await category();
      const res = await api.post('/api/v1/standards', {
        auth: reg.auth,
        body: standardBody([code, other], {
          publishedOn: '2026-01-15',
          requirements: [
            { clause: '10', textZh: '甲醛含量', textEn: 'Formaldehyde', kind: 'measured', unit: 'mg/kg', max: 20, critical: true },
            { clause: '2', textZh: 'pH 值', kind: 'measured', unit: 'pH', min: 4, max: 7.5, critical: true },
            { clause: '3.1', textZh: '头颈部不得有绳带', kind: 'pass_fail', critical: false },
          ],
        }),
        expect: 201,
      });
      expect(res.body).toMatchObject({ status: 'current', kind: 'shenzhen', publishedOn: '2026-01-15', categoryCodes: [code, other].sort() });
      expect(res.body.requirements.map((r: { clause: string }) => r.clause)).toEqual(['10', '2', '3.1']);
      expect(res.body.requirements[1]).toMatchObject({ kind: 'measured', unit: 'pH', min: 4, max: 7.5, critical: true });
      expect(res.body.requirements[2]).toMatchObject({ kind: 'pass_fail', unit: null, min: null, max: null, critical: false });
      const again = await api.get('/api/v1/standards/{id}', { params: { id: res.body.id }, auth: auditor.auth, expect: 200 });
      expect(again.body).toEqual(res.body);
    });

    it('refuses a measured requirement without a unit, naming the field', async () => {
      const res = await api.post('/api/v1/standards', {
        auth: reg.auth,
        body: standardBody([await category()], {
          requirements: [{ clause: '1', textZh: '待机时间', kind: 'measured', min: 72, critical: true }],
        }),
        expect: 400,
      });
      expect(res.body).toMatchObject({ error: 'VALIDATION_FAILED', fields: [{ field: 'requirements[0].unit' }] });
    });

    it('refuses min above max, naming max', async () => {
      const res = await api.post('/api/v1/standards', {
        auth: reg.auth,
        body: standardBody([await category()], {
          requirements: [requirement, { clause: '2', textZh: 'pH', kind: 'measured', unit: 'pH', min: 9, max: 3, critical: false }],
        }),
        expect: 400,
      });
      expect(fieldsOf(res.body)).toEqual(['requirements[1].max']);
      expect(res.body.message).toContain('below min');
    });

    it('names every requirement problem at once and writes nothing', async () => {
      const code = await category();
      const res = await api.post('/api/v1/standards', {
        auth: reg.auth,
        body: standardBody([code], {
          requirements: [
            { clause: '1', textZh: 'a', kind: 'measured', unit: 'h', critical: true },
            { clause: '2', textZh: 'b', kind: 'pass_fail', unit: 'h', max: 1, critical: false },
            { clause: '1', textZh: 'c', kind: 'pass_fail', critical: false },
          ],
        }),
        expect: 400,
      });
      expect(fieldsOf(res.body)).toEqual(['requirements[0].min', 'requirements[1].unit', 'requirements[1].max', 'requirements[2].clause']);
      expect((await api.get('/api/v1/standards', { auth: reg.auth, query: { categoryCode: code }, expect: 200 })).body.total).toBe(0);
    });

    it('names malformed requirement fields found by validation', async () => {
      // raw: values and a field outside the contract on purpose
      const res = await post(reg, '/api/v1/standards', {
        ...standardBody([await category()]),
        kind: 'regional',
        requirements: [{ clause: '1', textZh: 'a', kind: 'guessed', critical: 'yes', colour: 'red' }],
      }).expect(400);
      expect(fieldsOf(res.body).sort()).toEqual(['kind', 'requirements[0].colour', 'requirements[0].critical', 'requirements[0].kind']);
    });

    it('refuses an unknown category code (400 naming categoryCodes) and writes nothing', async () => {
      const code = await category();
      const res = await api.post('/api/v1/standards', { auth: reg.auth, body: standardBody([code, 'NOSUCHCAT']), expect: 400 });
      expect(res.body).toMatchObject({ error: 'REFERENCE_NOT_FOUND', fields: [{ field: 'categoryCodes' }] });
      expect(res.body.message).toContain('NOSUCHCAT');
      expect((await api.get('/api/v1/standards', { auth: reg.auth, query: { categoryCode: code }, expect: 200 })).body.total).toBe(0);
    });

    it('refuses an unknown issuer organization, and a second standard with the same code and version', async () => {
      const code = await category();
      const unknownIssuer = await api.post('/api/v1/standards', {
        auth: reg.auth,
        body: standardBody([code], { issuerOrganizationId: randomUUID() }),
        expect: 400,
      });
      expect(fieldsOf(unknownIssuer.body)).toEqual(['issuerOrganizationId']);
      const association = await organization(api, reg, 'association');
      const first = await standard([code], { kind: 'group', issuerOrganizationId: association.organizationId });
      expect(first).toMatchObject({ kind: 'group', issuerOrganizationId: association.organizationId });
      const dup = await api.post('/api/v1/standards', {
        auth: reg.auth,
        body: standardBody([code], { code: first.code, version: first.version }),
        expect: 409,
      });
      expect(dup.body).toMatchObject({ error: 'ALREADY_EXISTS', fields: [{ field: 'version' }] });
    });

    it('lists standards filtered by category, kind, status and text, a page at a time', async () => {
      const code = await category();
      const a = await standard([code], { titleEn: 'Mattresses — comfort' });
      const b = await standard([code], { kind: 'group' });
      const c = await standard([code]);
      await api.post('/api/v1/standards/{id}/supersede', { params: { id: c.id }, auth: reg.auth, body: {}, expect: 200 });
      const all = await api.get('/api/v1/standards', { auth: ent.auth, query: { categoryCode: code }, expect: 200 });
      expect(all.body.total).toBe(3);
      expect(all.body.items[0]).not.toHaveProperty('requirements');
      expect(
        (await api.get('/api/v1/standards', { auth: ent.auth, query: { categoryCode: code, kind: 'group' }, expect: 200 })).body.items.map(
          (s: { id: string }) => s.id,
        ),
      ).toEqual([b.id]);
      expect(ids((await api.get('/api/v1/standards', { auth: ent.auth, query: { categoryCode: code, status: 'superseded' }, expect: 200 })).body)).toEqual([
        c.id,
      ]);
      expect(ids((await api.get('/api/v1/standards', { auth: ent.auth, query: { categoryCode: code, q: 'comfort' }, expect: 200 })).body)).toEqual([a.id]);
      expect(ids((await api.get('/api/v1/standards', { auth: ent.auth, query: { q: a.code.toLowerCase() }, expect: 200 })).body)).toEqual([a.id]);
      const page2 = await api.get('/api/v1/standards', { auth: ent.auth, query: { categoryCode: code, page: 2, pageSize: 2 }, expect: 200 });
      expect(page2.body).toMatchObject({ page: 2, pageSize: 2, total: 3 });
      expect(page2.body.items).toHaveLength(1);
      const bad = await get(ent, '/api/v1/standards', { status: 'draft', pageSize: 101 }).expect(400); // raw: a status and a page size outside the contract
      expect(fieldsOf(bad.body).sort()).toEqual(['pageSize', 'status']);
    });

    it('answers 404 for an unknown standard and 400 for a malformed id', async () => {
      await api.get('/api/v1/standards/{id}', { params: { id: randomUUID() }, auth: ent.auth, expect: 404 });
      await get(ent, '/api/v1/standards/not-a-uuid').expect(400); // raw: the id is deliberately not a UUID
    });

    it('supersedes or withdraws a current standard once; anything else is a 409 naming the state', async () => {
      const code = await category();
      const s = await standard([code]);
      const superseded = await api.post('/api/v1/standards/{id}/supersede', { params: { id: s.id }, auth: reg.auth, body: {}, expect: 200 });
      expect(superseded.body.status).toBe('superseded');
      const twice = await api.post('/api/v1/standards/{id}/supersede', { params: { id: s.id }, auth: reg.auth, body: {}, expect: 409 });
      expect(twice.body).toMatchObject({ error: 'ILLEGAL_TRANSITION', details: { state: 'superseded' } });
      expect(twice.body.message).toContain("'superseded'");
      await api.post('/api/v1/standards/{id}/withdraw', { params: { id: s.id }, auth: reg.auth, body: {}, expect: 409 });
      const w = await standard([code]);
      expect((await api.post('/api/v1/standards/{id}/withdraw', { params: { id: w.id }, auth: reg.auth, body: {}, expect: 200 })).body.status).toBe(
        'withdrawn',
      );
      await api.post('/api/v1/standards/{id}/supersede', { params: { id: w.id }, auth: reg.auth, body: {}, expect: 409 });
      await api.post('/api/v1/standards/{id}/withdraw', { params: { id: randomUUID() }, auth: reg.auth, body: {}, expect: 404 });
    });

    it('refuses every write from anyone but the regulator (403)', async () => {
      const s = await standard([await category()]);
      for (const who of [ent, entMember, cb, auditor]) {
        const res = await api.post('/api/v1/standards', { auth: who.auth, body: standardBody(['ELECTRONICS']), expect: 403 });
        expect(res.body.error).toBe('FORBIDDEN_ROLE');
        await api.post('/api/v1/standards/{id}/supersede', { params: { id: s.id }, auth: who.auth, body: {}, expect: 403 });
        await api.post('/api/v1/standards/{id}/withdraw', { params: { id: s.id }, auth: who.auth, body: {}, expect: 403 });
        await api.post('/api/v1/categories', { auth: who.auth, body: { code: 'NOPE', nameZh: 'x', nameEn: 'x', pilot: false }, expect: 403 });
      }
      expect((await api.get('/api/v1/standards/{id}', { params: { id: s.id }, auth: reg.auth, expect: 200 })).body.status).toBe('current');
    });
  });

  describe('catalogue batches and entries', () => {
    let code: string;
    let std: { id: string; code: string; version: string; titleZh: string };
    beforeAll(async () => {
      code = await category();
      std = await standard([code]);
    });

    it('starts a batch as a draft; batch numbers are unique', async () => {
      const number = `B-${tag()}`;
      const res = await api.post('/api/v1/catalogue/batches', {
        auth: reg.auth,
        body: { number, titleZh: '深圳标准认证目录（第五批）', titleEn: 'Batch 5' },
        expect: 201,
      });
      expect(res.body).toMatchObject({ number, status: 'draft', publishedAt: null, entryCount: 0, titleEn: 'Batch 5' });
      const dup = await api.post('/api/v1/catalogue/batches', { auth: reg.auth, body: { number, titleZh: '重复' }, expect: 409 });
      expect(fieldsOf(dup.body)).toEqual(['number']);
      const bad = await post(reg, '/api/v1/catalogue/batches', { titleZh: '' }).expect(400); // raw: a required field missing
      expect(fieldsOf(bad.body).sort()).toEqual(['number', 'titleZh']);
    });

    it('adds entries with their standards to a draft batch', async () => {
      const batchId = await draftBatch();
      const res = await api.post('/api/v1/catalogue/batches/{id}/entries', {
        params: { id: batchId },
        auth: reg.auth,
        body: entryBody(code, [std.id]),
        expect: 201,
      });
      expect(res.body).toMatchObject({
        categoryCode: code,
        kind: 'product',
        nameZh: '婴幼儿服装',
        status: 'open',
        batch: { id: batchId, status: 'draft' },
        standards: [{ id: std.id, code: std.code, version: std.version, titleZh: std.titleZh }],
      });
      expect(Object.keys(res.body.standards[0]).sort()).toEqual(['code', 'id', 'titleZh', 'version']);
      expect((await api.get('/api/v1/catalogue/batches/{id}', { params: { id: batchId }, auth: reg.auth, expect: 200 })).body.entryCount).toBe(1);
    });

    it('refuses standards that do not apply to the category, or are no longer current (400 naming standardIds)', async () => {
      const batchId = await draftBatch();
      const elsewhere = await standard([await category()]);
      const wrong = await api.post('/api/v1/catalogue/batches/{id}/entries', {
        params: { id: batchId },
        auth: reg.auth,
        body: entryBody(code, [std.id, elsewhere.id]),
        expect: 400,
      });
      expect(fieldsOf(wrong.body)).toEqual(['standardIds']);
      expect(wrong.body.message).toContain(elsewhere.id);
      const old = await standard([code]);
      await api.post('/api/v1/standards/{id}/supersede', { params: { id: old.id }, auth: reg.auth, body: {}, expect: 200 });
      const stale = await api.post('/api/v1/catalogue/batches/{id}/entries', {
        params: { id: batchId },
        auth: reg.auth,
        body: entryBody(code, [old.id]),
        expect: 400,
      });
      expect(fieldsOf(stale.body)).toEqual(['standardIds']);
      const unknown = await api.post('/api/v1/catalogue/batches/{id}/entries', {
        params: { id: batchId },
        auth: reg.auth,
        body: entryBody(code, [randomUUID()]),
        expect: 400,
      });
      expect(fieldsOf(unknown.body)).toEqual(['standardIds']);
      expect((await api.get('/api/v1/catalogue/batches/{id}', { params: { id: batchId }, auth: reg.auth, expect: 200 })).body.entryCount).toBe(0);
    });

    it('names an unknown category, a bad kind and missing standards', async () => {
      const batchId = await draftBatch();
      const unknown = await api.post('/api/v1/catalogue/batches/{id}/entries', {
        params: { id: batchId },
        auth: reg.auth,
        body: entryBody('NOSUCHCAT', [std.id]),
        expect: 400,
      });
      expect(unknown.body).toMatchObject({ error: 'REFERENCE_NOT_FOUND', fields: [{ field: 'categoryCode' }] });
      const bad = await post(reg, `/api/v1/catalogue/batches/${batchId}/entries`, { ...entryBody(code, []), kind: 'gadget' }).expect(400); // raw: an unknown kind
      expect(fieldsOf(bad.body).sort()).toEqual(['kind', 'standardIds']);
      await api.post('/api/v1/catalogue/batches/{id}/entries', { params: { id: randomUUID() }, auth: reg.auth, body: entryBody(code, [std.id]), expect: 404 });
    });

    it('refuses to publish an empty batch (422), publishes once (409 the second time), then takes no more entries (409)', async () => {
      const batchId = await draftBatch();
      const empty = await api.post('/api/v1/catalogue/batches/{id}/publish', { params: { id: batchId }, auth: reg.auth, body: {}, expect: 422 });
      expect(empty.body.error).toBe('RULE_VIOLATION');
      await api.post('/api/v1/catalogue/batches/{id}/entries', { params: { id: batchId }, auth: reg.auth, body: entryBody(code, [std.id]), expect: 201 });
      const published = await api.post('/api/v1/catalogue/batches/{id}/publish', { params: { id: batchId }, auth: reg.auth, body: {}, expect: 200 });
      expect(published.body).toMatchObject({ status: 'published', entryCount: 1 });
      expect(new Date(published.body.publishedAt!).getTime()).toBeGreaterThan(Date.now() - 60_000);
      const twice = await api.post('/api/v1/catalogue/batches/{id}/publish', { params: { id: batchId }, auth: reg.auth, body: {}, expect: 409 });
      expect(twice.body).toMatchObject({ error: 'ILLEGAL_TRANSITION', details: { state: 'published', action: 'publish' } });
      const late = await api.post('/api/v1/catalogue/batches/{id}/entries', {
        params: { id: batchId },
        auth: reg.auth,
        body: entryBody(code, [std.id]),
        expect: 409,
      });
      expect(late.body).toMatchObject({ error: 'ILLEGAL_TRANSITION', details: { state: 'published', action: 'add_entry' } });
      await api.post('/api/v1/catalogue/batches/{id}/publish', { params: { id: randomUUID() }, auth: reg.auth, body: {}, expect: 404 });
    });

    it('shows draft batches and their entries to the regulator only', async () => {
      const draftId = await draftBatch();
      const draftEntry = (
        await api.post('/api/v1/catalogue/batches/{id}/entries', { params: { id: draftId }, auth: reg.auth, body: entryBody(code, [std.id]), expect: 201 })
      ).body;
      const publishedId = await draftBatch();
      const publishedEntry = (
        await api.post('/api/v1/catalogue/batches/{id}/entries', { params: { id: publishedId }, auth: reg.auth, body: entryBody(code, [std.id]), expect: 201 })
      ).body;
      await api.post('/api/v1/catalogue/batches/{id}/publish', { params: { id: publishedId }, auth: reg.auth, body: {}, expect: 200 });

      const regBatches = ids((await api.get('/api/v1/catalogue/batches', { auth: reg.auth, query: { pageSize: 100 }, expect: 200 })).body);
      expect(regBatches).toEqual(expect.arrayContaining([draftId, publishedId]));
      const entBatches = await api.get('/api/v1/catalogue/batches', { auth: ent.auth, query: { pageSize: 100 }, expect: 200 });
      expect(ids(entBatches.body)).toContain(publishedId);
      expect(ids(entBatches.body)).not.toContain(draftId);
      expect(entBatches.body.items.every((b: { status: string }) => b.status === 'published')).toBe(true);
      expect(ids((await api.get('/api/v1/catalogue/batches', { auth: ent.auth, query: { status: 'draft' }, expect: 200 })).body)).toEqual([]);
      const drafts = await api.get('/api/v1/catalogue/batches', { auth: reg.auth, query: { status: 'draft', pageSize: 100 }, expect: 200 });
      expect(drafts.body.items.every((b: { status: string }) => b.status === 'draft')).toBe(true);
      await api.get('/api/v1/catalogue/batches/{id}', { params: { id: draftId }, auth: ent.auth, expect: 404 });

      expect(ids((await api.get('/api/v1/catalogue/entries', { auth: reg.auth, query: { categoryCode: code, pageSize: 100 }, expect: 200 })).body)).toContain(
        draftEntry.id,
      );
      const seen = ids((await api.get('/api/v1/catalogue/entries', { auth: cb.auth, query: { categoryCode: code, pageSize: 100 }, expect: 200 })).body);
      expect(seen).toContain(publishedEntry.id);
      expect(seen).not.toContain(draftEntry.id);
      await api.get('/api/v1/catalogue/entries/{id}', { params: { id: draftEntry.id }, auth: ent.auth, expect: 404 });
      expect((await api.get('/api/v1/catalogue/entries/{id}', { params: { id: draftEntry.id }, auth: reg.auth, expect: 200 })).body.batch.status).toBe('draft');
      const one = await api.get('/api/v1/catalogue/entries/{id}', { params: { id: publishedEntry.id }, auth: ent.auth, expect: 200 });
      expect(one.body).toMatchObject({ id: publishedEntry.id, batch: { id: publishedId, status: 'published' }, standards: [{ id: std.id }] });
    });

    it('filters entries by category, kind, batch, status and name, a page at a time', async () => {
      const cat = await category();
      const s = await standard([cat]);
      const batchId = await draftBatch();
      const watches = (
        await api.post('/api/v1/catalogue/batches/{id}/entries', {
          params: { id: batchId },
          auth: reg.auth,
          body: entryBody(cat, [s.id], { nameZh: '机械手表', nameEn: 'Mechanical watches' }),
          expect: 201,
        })
      ).body;
      const repair = (
        await api.post('/api/v1/catalogue/batches/{id}/entries', {
          params: { id: batchId },
          auth: reg.auth,
          body: entryBody(cat, [s.id], { kind: 'service', nameZh: '钟表维修服务', nameEn: 'Watch repair' }),
          expect: 201,
        })
      ).body;
      const clocks = (
        await api.post('/api/v1/catalogue/batches/{id}/entries', {
          params: { id: batchId },
          auth: reg.auth,
          body: entryBody(cat, [s.id], { nameZh: '石英钟', nameEn: 'Quartz clocks' }),
          expect: 201,
        })
      ).body;
      await api.post('/api/v1/catalogue/batches/{id}/publish', { params: { id: batchId }, auth: reg.auth, body: {}, expect: 200 });
      await api.post('/api/v1/catalogue/entries/{id}/close', { params: { id: clocks.id }, auth: reg.auth, body: {}, expect: 200 });

      const list = (query: Record<string, string | number>) =>
        api.get('/api/v1/catalogue/entries', { auth: ent.auth, query: { categoryCode: cat, ...query }, expect: 200 });
      expect((await list({})).body.total).toBe(3);
      expect(ids((await list({ kind: 'service' })).body)).toEqual([repair.id]);
      expect(ids((await list({ status: 'closed' })).body)).toEqual([clocks.id]);
      expect(ids((await list({ q: '手表' })).body)).toEqual([watches.id]);
      expect(ids((await list({ q: 'REPAIR' })).body)).toEqual([repair.id]);
      expect((await api.get('/api/v1/catalogue/entries', { auth: ent.auth, query: { batchId }, expect: 200 })).body.total).toBe(3);
      const page = (await list({ page: 2, pageSize: 2 })).body;
      expect(page).toMatchObject({ page: 2, pageSize: 2, total: 3 });
      expect(page.items).toHaveLength(1);
      const all = (await list({ pageSize: 100 })).body.items;
      expect(all.every((e: { standards: { id: string }[] }) => e.standards.length === 1 && e.standards[0].id === s.id)).toBe(true);
      const bad = await get(ent, '/api/v1/catalogue/entries', { pageSize: 1000, kind: 'gadget', batchId: 'x' }).expect(400); // raw: values outside the contract
      expect(fieldsOf(bad.body).sort()).toEqual(['batchId', 'kind', 'pageSize']);
    });

    it('closes and reopens an entry, each once (409 otherwise)', async () => {
      const batchId = await draftBatch();
      const entry = (
        await api.post('/api/v1/catalogue/batches/{id}/entries', { params: { id: batchId }, auth: reg.auth, body: entryBody(code, [std.id]), expect: 201 })
      ).body;
      await api.post('/api/v1/catalogue/batches/{id}/publish', { params: { id: batchId }, auth: reg.auth, body: {}, expect: 200 });
      await api.post('/api/v1/catalogue/entries/{id}/reopen', { params: { id: entry.id }, auth: reg.auth, body: {}, expect: 409 });
      expect((await api.post('/api/v1/catalogue/entries/{id}/close', { params: { id: entry.id }, auth: reg.auth, body: {}, expect: 200 })).body.status).toBe(
        'closed',
      );
      const twice = await api.post('/api/v1/catalogue/entries/{id}/close', { params: { id: entry.id }, auth: reg.auth, body: {}, expect: 409 });
      expect(twice.body.message).toContain("'closed'");
      expect((await api.post('/api/v1/catalogue/entries/{id}/reopen', { params: { id: entry.id }, auth: reg.auth, body: {}, expect: 200 })).body.status).toBe(
        'open',
      );
      await api.post('/api/v1/catalogue/entries/{id}/close', { params: { id: randomUUID() }, auth: reg.auth, body: {}, expect: 404 });
    });

    it('refuses catalogue writes from anyone but the regulator (403)', async () => {
      const batchId = await draftBatch();
      const entry = (
        await api.post('/api/v1/catalogue/batches/{id}/entries', { params: { id: batchId }, auth: reg.auth, body: entryBody(code, [std.id]), expect: 201 })
      ).body;
      for (const who of [ent, cb, auditor]) {
        await api.post('/api/v1/catalogue/batches', { auth: who.auth, body: { number: `X-${tag()}`, titleZh: '目录' }, expect: 403 });
        await api.post('/api/v1/catalogue/batches/{id}/entries', { params: { id: batchId }, auth: who.auth, body: entryBody(code, [std.id]), expect: 403 });
        await api.post('/api/v1/catalogue/batches/{id}/publish', { params: { id: batchId }, auth: who.auth, body: {}, expect: 403 });
        await api.post('/api/v1/catalogue/entries/{id}/close', { params: { id: entry.id }, auth: who.auth, body: {}, expect: 403 });
        await api.post('/api/v1/catalogue/entries/{id}/reopen', { params: { id: entry.id }, auth: who.auth, body: {}, expect: 403 });
      }
      expect((await api.get('/api/v1/catalogue/batches/{id}', { params: { id: batchId }, auth: reg.auth, expect: 200 })).body).toMatchObject({
        status: 'draft',
        entryCount: 1,
      });
    });
  });

  describe('authorizations', () => {
    const body = (certificationBodyId: string, categoryCode: string, extra: object = {}) => ({
      certificationBodyId,
      categoryCode,
      accreditationNumber: `CNCA-R-2026-${tag()}`,
      validFrom: '2026-01-01',
      validUntil: '2028-12-31',
      ...extra,
    });

    it('authorizes a certification body for a category, shown with its names and never its contacts', async () => {
      const code = await category();
      const res = await api.post('/api/v1/authorizations', { auth: reg.auth, body: body(cb.organizationId, code), expect: 201 });
      const org = (await api.get('/api/v1/organizations/{id}', { params: { id: cb.organizationId }, auth: reg.auth, expect: 200 })).body;
      expect(res.body).toMatchObject({
        categoryCode: code,
        validFrom: '2026-01-01',
        validUntil: '2028-12-31',
        status: 'active',
        revokedAt: null,
        certificationBody: { id: cb.organizationId, nameZh: org.nameZh, nameEn: org.nameEn },
      });
      expect(Object.keys(res.body.certificationBody).sort()).toEqual(['id', 'nameEn', 'nameZh']);
      const seen = await api.get('/api/v1/authorizations', { auth: ent.auth, query: { categoryCode: code }, expect: 200 });
      expect(ids(seen.body)).toEqual([res.body.id]);
      expect(JSON.stringify(seen.body)).not.toMatch(PRIVATE);
    });

    it('authorizes only certification bodies (400 naming certificationBodyId)', async () => {
      const code = await category();
      for (const id of [ent.organizationId, randomUUID()]) {
        const res = await api.post('/api/v1/authorizations', { auth: reg.auth, body: body(id, code), expect: 400 });
        expect(res.body).toMatchObject({ error: 'REFERENCE_NOT_FOUND', fields: [{ field: 'certificationBodyId' }] });
      }
    });

    it('needs validUntil after validFrom, ISO dates and a known category', async () => {
      const code = await category();
      const backwards = await api.post('/api/v1/authorizations', {
        auth: reg.auth,
        body: body(cb.organizationId, code, { validFrom: '2026-01-01', validUntil: '2025-12-31' }),
        expect: 400,
      });
      expect(fieldsOf(backwards.body)).toEqual(['validUntil']);
      const same = await api.post('/api/v1/authorizations', {
        auth: reg.auth,
        body: body(cb.organizationId, code, { validFrom: '2026-01-01', validUntil: '2026-01-01' }),
        expect: 400,
      });
      expect(fieldsOf(same.body)).toEqual(['validUntil']);
      const malformed = await api.post('/api/v1/authorizations', {
        auth: reg.auth,
        body: body(cb.organizationId, code, { validFrom: '01/01/2026', validUntil: '2026-02-30' }),
        expect: 400,
      });
      expect(fieldsOf(malformed.body).sort()).toEqual(['validFrom', 'validUntil']);
      const unknown = await api.post('/api/v1/authorizations', { auth: reg.auth, body: body(cb.organizationId, 'NOSUCHCAT'), expect: 400 });
      expect(fieldsOf(unknown.body)).toEqual(['categoryCode']);
      expect((await api.get('/api/v1/authorizations', { auth: reg.auth, query: { categoryCode: code }, expect: 200 })).body.total).toBe(0);
    });

    it('lists who may certify what, filtered by body, category and the day they are valid on', async () => {
      const code = await category();
      const other = await organization(api, reg, 'certification_body');
      const current = (
        await api.post('/api/v1/authorizations', {
          auth: reg.auth,
          body: body(cb.organizationId, code, { validFrom: '2020-01-01', validUntil: '2099-12-31' }),
          expect: 201,
        })
      ).body;
      const past = (
        await api.post('/api/v1/authorizations', {
          auth: reg.auth,
          body: body(other.organizationId, code, { validFrom: '2019-01-01', validUntil: '2020-12-31' }),
          expect: 201,
        })
      ).body;
      expect(current.validToday).toBe(true);
      expect(past.validToday).toBe(false);
      const list = (query: Record<string, string | number>) =>
        api.get('/api/v1/authorizations', { auth: auditor.auth, query: { categoryCode: code, ...query }, expect: 200 });
      expect((await list({})).body.total).toBe(2);
      expect(ids((await list({ certificationBodyId: other.organizationId })).body)).toEqual([past.id]);
      expect(ids((await list({ validOn: '2020-06-01' })).body).sort()).toEqual([current.id, past.id].sort());
      expect(ids((await list({ validOn: '2030-06-01' })).body)).toEqual([current.id]);
      expect(ids((await list({ validOn: '2019-01-01' })).body)).toEqual([past.id]);
      const page = (await list({ page: 2, pageSize: 1 })).body;
      expect(page).toMatchObject({ page: 2, pageSize: 1, total: 2 });
      expect(page.items).toHaveLength(1);
      const bad = await api.get('/api/v1/authorizations', { auth: ent.auth, query: { validOn: 'tomorrow', certificationBodyId: 'x' }, expect: 400 });
      expect(fieldsOf(bad.body).sort()).toEqual(['certificationBodyId', 'validOn']);
    });

    it('revokes once (409 the second time); a revoked authorization is valid on no day', async () => {
      const code = await category();
      const a = (await api.post('/api/v1/authorizations', { auth: reg.auth, body: body(cb.organizationId, code), expect: 201 })).body;
      await post(reg, `/api/v1/authorizations/${a.id}/revoke`, {}).expect(400); // raw: the required reason missing
      const revoked = await api.post('/api/v1/authorizations/{id}/revoke', {
        params: { id: a.id },
        auth: reg.auth,
        body: { reason: '认可资格暂停' },
        expect: 200,
      });
      expect(revoked.body).toMatchObject({ status: 'revoked', revokedReason: '认可资格暂停', validToday: false });
      expect(revoked.body.revokedAt).toEqual(expect.any(String));
      const again = await api.post('/api/v1/authorizations/{id}/revoke', { params: { id: a.id }, auth: reg.auth, body: { reason: '再次' }, expect: 409 });
      expect(again.body).toMatchObject({ error: 'ILLEGAL_TRANSITION', details: { state: 'revoked' } });
      expect((await api.get('/api/v1/authorizations', { auth: ent.auth, query: { categoryCode: code, validOn: '2027-01-01' }, expect: 200 })).body.total).toBe(
        0,
      );
      await api.post('/api/v1/authorizations/{id}/revoke', { params: { id: randomUUID() }, auth: reg.auth, body: { reason: '不存在' }, expect: 404 });
    });

    it('refuses authorization writes from anyone but the regulator (403)', async () => {
      const code = await category();
      const a = (await api.post('/api/v1/authorizations', { auth: reg.auth, body: body(cb.organizationId, code), expect: 201 })).body;
      for (const who of [ent, cb, auditor]) {
        await api.post('/api/v1/authorizations', { auth: who.auth, body: body(cb.organizationId, code), expect: 403 });
        await api.post('/api/v1/authorizations/{id}/revoke', { params: { id: a.id }, auth: who.auth, body: { reason: '无权' }, expect: 403 });
      }
      expect((await api.get('/api/v1/authorizations', { auth: cb.auth, query: { categoryCode: code }, expect: 200 })).body.items[0].status).toBe('active');
    });
  });

  describe('self-declarations', () => {
    let standardId: string;
    let std: { id: string; code: string; version: string; titleZh: string };
    let entOrg: { nameZh: string; nameEn: string | null; creditCode: string };
    const declaration = {
      productNameZh: '童悦婴儿连体衣',
      productNameEn: 'Tongyue baby romper',
      models: ['TY-B66'],
      keyIndicators: [
        { name: '甲醛含量', value: '≤10', unit: 'mg/kg' },
        { name: '色牢度', value: '4级' },
      ],
      commitment: COMMITMENT,
    };
    beforeAll(async () => {
      std = await standard([await category()]);
      standardId = std.id;
      entOrg = (await api.get('/api/v1/organizations/{id}', { params: { id: ent.organizationId }, auth: reg.auth, expect: 200 })).body;
    });
    const declare = <S extends number>(who: TestUser, expect: S, extra: Partial<Dto<'SelfDeclarationDto'>> = {}) =>
      api.post('/api/v1/self-declarations', { auth: who.auth, body: { ...declaration, standardId, ...extra }, expect });

    it("publishes version 1 of a declaration for the caller's enterprise, public without contacts or author", async () => {
      const d = await declare(ent, 201);
      expect(d.body).toMatchObject({
        version: 1,
        status: 'published',
        productNameZh: '童悦婴儿连体衣',
        models: ['TY-B66'],
        keyIndicators: declaration.keyIndicators,
        enterprise: { id: ent.organizationId, nameZh: entOrg.nameZh, nameEn: entOrg.nameEn, creditCode: entOrg.creditCode },
        standard: { id: standardId, code: std.code, version: std.version, titleZh: std.titleZh },
        versions: [{ id: d.body.id, version: 1, status: 'published' }],
      });
      const pub = await api.get('/api/v1/self-declarations/{id}', { params: { id: d.body.id }, expect: 200 });
      expect(Object.keys(pub.body).sort()).toEqual([
        'categoryCode',
        'commitment',
        'enterprise',
        'flags',
        'id',
        'keyIndicators',
        'models',
        'productNameEn',
        'productNameZh',
        'products',
        'publishedAt',
        'seriesId',
        'standard',
        'standards',
        'status',
        'version',
        'versions',
      ]);
      expect(Object.keys(pub.body.commitment ?? {}).sort()).toEqual(['contentHash', 'signedAt', 'signerRole', 'text']);
      expect(Object.keys(pub.body.enterprise).sort()).toEqual(['creditCode', 'id', 'nameEn', 'nameZh']);
      expect(JSON.stringify(pub.body)).not.toMatch(PRIVATE);
      const listed = await api.get('/api/v1/self-declarations', { query: { enterpriseId: ent.organizationId, pageSize: 100 }, expect: 200 });
      expect(ids(listed.body)).toContain(d.body.id);
      expect(JSON.stringify(listed.body)).not.toMatch(PRIVATE);
    });

    it('lets an enterprise member declare too, and nobody outside enterprises (403)', async () => {
      const d = await declare(entMember, 201);
      expect(d.body.enterprise.id).toBe(ent.organizationId);
      for (const who of [reg, cb, auditor]) await declare(who, 403);
    });

    it('names an unknown or withdrawn standard and malformed indicators', async () => {
      const unknown = await declare(ent, 400, { standardId: randomUUID() });
      expect(unknown.body).toMatchObject({ error: 'REFERENCE_NOT_FOUND', fields: [{ field: 'standardId' }] });
      const gone = await standard([await category()]);
      await api.post('/api/v1/standards/{id}/withdraw', { params: { id: gone.id }, auth: reg.auth, body: {}, expect: 200 });
      const withdrawn = await declare(ent, 400, { standardId: gone.id });
      expect(fieldsOf(withdrawn.body)).toEqual(['standardId']);
      // raw: an unknown field and a wrong type, outside the contract on purpose
      const bad = await post(ent, '/api/v1/self-declarations', {
        ...declaration,
        standardId,
        keyIndicators: [{ name: '甲醛', colour: 'red' }],
        models: 'TY-B66',
      }).expect(400);
      expect(fieldsOf(bad.body).sort()).toEqual(['keyIndicators[0].colour', 'keyIndicators[0].value', 'models']);
    });

    it('publishes a new version and supersedes the previous one in the same step', async () => {
      const d1 = (await declare(ent, 201)).body;
      const d2 = await api.post('/api/v1/self-declarations/{id}/versions', {
        params: { id: d1.id },
        auth: entMember.auth,
        body: { ...declaration, standardId, models: ['TY-B66', 'TY-B73'] },
        expect: 201,
      });
      expect(d2.body).toMatchObject({ version: 2, status: 'published', seriesId: d1.seriesId, models: ['TY-B66', 'TY-B73'] });
      expect(d2.body.versions.map((v: { id: string; status: string }) => [v.id, v.status])).toEqual([
        [d1.id, 'superseded'],
        [d2.body.id, 'published'],
      ]);
      const old = await api.get('/api/v1/self-declarations/{id}', { params: { id: d1.id }, expect: 200 });
      expect(old.body).toMatchObject({ status: 'superseded', version: 1 });
      expect(old.body.versions).toEqual(d2.body.versions);
      const d3 = await api.post('/api/v1/self-declarations/{id}/versions', {
        params: { id: d2.body.id },
        auth: ent.auth,
        body: { ...declaration, standardId },
        expect: 201,
      });
      expect(d3.body.version).toBe(3);
    });

    it('refuses to version a superseded or withdrawn declaration (409)', async () => {
      const d1 = (await declare(ent, 201)).body;
      const d2 = (
        await api.post('/api/v1/self-declarations/{id}/versions', { params: { id: d1.id }, auth: ent.auth, body: { ...declaration, standardId }, expect: 201 })
      ).body;
      const stale = await api.post('/api/v1/self-declarations/{id}/versions', {
        params: { id: d1.id },
        auth: ent.auth,
        body: { ...declaration, standardId },
        expect: 409,
      });
      expect(stale.body).toMatchObject({ error: 'ILLEGAL_TRANSITION', details: { state: 'superseded', action: 'new_version' } });
      await api.post('/api/v1/self-declarations/{id}/withdraw', { params: { id: d2.id }, auth: ent.auth, body: {}, expect: 200 });
      const ended = await api.post('/api/v1/self-declarations/{id}/versions', {
        params: { id: d2.id },
        auth: ent.auth,
        body: { ...declaration, standardId },
        expect: 409,
      });
      expect(ended.body.details?.['state']).toBe('withdrawn');
      const versions = (await api.get('/api/v1/self-declarations/{id}', { params: { id: d1.id }, expect: 200 })).body.versions;
      expect(versions.map((v: { status: string }) => v.status)).toEqual(['superseded', 'withdrawn']);
    });

    it('lets exactly one of two concurrent new versions win', async () => {
      const d1 = (await declare(ent, 201)).body;
      const results = await Promise.all([0, 1].map(() => post(ent, `/api/v1/self-declarations/${d1.id}/versions`, { ...declaration, standardId })));
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      const versions = (await api.get('/api/v1/self-declarations/{id}', { params: { id: d1.id }, expect: 200 })).body.versions;
      expect(versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
        [1, 'superseded'],
        [2, 'published'],
      ]);
    });

    it('withdraws a published declaration once', async () => {
      const d = (await declare(entMember, 201)).body;
      expect((await api.post('/api/v1/self-declarations/{id}/withdraw', { params: { id: d.id }, auth: ent.auth, body: {}, expect: 200 })).body.status).toBe(
        'withdrawn',
      );
      const again = await api.post('/api/v1/self-declarations/{id}/withdraw', { params: { id: d.id }, auth: ent.auth, body: {}, expect: 409 });
      expect(again.body.message).toContain("'withdrawn'");
    });

    it('answers 404 to another enterprise changing a declaration it does not own, and changes nothing', async () => {
      const d = (await declare(ent, 201)).body;
      const other = await organization(api, reg, 'enterprise');
      const res = await api.post('/api/v1/self-declarations/{id}/versions', {
        params: { id: d.id },
        auth: other.auth,
        body: { ...declaration, standardId },
        expect: 404,
      });
      expect(res.body.error).toBe('NOT_FOUND');
      await api.post('/api/v1/self-declarations/{id}/withdraw', { params: { id: d.id }, auth: other.auth, body: {}, expect: 404 });
      const still = (await api.get('/api/v1/self-declarations/{id}', { params: { id: d.id }, expect: 200 })).body;
      expect(still).toMatchObject({ status: 'published', versions: [{ id: d.id }] });
    });

    it('lists public declarations: published by default, filtered by enterprise, standard, status and product name', async () => {
      const mine = await organization(api, reg, 'enterprise');
      const otherStd = await standard([await category()]);
      const romper = (await declare(mine, 201, { productNameZh: '婴儿连体衣', productNameEn: 'Baby romper' })).body;
      const bib = (await declare(mine, 201, { productNameZh: '婴儿围兜', productNameEn: 'Baby bib', standardId: otherStd.id })).body;
      const hat = (await declare(mine, 201, { productNameZh: '婴儿帽', productNameEn: 'Baby hat' })).body;
      await api.post('/api/v1/self-declarations/{id}/withdraw', { params: { id: hat.id }, auth: mine.auth, body: {}, expect: 200 });

      const list = (query: Record<string, string | number>) =>
        api.get('/api/v1/self-declarations', { query: { enterpriseId: mine.organizationId, ...query }, expect: 200 });
      expect(ids((await list({})).body).sort()).toEqual([romper.id, bib.id].sort());
      expect(ids((await list({ standardId: otherStd.id })).body)).toEqual([bib.id]);
      expect(ids((await list({ status: 'withdrawn' })).body)).toEqual([hat.id]);
      expect(ids((await list({ q: '围兜' })).body)).toEqual([bib.id]);
      expect(ids((await list({ q: 'ROMPER' })).body)).toEqual([romper.id]);
      const page = (await list({ page: 2, pageSize: 1 })).body;
      expect(page).toMatchObject({ page: 2, pageSize: 1, total: 2 });
      expect(page.items).toHaveLength(1);
      expect(page.items[0]).not.toHaveProperty('versions');
      const bad = await anonymous('/api/v1/self-declarations', { status: 'draft', enterpriseId: 'me' }).expect(400); // raw: values outside the contract
      expect(fieldsOf(bad.body).sort()).toEqual(['enterpriseId', 'status']);
      await api.get('/api/v1/self-declarations/{id}', { params: { id: randomUUID() }, expect: 404 });
    });
  });

  describe('abnormal-operations list', () => {
    it('lists an enterprise once, publicly with its names and credit code, and removes it once', async () => {
      const e = await organization(api, reg, 'enterprise');
      const org = (await api.get('/api/v1/organizations/{id}', { params: { id: e.organizationId }, auth: reg.auth, expect: 200 })).body;
      const listed = await api.post('/api/v1/abnormal-operations', {
        auth: reg.auth,
        body: { enterpriseId: e.organizationId, reason: '未按公开的企业标准组织生产' },
        expect: 201,
      });
      expect(listed.body).toMatchObject({
        status: 'listed',
        reason: '未按公开的企业标准组织生产',
        removedAt: null,
        enterprise: { id: e.organizationId, nameZh: org.nameZh, nameEn: org.nameEn, creditCode: org.creditCode },
      });
      const again = await api.post('/api/v1/abnormal-operations', {
        auth: reg.auth,
        body: { enterpriseId: e.organizationId, reason: '再次列入' },
        expect: 409,
      });
      expect(again.body).toMatchObject({ error: 'ALREADY_EXISTS', fields: [{ field: 'enterpriseId' }] });

      const pub = await api.get('/api/v1/abnormal-operations', { query: { enterpriseId: e.organizationId }, expect: 200 });
      expect(ids(pub.body)).toEqual([listed.body.id]);
      expect(JSON.stringify(pub.body)).not.toMatch(PRIVATE);
      expect(ids((await api.get('/api/v1/abnormal-operations', { query: { q: org.creditCode }, expect: 200 })).body)).toEqual([listed.body.id]);
      expect(ids((await api.get('/api/v1/abnormal-operations', { query: { q: org.nameZh.slice(2, 8), pageSize: 100 }, expect: 200 })).body)).toContain(
        listed.body.id,
      );

      await post(reg, `/api/v1/abnormal-operations/${listed.body.id}/remove`, {}).expect(400); // raw: the required reason missing
      const removed = await api.post('/api/v1/abnormal-operations/{id}/remove', {
        params: { id: listed.body.id },
        auth: reg.auth,
        body: { reason: '已整改' },
        expect: 200,
      });
      expect(removed.body).toMatchObject({ status: 'removed', removedReason: '已整改' });
      const twice = await api.post('/api/v1/abnormal-operations/{id}/remove', {
        params: { id: listed.body.id },
        auth: reg.auth,
        body: { reason: '已整改' },
        expect: 409,
      });
      expect(twice.body).toMatchObject({ error: 'ILLEGAL_TRANSITION', details: { state: 'removed' } });
      expect((await api.get('/api/v1/abnormal-operations', { query: { enterpriseId: e.organizationId }, expect: 200 })).body.total).toBe(0);
      expect(ids((await api.get('/api/v1/abnormal-operations', { query: { enterpriseId: e.organizationId, status: 'removed' }, expect: 200 })).body)).toEqual([
        listed.body.id,
      ]);

      // Removed, it may be listed again.
      await api.post('/api/v1/abnormal-operations', { auth: reg.auth, body: { enterpriseId: e.organizationId, reason: '再次未按标准生产' }, expect: 201 });
    });

    it('lists only enterprises (400 naming enterpriseId)', async () => {
      for (const id of [cb.organizationId, randomUUID()]) {
        const res = await api.post('/api/v1/abnormal-operations', { auth: reg.auth, body: { enterpriseId: id, reason: '未按标准生产' }, expect: 400 });
        expect(fieldsOf(res.body)).toEqual(['enterpriseId']);
      }
      const bad = await api.post('/api/v1/abnormal-operations', { auth: reg.auth, body: { enterpriseId: 'x', reason: '' }, expect: 400 });
      expect(fieldsOf(bad.body).sort()).toEqual(['enterpriseId', 'reason']);
    });

    it('pages the public list, newest first', async () => {
      const t = tag();
      const listedIds: string[] = [];
      for (let i = 0; i < 3; i++) {
        const e = await organization(api, reg, 'enterprise', `异常${t}企业${i}有限公司`);
        listedIds.push(
          (await api.post('/api/v1/abnormal-operations', { auth: reg.auth, body: { enterpriseId: e.organizationId, reason: `原因${i}` }, expect: 201 })).body
            .id,
        );
      }
      const first = (await api.get('/api/v1/abnormal-operations', { query: { q: `异常${t}`, pageSize: 2 }, expect: 200 })).body;
      expect(first).toMatchObject({ page: 1, pageSize: 2, total: 3 });
      expect(ids(first)).toEqual([listedIds[2], listedIds[1]]);
      const second = (await api.get('/api/v1/abnormal-operations', { query: { q: `异常${t}`, page: 2, pageSize: 2 }, expect: 200 })).body;
      expect(ids(second)).toEqual([listedIds[0]]);
      expect([...first.items, ...second.items].every((l: { status: string }) => l.status === 'listed')).toBe(true);
    });

    it('refuses list writes from anyone but the regulator (403)', async () => {
      const e = await organization(api, reg, 'enterprise');
      const listed = (
        await api.post('/api/v1/abnormal-operations', { auth: reg.auth, body: { enterpriseId: e.organizationId, reason: '未按标准生产' }, expect: 201 })
      ).body;
      for (const who of [ent, entMember, cb, e]) {
        await api.post('/api/v1/abnormal-operations', { auth: who.auth, body: { enterpriseId: e.organizationId, reason: '举报' }, expect: 403 });
        await api.post('/api/v1/abnormal-operations/{id}/remove', { params: { id: listed.id }, auth: who.auth, body: { reason: '自行移除' }, expect: 403 });
      }
      expect((await api.get('/api/v1/abnormal-operations', { query: { enterpriseId: e.organizationId }, expect: 200 })).body.items[0].status).toBe('listed');
    });
  });
});
