import { randomInt } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { regulator, TestUser } from './support/actors';
import { browserIt, checkedScreen, DESKTOP, launchChromium, launchPhone } from './support/console-browser';
import type { components } from './support/api-types';
import { startApi, TestApi } from './support/http';

type ScopeLine = components['schemas']['ScopeLineDto'];

/** The reason of the suspended laboratory's current suspension: markup in it is shown as text. */
const SUSPENSION_REASON = '监督评审 <b>不符合</b> & 整改';

/**
 * The laboratory register for people (检测实验室名录): the directory with its search, status filter
 * and paging, and a laboratory's page with its scope lines paged and searched, in Chinese and
 * English, server-rendered; in Chromium on a phone and a desktop, axe-checked, with screenshots.
 */
describe('laboratory register pages', () => {
  let api: TestApi;
  let db: DataSource;
  let reg: TestUser;
  /** Two characters no other laboratory of the run's database has in its searchable text: every search of ours finds ours only. */
  let term: string;
  let main: string;
  let suspended: string;
  let withdrawn: string;
  let hostile: string;
  let unknown: string;
  const fillers: string[] = [];
  const SCOPE_LINES = 45;
  const names = (t: string) => ({
    main: { zh: `深圳市${t}计量检测研究院`, en: `Shenzhen ${t} Metrology and Testing Institute` },
    suspended: { zh: `深圳市${t}质量检验中心`, en: `Shenzhen ${t} Quality Inspection Center` },
    withdrawn: { zh: `深圳市${t}停业检测有限公司`, en: `Shenzhen ${t} Closed Testing Co.` },
    hostile: { zh: `<script>alert(1)</script>${t}实验室`, en: null },
  });
  let NAMES: ReturnType<typeof names>;

  const page = (path: string, query: Record<string, string> = {}) => api.http().get(path).query(query);
  /** The CNAS numbers a directory page lists, in its order. */
  const listed = (text: string) => [...text.matchAll(/<tr data-laboratory="(L\d{4})">/g)].map((m) => m[1]);

  /** Fresh L#### numbers: none in the register yet, and away from the fixed ones other suites of the run create (L0235, L1001–L2999, L9999). */
  async function freshNumbers(count: number): Promise<string[]> {
    const picked = new Set<string>();
    while (picked.size < count) picked.add(`L${randomInt(3000, 9000)}`);
    const taken = await db.query(`SELECT cnas_number FROM laboratories WHERE cnas_number = ANY($1)`, [[...picked]]);
    return taken.length ? freshNumbers(count) : [...picked];
  }

  async function freshTerm(): Promise<string> {
    const chars = '璞琮瑄珂琨瑜璘珩瑶琳璇玥珈琪瑛珞琦瑗璐琰';
    for (;;) {
      const a = chars[randomInt(chars.length)];
      const b = chars[randomInt(chars.length)];
      const found = await db.query(`SELECT 1 FROM laboratories WHERE strpos(name_zh || ' ' || coalesce(name_en, ''), $1) > 0 LIMIT 1`, [a + b]);
      if (!found.length) return a + b;
    }
  }

  const add = async (cnasNumber: string, name: { zh: string; en: string | null }, scopeLines: ScopeLine[]): Promise<string> =>
    (
      await api.post('/api/v1/laboratories', {
        auth: reg.auth,
        body: {
          cnasNumber,
          nameZh: name.zh,
          ...(name.en ? { nameEn: name.en } : {}),
          address: '深圳市南山区西丽街道检测大楼',
          accreditedFrom: '2023-04-01',
          accreditedUntil: '2029-03-31',
          scopeLines,
        },
        expect: 201,
      })
    ).body.id;

  const pad = (i: number) => String(i).padStart(2, '0');
  /** 44 numbered lines in the register's order, then one to search for, so it is on the last page. */
  const scope: ScopeLine[] = [
    ...Array.from({ length: SCOPE_LINES - 1 }, (_, i) => ({
      objectTested: i % 2 ? '平板电脑' : '移动电话',
      parameterZh: `射频指标 ${pad(i + 1)}`,
      parameterEn: `RF parameter ${pad(i + 1)}`,
      standardCode: 'YD/T 1539',
      clause: `5.${i + 1}`,
      ...(i % 2 ? {} : { limits: '0–6 GHz' }),
    })),
    { objectTested: '锂离子电池', parameterZh: '过充电保护', parameterEn: 'Overcharge protection', standardCode: 'GB 31241', clause: '5.2', limits: '≤ 4.4 V' },
  ];

  beforeAll(async () => {
    api = await startApi();
    db = api.app.get(DataSource);
    reg = await regulator(api);
    term = await freshTerm();
    NAMES = names(term);
    const numbers = await freshNumbers(25);
    [main, suspended, withdrawn, hostile, unknown] = numbers;
    await add(main, NAMES.main, scope);
    const s = await add(suspended, NAMES.suspended, [{ objectTested: '电源适配器', parameterZh: '输出电压', standardCode: 'GB 4943.1', clause: '5.4' }]);
    // An earlier suspension, ended, and the current one, whose reason holds markup the page must escape.
    await api.post('/api/v1/laboratories/{id}/suspend', {
      params: { id: s },
      auth: reg.auth,
      body: { from: '2024-02-01', reason: '复评审不符合项' },
      expect: 200,
    });
    await api.post('/api/v1/laboratories/{id}/reinstate', { params: { id: s }, auth: reg.auth, body: { from: '2024-03-15' }, expect: 200 });
    await api.post('/api/v1/laboratories/{id}/suspend', {
      params: { id: s },
      auth: reg.auth,
      body: { from: '2025-10-20', reason: SUSPENSION_REASON },
      expect: 200,
    });
    const w = await add(withdrawn, NAMES.withdrawn, [{ objectTested: '移动电话', parameterZh: '跌落试验', standardCode: 'GB/T 2423.8' }]);
    await api.post('/api/v1/laboratories/{id}/withdraw', { params: { id: w }, auth: reg.auth, expect: 200 });
    await add(hostile, NAMES.hostile, []);
    // More than a page of the directory (20) shares the term.
    for (const [i, n] of numbers.slice(5).entries()) {
      fillers.push(n);
      await add(n, { zh: `${term}分析测试中心第${i + 1}分部`, en: `${term} Analysis Centre branch ${i + 1}` }, []);
    }
  }, 120_000);
  afterAll(() => api?.close());

  describe('the directory', () => {
    it('finds by a 2-character Chinese term, 20 a page with paging links, in Chinese; never a withdrawn laboratory', async () => {
      const first = await page('/laboratories', { q: term }).expect(200);
      expect(first.type).toBe('text/html');
      expect(first.headers['x-ratelimit-limit']).toBeDefined();
      expect(first.text).toContain('<html lang="zh-Hans">');
      // Ours: main, suspended, hostile and 20 fillers; the withdrawn one has left the register.
      expect(first.text).toContain('共 23 个实验室');
      expect(listed(first.text)).toHaveLength(20);
      expect(first.text).toContain(`<a class="nw" href="/laboratories/${main}">${main}</a>`);
      expect(first.text).toContain(NAMES.main.zh);
      expect(first.text).toContain('<span class="nw">2023-04-01</span> – <span class="nw">2029-03-31</span>');
      expect(first.text).toContain('认可有效');
      expect(first.text).toContain('暂停认可');
      expect(first.text).toContain('第 1 / 2 页');
      const next = `/laboratories?q=${encodeURIComponent(term)}&amp;page=2`;
      expect(first.text).toContain(`href="${next}" rel="next"`);
      expect(first.text).not.toContain('rel="prev"');
      const second = await page('/laboratories', { q: term, page: '2' }).expect(200);
      expect(listed(second.text)).toHaveLength(3);
      expect(second.text).toContain('rel="prev"');
      expect(second.text).not.toContain('rel="next"');
      expect(new Set([...listed(first.text), ...listed(second.text)])).toEqual(new Set([main, suspended, hostile, ...fillers]));
      for (const text of [first.text, second.text]) {
        expect(text).not.toContain(withdrawn);
        expect(text).not.toContain(NAMES.withdrawn.zh);
      }
      // A withdrawn laboratory is not found by its number either.
      const byNumber = await page('/laboratories', { q: withdrawn }).expect(200);
      expect(byNumber.text).toContain('共 0 个实验室');
      expect(byNumber.text).toContain('没有找到符合条件的实验室');
    });

    it('reads a hand-edited page out of range as the nearest page', async () => {
      expect(listed((await page('/laboratories', { q: term, page: '999' }).expect(200)).text)).toHaveLength(3);
      expect(listed((await page('/laboratories', { q: term, page: '50' }).expect(200)).text)).toHaveLength(3);
      expect((await page('/laboratories', { q: term, page: '0' }).expect(200)).text).toContain('第 1 / 2 页');
      expect((await page('/laboratories', { q: term, page: 'two' }).expect(200)).text).toContain('第 1 / 2 页');
    });

    it('finds a laboratory by its CNAS number in any written form', async () => {
      for (const q of [main, `CNAS ${main}`, main.toLowerCase(), `cnas ${main.toLowerCase()}`]) {
        expect({ q, found: listed((await page('/laboratories', { q }).expect(200)).text) }).toEqual({ q, found: [main] });
      }
    });

    it('filters by status, and shows names in English with ?lang=en', async () => {
      expect(listed((await page('/laboratories', { q: term, status: 'suspended' }).expect(200)).text)).toEqual([suspended]);
      const accredited = await page('/laboratories', { q: term, status: 'accredited' }).expect(200);
      expect(accredited.text).toContain('共 22 个实验室');
      expect(accredited.text).not.toContain(`href="/laboratories/${suspended}"`);
      expect(accredited.text).toContain('<option value="accredited" selected>认可有效</option>');
      const en = await page('/laboratories', { q: term, status: 'suspended', lang: 'en' }).expect(200);
      expect(en.text).toContain('<html lang="en">');
      expect(en.text).toContain('1 laboratory found');
      expect(en.text).toContain(NAMES.suspended.en);
      expect(en.text).not.toContain(NAMES.suspended.zh);
      expect(en.text).toContain('Suspended');
      // An explicit language is kept in the links and the form.
      expect(en.text).toContain(`href="/laboratories/${suspended}?lang=en"`);
      expect(en.text).toContain('<input type="hidden" name="lang" value="en">');
      // Without an English name, the Chinese one.
      expect((await page('/laboratories', { q: hostile, lang: 'en' }).expect(200)).text).toContain(`&lt;script&gt;alert(1)&lt;/script&gt;${term}实验室`);
    });

    it('refuses a search the register does not take with the form again (400), the field marked in the page language', async () => {
      const one = await page('/laboratories', { q: term[0] }).expect(400);
      expect(one.type).toBe('text/html');
      expect(one.text).toContain('aria-invalid="true" class="invalid"');
      expect(one.text).toContain('<p class="field-error" id="q-error">请至少输入 2 个相连的字（空格不计）</p>');
      expect(one.text).toContain(`value="${term[0]}"`);
      expect(one.text).not.toContain('<table');
      // Two characters, but never side by side: the service's own rule.
      const spaced = await page('/laboratories', { q: `${term[0]} ${term[1]}`, lang: 'en' }).expect(400);
      expect(spaced.text).toContain('Type at least 2 characters side by side (spaces do not count)');
      expect((await page('/laboratories', { q: '检'.repeat(101) }).expect(400)).text).toContain('最多 100 个字');
      const status = await page('/laboratories', { status: 'withdrawn' }).expect(400);
      expect(status.text).toContain('<p class="field-error" id="status-error">请从列表中选择认可状态</p>');
    });

    it('shows a name with markup as text', async () => {
      const res = await page('/laboratories', { q: term, page: '2' }).expect(200);
      const all = (await page('/laboratories', { q: term }).expect(200)).text + res.text;
      expect(all).toContain(`&lt;script&gt;alert(1)&lt;/script&gt;${term}实验室`);
      expect(all).not.toContain('<script>');
    });

    it('is listed in the footer of every public page', async () => {
      for (const [path, label] of [
        ['/verify', '检测实验室名录'],
        ['/credit?lang=en', 'Laboratory register'],
      ]) {
        expect((await api.http().get(path).expect(200)).text).toMatch(new RegExp(`<a href="/laboratories(\\?lang=en)?">${label}</a>`));
      }
    });
  });

  describe("a laboratory's page", () => {
    it('shows the accreditation and the first 20 scope lines in Chinese, with links to the next pages', async () => {
      const res = await page(`/laboratories/${main}`).expect(200);
      expect(res.type).toBe('text/html');
      for (const text of [`<h1>${NAMES.main.zh}</h1>`, `CNAS ${main}`, NAMES.main.en, '2023-04-01', '2029-03-31', '认可有效', '共 45 项', '第 1 / 3 页']) {
        expect(res.text).toContain(text);
      }
      expect(res.text).not.toContain('id="suspended"');
      expect(res.text).toContain('射频指标 01');
      expect(res.text).toContain('<span class="reason" lang="en">RF parameter 01</span>');
      expect(res.text).toContain('射频指标 20');
      expect(res.text).not.toContain('射频指标 21');
      expect(res.text).toContain('第 5.1 条');
      expect(res.text).toContain(`href="/laboratories/${main}?page=2" rel="next"`);
      const third = await page(`/laboratories/${main}`, { page: '3' }).expect(200);
      expect(third.text).toContain('射频指标 44');
      expect(third.text).toContain('过充电保护');
      expect(third.text).not.toContain('射频指标 40');
      expect(third.text).not.toContain('rel="next"');
      // Past the last page: the last one.
      expect((await page(`/laboratories/${main}`, { page: '7' }).expect(200)).text).toContain('第 3 / 3 页');
    });

    it('is found by the CNAS number in any written form, and in English with the Chinese parameter beside', async () => {
      for (const path of [`/laboratories/${main.toLowerCase()}`, `/laboratories/CNAS%20${main}`]) {
        expect((await page(path).expect(200)).text).toContain(`<h1>${NAMES.main.zh}</h1>`);
      }
      const en = await page(`/laboratories/${main}`, { lang: 'en', page: '3' }).expect(200);
      expect(en.text).toContain(`<h1>${NAMES.main.en}</h1>`);
      expect(en.text).toContain('45 lines');
      expect(en.text).toContain('Page 3 of 3');
      expect(en.text).toContain('Overcharge protection<span class="reason" lang="zh-Hans">过充电保护</span>');
      expect(en.text).toContain('clause 5.2');
      expect(en.text).toContain(`href="/laboratories/${main}?page=2&amp;lang=en" rel="prev"`);
    });

    it('searches the scope by parameter, object or standard, and pages the lines found', async () => {
      const found = await page(`/laboratories/${main}`, { q: '过充' }).expect(200);
      expect(found.text).toContain('找到 1 项（共 45 项）');
      expect(found.text).toContain('过充电保护');
      expect(found.text).not.toContain('射频指标');
      expect(found.text).toContain(`<a href="/laboratories/${main}">显示全部</a>`);
      expect((await page(`/laboratories/${main}`, { q: 'gb 31241', lang: 'en' }).expect(200)).text).toContain('1 of 45 lines found');
      const objects = await page(`/laboratories/${main}`, { q: '平板电脑' }).expect(200);
      expect(objects.text).toContain('找到 22 项（共 45 项）');
      expect(objects.text).toContain(`href="/laboratories/${main}?q=${encodeURIComponent('平板电脑')}&amp;page=2" rel="next"`);
      const none = await page(`/laboratories/${main}`, { q: '电磁兼容' }).expect(200);
      expect(none.text).toContain('该实验室的认可范围中没有符合条件的项目。');
      const long = await page(`/laboratories/${main}`, { q: '铅'.repeat(101) }).expect(400);
      expect(long.text).toContain('<p class="field-error" id="q-error">最多 100 个字</p>');
      expect(long.text).toContain(`<h1>${NAMES.main.zh}</h1>`);
    });

    it('says clearly that a suspended laboratory is suspended', async () => {
      const zh = await page(`/laboratories/${suspended}`).expect(200);
      expect(zh.text).toMatch(/<p class="note" id="suspended"><strong>暂停认可<\/strong> · CNAS 已暂停该实验室的认可。/);
      expect(zh.text).toContain('<span class="badge suspended">暂停认可</span>');
      expect(zh.text).toContain('输出电压');
      const en = await page(`/laboratories/${suspended}`, { lang: 'en' }).expect(200);
      expect(en.text).toContain('CNAS has suspended this laboratory\u2019s accreditation.');
    });

    it('lists the periods of suspension, newest first, ongoing or with the day accredited again, the reason escaped, in both languages', async () => {
      const zh = await page(`/laboratories/${suspended}`).expect(200);
      const section = (text: string) =>
        text.slice(text.indexOf('<section class="card" aria-labelledby="suspensions">'), text.indexOf('aria-labelledby="scope"'));
      const zhPeriods = section(zh.text);
      expect(zhPeriods).toContain('<h2 id="suspensions">暂停认可记录</h2>');
      expect(zhPeriods).toContain('<strong>尚未恢复</strong>');
      expect(zhPeriods).toContain('监督评审 &lt;b&gt;不符合&lt;/b&gt; &amp; 整改');
      expect(zhPeriods).not.toContain('<b>不符合</b>');
      // Newest first: the current period, then the one that ended on 2024-03-15.
      expect(zhPeriods.indexOf('2025-10-20')).toBeLessThan(zhPeriods.indexOf('2024-02-01'));
      expect(zhPeriods).toMatch(/2024-02-01[\s\S]*2024-03-15[\s\S]*复评审不符合项/);
      const en = section((await page(`/laboratories/${suspended}`, { lang: 'en' }).expect(200)).text);
      expect(en).toContain('<h2 id="suspensions">Suspensions of its accreditation</h2>');
      expect(en).toContain('<strong>ongoing</strong>');
      expect(en).toContain('Accredited again from');
      // A laboratory never suspended has no such section.
      expect((await page(`/laboratories/${main}`).expect(200)).text).not.toContain('aria-labelledby="suspensions"');
    });

    it('answers 404 for an unknown or withdrawn laboratory and 400 for a malformed number, as pages', async () => {
      for (const n of [unknown, withdrawn]) {
        const res = await page(`/laboratories/${n}`).expect(404);
        expect(res.type).toBe('text/html');
        expect(res.text).toContain('<h1>未找到</h1>');
        expect(res.text).not.toContain(NAMES.withdrawn.zh);
      }
      expect((await page(`/laboratories/${unknown}`, { lang: 'en' }).expect(404)).text).toContain('<html lang="en">');
      for (const bad of ['L12345', 'abc', 'CNAS%200235']) {
        const res = await page(`/laboratories/${bad}`).expect(400);
        expect(res.type).toBe('text/html');
        expect(res.text).toContain('<code>cnasNumber</code>');
      }
    });

    it('shows a name with markup as text', async () => {
      const res = await page(`/laboratories/${hostile}`).expect(200);
      expect(res.text).toContain(`<h1>&lt;script&gt;alert(1)&lt;/script&gt;${term}实验室</h1>`);
      expect(res.text).not.toContain('<script>');
      expect(res.text).toContain('该实验室尚未登记认可范围。');
    });
  });

  describe('in Chromium', () => {
    let phone: Awaited<ReturnType<typeof launchPhone>>;
    let browser: Browser | undefined;
    let desktop: BrowserContext;

    beforeAll(async () => {
      phone = await launchPhone();
      browser = await launchChromium();
      if (browser) desktop = await browser.newContext({ viewport: DESKTOP, locale: 'en-GB', timezoneId: 'Asia/Shanghai' });
    }, 60_000);
    afterAll(async () => {
      await phone?.close();
      await desktop?.close();
      await browser?.close();
    });

    const open = async (context: BrowserContext, path: string, status = 200): Promise<Page> => {
      const p = context.pages()[0] ?? (await context.newPage());
      const res = await p.goto(`${api.url}${path}`);
      expect(res?.status()).toBe(status);
      return p;
    };
    const sideways = (p: Page) => p.evaluate<boolean>('document.documentElement.scrollWidth > window.innerWidth');

    browserIt(
      'on a phone, in Chinese: searches the directory, opens a laboratory and searches its scope',
      async () => {
        const p = await open(phone!.context, '/laboratories');
        await p.getByLabel('实验室名称或 CNAS 认可编号').fill(term);
        await p.getByRole('button', { name: '查询' }).click();
        await p.getByRole('link', { name: main, exact: true }).waitFor();
        await expect(p.getByRole('heading', { level: 2 }).first().innerText()).resolves.toBe('共 23 个实验室');
        await expect(p.getByRole('link', { name: '下一页 →' }).isVisible()).resolves.toBe(true);
        expect(await sideways(p)).toBe(false);
        await checkedScreen(p, 'laboratories-directory-phone-zh');

        await p.getByRole('link', { name: main, exact: true }).click();
        await p.getByRole('heading', { level: 1, name: NAMES.main.zh }).waitFor();
        await expect(p.getByRole('row').count()).resolves.toBe(21);
        expect(await sideways(p)).toBe(false);
        await checkedScreen(p, 'laboratory-phone-zh');

        await p.getByLabel('在认可范围中查找').fill('过充');
        await p.getByRole('button', { name: '查找' }).click();
        await p.getByText('找到 1 项（共 45 项）').waitFor();
        await expect(p.getByRole('cell', { name: /过充电保护/ }).count()).resolves.toBe(1);
        await checkedScreen(p, 'laboratory-scope-search-phone-zh');
      },
      90_000,
    );

    browserIt(
      'on a phone: a one-character search is refused with the field marked',
      async () => {
        const p = await open(phone!.context, '/laboratories');
        await p.getByLabel('实验室名称或 CNAS 认可编号').fill(term[0]);
        await p.getByRole('button', { name: '查询' }).click();
        await p.getByText('请至少输入 2 个相连的字（空格不计）').waitFor();
        await expect(p.getByLabel('实验室名称或 CNAS 认可编号').getAttribute('aria-invalid')).resolves.toBe('true');
        await checkedScreen(p, 'laboratories-refused-phone-zh');
      },
      60_000,
    );

    browserIt(
      'on a desktop, in English: the directory filtered to suspended laboratories, and a suspended laboratory marked',
      async () => {
        const p = await open(desktop, `/laboratories?q=${encodeURIComponent(term)}`);
        await p.getByRole('heading', { level: 1, name: 'Laboratory register' }).waitFor();
        await checkedScreen(p, 'laboratories-directory-en');
        await p.getByLabel('Accreditation status').selectOption('suspended');
        await p.getByRole('button', { name: 'Search' }).click();
        await p.getByText('1 laboratory found').waitFor();
        await p.getByRole('link', { name: suspended, exact: true }).click();
        await p.getByRole('heading', { level: 1, name: NAMES.suspended.en }).waitFor();
        await expect(p.locator('#suspended').innerText()).resolves.toContain('CNAS has suspended');
        await checkedScreen(p, 'laboratory-suspended-en');
        await open(desktop, `/laboratories/${main}?page=3`);
        await p.getByRole('heading', { level: 1, name: NAMES.main.en }).waitFor();
        await checkedScreen(p, 'laboratory-en');
        await p.getByRole('link', { name: '以中文阅读此页' }).click();
        await p.getByRole('heading', { level: 1, name: NAMES.main.zh }).waitFor();
        await checkedScreen(p, 'laboratory-zh');
      },
      90_000,
    );
  });
});
