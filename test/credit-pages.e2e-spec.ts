import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { organization, TestUser } from './support/actors';
import { issuedCertificate, IssuedCertificate, schemeWithTeam } from './support/case';
import { browserIt, checkA11y, launchChromium } from './support/console-browser';
import { startApi, TestApi } from './support/http';
import { shenzhenToday } from './support/dates';
import { COMMITMENT } from './support/scheme';
import { startWorker, WorkerProcess } from './support/worker';

/** Public credit pages (issue 12): the page of an enterprise by its credit code in both languages, the look-up form, the notice on its certificates' records. */
describe('credit pages', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let db: DataSource;
  let reg: TestUser;
  let holder: TestUser;
  let cert: IssuedCertificate;
  let creditCode: string;
  let today: string;
  let browser: Browser | undefined;
  const SHOTS = join(__dirname, 'screenshots');
  const HOLDER = { zh: '深圳市信用演示电子有限公司', en: 'Shenzhen Credit Demo Electronics Co., Ltd.' };
  const HOSTILE = '<script>alert(1)</script>提供虚假检测报告';

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker('credit-pages');
    db = api.app.get(DataSource);
    const team = await schemeWithTeam(api);
    reg = team.reg;
    holder = await organization(api, reg, 'enterprise', HOLDER.zh, HOLDER.en);
    const decl = await api.post('/api/v1/self-declarations', {
      auth: holder.auth,
      expect: 201,
      body: {
        standardId: team.world.standardId,
        productNameZh: '智能手机',
        productNameEn: 'Smartphone',
        models: ['CP-1'],
        keyIndicators: [],
        commitment: COMMITMENT,
      },
    });
    cert = await issuedCertificate(api, team.world, {
      ent: holder,
      declarationId: decl.body.id,
      auditor: team.auditors[0],
      decider: team.decider,
      models: ['CP-1'],
    });
    today = await shenzhenToday(db);
    const decision = {
      number: '深市监严列〔2026〕0099号',
      date: today,
      authority: '深圳市市场监督管理局',
      legalBasis: '《市场监督管理严重违法失信名单管理办法》第九条',
    };
    await api.post('/api/v1/serious-violations', { auth: reg.auth, body: { enterpriseId: holder.organizationId, reason: HOSTILE, decision }, expect: 201 });
    await api.post('/api/v1/abnormal-operations', {
      auth: reg.auth,
      body: {
        enterpriseId: holder.organizationId,
        reason: '未按期公示年度报告',
        reasonCode: 'annual_report_not_filed',
        decision: { ...decision, number: '深市监信列〔2026〕0100号' },
      },
      expect: 201,
    });
    creditCode = (await db.query(`SELECT credit_code FROM organizations WHERE id = $1`, [holder.organizationId]))[0].credit_code;
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
    await api?.close();
  });

  it('shows the credit page in Chinese by default and in English on request, the reason escaped', async () => {
    const zh = await api.http().get(`/credit/${creditCode}`).expect(200);
    expect(zh.headers['content-type']).toContain('text/html');
    expect(zh.text).toContain('<html lang="zh-Hans">');
    for (const text of [HOLDER.zh, creditCode, '严重违法失信名单', '经营异常名录', '未按规定期限公示年度报告', cert.number, '深市监严列〔2026〕0099号'])
      expect(zh.text).toContain(text);
    expect(zh.text).not.toContain('<script>alert(1)</script>');
    expect(zh.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const en = await api.http().get(`/credit/${creditCode}?lang=en`).expect(200);
    // the certificate is still valid: its body has 5 working days to act
    for (const text of [HOLDER.en, 'serious-violation list', 'abnormal-operations list', 'Annual report not published in time', 'Valid'])
      expect(en.text).toContain(text);
  });

  it('looks an enterprise up by code, and says why a code is refused or finds nothing', async () => {
    expect((await api.http().get('/credit').expect(200)).text).toContain('统一社会信用代码');
    expect((await api.http().get('/credit').query({ code: creditCode.toLowerCase() }).expect(200)).text).toContain(HOLDER.zh);
    expect((await api.http().get('/credit').query({ code: 'abc' }).expect(400)).text).toContain('请输入 18 位统一社会信用代码');
    expect((await api.http().get('/credit').query({ code: '91440300MA5XXXXXX0', lang: 'en' }).expect(404)).text).toContain(
      'No enterprise has this unified social credit code.',
    );
    await api.http().get('/credit/91440300MA5XXXXXX0').expect(404);
  });

  it('lists the serious-violation listings on display under the form, newest first, each leading to its credit page', async () => {
    const zh = (await api.http().get('/credit').expect(200)).text;
    expect(zh).toContain('严重违法失信名单（公示中）');
    // This suite's listing is the newest (the suites run one after another): on the first page, escaped, with its decision.
    const item = zh.slice(zh.indexOf(`href="/credit/${creditCode}"`));
    expect(item.slice(0, item.indexOf('</li>'))).toEqual(expect.stringContaining('深市监严列〔2026〕0099号'));
    expect(zh).not.toContain('<script>alert(1)</script>');
    // The abnormal-operations listing is not a serious one: listed once, under the serious list's link only.
    expect(zh.split(`href="/credit/${creditCode}"`).length - 1).toBe(1);
    const en = (await api.http().get('/credit').query({ lang: 'en' }).expect(200)).text;
    expect(en).toContain('Serious-violation list (on display)');
    expect(en).toContain(HOLDER.en);
    // A page out of range or not a number is read as the nearest page, never an error page.
    expect((await api.http().get('/credit').query({ page: '999' }).expect(200)).text).toContain('严重违法失信名单（公示中）');
    expect((await api.http().get('/credit').query({ page: 'x' }).expect(200)).text).toContain(`href="/credit/${creditCode}"`);
    // A NUL anywhere in a request is refused before any page reads it.
    await api.http().get('/credit').query({ page: '1\u0000' }).expect(400);
  });

  describe('in Chromium', () => {
    const open = async (path: string): Promise<Page> => {
      // A context of its own (axe needs one), at a phone's size, in a Chinese browser.
      const context = await browser!.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
      const page = await context.newPage();
      const res = await page.goto(`${api.url}${path}`);
      expect(res?.status()).toBe(200);
      return page;
    };
    const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

    browserIt(
      'finds the credit page through the form, in Chinese and then English',
      async () => {
        const page = await open('/credit');
        await page.getByRole('heading', { level: 2, name: '严重违法失信名单（公示中）' }).waitFor();
        await checkA11y(page, 'credit look-up with the serious-violation list (zh)');
        await shot(page, 'credit-serious-list-zh');
        await page.getByLabel('统一社会信用代码').fill(creditCode);
        await page.getByRole('button', { name: '查询' }).click();
        await page.waitForURL(/code=/);
        await expect(page.locator('h2#enterprise').innerText()).resolves.toContain(HOLDER.zh);
        await expect(page.locator('[data-listing]').count()).resolves.toBe(2);
        await checkA11y(page, 'credit page (zh)');
        await shot(page, 'credit-zh');
        await page.getByRole('link', { name: 'Read this page in English' }).click();
        await page.waitForURL(/lang=en/);
        await expect(page.locator('h2#enterprise').innerText()).resolves.toContain(HOLDER.en);
        await checkA11y(page, 'credit page (en)');
        await shot(page, 'credit-en');
        await page.context().close();
      },
      60_000,
    );

    browserIt(
      "shows the listing on the certificate's record, linking to the holder's credit page",
      async () => {
        const page = await open(`/registry/${cert.number}`);
        const notice = page.locator('[data-holder-listing]');
        await expect(notice.innerText()).resolves.toContain('严重违法失信名单');
        await shot(page, 'credit-registry-record-zh');
        await notice.getByRole('link', { name: '持证企业信用信息' }).click();
        await page.waitForURL(`**/credit/${creditCode}`);
        await expect(page.locator('h1').innerText()).resolves.toBe('企业信用信息');
        await page.context().close();
      },
      60_000,
    );
  });
});
