import { randomBytes, randomUUID } from 'node:crypto';
import { TestUser, member, organization, regulator } from './support/actors';
import { startApi, TestApi } from './support/http';

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

  const tag = () => randomBytes(3).toString('hex').toUpperCase();
  const post = (who: TestUser, path: string, body: object = {}) => api.http().post(path).set(who.auth).send(body);
  const patch = (who: TestUser, path: string, body: object = {}) => api.http().patch(path).set(who.auth).send(body);
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
    await post(reg, '/api/v1/categories', { code, nameZh: `类别${code}`, nameEn: `Category ${code}`, pilot }).expect(201);
    return code;
  }

  const requirement = { clause: '4.1', textZh: '甲醛含量', kind: 'measured', unit: 'mg/kg', max: 20, critical: true };
  const standardBody = (categoryCodes: string[], extra: object = {}) => ({
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

  async function standard(categoryCodes: string[], extra: object = {}): Promise<{ id: string; code: string; version: string; titleZh: string }> {
    return (await post(reg, '/api/v1/standards', standardBody(categoryCodes, extra)).expect(201)).body;
  }

  async function draftBatch(): Promise<string> {
    return (await post(reg, '/api/v1/catalogue/batches', { number: `B-${tag()}`, titleZh: '测试目录' }).expect(201)).body.id;
  }

  const entryBody = (categoryCode: string, standardIds: string[], extra: object = {}) => ({
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
      const res = await post(reg, '/api/v1/categories', { code, nameZh: '钟表', nameEn: 'Watches', pilot: false }).expect(201);
      expect(res.body).toEqual({ code, nameZh: '钟表', nameEn: 'Watches', pilot: false, active: true });
      expect((await get(cb, `/api/v1/categories/${code}`).expect(200)).body).toEqual(res.body);
    });

    it('refuses a second category with the same code (409 naming code)', async () => {
      const code = await category();
      const res = await post(reg, '/api/v1/categories', { code, nameZh: 'x', nameEn: 'x', pilot: false }).expect(409);
      expect(res.body).toMatchObject({ error: 'ALREADY_EXISTS', fields: [{ field: 'code' }] });
    });

    it('names a malformed code, a missing name and an unknown field', async () => {
      const res = await post(reg, '/api/v1/categories', { code: 'watches', nameEn: 'x', pilot: 'yes', colour: 'red' }).expect(400);
      expect(res.body.error).toBe('VALIDATION_FAILED');
      expect(fieldsOf(res.body).sort()).toEqual(['code', 'colour', 'nameZh', 'pilot']);
    });

    it('lists categories to any user, filtered by pilot and active, a page at a time', async () => {
      const pilot = await category(true);
      const closed = await category(false);
      await patch(reg, `/api/v1/categories/${closed}`, { active: false }).expect(200);
      const pilots = await get(ent, '/api/v1/categories', { pilot: 'true', pageSize: 100 }).expect(200);
      expect(pilots.body.items.map((c: { code: string }) => c.code)).toContain(pilot);
      expect(pilots.body.items.every((c: { pilot: boolean }) => c.pilot)).toBe(true);
      const inactive = await get(cb, '/api/v1/categories', { active: 'false', pageSize: 100 }).expect(200);
      expect(inactive.body.items.map((c: { code: string }) => c.code)).toContain(closed);
      expect(inactive.body.items.every((c: { active: boolean }) => !c.active)).toBe(true);
      const page = await get(ent, '/api/v1/categories', { page: 2, pageSize: 1 }).expect(200);
      expect(page.body).toMatchObject({ page: 2, pageSize: 1 });
      expect(page.body.items).toHaveLength(1);
      expect(page.body.total).toBeGreaterThanOrEqual(2);
      const bad = await get(ent, '/api/v1/categories', { pilot: 'maybe' }).expect(400);
      expect(fieldsOf(bad.body)).toEqual(['pilot']);
    });

    it('lets the regulator rename, re-flag and close a category; nobody else', async () => {
      const code = await category();
      const res = await patch(reg, `/api/v1/categories/${code}`, { nameEn: 'Eyewear', pilot: true, active: false }).expect(200);
      expect(res.body).toMatchObject({ code, nameEn: 'Eyewear', pilot: true, active: false });
      expect((await get(ent, `/api/v1/categories/${code}`).expect(200)).body).toMatchObject({ nameEn: 'Eyewear', active: false });
      await patch(ent, `/api/v1/categories/${code}`, { active: true }).expect(403);
      await patch(reg, '/api/v1/categories/NOSUCH', { active: true }).expect(404);
      await get(ent, '/api/v1/categories/NOSUCH').expect(404);
    });

    it('answers 401 without credentials', async () => {
      await anonymous('/api/v1/categories').expect(401);
    });
  });

  describe('standards', () => {
    it('stores a standard with its requirements in the given order', async () => {
      const code = await category();
      const other = await category();
      const res = await post(
        reg,
        '/api/v1/standards',
        standardBody([code, other], {
          publishedOn: '2026-01-15',
          requirements: [
            { clause: '10', textZh: '甲醛含量', textEn: 'Formaldehyde', kind: 'measured', unit: 'mg/kg', max: 20, critical: true },
            { clause: '2', textZh: 'pH 值', kind: 'measured', unit: 'pH', min: 4, max: 7.5, critical: true },
            { clause: '3.1', textZh: '头颈部不得有绳带', kind: 'pass_fail', critical: false },
          ],
        }),
      ).expect(201);
      expect(res.body).toMatchObject({ status: 'current', kind: 'shenzhen', publishedOn: '2026-01-15', categoryCodes: [code, other].sort() });
      expect(res.body.requirements.map((r: { clause: string }) => r.clause)).toEqual(['10', '2', '3.1']);
      expect(res.body.requirements[1]).toMatchObject({ kind: 'measured', unit: 'pH', min: 4, max: 7.5, critical: true });
      expect(res.body.requirements[2]).toMatchObject({ kind: 'pass_fail', unit: null, min: null, max: null, critical: false });
      const again = await get(auditor, `/api/v1/standards/${res.body.id}`).expect(200);
      expect(again.body).toEqual(res.body);
    });

    it('refuses a measured requirement without a unit, naming the field', async () => {
      const res = await post(
        reg,
        '/api/v1/standards',
        standardBody([await category()], {
          requirements: [{ clause: '1', textZh: '待机时间', kind: 'measured', min: 72, critical: true }],
        }),
      ).expect(400);
      expect(res.body).toMatchObject({ error: 'VALIDATION_FAILED', fields: [{ field: 'requirements[0].unit' }] });
    });

    it('refuses min above max, naming max', async () => {
      const res = await post(
        reg,
        '/api/v1/standards',
        standardBody([await category()], {
          requirements: [requirement, { clause: '2', textZh: 'pH', kind: 'measured', unit: 'pH', min: 9, max: 3, critical: false }],
        }),
      ).expect(400);
      expect(fieldsOf(res.body)).toEqual(['requirements[1].max']);
      expect(res.body.message).toContain('below min');
    });

    it('names every requirement problem at once and writes nothing', async () => {
      const code = await category();
      const res = await post(
        reg,
        '/api/v1/standards',
        standardBody([code], {
          requirements: [
            { clause: '1', textZh: 'a', kind: 'measured', unit: 'h', critical: true },
            { clause: '2', textZh: 'b', kind: 'pass_fail', unit: 'h', max: 1, critical: false },
            { clause: '1', textZh: 'c', kind: 'pass_fail', critical: false },
          ],
        }),
      ).expect(400);
      expect(fieldsOf(res.body)).toEqual(['requirements[0].min', 'requirements[1].unit', 'requirements[1].max', 'requirements[2].clause']);
      expect((await get(reg, '/api/v1/standards', { categoryCode: code }).expect(200)).body.total).toBe(0);
    });

    it('names malformed requirement fields found by validation', async () => {
      const res = await post(
        reg,
        '/api/v1/standards',
        standardBody([await category()], {
          kind: 'regional',
          requirements: [{ clause: '1', textZh: 'a', kind: 'guessed', critical: 'yes', colour: 'red' }],
        }),
      ).expect(400);
      expect(fieldsOf(res.body).sort()).toEqual(['kind', 'requirements[0].colour', 'requirements[0].critical', 'requirements[0].kind']);
    });

    it('refuses an unknown category code (400 naming categoryCodes) and writes nothing', async () => {
      const code = await category();
      const res = await post(reg, '/api/v1/standards', standardBody([code, 'NOSUCHCAT'])).expect(400);
      expect(res.body).toMatchObject({ error: 'REFERENCE_NOT_FOUND', fields: [{ field: 'categoryCodes' }] });
      expect(res.body.message).toContain('NOSUCHCAT');
      expect((await get(reg, '/api/v1/standards', { categoryCode: code }).expect(200)).body.total).toBe(0);
    });

    it('refuses an unknown issuer organization, and a second standard with the same code and version', async () => {
      const code = await category();
      const unknownIssuer = await post(reg, '/api/v1/standards', standardBody([code], { issuerOrganizationId: randomUUID() })).expect(400);
      expect(fieldsOf(unknownIssuer.body)).toEqual(['issuerOrganizationId']);
      const association = await organization(api, reg, 'association');
      const first = await standard([code], { kind: 'group', issuerOrganizationId: association.organizationId });
      expect(first).toMatchObject({ kind: 'group', issuerOrganizationId: association.organizationId });
      const dup = await post(reg, '/api/v1/standards', standardBody([code], { code: first.code, version: first.version })).expect(409);
      expect(dup.body).toMatchObject({ error: 'ALREADY_EXISTS', fields: [{ field: 'version' }] });
    });

    it('lists standards filtered by category, kind, status and text, a page at a time', async () => {
      const code = await category();
      const a = await standard([code], { titleEn: 'Mattresses — comfort' });
      const b = await standard([code], { kind: 'group' });
      const c = await standard([code]);
      await post(reg, `/api/v1/standards/${c.id}/supersede`).expect(200);
      const all = await get(ent, '/api/v1/standards', { categoryCode: code }).expect(200);
      expect(all.body.total).toBe(3);
      expect(all.body.items[0]).not.toHaveProperty('requirements');
      expect((await get(ent, '/api/v1/standards', { categoryCode: code, kind: 'group' }).expect(200)).body.items.map((s: { id: string }) => s.id)).toEqual([
        b.id,
      ]);
      expect(ids((await get(ent, '/api/v1/standards', { categoryCode: code, status: 'superseded' }).expect(200)).body)).toEqual([c.id]);
      expect(ids((await get(ent, '/api/v1/standards', { categoryCode: code, q: 'comfort' }).expect(200)).body)).toEqual([a.id]);
      expect(ids((await get(ent, '/api/v1/standards', { q: a.code.toLowerCase() }).expect(200)).body)).toEqual([a.id]);
      const page2 = await get(ent, '/api/v1/standards', { categoryCode: code, page: 2, pageSize: 2 }).expect(200);
      expect(page2.body).toMatchObject({ page: 2, pageSize: 2, total: 3 });
      expect(page2.body.items).toHaveLength(1);
      const bad = await get(ent, '/api/v1/standards', { status: 'draft', pageSize: 101 }).expect(400);
      expect(fieldsOf(bad.body).sort()).toEqual(['pageSize', 'status']);
    });

    it('answers 404 for an unknown standard and 400 for a malformed id', async () => {
      await get(ent, `/api/v1/standards/${randomUUID()}`).expect(404);
      await get(ent, '/api/v1/standards/not-a-uuid').expect(400);
    });

    it('supersedes or withdraws a current standard once; anything else is a 409 naming the state', async () => {
      const code = await category();
      const s = await standard([code]);
      const superseded = await post(reg, `/api/v1/standards/${s.id}/supersede`).expect(200);
      expect(superseded.body.status).toBe('superseded');
      const twice = await post(reg, `/api/v1/standards/${s.id}/supersede`).expect(409);
      expect(twice.body).toMatchObject({ error: 'ILLEGAL_TRANSITION', details: { state: 'superseded' } });
      expect(twice.body.message).toContain("'superseded'");
      await post(reg, `/api/v1/standards/${s.id}/withdraw`).expect(409);
      const w = await standard([code]);
      expect((await post(reg, `/api/v1/standards/${w.id}/withdraw`).expect(200)).body.status).toBe('withdrawn');
      await post(reg, `/api/v1/standards/${w.id}/supersede`).expect(409);
      await post(reg, `/api/v1/standards/${randomUUID()}/withdraw`).expect(404);
    });

    it('refuses every write from anyone but the regulator (403)', async () => {
      const s = await standard([await category()]);
      for (const who of [ent, entMember, cb, auditor]) {
        const res = await post(who, '/api/v1/standards', standardBody(['ELECTRONICS'])).expect(403);
        expect(res.body.error).toBe('FORBIDDEN_ROLE');
        await post(who, `/api/v1/standards/${s.id}/supersede`).expect(403);
        await post(who, `/api/v1/standards/${s.id}/withdraw`).expect(403);
        await post(who, '/api/v1/categories', { code: 'NOPE', nameZh: 'x', nameEn: 'x', pilot: false }).expect(403);
      }
      expect((await get(reg, `/api/v1/standards/${s.id}`).expect(200)).body.status).toBe('current');
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
      const res = await post(reg, '/api/v1/catalogue/batches', { number, titleZh: '深圳标准认证目录（第五批）', titleEn: 'Batch 5' }).expect(201);
      expect(res.body).toMatchObject({ number, status: 'draft', publishedAt: null, entryCount: 0, titleEn: 'Batch 5' });
      const dup = await post(reg, '/api/v1/catalogue/batches', { number, titleZh: '重复' }).expect(409);
      expect(fieldsOf(dup.body)).toEqual(['number']);
      const bad = await post(reg, '/api/v1/catalogue/batches', { titleZh: '' }).expect(400);
      expect(fieldsOf(bad.body).sort()).toEqual(['number', 'titleZh']);
    });

    it('adds entries with their standards to a draft batch', async () => {
      const batchId = await draftBatch();
      const res = await post(reg, `/api/v1/catalogue/batches/${batchId}/entries`, entryBody(code, [std.id])).expect(201);
      expect(res.body).toMatchObject({
        categoryCode: code,
        kind: 'product',
        nameZh: '婴幼儿服装',
        status: 'open',
        batch: { id: batchId, status: 'draft' },
        standards: [{ id: std.id, code: std.code, version: std.version, titleZh: std.titleZh }],
      });
      expect(Object.keys(res.body.standards[0]).sort()).toEqual(['code', 'id', 'titleZh', 'version']);
      expect((await get(reg, `/api/v1/catalogue/batches/${batchId}`).expect(200)).body.entryCount).toBe(1);
    });

    it('refuses standards that do not apply to the category, or are no longer current (400 naming standardIds)', async () => {
      const batchId = await draftBatch();
      const elsewhere = await standard([await category()]);
      const wrong = await post(reg, `/api/v1/catalogue/batches/${batchId}/entries`, entryBody(code, [std.id, elsewhere.id])).expect(400);
      expect(fieldsOf(wrong.body)).toEqual(['standardIds']);
      expect(wrong.body.message).toContain(elsewhere.id);
      const old = await standard([code]);
      await post(reg, `/api/v1/standards/${old.id}/supersede`).expect(200);
      const stale = await post(reg, `/api/v1/catalogue/batches/${batchId}/entries`, entryBody(code, [old.id])).expect(400);
      expect(fieldsOf(stale.body)).toEqual(['standardIds']);
      const unknown = await post(reg, `/api/v1/catalogue/batches/${batchId}/entries`, entryBody(code, [randomUUID()])).expect(400);
      expect(fieldsOf(unknown.body)).toEqual(['standardIds']);
      expect((await get(reg, `/api/v1/catalogue/batches/${batchId}`).expect(200)).body.entryCount).toBe(0);
    });

    it('names an unknown category, a bad kind and missing standards', async () => {
      const batchId = await draftBatch();
      const unknown = await post(reg, `/api/v1/catalogue/batches/${batchId}/entries`, entryBody('NOSUCHCAT', [std.id])).expect(400);
      expect(unknown.body).toMatchObject({ error: 'REFERENCE_NOT_FOUND', fields: [{ field: 'categoryCode' }] });
      const bad = await post(reg, `/api/v1/catalogue/batches/${batchId}/entries`, entryBody(code, [], { kind: 'gadget' })).expect(400);
      expect(fieldsOf(bad.body).sort()).toEqual(['kind', 'standardIds']);
      await post(reg, `/api/v1/catalogue/batches/${randomUUID()}/entries`, entryBody(code, [std.id])).expect(404);
    });

    it('refuses to publish an empty batch (422), publishes once (409 the second time), then takes no more entries (409)', async () => {
      const batchId = await draftBatch();
      const empty = await post(reg, `/api/v1/catalogue/batches/${batchId}/publish`).expect(422);
      expect(empty.body.error).toBe('RULE_VIOLATION');
      await post(reg, `/api/v1/catalogue/batches/${batchId}/entries`, entryBody(code, [std.id])).expect(201);
      const published = await post(reg, `/api/v1/catalogue/batches/${batchId}/publish`).expect(200);
      expect(published.body).toMatchObject({ status: 'published', entryCount: 1 });
      expect(new Date(published.body.publishedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
      const twice = await post(reg, `/api/v1/catalogue/batches/${batchId}/publish`).expect(409);
      expect(twice.body).toMatchObject({ error: 'ILLEGAL_TRANSITION', details: { state: 'published', action: 'publish' } });
      const late = await post(reg, `/api/v1/catalogue/batches/${batchId}/entries`, entryBody(code, [std.id])).expect(409);
      expect(late.body).toMatchObject({ error: 'ILLEGAL_TRANSITION', details: { state: 'published', action: 'add_entry' } });
      await post(reg, `/api/v1/catalogue/batches/${randomUUID()}/publish`).expect(404);
    });

    it('shows draft batches and their entries to the regulator only', async () => {
      const draftId = await draftBatch();
      const draftEntry = (await post(reg, `/api/v1/catalogue/batches/${draftId}/entries`, entryBody(code, [std.id])).expect(201)).body;
      const publishedId = await draftBatch();
      const publishedEntry = (await post(reg, `/api/v1/catalogue/batches/${publishedId}/entries`, entryBody(code, [std.id])).expect(201)).body;
      await post(reg, `/api/v1/catalogue/batches/${publishedId}/publish`).expect(200);

      const regBatches = ids((await get(reg, '/api/v1/catalogue/batches', { pageSize: 100 }).expect(200)).body);
      expect(regBatches).toEqual(expect.arrayContaining([draftId, publishedId]));
      const entBatches = await get(ent, '/api/v1/catalogue/batches', { pageSize: 100 }).expect(200);
      expect(ids(entBatches.body)).toContain(publishedId);
      expect(ids(entBatches.body)).not.toContain(draftId);
      expect(entBatches.body.items.every((b: { status: string }) => b.status === 'published')).toBe(true);
      expect(ids((await get(ent, '/api/v1/catalogue/batches', { status: 'draft' }).expect(200)).body)).toEqual([]);
      const drafts = await get(reg, '/api/v1/catalogue/batches', { status: 'draft', pageSize: 100 }).expect(200);
      expect(drafts.body.items.every((b: { status: string }) => b.status === 'draft')).toBe(true);
      await get(ent, `/api/v1/catalogue/batches/${draftId}`).expect(404);

      expect(ids((await get(reg, '/api/v1/catalogue/entries', { categoryCode: code, pageSize: 100 }).expect(200)).body)).toContain(draftEntry.id);
      const seen = ids((await get(cb, '/api/v1/catalogue/entries', { categoryCode: code, pageSize: 100 }).expect(200)).body);
      expect(seen).toContain(publishedEntry.id);
      expect(seen).not.toContain(draftEntry.id);
      await get(ent, `/api/v1/catalogue/entries/${draftEntry.id}`).expect(404);
      expect((await get(reg, `/api/v1/catalogue/entries/${draftEntry.id}`).expect(200)).body.batch.status).toBe('draft');
      const one = await get(ent, `/api/v1/catalogue/entries/${publishedEntry.id}`).expect(200);
      expect(one.body).toMatchObject({ id: publishedEntry.id, batch: { id: publishedId, status: 'published' }, standards: [{ id: std.id }] });
    });

    it('filters entries by category, kind, batch, status and name, a page at a time', async () => {
      const cat = await category();
      const s = await standard([cat]);
      const batchId = await draftBatch();
      const watches = (
        await post(reg, `/api/v1/catalogue/batches/${batchId}/entries`, entryBody(cat, [s.id], { nameZh: '机械手表', nameEn: 'Mechanical watches' })).expect(
          201,
        )
      ).body;
      const repair = (
        await post(
          reg,
          `/api/v1/catalogue/batches/${batchId}/entries`,
          entryBody(cat, [s.id], { kind: 'service', nameZh: '钟表维修服务', nameEn: 'Watch repair' }),
        ).expect(201)
      ).body;
      const clocks = (
        await post(reg, `/api/v1/catalogue/batches/${batchId}/entries`, entryBody(cat, [s.id], { nameZh: '石英钟', nameEn: 'Quartz clocks' })).expect(201)
      ).body;
      await post(reg, `/api/v1/catalogue/batches/${batchId}/publish`).expect(200);
      await post(reg, `/api/v1/catalogue/entries/${clocks.id}/close`).expect(200);

      const list = (query: Record<string, string | number>) => get(ent, '/api/v1/catalogue/entries', { categoryCode: cat, ...query }).expect(200);
      expect((await list({})).body.total).toBe(3);
      expect(ids((await list({ kind: 'service' })).body)).toEqual([repair.id]);
      expect(ids((await list({ status: 'closed' })).body)).toEqual([clocks.id]);
      expect(ids((await list({ q: '手表' })).body)).toEqual([watches.id]);
      expect(ids((await list({ q: 'REPAIR' })).body)).toEqual([repair.id]);
      expect((await get(ent, '/api/v1/catalogue/entries', { batchId }).expect(200)).body.total).toBe(3);
      const page = (await list({ page: 2, pageSize: 2 })).body;
      expect(page).toMatchObject({ page: 2, pageSize: 2, total: 3 });
      expect(page.items).toHaveLength(1);
      const all = (await list({ pageSize: 100 })).body.items;
      expect(all.every((e: { standards: { id: string }[] }) => e.standards.length === 1 && e.standards[0].id === s.id)).toBe(true);
      const bad = await get(ent, '/api/v1/catalogue/entries', { pageSize: 1000, kind: 'gadget', batchId: 'x' }).expect(400);
      expect(fieldsOf(bad.body).sort()).toEqual(['batchId', 'kind', 'pageSize']);
    });

    it('closes and reopens an entry, each once (409 otherwise)', async () => {
      const batchId = await draftBatch();
      const entry = (await post(reg, `/api/v1/catalogue/batches/${batchId}/entries`, entryBody(code, [std.id])).expect(201)).body;
      await post(reg, `/api/v1/catalogue/batches/${batchId}/publish`).expect(200);
      await post(reg, `/api/v1/catalogue/entries/${entry.id}/reopen`).expect(409);
      expect((await post(reg, `/api/v1/catalogue/entries/${entry.id}/close`).expect(200)).body.status).toBe('closed');
      const twice = await post(reg, `/api/v1/catalogue/entries/${entry.id}/close`).expect(409);
      expect(twice.body.message).toContain("'closed'");
      expect((await post(reg, `/api/v1/catalogue/entries/${entry.id}/reopen`).expect(200)).body.status).toBe('open');
      await post(reg, `/api/v1/catalogue/entries/${randomUUID()}/close`).expect(404);
    });

    it('refuses catalogue writes from anyone but the regulator (403)', async () => {
      const batchId = await draftBatch();
      const entry = (await post(reg, `/api/v1/catalogue/batches/${batchId}/entries`, entryBody(code, [std.id])).expect(201)).body;
      for (const who of [ent, cb, auditor]) {
        await post(who, '/api/v1/catalogue/batches', { number: `X-${tag()}`, titleZh: '目录' }).expect(403);
        await post(who, `/api/v1/catalogue/batches/${batchId}/entries`, entryBody(code, [std.id])).expect(403);
        await post(who, `/api/v1/catalogue/batches/${batchId}/publish`).expect(403);
        await post(who, `/api/v1/catalogue/entries/${entry.id}/close`).expect(403);
        await post(who, `/api/v1/catalogue/entries/${entry.id}/reopen`).expect(403);
      }
      expect((await get(reg, `/api/v1/catalogue/batches/${batchId}`).expect(200)).body).toMatchObject({ status: 'draft', entryCount: 1 });
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
      const res = await post(reg, '/api/v1/authorizations', body(cb.organizationId, code)).expect(201);
      const org = (await get(reg, `/api/v1/organizations/${cb.organizationId}`).expect(200)).body;
      expect(res.body).toMatchObject({
        categoryCode: code,
        validFrom: '2026-01-01',
        validUntil: '2028-12-31',
        status: 'active',
        revokedAt: null,
        certificationBody: { id: cb.organizationId, nameZh: org.nameZh, nameEn: org.nameEn },
      });
      expect(Object.keys(res.body.certificationBody).sort()).toEqual(['id', 'nameEn', 'nameZh']);
      const seen = await get(ent, '/api/v1/authorizations', { categoryCode: code }).expect(200);
      expect(ids(seen.body)).toEqual([res.body.id]);
      expect(JSON.stringify(seen.body)).not.toMatch(PRIVATE);
    });

    it('authorizes only certification bodies (400 naming certificationBodyId)', async () => {
      const code = await category();
      for (const id of [ent.organizationId, randomUUID()]) {
        const res = await post(reg, '/api/v1/authorizations', body(id, code)).expect(400);
        expect(res.body).toMatchObject({ error: 'REFERENCE_NOT_FOUND', fields: [{ field: 'certificationBodyId' }] });
      }
    });

    it('needs validUntil after validFrom, ISO dates and a known category', async () => {
      const code = await category();
      const backwards = await post(reg, '/api/v1/authorizations', body(cb.organizationId, code, { validFrom: '2026-01-01', validUntil: '2025-12-31' })).expect(
        400,
      );
      expect(fieldsOf(backwards.body)).toEqual(['validUntil']);
      const same = await post(reg, '/api/v1/authorizations', body(cb.organizationId, code, { validFrom: '2026-01-01', validUntil: '2026-01-01' })).expect(400);
      expect(fieldsOf(same.body)).toEqual(['validUntil']);
      const malformed = await post(reg, '/api/v1/authorizations', body(cb.organizationId, code, { validFrom: '01/01/2026', validUntil: '2026-02-30' })).expect(
        400,
      );
      expect(fieldsOf(malformed.body).sort()).toEqual(['validFrom', 'validUntil']);
      const unknown = await post(reg, '/api/v1/authorizations', body(cb.organizationId, 'NOSUCHCAT')).expect(400);
      expect(fieldsOf(unknown.body)).toEqual(['categoryCode']);
      expect((await get(reg, '/api/v1/authorizations', { categoryCode: code }).expect(200)).body.total).toBe(0);
    });

    it('lists who may certify what, filtered by body, category and the day they are valid on', async () => {
      const code = await category();
      const other = await organization(api, reg, 'certification_body');
      const current = (
        await post(reg, '/api/v1/authorizations', body(cb.organizationId, code, { validFrom: '2020-01-01', validUntil: '2099-12-31' })).expect(201)
      ).body;
      const past = (
        await post(reg, '/api/v1/authorizations', body(other.organizationId, code, { validFrom: '2019-01-01', validUntil: '2020-12-31' })).expect(201)
      ).body;
      expect(current.validToday).toBe(true);
      expect(past.validToday).toBe(false);
      const list = (query: Record<string, string | number>) => get(auditor, '/api/v1/authorizations', { categoryCode: code, ...query }).expect(200);
      expect((await list({})).body.total).toBe(2);
      expect(ids((await list({ certificationBodyId: other.organizationId })).body)).toEqual([past.id]);
      expect(ids((await list({ validOn: '2020-06-01' })).body).sort()).toEqual([current.id, past.id].sort());
      expect(ids((await list({ validOn: '2030-06-01' })).body)).toEqual([current.id]);
      expect(ids((await list({ validOn: '2019-01-01' })).body)).toEqual([past.id]);
      const page = (await list({ page: 2, pageSize: 1 })).body;
      expect(page).toMatchObject({ page: 2, pageSize: 1, total: 2 });
      expect(page.items).toHaveLength(1);
      const bad = await get(ent, '/api/v1/authorizations', { validOn: 'tomorrow', certificationBodyId: 'x' }).expect(400);
      expect(fieldsOf(bad.body).sort()).toEqual(['certificationBodyId', 'validOn']);
    });

    it('revokes once (409 the second time); a revoked authorization is valid on no day', async () => {
      const code = await category();
      const a = (await post(reg, '/api/v1/authorizations', body(cb.organizationId, code)).expect(201)).body;
      await post(reg, `/api/v1/authorizations/${a.id}/revoke`, {}).expect(400);
      const revoked = await post(reg, `/api/v1/authorizations/${a.id}/revoke`, { reason: '认可资格暂停' }).expect(200);
      expect(revoked.body).toMatchObject({ status: 'revoked', revokedReason: '认可资格暂停', validToday: false });
      expect(revoked.body.revokedAt).toEqual(expect.any(String));
      const again = await post(reg, `/api/v1/authorizations/${a.id}/revoke`, { reason: '再次' }).expect(409);
      expect(again.body).toMatchObject({ error: 'ILLEGAL_TRANSITION', details: { state: 'revoked' } });
      expect((await get(ent, '/api/v1/authorizations', { categoryCode: code, validOn: '2027-01-01' }).expect(200)).body.total).toBe(0);
      await post(reg, `/api/v1/authorizations/${randomUUID()}/revoke`, { reason: '不存在' }).expect(404);
    });

    it('refuses authorization writes from anyone but the regulator (403)', async () => {
      const code = await category();
      const a = (await post(reg, '/api/v1/authorizations', body(cb.organizationId, code)).expect(201)).body;
      for (const who of [ent, cb, auditor]) {
        await post(who, '/api/v1/authorizations', body(cb.organizationId, code)).expect(403);
        await post(who, `/api/v1/authorizations/${a.id}/revoke`, { reason: '无权' }).expect(403);
      }
      expect((await get(cb, '/api/v1/authorizations', { categoryCode: code }).expect(200)).body.items[0].status).toBe('active');
    });
  });

  describe('self-declarations', () => {
    let standardId: string;
    let std: { id: string; code: string; version: string; titleZh: string };
    let entOrg: { nameZh: string; nameEn: string; creditCode: string };
    const declaration = {
      productNameZh: '童悦婴儿连体衣',
      productNameEn: 'Tongyue baby romper',
      models: ['TY-B66'],
      keyIndicators: [
        { name: '甲醛含量', value: '≤10', unit: 'mg/kg' },
        { name: '色牢度', value: '4级' },
      ],
    };
    beforeAll(async () => {
      std = await standard([await category()]);
      standardId = std.id;
      entOrg = (await get(reg, `/api/v1/organizations/${ent.organizationId}`).expect(200)).body;
    });
    const declare = (who: TestUser, extra: object = {}) => post(who, '/api/v1/self-declarations', { ...declaration, standardId, ...extra });

    it("publishes version 1 of a declaration for the caller's enterprise, public without contacts or author", async () => {
      const d = await declare(ent).expect(201);
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
      const pub = await anonymous(`/api/v1/self-declarations/${d.body.id}`).expect(200);
      expect(Object.keys(pub.body).sort()).toEqual([
        'enterprise',
        'id',
        'keyIndicators',
        'models',
        'productNameEn',
        'productNameZh',
        'publishedAt',
        'seriesId',
        'standard',
        'status',
        'version',
        'versions',
      ]);
      expect(Object.keys(pub.body.enterprise).sort()).toEqual(['creditCode', 'id', 'nameEn', 'nameZh']);
      expect(JSON.stringify(pub.body)).not.toMatch(PRIVATE);
      const listed = await anonymous('/api/v1/self-declarations', { enterpriseId: ent.organizationId, pageSize: 100 }).expect(200);
      expect(ids(listed.body)).toContain(d.body.id);
      expect(JSON.stringify(listed.body)).not.toMatch(PRIVATE);
    });

    it('lets an enterprise member declare too, and nobody outside enterprises (403)', async () => {
      const d = await declare(entMember).expect(201);
      expect(d.body.enterprise.id).toBe(ent.organizationId);
      for (const who of [reg, cb, auditor]) await declare(who).expect(403);
    });

    it('names an unknown or withdrawn standard and malformed indicators', async () => {
      const unknown = await declare(ent, { standardId: randomUUID() }).expect(400);
      expect(unknown.body).toMatchObject({ error: 'REFERENCE_NOT_FOUND', fields: [{ field: 'standardId' }] });
      const gone = await standard([await category()]);
      await post(reg, `/api/v1/standards/${gone.id}/withdraw`).expect(200);
      const withdrawn = await declare(ent, { standardId: gone.id }).expect(400);
      expect(fieldsOf(withdrawn.body)).toEqual(['standardId']);
      const bad = await declare(ent, { keyIndicators: [{ name: '甲醛', colour: 'red' }], models: 'TY-B66' }).expect(400);
      expect(fieldsOf(bad.body).sort()).toEqual(['keyIndicators[0].colour', 'keyIndicators[0].value', 'models']);
    });

    it('publishes a new version and supersedes the previous one in the same step', async () => {
      const d1 = (await declare(ent).expect(201)).body;
      const d2 = await post(entMember, `/api/v1/self-declarations/${d1.id}/versions`, { ...declaration, standardId, models: ['TY-B66', 'TY-B73'] }).expect(201);
      expect(d2.body).toMatchObject({ version: 2, status: 'published', seriesId: d1.seriesId, models: ['TY-B66', 'TY-B73'] });
      expect(d2.body.versions.map((v: { id: string; status: string }) => [v.id, v.status])).toEqual([
        [d1.id, 'superseded'],
        [d2.body.id, 'published'],
      ]);
      const old = await anonymous(`/api/v1/self-declarations/${d1.id}`).expect(200);
      expect(old.body).toMatchObject({ status: 'superseded', version: 1 });
      expect(old.body.versions).toEqual(d2.body.versions);
      const d3 = await post(ent, `/api/v1/self-declarations/${d2.body.id}/versions`, { ...declaration, standardId }).expect(201);
      expect(d3.body.version).toBe(3);
    });

    it('refuses to version a superseded or withdrawn declaration (409)', async () => {
      const d1 = (await declare(ent).expect(201)).body;
      const d2 = (await post(ent, `/api/v1/self-declarations/${d1.id}/versions`, { ...declaration, standardId }).expect(201)).body;
      const stale = await post(ent, `/api/v1/self-declarations/${d1.id}/versions`, { ...declaration, standardId }).expect(409);
      expect(stale.body).toMatchObject({ error: 'ILLEGAL_TRANSITION', details: { state: 'superseded', action: 'new_version' } });
      await post(ent, `/api/v1/self-declarations/${d2.id}/withdraw`).expect(200);
      const ended = await post(ent, `/api/v1/self-declarations/${d2.id}/versions`, { ...declaration, standardId }).expect(409);
      expect(ended.body.details.state).toBe('withdrawn');
      const versions = (await anonymous(`/api/v1/self-declarations/${d1.id}`).expect(200)).body.versions;
      expect(versions.map((v: { status: string }) => v.status)).toEqual(['superseded', 'withdrawn']);
    });

    it('lets exactly one of two concurrent new versions win', async () => {
      const d1 = (await declare(ent).expect(201)).body;
      const results = await Promise.all([0, 1].map(() => post(ent, `/api/v1/self-declarations/${d1.id}/versions`, { ...declaration, standardId })));
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      const versions = (await anonymous(`/api/v1/self-declarations/${d1.id}`).expect(200)).body.versions;
      expect(versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
        [1, 'superseded'],
        [2, 'published'],
      ]);
    });

    it('withdraws a published declaration once', async () => {
      const d = (await declare(entMember).expect(201)).body;
      expect((await post(ent, `/api/v1/self-declarations/${d.id}/withdraw`).expect(200)).body.status).toBe('withdrawn');
      const again = await post(ent, `/api/v1/self-declarations/${d.id}/withdraw`).expect(409);
      expect(again.body.message).toContain("'withdrawn'");
    });

    it('answers 404 to another enterprise changing a declaration it does not own, and changes nothing', async () => {
      const d = (await declare(ent).expect(201)).body;
      const other = await organization(api, reg, 'enterprise');
      const res = await post(other, `/api/v1/self-declarations/${d.id}/versions`, { ...declaration, standardId }).expect(404);
      expect(res.body.error).toBe('NOT_FOUND');
      await post(other, `/api/v1/self-declarations/${d.id}/withdraw`).expect(404);
      const still = (await anonymous(`/api/v1/self-declarations/${d.id}`).expect(200)).body;
      expect(still).toMatchObject({ status: 'published', versions: [{ id: d.id }] });
    });

    it('lists public declarations: published by default, filtered by enterprise, standard, status and product name', async () => {
      const mine = await organization(api, reg, 'enterprise');
      const otherStd = await standard([await category()]);
      const romper = (await declare(mine, { productNameZh: '婴儿连体衣', productNameEn: 'Baby romper' }).expect(201)).body;
      const bib = (await declare(mine, { productNameZh: '婴儿围兜', productNameEn: 'Baby bib', standardId: otherStd.id }).expect(201)).body;
      const hat = (await declare(mine, { productNameZh: '婴儿帽', productNameEn: 'Baby hat' }).expect(201)).body;
      await post(mine, `/api/v1/self-declarations/${hat.id}/withdraw`).expect(200);

      const list = (query: Record<string, string | number>) =>
        anonymous('/api/v1/self-declarations', { enterpriseId: mine.organizationId, ...query }).expect(200);
      expect(ids((await list({})).body).sort()).toEqual([romper.id, bib.id].sort());
      expect(ids((await list({ standardId: otherStd.id })).body)).toEqual([bib.id]);
      expect(ids((await list({ status: 'withdrawn' })).body)).toEqual([hat.id]);
      expect(ids((await list({ q: '围兜' })).body)).toEqual([bib.id]);
      expect(ids((await list({ q: 'ROMPER' })).body)).toEqual([romper.id]);
      const page = (await list({ page: 2, pageSize: 1 })).body;
      expect(page).toMatchObject({ page: 2, pageSize: 1, total: 2 });
      expect(page.items).toHaveLength(1);
      expect(page.items[0]).not.toHaveProperty('versions');
      const bad = await anonymous('/api/v1/self-declarations', { status: 'draft', enterpriseId: 'me' }).expect(400);
      expect(fieldsOf(bad.body).sort()).toEqual(['enterpriseId', 'status']);
      await anonymous(`/api/v1/self-declarations/${randomUUID()}`).expect(404);
    });
  });

  describe('abnormal-operations list', () => {
    it('lists an enterprise once, publicly with its names and credit code, and removes it once', async () => {
      const e = await organization(api, reg, 'enterprise');
      const org = (await get(reg, `/api/v1/organizations/${e.organizationId}`).expect(200)).body;
      const listed = await post(reg, '/api/v1/abnormal-operations', { enterpriseId: e.organizationId, reason: '未按公开的企业标准组织生产' }).expect(201);
      expect(listed.body).toMatchObject({
        status: 'listed',
        reason: '未按公开的企业标准组织生产',
        removedAt: null,
        enterprise: { id: e.organizationId, nameZh: org.nameZh, nameEn: org.nameEn, creditCode: org.creditCode },
      });
      const again = await post(reg, '/api/v1/abnormal-operations', { enterpriseId: e.organizationId, reason: '再次列入' }).expect(409);
      expect(again.body).toMatchObject({ error: 'ALREADY_EXISTS', fields: [{ field: 'enterpriseId' }] });

      const pub = await anonymous('/api/v1/abnormal-operations', { enterpriseId: e.organizationId }).expect(200);
      expect(ids(pub.body)).toEqual([listed.body.id]);
      expect(JSON.stringify(pub.body)).not.toMatch(PRIVATE);
      expect(ids((await anonymous('/api/v1/abnormal-operations', { q: org.creditCode }).expect(200)).body)).toEqual([listed.body.id]);
      expect(ids((await anonymous('/api/v1/abnormal-operations', { q: org.nameZh.slice(2, 8), pageSize: 100 }).expect(200)).body)).toContain(listed.body.id);

      await post(reg, `/api/v1/abnormal-operations/${listed.body.id}/remove`, {}).expect(400);
      const removed = await post(reg, `/api/v1/abnormal-operations/${listed.body.id}/remove`, { reason: '已整改' }).expect(200);
      expect(removed.body).toMatchObject({ status: 'removed', removedReason: '已整改' });
      const twice = await post(reg, `/api/v1/abnormal-operations/${listed.body.id}/remove`, { reason: '已整改' }).expect(409);
      expect(twice.body).toMatchObject({ error: 'ILLEGAL_TRANSITION', details: { state: 'removed' } });
      expect((await anonymous('/api/v1/abnormal-operations', { enterpriseId: e.organizationId }).expect(200)).body.total).toBe(0);
      expect(ids((await anonymous('/api/v1/abnormal-operations', { enterpriseId: e.organizationId, status: 'removed' }).expect(200)).body)).toEqual([
        listed.body.id,
      ]);

      // Removed, it may be listed again.
      await post(reg, '/api/v1/abnormal-operations', { enterpriseId: e.organizationId, reason: '再次未按标准生产' }).expect(201);
    });

    it('lists only enterprises (400 naming enterpriseId)', async () => {
      for (const id of [cb.organizationId, randomUUID()]) {
        const res = await post(reg, '/api/v1/abnormal-operations', { enterpriseId: id, reason: '未按标准生产' }).expect(400);
        expect(fieldsOf(res.body)).toEqual(['enterpriseId']);
      }
      const bad = await post(reg, '/api/v1/abnormal-operations', { enterpriseId: 'x', reason: '' }).expect(400);
      expect(fieldsOf(bad.body).sort()).toEqual(['enterpriseId', 'reason']);
    });

    it('pages the public list, newest first', async () => {
      const t = tag();
      const listedIds: string[] = [];
      for (let i = 0; i < 3; i++) {
        const e = await organization(api, reg, 'enterprise', `异常${t}企业${i}有限公司`);
        listedIds.push((await post(reg, '/api/v1/abnormal-operations', { enterpriseId: e.organizationId, reason: `原因${i}` }).expect(201)).body.id);
      }
      const first = (await anonymous('/api/v1/abnormal-operations', { q: `异常${t}`, pageSize: 2 }).expect(200)).body;
      expect(first).toMatchObject({ page: 1, pageSize: 2, total: 3 });
      expect(ids(first)).toEqual([listedIds[2], listedIds[1]]);
      const second = (await anonymous('/api/v1/abnormal-operations', { q: `异常${t}`, page: 2, pageSize: 2 }).expect(200)).body;
      expect(ids(second)).toEqual([listedIds[0]]);
      expect([...first.items, ...second.items].every((l: { status: string }) => l.status === 'listed')).toBe(true);
    });

    it('refuses list writes from anyone but the regulator (403)', async () => {
      const e = await organization(api, reg, 'enterprise');
      const listed = (await post(reg, '/api/v1/abnormal-operations', { enterpriseId: e.organizationId, reason: '未按标准生产' }).expect(201)).body;
      for (const who of [ent, entMember, cb, e]) {
        await post(who, '/api/v1/abnormal-operations', { enterpriseId: e.organizationId, reason: '举报' }).expect(403);
        await post(who, `/api/v1/abnormal-operations/${listed.id}/remove`, { reason: '自行移除' }).expect(403);
      }
      expect((await anonymous('/api/v1/abnormal-operations', { enterpriseId: e.organizationId }).expect(200)).body.items[0].status).toBe('listed');
    });
  });
});
