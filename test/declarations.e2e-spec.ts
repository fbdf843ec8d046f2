import { randomBytes, randomUUID } from 'node:crypto';
import { member, organization, regulator, TestUser } from './support/actors';
import type { components } from './support/api-types';
import { startApi, TestApi } from './support/http';
import { COMMITMENT } from './support/scheme';

type Dto = components['schemas']['SelfDeclarationDto'];

/**
 * Self-declarations as the 2024 rules ask for them (企业标准自我声明公开): standards applied,
 * products with GTIN barcodes, indicators flagged weaker / missing against the national standard,
 * the signed commitment, the public directory; and frontrunners (领跑者): ranking, lists, claims.
 */
describe('self-declarations and frontrunners', () => {
  let api: TestApi;
  let reg: TestUser;
  let ent: TestUser;
  let entMember: TestUser;
  let other: TestUser;
  let cb: TestUser;
  const t = randomBytes(3).toString('hex').toUpperCase();
  const categoryCode = `D${t}`;
  let shenzhenId: string;
  let nationalId: string;
  let standby: string; // national 4.1: ≥ 72 h, higher is better
  let emission: string; // national 4.2: ≤ -30 dBm
  let passFail: string; // national 4.3: pass/fail, never required as an indicator
  let creditCode: string;

  const post = (who: TestUser, path: string, body: object = {}) => api.http().post(path).set(who.auth).send(body);
  const fieldsOf = (body: { fields?: { field: string }[] }) => (body.fields ?? []).map((f) => f.field);
  const PRIVATE = /contact|address|createdBy|created_by|committedBy|committed_by|email|phone|@test\.szs/i;
  const barcode = '6901234567892';

  /** A complete declaration: the Shenzhen standard, the national one, an own enterprise standard; indicators meeting the national bounds. */
  const body = (standbyValue = '96', extra: Partial<Dto> = {}): Dto => ({
    standardId: shenzhenId,
    categoryCode,
    standards: [{ standardId: nationalId }, { code: `Q/LP ${t}-2026`, titleZh: '领跑智能手机企业标准' }],
    productNameZh: '领跑智能手机',
    productNameEn: 'Frontrunner handset',
    products: [
      { name: '领跑智能手机', brand: `领跑${t}`, model: `LP-${t}-A`, barcode, specification: '6.5英寸 8GB+256GB' },
      { name: '领跑智能手机 Pro', brand: `领跑${t}`, model: `LP-${t}-B` },
    ],
    keyIndicators: [
      { name: '待机时间', value: standbyValue, unit: 'h', testMethod: 'GB/T 18287-2013 附录B', requirementId: standby },
      { name: '杂散辐射', value: '-36', unit: 'dBm', testMethod: 'YD/T 1215', requirementId: emission },
      { name: '屏幕亮度', value: '≥ 800', unit: 'nit' },
    ],
    commitment: COMMITMENT,
    ...extra,
  });
  const declare = (who: TestUser, b: Dto = body()) => api.post('/api/v1/self-declarations', { auth: who.auth, body: b, expect: 201 });

  beforeAll(async () => {
    api = await startApi();
    reg = await regulator(api);
    ent = await organization(api, reg, 'enterprise', `领跑电子${t}有限公司`, `Lingpao Electronics ${t}`);
    entMember = await member(api, ent, ['enterprise_member']);
    other = await organization(api, reg, 'enterprise');
    cb = await organization(api, reg, 'certification_body');
    creditCode = (await api.get('/api/v1/organizations/{id}', { params: { id: ent.organizationId }, auth: reg.auth, expect: 200 })).body.creditCode;
    await api.post('/api/v1/categories', {
      auth: reg.auth,
      expect: 201,
      body: { code: categoryCode, nameZh: `领跑测试类别${t}`, nameEn: `Frontrunner test ${t}`, pilot: false },
    });
    const standard = (kind: 'shenzhen' | 'national', code: string, titleZh: string, requirements: Dto['keyIndicators'] | object[]) =>
      api.post('/api/v1/standards', {
        auth: reg.auth,
        expect: 201,
        body: {
          code,
          version: '2026',
          titleZh,
          kind,
          issuer: kind === 'national' ? '国家市场监督管理总局' : '深圳市市场监督管理局',
          categoryCodes: [categoryCode],
          requirements,
        } as never,
      });
    shenzhenId = (
      await standard('shenzhen', `SZDB/Z ${t}`, '智能手机 深圳标准评价规范', [
        { clause: '5.1', textZh: '待机时间', kind: 'measured', unit: 'h', min: 80, critical: true },
      ])
    ).body.id;
    const national = (
      await standard('national', `GB ${t}`, `移动电话通用规范${t}`, [
        { clause: '4.1', textZh: '待机时间', kind: 'measured', unit: 'h', min: 72, critical: true },
        { clause: '4.2', textZh: '杂散辐射', kind: 'measured', unit: 'dBm', max: -30, critical: true },
        { clause: '4.3', textZh: '跌落无功能失效', kind: 'pass_fail', critical: true },
      ])
    ).body;
    nationalId = national.id;
    [standby, emission, passFail] = national.requirements.map((r: { id: string }) => r.id);
  });
  afterAll(() => api.close());

  describe('declaring', () => {
    it('publishes standards, products with barcodes, indicators and the signed commitment; models come from the products', async () => {
      const d = (await declare(entMember)).body;
      expect(d).toMatchObject({
        version: 1,
        status: 'published',
        categoryCode,
        models: [`LP-${t}-A`, `LP-${t}-B`],
        flags: [],
        standards: [
          { standardId: shenzhenId, kind: 'shenzhen', code: `SZDB/Z ${t}`, version: '2026' },
          { standardId: nationalId, kind: 'national', code: `GB ${t}` },
          { standardId: null, kind: 'enterprise', code: `Q/LP ${t}-2026`, version: null, titleZh: '领跑智能手机企业标准' },
        ],
        products: [{ barcode, specification: '6.5英寸 8GB+256GB' }, { model: `LP-${t}-B` }],
        keyIndicators: [{ name: '待机时间', value: '96', testMethod: 'GB/T 18287-2013 附录B', requirementId: standby }, {}, { name: '屏幕亮度' }],
        commitment: { text: COMMITMENT.text, signerRole: 'enterprise_member' },
      });
      expect(d.commitment?.contentHash).toMatch(/^[0-9a-f]{64}$/);
      expect(Date.parse(String(d.commitment?.signedAt))).toBe(Date.parse(String(d.publishedAt)));
      const pub = (await api.get('/api/v1/public/self-declarations/{id}', { params: { id: d.id }, expect: 200 })).body;
      expect(pub.commitment).toEqual(d.commitment);
      expect(JSON.stringify(pub)).not.toMatch(PRIVATE);
      // The hash covers the content as signed: another product list gives another hash.
      const changed = (await declare(ent, body('96', { products: [body().products![0]] }))).body;
      expect(changed.commitment).toMatchObject({ signerRole: 'enterprise_admin' });
      expect(changed.commitment?.contentHash).not.toBe(d.commitment?.contentHash);
    });

    it('publishes but flags an indicator weaker than the national bound and a national measured requirement missing', async () => {
      const weak = (
        await declare(
          other,
          body('60', {
            keyIndicators: [{ name: '待机时间', value: '60', unit: 'h', testMethod: '企业内部方法', requirementId: standby }],
            products: undefined,
            models: ['W-1'],
          }),
        )
      ).body;
      expect(weak.status).toBe('published');
      expect(weak.flags).toEqual([
        expect.objectContaining({ kind: 'weaker', requirementId: standby, clause: '4.1', bound: '≥ 72 h', indicator: '待机时间', value: 60 }),
        expect.objectContaining({ kind: 'missing', requirementId: emission, clause: '4.2', bound: '≤ -30 dBm', indicator: null, value: null }),
      ]);
      expect(weak.flags.map((f) => f.requirementId)).not.toContain(passFail);
      const flagged = await api.get('/api/v1/public/self-declarations', { query: { q: `Q/LP ${t}`, flagged: 'true', pageSize: 100 }, expect: 200 });
      expect(flagged.body.items.map((i) => i.id)).toEqual([weak.id]);
    });

    it('refuses bad input naming the field (400): a wrong GTIN check digit, no commitment, untied numbers, models not the products', async () => {
      const refused = async (b: object, fields: string[]) => {
        const res = await post(ent, '/api/v1/self-declarations', b).expect(400);
        expect(fieldsOf(res.body).sort()).toEqual(fields);
      };
      const b = body();
      const product = b.products![0];
      await refused({ ...b, products: [{ ...product, barcode: '6901234567893' }] }, ['products[0].barcode']);
      await refused({ ...b, products: [product, { ...product, model: 'X', barcode: '690123456789' }] }, ['products[1].barcode']);
      await refused({ ...b, commitment: undefined }, ['commitment']);
      await refused({ ...b, commitment: { text: '承诺' } }, ['commitment.text']);
      await refused({ ...b, keyIndicators: [{ name: '待机时间', value: '≥ 96', requirementId: standby }] }, ['keyIndicators[0].value']);
      await refused({ ...b, keyIndicators: [{ name: '跌落', value: '1', requirementId: passFail }] }, ['keyIndicators[0].requirementId']);
      const szRequirement = (await api.get('/api/v1/standards/{id}', { params: { id: shenzhenId }, auth: reg.auth, expect: 200 })).body.requirements[0].id;
      await refused({ ...b, keyIndicators: [{ name: '待机时间', value: '96', requirementId: szRequirement }] }, ['keyIndicators[0].requirementId']);
      await refused({ ...b, models: ['LP-OTHER'] }, ['models']);
      await refused({ ...b, products: undefined, models: undefined }, ['models']);
      await refused({ ...b, standards: [{ titleZh: '无编号的企业标准' }] }, ['standards[0].code']);
      await refused({ ...b, standards: [{ standardId: randomUUID() }] }, ['standards[0].standardId']);
      await refused({ ...b, categoryCode: 'FOOD' }, ['categoryCode']);
      // The refusal names its rule, for the console to say it in the reader's language.
      const food = (await post(ent, '/api/v1/self-declarations', { ...b, categoryCode: 'FOOD' }).expect(400)).body;
      expect(food.fields[0].rules).toEqual([{ rule: 'unknownCategory', params: { codes: 'FOOD' } }]);
      // unknown field, wrong type, NUL, overlong text
      await refused({ ...b, products: [{ ...product, colour: 'red' }] }, ['products[0].colour']);
      await refused({ ...b, products: [{ ...product, barcode: 6901234567892 }] }, ['products[0].barcode']);
      await refused({ ...b, products: [{ ...product, name: 'a\u0000b' }] }, ['products[0].name']);
      await refused({ ...b, products: [{ ...product, brand: 'x'.repeat(101) }] }, ['products[0].brand']);
    });

    it('lets only enterprises declare (403), and keeps another enterprise out of its declarations (404)', async () => {
      await post(reg, '/api/v1/self-declarations', body()).expect(403);
      await post(cb, '/api/v1/self-declarations', body()).expect(403);
      const mine = (await declare(ent)).body;
      await post(other, `/api/v1/self-declarations/${mine.id}/versions`, body()).expect(404);
      await post(other, `/api/v1/self-declarations/${mine.id}/withdraw`).expect(404);
      await post(ent, `/api/v1/self-declarations/${mine.id}/withdraw`).expect(200);
      const again = await post(ent, `/api/v1/self-declarations/${mine.id}/withdraw`).expect(409);
      expect(again.body.message).toMatch(/withdrawn/);
    });
  });

  describe('the public directory', () => {
    let found: string;
    let withdrawn: string;
    beforeAll(async () => {
      found = (await declare(ent, body('96', { productNameZh: `目录专用手机${t}` }))).body.id;
      withdrawn = (await declare(ent, body('96', { productNameZh: `目录撤回手机${t}` }))).body.id;
      await post(ent, `/api/v1/self-declarations/${withdrawn}/withdraw`).expect(200);
    });
    const search = async (q: string) =>
      (await api.get('/api/v1/public/self-declarations', { query: { q, categoryCode, pageSize: 100 }, expect: 200 })).body.items.map((i) => i.id);

    it('finds a published declaration by enterprise name (2 Chinese characters), credit code, product, brand, model, barcode and standard', async () => {
      for (const q of [
        '领跑',
        `领跑电子${t}`,
        `lingpao electronics ${t.toLowerCase()}`,
        creditCode,
        '目录',
        `领跑${t}`,
        `lp-${t}-b`,
        barcode,
        `GB ${t}`,
        '移动电话',
        `Q/LP ${t}`,
      ]) {
        expect({ q, found: (await search(q)).includes(found) }).toEqual({ q, found: true });
      }
      expect(await search(`目录专用手机${t}`)).toEqual([found]);
    });

    it('shows only published versions, pages, and refuses a 1-character term or a deep page (400)', async () => {
      expect(await search(`目录撤回手机${t}`)).toEqual([]);
      const query = { q: `领跑${t}`, categoryCode };
      const all = (await api.get('/api/v1/public/self-declarations', { query: { ...query, pageSize: 100 }, expect: 200 })).body;
      expect(all.total).toBeGreaterThanOrEqual(2);
      const second = (await api.get('/api/v1/public/self-declarations', { query: { ...query, pageSize: 1, page: 2 }, expect: 200 })).body;
      expect(second).toMatchObject({ page: 2, pageSize: 1, total: all.total });
      expect(second.items.map((i) => i.id)).toEqual([all.items[1].id]);
      const short = await api.http().get('/api/v1/public/self-declarations').query({ q: '领' }).expect(400);
      expect(fieldsOf(short.body)).toEqual(['q']);
      const deep = await api.http().get('/api/v1/public/self-declarations').query({ page: 51 }).expect(400);
      expect(fieldsOf(deep.body)).toEqual(['page']);
      await api.get('/api/v1/public/self-declarations/{id}', { params: { id: randomUUID() }, expect: 404 });
    });
  });

  describe('frontrunners', () => {
    const ranking = (direction?: 'higher' | 'lower') =>
      api.get('/api/v1/public/frontrunners/ranking', {
        query: { categoryCode, requirementId: standby, pageSize: 100, ...(direction && { direction }) },
        expect: 200,
      });
    let a: TestUser;
    let b: TestUser;
    let c: TestUser;
    const decl: Record<string, string> = {};
    beforeAll(async () => {
      // A fresh category of its own, so only these declarations rank.
      [a, b, c] = await Promise.all([0, 1, 2].map(() => organization(api, reg, 'enterprise')));
      // The earlier declarations in this suite rank too (96, 60): publish these after them, in order.
      decl.a = (await declare(a, body('120'))).body.id;
      decl.b = (await declare(b, body('120'))).body.id;
      decl.c = (await declare(c, body('100'))).body.id;
    });

    it('ranks published values best first, equal values by earlier publication, in the asked direction', async () => {
      const high = (await ranking()).body;
      expect(high).toMatchObject({ direction: 'higher', indicator: '待机时间', unit: 'h' });
      expect(high.items.slice(0, 3).map((i) => [i.rank, i.declarationId, i.value])).toEqual([
        [1, decl.a, 120],
        [2, decl.b, 120],
        [3, decl.c, 100],
      ]);
      expect(high.items.at(-1)?.value).toBe(60);
      expect(high.items.every((i) => i.status === 'published')).toBe(true);
      const low = (await ranking('lower')).body;
      expect(low.items[0].value).toBe(60);
      const lowIds = low.items.map((i) => i.declarationId);
      expect(lowIds.slice(-2)).toEqual([decl.a, decl.b]);
      const bad = await api.http().get('/api/v1/public/frontrunners/ranking').query({ categoryCode, requirementId: passFail }).expect(400);
      expect(fieldsOf(bad.body)).toEqual(['requirementId']);
    });

    let listId: string;
    it('lets the regulator publish the year’s list, the top N with the values as they stood; once per year, category and indicator', async () => {
      await post(ent, '/api/v1/frontrunner-lists', { year: 2026, categoryCode, requirementId: standby, size: 2 }).expect(403);
      const list = (
        await api.post('/api/v1/frontrunner-lists', { auth: reg.auth, body: { year: 2026, categoryCode, requirementId: standby, size: 2 }, expect: 201 })
      ).body;
      listId = list.id;
      expect(list).toMatchObject({ year: 2026, categoryCode, direction: 'higher', size: 2, indicator: '待机时间' });
      expect(list.ranked).toBeGreaterThanOrEqual(5);
      expect(list.entries.map((e) => [e.rank, e.declarationId, e.value])).toEqual([
        [1, decl.a, 120],
        [2, decl.b, 120],
      ]);
      const twice = await post(reg, '/api/v1/frontrunner-lists', { year: 2026, categoryCode, requirementId: standby }).expect(409);
      expect(twice.body.error).toBe('ALREADY_EXISTS');
      const wrong = await post(reg, '/api/v1/frontrunner-lists', { year: 1999, categoryCode, requirementId: standby, extra: 1 }).expect(400);
      expect(fieldsOf(wrong.body).sort()).toEqual(['extra', 'year']);
      const lists = (await api.get('/api/v1/public/frontrunner-lists', { query: { year: 2026, categoryCode }, expect: 200 })).body;
      expect(lists.items.map((l) => l.id)).toEqual([listId]);
      expect((await api.get('/api/v1/public/frontrunner-lists/{id}', { params: { id: listId }, expect: 200 })).body.entries).toHaveLength(2);
      await api.get('/api/v1/public/frontrunner-lists/{id}', { params: { id: randomUUID() }, expect: 404 });
    });

    it('refuses a list nobody can be ranked for (422)', async () => {
      const res = await post(reg, '/api/v1/frontrunner-lists', { year: 2026, categoryCode, requirementId: emission, size: 3 });
      // every declaration here declares the emission value: publish it, then a category without declarations is refused
      expect(res.status).toBe(201);
      await api.post('/api/v1/categories', { auth: reg.auth, expect: 201, body: { code: `E${t}`, nameZh: `空类别${t}`, nameEn: `Empty ${t}`, pilot: false } });
      const empty = await post(reg, '/api/v1/frontrunner-lists', { year: 2026, categoryCode: `E${t}`, requirementId: standby }).expect(422);
      expect(empty.body.error).toBe('RULE_VIOLATION');
    });

    it('checks a claim against the current declaration: valid, then invalid after a new version with a weaker value', async () => {
      const claim = (await api.post('/api/v1/frontrunner-claims', { auth: a.auth, body: { listId, declarationId: decl.a }, expect: 201 })).body;
      expect(claim).toMatchObject({ valid: true, problems: [], listedRank: 1, listedValue: 120, currentDeclarationId: decl.a, currentValue: 120 });
      // others: not found; the regulator sees it; no claim for a declaration off the list
      await api.http().get(`/api/v1/frontrunner-claims/${claim.id}`).set(other.auth).expect(404);
      await post(other, '/api/v1/frontrunner-claims', { listId, declarationId: decl.a }).expect(404);
      await post(reg, '/api/v1/frontrunner-claims', { listId, declarationId: decl.a }).expect(403);
      await post(c, '/api/v1/frontrunner-claims', { listId, declarationId: decl.c }).expect(422);
      await post(a, '/api/v1/frontrunner-claims', { listId: randomUUID(), declarationId: decl.a }).expect(404);
      expect((await api.get('/api/v1/frontrunner-claims/{id}', { params: { id: claim.id }, auth: reg.auth, expect: 200 })).body.valid).toBe(true);

      const v2 = (await api.post('/api/v1/self-declarations/{id}/versions', { params: { id: decl.a }, auth: a.auth, body: body('110'), expect: 201 })).body;
      const after = (await api.get('/api/v1/frontrunner-claims/{id}', { params: { id: claim.id }, auth: a.auth, expect: 200 })).body;
      expect(after).toMatchObject({ valid: false, problems: ['declaration_superseded', 'value_not_met'], currentDeclarationId: v2.id, currentValue: 110 });
      const fresh = (await api.post('/api/v1/frontrunner-claims', { auth: a.auth, body: { listId, declarationId: v2.id }, expect: 201 })).body;
      expect(fresh).toMatchObject({ valid: false, problems: ['value_not_met'] });
      // The list keeps the values it was published with.
      expect((await api.get('/api/v1/public/frontrunner-lists/{id}', { params: { id: listId }, expect: 200 })).body.entries[0]).toMatchObject({
        value: 120,
        declarationId: decl.a,
      });
      const mine = (await api.get('/api/v1/frontrunner-claims', { auth: a.auth, expect: 200 })).body;
      expect(mine.items.map((i) => i.id).sort()).toEqual([claim.id, fresh.id].sort());
    });

    it('reports a claim invalid once its declaration is withdrawn', async () => {
      const claim = (await api.post('/api/v1/frontrunner-claims', { auth: b.auth, body: { listId, declarationId: decl.b }, expect: 201 })).body;
      expect(claim.valid).toBe(true);
      await post(b, `/api/v1/self-declarations/${decl.b}/withdraw`).expect(200);
      const after = (await api.get('/api/v1/frontrunner-claims/{id}', { params: { id: claim.id }, auth: b.auth, expect: 200 })).body;
      expect(after).toMatchObject({ valid: false, problems: ['declaration_withdrawn', 'value_not_met'], currentDeclarationId: null });
    });
  });
});
