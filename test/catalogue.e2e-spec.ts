import { randomBytes } from 'node:crypto';
import { Actor, member, organization, regulator } from './support/actors';
import { startApi, TestApi } from './support/http';

/** The scheme catalogue the regulator runs, and the enterprises' public registrations. */
describe('scheme catalogue', () => {
  let api: TestApi;
  let reg: Actor;
  let ent: Actor;
  let cb: Actor;
  const t = () => randomBytes(3).toString('hex').toUpperCase();

  beforeAll(async () => {
    api = await startApi();
    reg = await regulator(api);
    ent = await organization(api, reg, 'enterprise');
    cb = await organization(api, reg, 'certification_body');
  });
  afterAll(() => api.close());

  const post = (who: Actor, path: string, body: object = {}) => api.http().post(path).set(who.auth).send(body);

  async function category(pilot = false): Promise<string> {
    const code = `C${t()}`;
    await post(reg, '/api/v1/categories', { code, nameZh: `类别${code}`, nameEn: `Category ${code}`, pilot }).expect(201);
    return code;
  }

  const standardBody = (categoryCodes: string[], requirements: object[] = [{ clause: '4.1', textZh: '甲醛含量', kind: 'measured', unit: 'mg/kg', max: 20, critical: true }]) => ({
    code: `T/SZ ${t()}`,
    version: '2026',
    titleZh: '婴幼儿服装 评价规范',
    kind: 'shenzhen',
    issuer: '深圳市市场监督管理局',
    categoryCodes,
    requirements,
  });

  describe('categories and standards', () => {
    it('lets the regulator add a category and everyone list it, filtered', async () => {
      const code = await category(true);
      const res = await api.http().get('/api/v1/categories').query({ pilot: 'true', pageSize: 100 }).set(ent.auth).expect(200);
      expect(res.body.items.map((c: { code: string }) => c.code)).toContain(code);
      expect(res.body.items.every((c: { pilot: boolean }) => c.pilot)).toBe(true);
      await api.http().patch(`/api/v1/categories/${code}`).set(reg.auth).send({ active: false }).expect(200);
      expect((await api.http().get(`/api/v1/categories/${code}`).set(ent.auth).expect(200)).body.active).toBe(false);
      await post(reg, '/api/v1/categories', { code, nameZh: 'x', nameEn: 'x', pilot: false }).expect(409);
    });

    it('refuses writes from anyone but the regulator (403)', async () => {
      for (const who of [ent, cb]) {
        const res = await post(who, '/api/v1/categories', { code: 'NOPE', nameZh: 'x', nameEn: 'x', pilot: false }).expect(403);
        expect(res.body.error).toBe('FORBIDDEN_ROLE');
        await post(who, '/api/v1/standards', {}).expect(403);
        await post(who, '/api/v1/catalogue/batches', {}).expect(403);
        await post(who, '/api/v1/authorizations', {}).expect(403);
      }
    });

    it('stores a standard with its requirements in order', async () => {
      const code = await category();
      const res = await post(reg, '/api/v1/standards', standardBody([code], [
        { clause: '4.1', textZh: '甲醛含量', kind: 'measured', unit: 'mg/kg', max: 20, critical: true },
        { clause: '4.2', textZh: 'pH 值', kind: 'measured', unit: 'pH', min: 4, max: 7.5, critical: true },
        { clause: '4.4', textZh: '头颈部不得有绳带', kind: 'pass_fail', critical: true },
      ])).expect(201);
      expect(res.body.requirements.map((r: { clause: string }) => r.clause)).toEqual(['4.1', '4.2', '4.4']);
      expect(res.body.requirements[1]).toMatchObject({ min: 4, max: 7.5, unit: 'pH' });
      const listed = await api.http().get('/api/v1/standards').query({ categoryCode: code }).set(cb.auth).expect(200);
      expect(listed.body.total).toBe(1);
    });

    it('names each invalid requirement field, and writes nothing', async () => {
      const code = await category();
      const res = await post(reg, '/api/v1/standards', standardBody([code], [
        { clause: '1', textZh: 'a', kind: 'measured', max: 5, critical: true },
        { clause: '2', textZh: 'b', kind: 'measured', unit: 'h', min: 9, max: 3, critical: false },
        { clause: '3', textZh: 'c', kind: 'pass_fail', unit: 'h', critical: false },
        { clause: '3', textZh: 'd', kind: 'pass_fail', critical: false },
      ])).expect(400);
      expect(res.body.fields.map((f: { field: string }) => f.field)).toEqual([
        'requirements[0].unit', 'requirements[1].max', 'requirements[2].unit', 'requirements[3].clause',
      ]);
      expect((await api.http().get('/api/v1/standards').query({ categoryCode: code }).set(reg.auth)).body.total).toBe(0);
    });

    it('names an unknown category', async () => {
      const res = await post(reg, '/api/v1/standards', standardBody(['NOSUCHCAT'])).expect(400);
      expect(res.body).toMatchObject({ error: 'REFERENCE_NOT_FOUND', fields: [{ field: 'categoryCodes' }] });
    });

    it('supersedes a standard once (409 the second time)', async () => {
      const s = await post(reg, '/api/v1/standards', standardBody([await category()])).expect(201);
      await post(reg, `/api/v1/standards/${s.body.id}/supersede`).expect(200);
      const again = await post(reg, `/api/v1/standards/${s.body.id}/supersede`).expect(409);
      expect(again.body.message).toContain("'superseded'");
    });
  });

  describe('catalogue batches and entries', () => {
    it('publishes a batch once; its entries are hidden until then', async () => {
      const code = await category();
      const std = await post(reg, '/api/v1/standards', standardBody([code])).expect(201);
      const batch = await post(reg, '/api/v1/catalogue/batches', { number: `B-${t()}`, titleZh: '第三批' }).expect(201);
      const empty = await post(reg, `/api/v1/catalogue/batches/${batch.body.id}/publish`).expect(422);
      expect(empty.body.error).toBe('RULE_VIOLATION');
      const wrongStd = await post(reg, `/api/v1/catalogue/batches/${batch.body.id}/entries`, {
        categoryCode: await category(), kind: 'product', nameZh: '童装', evaluationRules: '细则', standardIds: [std.body.id],
      }).expect(400);
      expect(wrongStd.body.fields[0].field).toBe('standardIds');
      const entry = await post(reg, `/api/v1/catalogue/batches/${batch.body.id}/entries`, {
        categoryCode: code, kind: 'product', nameZh: '婴幼儿服装', nameEn: 'Infant clothing', evaluationRules: '工厂检查 + 型式检验', standardIds: [std.body.id],
      }).expect(201);
      expect(entry.body.standards[0]).toMatchObject({ id: std.body.id });
      await api.http().get(`/api/v1/catalogue/entries/${entry.body.id}`).set(ent.auth).expect(404);
      await api.http().get(`/api/v1/catalogue/batches/${batch.body.id}`).set(ent.auth).expect(404);
      await post(reg, `/api/v1/catalogue/batches/${batch.body.id}/publish`).expect(200);
      const again = await post(reg, `/api/v1/catalogue/batches/${batch.body.id}/publish`).expect(409);
      expect(again.body.message).toContain("'published'");
      const late = await post(reg, `/api/v1/catalogue/batches/${batch.body.id}/entries`, {
        categoryCode: code, kind: 'product', nameZh: 'x', evaluationRules: '细则', standardIds: [std.body.id],
      }).expect(409);
      expect(late.body.error).toBe('ILLEGAL_TRANSITION');
      const seen = await api.http().get('/api/v1/catalogue/entries').query({ q: '婴幼儿', categoryCode: code }).set(ent.auth).expect(200);
      expect(seen.body.items.map((e: { id: string }) => e.id)).toEqual([entry.body.id]);
      await post(reg, `/api/v1/catalogue/entries/${entry.body.id}/close`).expect(200);
      await post(reg, `/api/v1/catalogue/entries/${entry.body.id}/close`).expect(409);
      await post(reg, `/api/v1/catalogue/entries/${entry.body.id}/reopen`).expect(200);
    });

    it('paginates with a bounded page size', async () => {
      const res = await api.http().get('/api/v1/catalogue/entries').query({ pageSize: 1000 }).set(ent.auth).expect(400);
      expect(res.body.fields[0].field).toBe('pageSize');
    });
  });

  describe('authorizations', () => {
    it('authorizes only certification bodies, lists who is valid on a date, and revokes once', async () => {
      const code = await category();
      const notCb = await post(reg, '/api/v1/authorizations', {
        certificationBodyId: ent.organizationId, categoryCode: code, accreditationNumber: 'CNCA-R-1', validFrom: '2026-01-01', validUntil: '2028-01-01',
      }).expect(400);
      expect(notCb.body.fields[0].field).toBe('certificationBodyId');
      const backwards = await post(reg, '/api/v1/authorizations', {
        certificationBodyId: cb.organizationId, categoryCode: code, accreditationNumber: 'CNCA-R-1', validFrom: '2026-01-01', validUntil: '2025-01-01',
      }).expect(400);
      expect(backwards.body.fields[0].field).toBe('validUntil');
      const a = await post(reg, '/api/v1/authorizations', {
        certificationBodyId: cb.organizationId, categoryCode: code, accreditationNumber: 'CNCA-R-2026-001', validFrom: '2026-01-01', validUntil: '2028-12-31',
      }).expect(201);
      const on = await api.http().get('/api/v1/authorizations').query({ categoryCode: code, validOn: '2027-06-01' }).set(ent.auth).expect(200);
      expect(on.body.items.map((x: { id: string }) => x.id)).toEqual([a.body.id]);
      expect(JSON.stringify(on.body)).not.toContain('contact');
      const off = await api.http().get('/api/v1/authorizations').query({ categoryCode: code, validOn: '2029-06-01' }).set(ent.auth).expect(200);
      expect(off.body.total).toBe(0);
      await post(reg, `/api/v1/authorizations/${a.body.id}/revoke`, { reason: '认可暂停' }).expect(200);
      await post(reg, `/api/v1/authorizations/${a.body.id}/revoke`, { reason: '认可暂停' }).expect(409);
    });
  });

  describe('self-declarations', () => {
    let standardId: string;
    beforeAll(async () => {
      standardId = (await post(reg, '/api/v1/standards', standardBody([await category()])).expect(201)).body.id;
    });
    const declaration = { productNameZh: '童悦婴儿连体衣', models: ['TY-B66'], keyIndicators: [{ name: '甲醛含量', value: '≤10', unit: 'mg/kg' }] };

    it('publishes declarations to everyone, without contacts, and versions them', async () => {
      const d1 = await post(ent, '/api/v1/self-declarations', { ...declaration, standardId }).expect(201);
      expect(d1.body).toMatchObject({ version: 1, status: 'published', enterprise: { id: ent.organizationId } });
      const pub = await api.http().get(`/api/v1/self-declarations/${d1.body.id}`).expect(200);
      expect(JSON.stringify(pub.body)).not.toMatch(/contact|createdBy|created_by|@test\.szs/);
      const d2 = await post(ent, `/api/v1/self-declarations/${d1.body.id}/versions`, { ...declaration, standardId, models: ['TY-B66', 'TY-B73'] }).expect(201);
      expect(d2.body.version).toBe(2);
      expect(d2.body.versions.map((v: { status: string }) => v.status)).toEqual(['superseded', 'published']);
      const again = await post(ent, `/api/v1/self-declarations/${d1.body.id}/versions`, { ...declaration, standardId }).expect(409);
      expect(again.body.message).toContain("'superseded'");
      const list = await api.http().get('/api/v1/self-declarations').query({ enterpriseId: ent.organizationId }).expect(200);
      expect(list.body.items.map((d: { id: string }) => d.id)).toEqual([d2.body.id]);
    });

    it("answers 404 to another enterprise changing a declaration it does not own", async () => {
      const d = await post(ent, '/api/v1/self-declarations', { ...declaration, standardId }).expect(201);
      const other = await organization(api, reg, 'enterprise');
      await post(other, `/api/v1/self-declarations/${d.body.id}/versions`, { ...declaration, standardId }).expect(404);
      await post(other, `/api/v1/self-declarations/${d.body.id}/withdraw`).expect(404);
      const m = await member(api, ent, ['enterprise_member']);
      await post(m, `/api/v1/self-declarations/${d.body.id}/withdraw`).expect(200);
    });

    it('names an unknown standard', async () => {
      const res = await post(ent, '/api/v1/self-declarations', { ...declaration, standardId: '00000000-0000-4000-8000-000000000000' }).expect(400);
      expect(res.body.fields[0].field).toBe('standardId');
    });
  });

  describe('abnormal-operations list', () => {
    it('lists an enterprise once, publicly, and removes it', async () => {
      const e = await organization(api, reg, 'enterprise');
      const l = await post(reg, '/api/v1/abnormal-operations', { enterpriseId: e.organizationId, reason: '未按公开的企业标准组织生产' }).expect(201);
      await post(reg, '/api/v1/abnormal-operations', { enterpriseId: e.organizationId, reason: 'again' }).expect(409);
      await post(ent, '/api/v1/abnormal-operations', { enterpriseId: e.organizationId, reason: 'x'.repeat(5) }).expect(403);
      const pub = await api.http().get('/api/v1/abnormal-operations').query({ pageSize: 100 }).expect(200);
      expect(pub.body.items.map((x: { id: string }) => x.id)).toContain(l.body.id);
      expect(JSON.stringify(pub.body)).not.toContain('contact');
      await post(reg, `/api/v1/abnormal-operations/${l.body.id}/remove`, { reason: '已整改' }).expect(200);
      await post(reg, `/api/v1/abnormal-operations/${l.body.id}/remove`, { reason: '已整改' }).expect(409);
      const after = await api.http().get('/api/v1/abnormal-operations').query({ pageSize: 100 }).expect(200);
      expect(after.body.items.map((x: { id: string }) => x.id)).not.toContain(l.body.id);
    });
  });
});
