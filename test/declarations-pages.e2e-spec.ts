import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { organization, PASSWORD, regulator, TestUser } from './support/actors';
import { browserIt, checkedScreen, choose, launchChromium, signIn, watchedContext, WatchedContext } from './support/console-browser';
import type { components } from './support/api-types';
import { startApi, TestApi } from './support/http';
import { COMMITMENT } from './support/scheme';

const SHOTS = join(__dirname, 'screenshots');

/**
 * The public pages of self-declarations and frontrunners, in Chinese (default) and English: the
 * directory search, a declaration with its flags, products and commitment, and the lists; with
 * Chromium screenshots at a phone's size in test/screenshots/.
 */
describe('self-declaration and frontrunner pages', () => {
  let api: TestApi;
  let reg: TestUser;
  let ent: TestUser;
  let weakEnt: TestUser;
  const t = randomBytes(3).toString('hex').toUpperCase();
  const categoryCode = `P${t}`;
  let declarationId: string;
  let weakId: string;
  let listId: string;
  let contentHash: string;
  let szLabel: string;

  beforeAll(async () => {
    api = await startApi();
    reg = await regulator(api);
    ent = await organization(api, reg, 'enterprise', `深圳市鹏城通讯${t}有限公司`, `Pengcheng Telecom ${t}`);
    weakEnt = await organization(api, reg, 'enterprise', `深圳市光明终端${t}有限公司`, `Guangming Terminals ${t}`);
    await api.post('/api/v1/categories', {
      auth: reg.auth,
      expect: 201,
      body: { code: categoryCode, nameZh: `智能手机${t}`, nameEn: `Smartphones ${t}`, pilot: false },
    });
    const std = (kind: 'shenzhen' | 'national', code: string, titleZh: string, titleEn: string, requirements: object[]) =>
      api.post('/api/v1/standards', {
        auth: reg.auth,
        expect: 201,
        body: { code, version: '2026', titleZh, titleEn, kind, issuer: '深圳市市场监督管理局', categoryCodes: [categoryCode], requirements } as never,
      });
    const sz = (
      await std('shenzhen', `SZDB/Z ${t}`, '智能手机 深圳标准评价规范', 'Smartphones — Shenzhen Standard specification', [
        { clause: '5.1', textZh: '跌落试验无功能失效', kind: 'pass_fail', critical: true },
      ])
    ).body;
    const national = (
      await std('national', `GB/T ${t}`, '移动电话通用技术规范', 'Mobile phones — general technical specification', [
        { clause: '5.1', textZh: '典型场景待机时间', kind: 'measured', unit: 'h', min: 72, critical: true },
        { clause: '5.2', textZh: '充电器平均效率', kind: 'measured', unit: '%', min: 85, critical: false },
      ])
    ).body;
    const [standby, efficiency] = national.requirements.map((r: { id: string }) => r.id);
    szLabel = `SZDB/Z ${t}-2026`;
    const declare = (
      who: TestUser,
      name: string,
      nameEn: string,
      hours: string,
      withEfficiency: boolean,
      products: components['schemas']['DeclaredProductDto'][],
    ) =>
      api.post('/api/v1/self-declarations', {
        auth: who.auth,
        expect: 201,
        body: {
          standardId: sz.id,
          categoryCode,
          standards: [{ standardId: national.id }, { code: `Q/PC ${t}-2026`, titleZh: `${name}企业标准`, titleEn: `${name} enterprise standard` }],
          productNameZh: name,
          productNameEn: nameEn,
          products,
          keyIndicators: [
            { name: '待机时间', value: hours, unit: 'h', testMethod: 'GB/T 18287-2013 附录B', requirementId: standby },
            ...(withEfficiency ? [{ name: '充电器平均效率', value: '88', unit: '%', testMethod: 'GB 20943-2013', requirementId: efficiency }] : []),
            { name: '屏幕峰值亮度', value: '≥ 800', unit: 'nit', testMethod: '企业内部方法 QM-07' },
          ],
          commitment: COMMITMENT,
        },
      });
    const d = (
      await declare(ent, '鹏城 5G 智能手机', 'Pengcheng 5G handset', '120', true, [
        { name: '鹏城 5G 智能手机', brand: '鹏城', model: `PC-${t}`, barcode: '6901234000030', specification: '6.5英寸 8GB+256GB' },
        { name: '鹏城 5G 智能手机 Pro', brand: '鹏城', model: `PC-${t}-PRO`, barcode: '6901234000047' },
      ])
    ).body;
    declarationId = d.id;
    contentHash = d.commitment!.contentHash;
    weakId = (
      await declare(weakEnt, '光明入门智能手机', 'Guangming entry handset', '60', false, [
        { name: '光明入门智能手机', brand: '光明', model: `GM-${t}`, barcode: '6901234000054' },
      ])
    ).body.id;
    listId = (await api.post('/api/v1/frontrunner-lists', { auth: reg.auth, expect: 201, body: { year: 2026, categoryCode, requirementId: standby, size: 3 } }))
      .body.id;
  });
  afterAll(() => api.close());

  const page = (path: string, lang?: 'en') =>
    api
      .http()
      .get(path)
      .query(lang ? { lang } : {});

  it('shows a declaration in Chinese by default: standards, indicators, products with barcodes, the commitment with role, time and hash', async () => {
    const res = await page(`/declarations/${declarationId}`).expect(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    for (const text of [
      '鹏城 5G 智能手机',
      `GB/T <span class="nw">${t}-2026</span>`,
      '国家标准',
      '企业标准',
      '6901234000030',
      '6901234000047',
      COMMITMENT.text,
      '企业管理员',
      contentHash,
      '未发现关键指标低于或缺少',
    ]) {
      expect({ text, shown: res.text.includes(text) }).toEqual({ text, shown: true });
    }
    expect(res.text).not.toMatch(/contact|@test\.szs|address/i);
  });

  it('shows the flags of a weaker and a missing indicator, in both languages', async () => {
    const zh = (await page(`/declarations/${weakId}`).expect(200)).text;
    expect(zh).toContain('低于国家标准');
    expect(zh).toContain('缺少指标');
    expect(zh).toContain('“待机时间”声明值 60 低于');
    const en = (await page(`/declarations/${weakId}`, 'en').expect(200)).text;
    expect(en).toContain('<html lang="en"');
    expect(en).toContain('Weaker than national');
    expect(en).toContain('Indicator missing');
  });

  it('searches the directory by 2 Chinese characters, barcode and standard, and marks flagged ones', async () => {
    const byName = (
      await page('/declarations')
        .query({ q: `光明终端${t}` })
        .expect(200)
    ).text;
    expect(byName).toContain(`/declarations/${weakId}`);
    expect(byName).not.toContain(`/declarations/${declarationId}`);
    expect(byName).toContain('有提示');
    expect((await page('/declarations').query({ q: '6901234000030' }).expect(200)).text).toContain(`/declarations/${declarationId}`);
    expect(
      (
        await page('/declarations')
          .query({ q: `GB/T ${t}`, flagged: 'true' })
          .expect(200)
      ).text,
    ).not.toContain(`/declarations/${declarationId}`);
    const short = await page('/declarations').query({ q: '鹏' }).expect(400);
    expect(short.text).toContain('请至少输入 2 个字');
    await page(`/declarations/${randomUUID()}`).expect(404);
    await page('/declarations').query({ page: '99' }).expect(400);
  });

  it('shows the frontrunner lists and a list with the values as published', async () => {
    const lists = (await page('/frontrunners').expect(200)).text;
    expect(lists).toContain(`/frontrunners/${listId}`);
    const list = (await page(`/frontrunners/${listId}`, 'en').expect(200)).text;
    expect(list).toContain(`2026 frontrunners, Smartphones ${t}: 典型场景待机时间`);
    expect(list.indexOf(`Pengcheng Telecom ${t}`)).toBeLessThan(list.indexOf(`Guangming Terminals ${t}`));
    expect(list).toContain('120 h');
    await page(`/frontrunners/${randomUUID()}`).expect(404);
  });

  describe('in Chromium at a phone’s size', () => {
    let browser: Browser | undefined;
    let context: BrowserContext;
    beforeAll(async () => {
      browser = await launchChromium();
      if (!browser) return;
      mkdirSync(SHOTS, { recursive: true });
      context = await browser.newContext({
        viewport: { width: 375, height: 812 },
        deviceScaleFactor: 2,
        isMobile: true,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
      });
    }, 60_000);
    afterAll(() => browser?.close());

    async function open(path: string): Promise<{ page: Page; problems: string[] }> {
      const page = await context.newPage();
      const problems: string[] = [];
      // The browser's own favicon request is a 404: a failed load is not a page problem, a CSP refusal or script error is.
      page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && problems.push(m.text()));
      page.on('pageerror', (e) => problems.push(String(e)));
      await page.goto(`${api.url}${path}`);
      return { page, problems };
    }
    const sideways = (page: Page) => page.evaluate<boolean>('Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) > screen.width');

    browserIt(
      'renders the declaration, the directory and the list in Chinese and English without sideways scrolling',
      async () => {
        for (const [path, name] of [
          [`/declarations/${weakId}`, 'declaration-flagged'],
          [`/declarations/${declarationId}`, 'declaration'],
          [`/declarations?q=${encodeURIComponent(t)}`, 'declarations-search'],
          [`/frontrunners/${listId}`, 'frontrunner-list'],
        ]) {
          for (const lang of ['zh', 'en'] as const) {
            const { page, problems } = await open(`${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
            await expect(page.locator('h1').count()).resolves.toBe(1);
            await page.screenshot({ path: join(SHOTS, `${name}-${lang}.png`), fullPage: true });
            const wide = await page.evaluate<string[]>(
              "Array.from(document.querySelectorAll('main *')).filter((e) => e.getBoundingClientRect().right > screen.width).map((e) => e.tagName + '.' + e.className + ':' + (e.textContent || '').slice(0, 40))",
            );
            expect({ name, lang, wide }).toEqual({ name, lang, wide: [] });
            await expect(sideways(page)).resolves.toBe(false);
            expect(problems).toEqual([]);
            await page.close();
          }
        }
        // The search form by hand: type, choose, submit.
        const { page } = await open('/declarations');
        await page.getByLabel('查询').fill(`鹏城通讯${t}`);
        await page.getByRole('button', { name: '查询' }).click();
        await page.waitForURL('**/declarations?*');
        await page.getByRole('link', { name: '鹏城 5G 智能手机' }).click();
        await page.waitForURL(`**/declarations/${declarationId}`);
        await expect(page.locator('h1').innerText()).resolves.toContain('鹏城 5G 智能手机');
      },
      90_000,
    );
  });

  describe('in the console', () => {
    let browser: Browser | undefined;
    const contexts: WatchedContext[] = [];
    beforeAll(async () => {
      browser = await launchChromium();
    }, 60_000);
    afterAll(async () => {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser?.close();
    });
    async function signedIn(who: TestUser): Promise<{ watched: WatchedContext; page: Page }> {
      const watched = await watchedContext(browser!);
      contexts.push(watched);
      const page = await watched.newPage();
      await page.goto(`${api.url}/console/`);
      await signIn(page, who.email, PASSWORD);
      return { watched, page };
    }

    browserIt(
      'an enterprise publishes a declaration with a product and its barcode (a wrong check digit refused next to the field); flags show in its list',
      async () => {
        const { watched, page } = await signedIn(ent);
        await page.goto(`${api.url}/console/declarations`);
        await page.getByRole('button', { name: '发布自我声明' }).first().click();
        const dialog = page.getByRole('dialog');
        // Found on the server by part of its number: the platform holds more standards than one page of options.
        await choose(page, '依据标准', szLabel, szLabel.replace(/-2026$/, ''));
        await dialog.getByLabel('产品或服务名称（中文）').fill(`控制台手机${t}`);
        await dialog.getByRole('button', { name: '添加产品' }).click();
        await dialog.getByLabel('产品名称').fill(`控制台手机${t}`);
        await dialog.getByLabel('品牌').fill('鹏城');
        await dialog.getByLabel('产品型号').fill(`CON-${t}`);
        await dialog.getByLabel('商品条码（GTIN）').fill('6901234000031');
        await dialog.getByLabel('指标名称').fill('屏幕峰值亮度');
        await dialog.getByLabel('声明值').fill('800');
        await dialog.getByLabel('检验方法').fill('企业内部方法 QM-07');
        await expect(dialog.getByLabel('承诺（发布即由您签署）').inputValue()).resolves.toContain('本企业承诺');
        await checkedScreen(page, 'declaration-form-zh');
        await dialog
          .getByRole('button', { name: '发 布' })
          .or(dialog.getByRole('button', { name: '发布' }))
          .click();
        await dialog.getByText('须为校验位正确的 GTIN-8、12、13 或 14 位条码').first().waitFor();
        await dialog.getByLabel('商品条码（GTIN）').fill('6901234000030');
        await dialog
          .getByRole('button', { name: '发 布' })
          .or(dialog.getByRole('button', { name: '发布' }))
          .click();
        await dialog.waitFor({ state: 'hidden' });
        await page
          .getByRole('cell', { name: `控制台手机${t}` })
          .first()
          .waitFor();
        await page
          .getByRole('cell', { name: `CON-${t}` })
          .first()
          .waitFor();
        const mine = (await api.get('/api/v1/public/self-declarations', { query: { q: `控制台手机${t}` }, expect: 200 })).body.items;
        expect(mine.map((d) => [d.products[0]?.barcode, d.models, d.commitment?.signerRole])).toEqual([['6901234000030', [`CON-${t}`], 'enterprise_admin']]);
        watched.expectNoProblems();

        const weak = await signedIn(weakEnt);
        await weak.page.goto(`${api.url}/console/declarations`);
        await weak.page.getByText('2 项提示').waitFor();
        await checkedScreen(weak.page, 'declarations-flagged-zh');
        weak.watched.expectNoProblems();
      },
      120_000,
    );

    browserIt(
      "the regulator publishes a year's frontrunner list from the ranking",
      async () => {
        const { watched, page } = await signedIn(reg);
        await page.goto(`${api.url}/console/frontrunners`);
        await page.getByRole('heading', { name: '领跑者名单', level: 1 }).waitFor();
        await page.getByRole('button', { name: '公布名单' }).click();
        const dialog = page.getByRole('dialog');
        await choose(page, '产品类别', categoryCode, categoryCode);
        await choose(page, '国家标准', `GB/T ${t}`);
        await choose(page, '指标（计量要求）', '充电器平均效率');
        await checkedScreen(page, 'frontrunner-publish-zh');
        await dialog.getByRole('button', { name: /^公\s?布$/ }).click();
        await dialog.waitFor({ state: 'hidden' });
        await page.getByRole('link', { name: /充电器平均效率/ }).waitFor();
        const lists = (await api.get('/api/v1/public/frontrunner-lists', { query: { categoryCode }, expect: 200 })).body.items;
        expect(lists.map((l) => l.indicator).sort()).toEqual(['充电器平均效率', '典型场景待机时间']);
        await checkedScreen(page, 'frontrunner-lists-zh');
        watched.expectNoProblems();
      },
      120_000,
    );
  });
});
