import type request from 'supertest';
import { DataSource } from 'typeorm';
import { organization, regulator, TestUser } from './support/actors';
import type { components } from './support/api-types';
import { shenzhenToday } from './support/dates';
import { startApi, TestApi } from './support/http';

type SeriousItem = components['schemas']['PublicSeriousListingView'];
type LaboratoryItem = components['schemas']['PublicLaboratorySummary'];

const fieldsOf = (res: request.Response) => (res.body.fields ?? []).map((f: { field: string }) => f.field);

/**
 * The public lists consumers and buyers look for, without logging in: the serious-violation list
 * on display (严重违法失信名单) and the laboratory register. Only what is published, no internal ids,
 * page-limited, searched through indexes, rate-limited like every public route.
 */
describe('public lists: serious violations and laboratories', () => {
  let api: TestApi;
  let db: DataSource;
  let reg: TestUser;
  let today: string;
  let n = 0;

  const decision = () => ({
    number: `深市监严列〔2026〕${++n}号`,
    date: today,
    authority: '深圳市市场监督管理局',
    legalBasis: '《市场监督管理严重违法失信名单管理办法》第十条',
  });
  const creditCodeOf = async (who: TestUser): Promise<string> =>
    (await db.query(`SELECT credit_code FROM organizations WHERE id = $1`, [who.organizationId]))[0].credit_code;
  const get = (path: string, query: Record<string, string | number> = {}) => api.http().get(path).query(query);

  beforeAll(async () => {
    api = await startApi();
    db = api.app.get(DataSource);
    reg = await regulator(api);
    today = await shenzhenToday(db);
  });
  afterAll(() => api?.close());

  describe('GET /api/v1/public/serious-violations', () => {
    let listed: TestUser;
    let listedCode: string;
    let listingId: string;
    let removed: TestUser;
    let repaired: TestUser;
    const serious = async (who: TestUser, reason: string): Promise<string> =>
      (
        await api.post('/api/v1/serious-violations', {
          auth: reg.auth,
          body: { enterpriseId: who.organizationId, reason, decision: decision() },
          expect: 201,
        })
      ).body.id;
    const items = async (query: Record<string, string | number> = {}): Promise<SeriousItem[]> => {
      const res = await get('/api/v1/public/serious-violations', { pageSize: 100, ...query }).expect(200);
      return res.body.items;
    };
    const names = (list: SeriousItem[]) => list.map((i) => i.enterprise.nameZh);

    beforeAll(async () => {
      listed = await organization(api, reg, 'enterprise', '深圳市鹏飞假冒电器有限公司', 'Pengfei Counterfeit Appliances Co., Ltd.');
      listedCode = await creditCodeOf(listed);
      listingId = await serious(listed, '提供虚假材料骗取认证证书');
      removed = await organization(api, reg, 'enterprise', '深圳市已移出电子有限公司', 'Removed Electronics');
      const removedId = await serious(removed, '拒不履行行政处罚决定');
      await api.post('/api/v1/serious-violations/{id}/remove', {
        params: { id: removedId },
        auth: reg.auth,
        body: { reason: '行政处罚决定已撤销' },
        expect: 200,
      });
      repaired = await organization(api, reg, 'enterprise', '深圳市已修复电子有限公司', 'Repaired Electronics');
      const repairedId = await serious(repaired, '拒不履行行政处罚决定');
      // Credit repair is open after the minimum display of 12 months: the listing's date moves in its row, as the credit suite does.
      await db.query(`UPDATE serious_violation_listings SET listed_at = listed_at - interval '13 months' WHERE id = $1`, [repairedId]);
      const app = await api.post('/api/v1/credit-applications', {
        auth: repaired.auth,
        body: { kind: 'repair', listingKind: 'serious_violation', listingId: repairedId, reason: '已整改并履行全部义务', corrections: '已缴纳罚款并公开承诺' },
        expect: 201,
      });
      await api.post('/api/v1/credit-applications/{id}/grant', { params: { id: app.body.id }, auth: reg.auth, body: {}, expect: 200 });
    });

    it('lists a listing on display with what is published: the enterprise, credit code, reason, decision and the credit page, no ids', async () => {
      const all = await get('/api/v1/public/serious-violations').expect(200);
      expect(all.headers['x-ratelimit-limit']).toBeDefined();
      expect(all.body).toMatchObject({ page: 1, pageSize: 20, total: expect.any(Number) });
      // Other suites of the run list enterprises too: every item has the public shape, and ours is found by its code.
      for (const i of all.body.items as SeriousItem[]) {
        expect(Object.keys(i).sort()).toEqual(['creditPage', 'decidingAuthority', 'decisionDate', 'decisionNumber', 'enterprise', 'listedAt', 'reason']);
        expect(Object.keys(i.enterprise).sort()).toEqual(['creditCode', 'nameEn', 'nameZh']);
      }
      const res = await get('/api/v1/public/serious-violations', { q: listedCode }).expect(200);
      expect(res.body.total).toBe(1);
      const [item] = res.body.items as SeriousItem[];
      const d = (await api.get('/api/v1/serious-violations/{id}', { params: { id: listingId }, auth: reg.auth, expect: 200 })).body.decision!;
      expect(item).toEqual({
        enterprise: { nameZh: '深圳市鹏飞假冒电器有限公司', nameEn: 'Pengfei Counterfeit Appliances Co., Ltd.', creditCode: listedCode },
        reason: '提供虚假材料骗取认证证书',
        decisionNumber: d.number,
        decisionDate: today,
        decidingAuthority: '深圳市市场监督管理局',
        listedAt: expect.any(String),
        creditPage: `/credit/${listedCode}`,
      });
      expect(JSON.stringify(res.body)).not.toContain(listingId);
      expect(JSON.stringify(res.body)).not.toContain(listed.organizationId);
      // The link leads to the enterprise's public credit page, which shows the same listing.
      const page = await api.http().get(item.creditPage).expect(200);
      expect(page.text).toContain('提供虚假材料骗取认证证书');
    });

    it('leaves out a removed listing and one whose display credit repair ended', async () => {
      expect(names(await items({ q: '深圳市已' }))).toEqual([]);
      expect(await items({ q: '已移出' })).toEqual([]);
      expect(await items({ q: await creditCodeOf(removed) })).toEqual([]);
      expect(await items({ q: '已修复' })).toEqual([]);
      expect(await items({ q: await creditCodeOf(repaired) })).toEqual([]);
    });

    it('finds by a 2-character Chinese term, by part of the English name and by the credit code, whole or in part, in any case', async () => {
      expect(names(await items({ q: '鹏飞' }))).toEqual(['深圳市鹏飞假冒电器有限公司']);
      expect(names(await items({ q: 'COUNTERFEIT' }))).toEqual(['深圳市鹏飞假冒电器有限公司']);
      expect(names(await items({ q: listedCode }))).toEqual(['深圳市鹏飞假冒电器有限公司']);
      expect(names(await items({ q: ` ${listedCode.toLowerCase()} ` }))).toEqual(['深圳市鹏飞假冒电器有限公司']);
      expect(names(await items({ q: listedCode.slice(8) }))).toEqual(['深圳市鹏飞假冒电器有限公司']);
      // Two characters that are in the name, but not next to each other.
      expect(await items({ q: '鹏电' })).toEqual([]);
      // An enterprise that is not listed is never in the list, whatever is searched.
      const clean = await organization(api, reg, 'enterprise', '深圳市鹏飞守信电器有限公司');
      expect(names(await items({ q: '鹏飞' }))).toEqual(['深圳市鹏飞假冒电器有限公司']);
      expect(await items({ q: await creditCodeOf(clean) })).toEqual([]);
    });

    it('caps the page size and the page (400 naming the field) and refuses bad input naming the field', async () => {
      expect((await get('/api/v1/public/serious-violations', { pageSize: 100 }).expect(200)).body.pageSize).toBe(100);
      const cases: [Record<string, string | number>, string][] = [
        [{ pageSize: 101 }, 'pageSize'],
        [{ pageSize: 0 }, 'pageSize'],
        [{ page: 51 }, 'page'],
        [{ page: 'two' }, 'page'],
        [{ q: '鹏\u0000飞' }, 'q'],
        [{ q: '鹏'.repeat(101) }, 'q'],
        [{ q: '鹏' }, 'q'],
        [{ q: '鹏 ' }, 'q'],
        [{ enterpriseId: listed.organizationId }, 'enterpriseId'],
        [{ status: 'removed' }, 'status'],
      ];
      for (const [query, field] of cases) {
        const res = await get('/api/v1/public/serious-violations', query);
        expect({ query, status: res.status, fields: fieldsOf(res) }).toEqual({ query, status: 400, fields: [field] });
      }
    });
  });

  describe('GET /api/v1/public/laboratories', () => {
    const laboratory = (cnasNumber: string, nameZh: string, nameEn: string) => ({
      cnasNumber,
      nameZh,
      nameEn,
      address: '深圳市南山区西丽街道检测大楼',
      accreditedFrom: '2022-01-01',
      accreditedUntil: '2028-12-31',
      scopeLines: [
        { objectTested: '移动电话', parameterZh: '待机时间', parameterEn: 'Standby time', standardCode: 'YD/T 1539', clause: '5.3', limits: '0–200 h' },
        { objectTested: '移动电话', parameterZh: '跌落试验', standardCode: 'GB/T 2423.8' },
      ],
    });
    const add = async (body: ReturnType<typeof laboratory>): Promise<string> =>
      (await api.post('/api/v1/laboratories', { auth: reg.auth, body, expect: 201 })).body.id;
    const numbers = async (query: Record<string, string | number> = {}): Promise<string[]> =>
      ((await get('/api/v1/public/laboratories', { pageSize: 100, ...query }).expect(200)).body.items as LaboratoryItem[]).map((l) => l.cnasNumber);

    beforeAll(async () => {
      await add(laboratory('L2001', '深圳市澜湾鹏城计量检测研究院', 'Lanwan Pengcheng Metrology Institute'));
      const suspended = await add(laboratory('L2002', '深圳市澜湾质量检测中心', 'Lanwan Bay Area Quality Testing Center'));
      await api.post('/api/v1/laboratories/{id}/suspend', {
        params: { id: suspended },
        auth: reg.auth,
        body: { from: '2025-04-01', reason: 'CNAS 监督评审：暂停认可' },
        expect: 200,
      });
      const withdrawn = await add(laboratory('L2003', '深圳市澜湾撤销检测有限公司', 'Withdrawn Testing Co.'));
      await api.post('/api/v1/laboratories/{id}/withdraw', { params: { id: withdrawn }, auth: reg.auth, expect: 200 });
    });

    it('lists accredited and suspended laboratories by name with their number, names, validity and status; no ids or address; never a withdrawn one', async () => {
      // Other suites of the run keep laboratories too: ours share a term of their names.
      const res = await get('/api/v1/public/laboratories', { q: '澜湾' }).expect(200);
      expect(res.headers['x-ratelimit-limit']).toBeDefined();
      expect(res.body.total).toBe(2);
      expect(res.body.items).toEqual([
        {
          cnasNumber: 'L2002',
          nameZh: '深圳市澜湾质量检测中心',
          nameEn: 'Lanwan Bay Area Quality Testing Center',
          accreditedFrom: '2022-01-01',
          accreditedUntil: '2028-12-31',
          status: 'suspended',
        },
        {
          cnasNumber: 'L2001',
          nameZh: '深圳市澜湾鹏城计量检测研究院',
          nameEn: 'Lanwan Pengcheng Metrology Institute',
          accreditedFrom: '2022-01-01',
          accreditedUntil: '2028-12-31',
          status: 'accredited',
        },
      ]);
      expect(await numbers({ q: '澜湾', status: 'suspended' })).toEqual(['L2002']);
      expect(await numbers({ q: '澜湾', status: 'accredited' })).toEqual(['L2001']);
      expect(await numbers({ q: '撤销' })).toEqual([]);
      const all = await get('/api/v1/public/laboratories', { pageSize: 100 }).expect(200);
      expect(all.body.items.map((l: LaboratoryItem) => l.cnasNumber)).not.toContain('L2003');
      for (const l of all.body.items as LaboratoryItem[]) expect(['accredited', 'suspended']).toContain(l.status);
    });

    it('finds by a 2-character Chinese term, part of the English name and the CNAS number in any written form', async () => {
      expect(await numbers({ q: '鹏城' })).toEqual(['L2001']);
      expect(await numbers({ q: '质量检测' })).toEqual(expect.arrayContaining(['L2002']));
      expect(await numbers({ q: 'lanwan pengcheng' })).toEqual(['L2001']);
      expect(await numbers({ q: 'CNAS L2002' })).toEqual(['L2002']);
      expect(await numbers({ q: 'l2001' })).toEqual(['L2001']);
      expect(await numbers({ q: 'L200' })).toEqual(['L2002', 'L2001']);
      expect(await numbers({ q: 'LANWAN BAY' })).toEqual(['L2002']);
      expect(await numbers({ q: 'L2003' })).toEqual([]);
    });

    it('shows one laboratory by CNAS number with how many scope lines it has; a withdrawn or unknown one is 404, a malformed number 400', async () => {
      const res = await get('/api/v1/public/laboratories/CNAS%20L2001').expect(200);
      expect(res.body).toEqual({
        cnasNumber: 'L2001',
        nameZh: '深圳市澜湾鹏城计量检测研究院',
        nameEn: 'Lanwan Pengcheng Metrology Institute',
        accreditedFrom: '2022-01-01',
        accreditedUntil: '2028-12-31',
        status: 'accredited',
        scopeLineCount: 2,
        suspensions: [],
      });
      // A suspended one says since when and why; nothing of who recorded it.
      expect((await get('/api/v1/public/laboratories/l2002').expect(200)).body).toMatchObject({
        status: 'suspended',
        suspensions: [{ from: '2025-04-01', until: null, reason: 'CNAS 监督评审：暂停认可' }],
      });
      expect(Object.keys((await get('/api/v1/public/laboratories/l2002').expect(200)).body.suspensions[0]).sort()).toEqual(['from', 'reason', 'until']);
      await get('/api/v1/public/laboratories/L2003').expect(404);
      await get('/api/v1/public/laboratories/L9999').expect(404);
      for (const bad of ['L12345', 'CNAS%200235', 'x'.repeat(300)]) {
        expect(fieldsOf(await get(`/api/v1/public/laboratories/${bad}`).expect(400))).toEqual(['cnasNumber']);
      }
    });

    it("pages a laboratory's scope lines in the register's order and finds them by parameter, object or standard", async () => {
      const res = await get('/api/v1/public/laboratories/l2001/scope-lines').expect(200);
      expect(res.headers['x-ratelimit-limit']).toBeDefined();
      expect(res.body).toEqual({
        items: [
          { objectTested: '移动电话', parameterZh: '待机时间', parameterEn: 'Standby time', standardCode: 'YD/T 1539', clause: '5.3', limits: '0–200 h' },
          { objectTested: '移动电话', parameterZh: '跌落试验', parameterEn: null, standardCode: 'GB/T 2423.8', clause: null, limits: null },
        ],
        page: 1,
        pageSize: 20,
        total: 2,
      });
      const second = await get('/api/v1/public/laboratories/L2001/scope-lines', { pageSize: 1, page: 2 }).expect(200);
      expect(second.body).toMatchObject({ total: 2, items: [{ parameterZh: '跌落试验' }] });
      const params = async (q: string) =>
        ((await get('/api/v1/public/laboratories/L2001/scope-lines', { q }).expect(200)).body.items as { parameterZh: string }[]).map((l) => l.parameterZh);
      expect(await params('跌落')).toEqual(['跌落试验']);
      expect(await params('STANDBY')).toEqual(['待机时间']);
      expect(await params('gb/t 2423')).toEqual(['跌落试验']);
      expect(await params('移动电话')).toEqual(['待机时间', '跌落试验']);
      expect(await params('电磁兼容')).toEqual([]);
      // A suspended laboratory's scope is public too; a withdrawn or unknown one's is not.
      expect((await get('/api/v1/public/laboratories/L2002/scope-lines').expect(200)).body.total).toBe(2);
      await get('/api/v1/public/laboratories/L2003/scope-lines').expect(404);
      await get('/api/v1/public/laboratories/L9999/scope-lines').expect(404);
      expect(fieldsOf(await get('/api/v1/public/laboratories/L12345/scope-lines').expect(400))).toEqual(['cnasNumber']);
      const cases: [Record<string, string | number>, string][] = [
        [{ pageSize: 101 }, 'pageSize'],
        [{ page: 51 }, 'page'],
        [{ page: 'two' }, 'page'],
        [{ q: '铅\u0000' }, 'q'],
        [{ q: '铅'.repeat(101) }, 'q'],
        [{ position: 1 }, 'position'],
      ];
      for (const [query, field] of cases) {
        const bad = await get('/api/v1/public/laboratories/L2001/scope-lines', query);
        expect({ query, status: bad.status, fields: fieldsOf(bad) }).toEqual({ query, status: 400, fields: [field] });
      }
      // Each reason names its rule and the rule's values, for a client to say it in its reader's language.
      const tooBig = await get('/api/v1/public/laboratories/L2001/scope-lines', { pageSize: 101 });
      expect(tooBig.body.fields).toEqual([
        { field: 'pageSize', reasons: ['pageSize must not be greater than 100'], rules: [{ rule: 'max', params: { max: 100 } }] },
      ]);
      const tooLong = await get('/api/v1/public/laboratories/L2001/scope-lines', { q: '铅'.repeat(101) });
      expect(tooLong.body.fields[0].rules).toEqual([{ rule: 'isLength', params: { min: 1, max: 100 } }]);
      const spaced = await get('/api/v1/public/laboratories', { q: '检 ' });
      expect(spaced.body.fields[0].rules).toEqual([{ rule: 'twoAdjacentCharacters' }]);
    });

    it('caps the page size and the page (400 naming the field) and refuses bad input naming the field', async () => {
      const cases: [Record<string, string | number>, string][] = [
        [{ pageSize: 101 }, 'pageSize'],
        [{ page: 51 }, 'page'],
        [{ q: '检\u0000测' }, 'q'],
        [{ q: '检'.repeat(101) }, 'q'],
        [{ q: '检' }, 'q'],
        [{ status: 'withdrawn' }, 'status'],
        [{ address: '深圳' }, 'address'],
      ];
      for (const [query, field] of cases) {
        const res = await get('/api/v1/public/laboratories', query);
        expect({ query, status: res.status, fields: fieldsOf(res) }).toEqual({ query, status: 400, fields: [field] });
      }
    });
  });
});
