import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { BrowserContext, Page } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { organization, PASSWORD, regulator, TestUser } from './support/actors';
import { browserIt, checkedScreen, choose, launchChromium, PHONE, signedInAt, WatchedContext } from './support/console-browser';
import { shenzhenToday } from './support/dates';
import { startApi, TestApi } from './support/http';

/**
 * The public pages of random inspections (一公开): the list of plans and a plan's page with its
 * commitment, seed, the draw re-run and the published results, in both languages, and in Chromium
 * at a phone's size with screenshots in test/screenshots/.
 */
const SHOTS = join(__dirname, 'screenshots');
const FINDING = '<script>alert("x")</script>自我声明的待机时间 80 h，抽检为 68 h';

const A11Y_PROBE = `(() => ({
  lang: document.documentElement.lang,
  h1: document.querySelectorAll('h1').length,
  sideways: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) > screen.width,
}))()`;

describe('random inspection pages', () => {
  let api: TestApi;
  let reg: TestUser;
  let plan: { id: string; name: string; commitment: string; seed: string };
  let draftId: string;
  /** The suite's two enterprises: the first found nonconforming in the published plan, the second conforming. */
  const enterprises: TestUser[] = [];

  const regPost = (path: string, body: unknown) =>
    api
      .http()
      .post(path)
      .set(reg.auth)
      .send(body as object);

  beforeAll(async () => {
    api = await startApi();
    reg = await regulator(api);
    const tag = randomBytes(3).toString('hex').toUpperCase();
    const matter = await regPost('/api/v1/inspection-matters', {
      code: `SZS-DECL-${tag}`,
      nameZh: '企业标准自我声明公开及执行情况',
      nameEn: 'Self-declared standards: disclosure and compliance',
      legalBasis: '《企业标准化促进办法》第十二条',
      targetKinds: ['holder'],
    }).expect(201);
    for (const [zh, en] of [
      ['深圳市公示测试电子有限公司', 'Shenzhen Disclosure Test Electronics'],
      ['深圳市公示测试家具有限公司', 'Shenzhen Disclosure Test Furniture'],
    ]) {
      const e = await organization(api, reg, 'enterprise', zh, en);
      enterprises.push(e);
      await regPost('/api/v1/inspection-targets', { kind: 'holder', subjectId: e.organizationId, riskClass: 'A' }).expect(201);
    }
    for (const [i, name] of ['赵敏', '钱进', '孙丽'].entries()) {
      await regPost('/api/v1/inspectors', { name, unit: '深圳市市场监督管理局南山监管局', badgeNumber: `NS-${tag}-${i}` }).expect(201);
    }
    const body = { name: `2026年度公示测试抽查 ${tag}`, year: 2026, matterIds: [matter.body.id], rates: { A: 100, B: 0, C: 0, D: 0 }, inspectorsPerTarget: 2 };
    const created = await regPost('/api/v1/inspection-plans', body).expect(201);
    await regPost(`/api/v1/inspection-plans/${created.body.id}/commit`, {}).expect(200);
    const drawn = (await regPost(`/api/v1/inspection-plans/${created.body.id}/draw`, {}).expect(200)).body;
    const today = await shenzhenToday(api.app.get(DataSource));
    for (const d of drawn.draw as { targetId: string; enterprise: { id: string }; inspectors: { id: string }[] }[]) {
      const bad = d.enterprise.id === enterprises[0].organizationId;
      await regPost(`/api/v1/inspection-plans/${created.body.id}/results/${d.targetId}`, {
        outcome: bad ? 'nonconforming' : 'conforming',
        inspectedOn: today,
        inspectorsPresent: d.inspectors.map((i) => i.id),
        findings: bad ? [{ matterId: matter.body.id, text: FINDING }] : [],
      }).expect(200);
    }
    await regPost(`/api/v1/inspection-plans/${created.body.id}/publish-results`, {}).expect(200);
    plan = { id: created.body.id, name: body.name, commitment: drawn.commitment, seed: drawn.seed };
    draftId = (await regPost('/api/v1/inspection-plans', { ...body, name: `未公开的草稿 ${tag}` }).expect(201)).body.id;
  }, 120_000);

  afterAll(async () => {
    await api?.close();
  });

  it('lists the published plans in Chinese by default and in English on request, never a draft', async () => {
    const zh = await api
      .http()
      .get('/inspections')
      .expect(200)
      .expect('Content-Type', /text\/html/);
    expect(zh.text).toContain('双随机抽查公示');
    expect(zh.text).toContain(plan.name);
    expect(zh.text).toContain('结果已公示');
    expect(zh.text).not.toContain('未公开的草稿');
    const en = await api.http().get('/inspections').query({ lang: 'en', year: '2026' }).expect(200);
    expect(en.text).toContain('Random inspections');
    expect(en.text).toContain('Results published');
    expect((await api.http().get('/inspections').query({ year: '1999' }).expect(400)).text).toContain('year');
    await api.http().get('/inspections').query({ page: 'x' }).expect(400);
  });

  it("shows a plan's commitment, seed, the re-run verdict and the results, text escaped", async () => {
    const zh = await api.http().get(`/inspections/${plan.id}`).expect(200);
    expect(zh.text).toContain(plan.commitment);
    expect(zh.text).toContain(plan.seed);
    expect(zh.text).toContain('复算一致');
    expect(zh.text).toContain('不合格');
    expect(zh.text).toContain('深圳市公示测试电子有限公司');
    expect(zh.text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(zh.text).not.toContain('<script>alert');
    const en = await api.http().get(`/inspections/${plan.id}`).query({ lang: 'en' }).expect(200);
    expect(en.text).toContain('Re-run matches');
    expect(en.text).toContain('Shenzhen Disclosure Test Electronics');
    expect(en.text).toContain('Nonconforming');
    // A draft is not found, as any id that names no published plan.
    const draft = await api
      .http()
      .get(`/inspections/${draftId}`)
      .expect(404)
      .expect('Content-Type', /text\/html/);
    expect(draft.text).not.toContain('未公开的草稿');
    await api.http().get('/inspections/not-a-plan').expect(400);
  });

  describe('in Chromium at 375×812', () => {
    let browser: Browser | undefined;
    let context: BrowserContext;

    beforeAll(async () => {
      browser = await launchChromium();
      if (!browser) return;
      mkdirSync(SHOTS, { recursive: true });
      context = await browser.newContext(PHONE);
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
    });

    const open = async (path: string): Promise<Page> => {
      const page = context.pages()[0] ?? (await context.newPage());
      const res = await page.goto(`${api.url}${path}`);
      expect(res?.status()).toBe(200);
      return page;
    };

    browserIt(
      'renders the list and a plan on a phone, in both languages, without sideways scrolling',
      async () => {
        for (const [lang, htmlLang] of [
          ['zh', 'zh-Hans'],
          ['en', 'en'],
        ] as const) {
          const list = await open(`/inspections?lang=${lang}`);
          await list.getByRole('link', { name: plan.name }).click();
          await list.waitForURL(`**/inspections/${plan.id}*`);
          await list.getByText(plan.seed).waitFor({ state: 'visible', timeout: 5000 });
          expect(await list.evaluate(A11Y_PROBE)).toEqual({ lang: htmlLang, h1: 1, sideways: false });
          await list.screenshot({ path: join(SHOTS, `inspection-plan-${lang}.png`), fullPage: true });
          const back = await open(`/inspections?lang=${lang}`);
          expect(await back.evaluate(A11Y_PROBE)).toEqual({ lang: htmlLang, h1: 1, sideways: false });
          await back.screenshot({ path: join(SHOTS, `inspections-${lang}.png`), fullPage: true });
        }
      },
      60_000,
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

    /** Picks one option of an Ant Design multiple select (its list stays open: Escape closes it). */
    const pickOne = async (page: Page, label: string, option: string) => {
      await page.getByLabel(label, { exact: true }).click();
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option }).first().click();
      await page.keyboard.press('Escape');
    };

    /** Ant Design spaces out a two-character Chinese button label ("保 存"). */
    const button = (text: string) => new RegExp(`^${[...text].join('\\s?')}$`);

    browserIt(
      'the regulator keeps the registers, drafts a plan, commits, draws, records the results and publishes them, by clicking',
      async () => {
        const tag = randomBytes(3).toString('hex').toUpperCase();
        const { watched, page } = await signedInAt(browser!, `${api.url}/console/`, { email: reg.email, password: PASSWORD }, 'zh', contexts);
        await page.getByRole('navigation').getByRole('link', { name: '双随机抽查', exact: true }).click();
        await page.getByRole('heading', { level: 1, name: '双随机抽查计划' }).waitFor();
        await page.getByText('事项、对象与人员').click();
        await page.getByRole('heading', { level: 1, name: '双随机抽查名录' }).waitFor();

        // A matter of the checklist.
        await page.getByRole('button', { name: '新增抽查事项' }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByLabel('事项编码').fill(`SZS-UI-${tag}`);
        await dialog.getByLabel('事项名称（中文）').fill('界面测试抽查事项');
        await dialog.getByLabel('法律依据').fill('《认证认可条例》第二十八条');
        await pickOne(page, '适用的检查对象', '企业');
        await dialog.getByRole('button', { name: button('保存') }).click();
        await dialog.waitFor({ state: 'hidden' });
        await page.getByRole('cell', { name: `SZS-UI-${tag}` }).waitFor();
        await checkedScreen(page, 'inspections-zh-matters');

        // An inspector.
        await page.getByRole('tab', { name: '执法检查人员名录库' }).click();
        await page.getByRole('button', { name: '登记执法检查人员' }).click();
        await dialog.getByLabel('姓名').fill('周界面');
        await dialog.getByLabel('所在单位').fill('深圳市市场监督管理局宝安监管局');
        await dialog.getByLabel('执法证号').fill(`BA-${tag}`);
        await dialog.getByRole('button', { name: button('保存') }).click();
        await dialog.waitFor({ state: 'hidden' });
        await page.getByRole('cell', { name: `BA-${tag}` }).waitFor();
        // Their conflict with an enterprise, found by typing part of its name.
        await page.getByRole('button', { name: '申报利害关系：周界面' }).click();
        await dialog.getByLabel('原因').waitFor();
        await page.locator('.ant-zoom-appear, .ant-zoom-enter').first().waitFor({ state: 'detached' });
        await choose(page, '企业', '深圳市公示测试家具有限公司', '公示测试家具');
        await dialog.getByLabel('原因').fill('近亲属在该企业任职');
        await dialog.getByRole('button', { name: button('保存') }).click();
        await dialog.waitFor({ state: 'hidden' });
        await page
          .getByRole('row')
          .filter({ hasText: `BA-${tag}` })
          .getByText('深圳市公示测试家具有限公司（近亲属在该企业任职）')
          .waitFor();
        await checkedScreen(page, 'inspections-zh-inspectors');

        // Targets loaded from the platform's enterprises (the suite's two are class A already).
        await page.getByRole('tab', { name: '检查对象名录库' }).click();
        await page.getByRole('button', { name: '从平台载入' }).click();
        await choose(page, '对象类型', '企业');
        await choose(page, '初始风险等级', 'D');
        await dialog.getByRole('button', { name: button('载入') }).click();
        await dialog.waitFor({ state: 'hidden' });
        await page.getByRole('cell', { name: '深圳市公示测试电子有限公司' }).first().waitFor();
        await checkedScreen(page, 'inspections-zh-targets');

        // The plan: all of class A.
        await page.getByText('抽查计划', { exact: true }).click();
        await page.getByRole('button', { name: '新建抽查计划' }).click();
        await dialog.getByLabel('计划名称').fill(`界面测试计划 ${tag}`);
        await pickOne(page, '抽查事项', `SZS-UI-${tag}`);
        for (const [c, rate] of [
          ['A', '100'],
          ['B', '0'],
          ['C', '0'],
          ['D', '0'],
        ])
          await dialog.getByLabel(`${c} 类抽查比例（%）`).fill(rate);
        await dialog.getByRole('button', { name: '保存草稿' }).click();
        await page.getByRole('heading', { level: 1, name: `界面测试计划 ${tag}` }).waitFor();

        await page.getByRole('button', { name: '承诺随机种子并冻结名录' }).click();
        await page
          .getByRole('dialog')
          .getByRole('button', { name: button('确定') })
          .click();
        await page.getByText('保密，抽取时公布').waitFor();
        await page.getByRole('button', { name: button('抽取') }).click();
        await page.getByText('抽取结果', { exact: true }).waitFor();
        await checkedScreen(page, 'inspections-zh-drawn');

        // Every drawn target's result: the first nonconforming, the others conforming.
        const record = page.getByRole('button', { name: /^录入结果：/ });
        let first = true;
        while (await record.count()) {
          await record.first().click();
          if (first) {
            await choose(page, '结论', '不合格');
            await choose(page, '问题所属事项', `SZS-UI-${tag}`);
            await dialog.getByLabel('发现的问题').fill('未按自我声明的标准组织生产');
            first = false;
          }
          await dialog.getByRole('button', { name: button('保存') }).click();
          await dialog.waitFor({ state: 'hidden' });
        }
        await page.getByText('未按自我声明的标准组织生产').waitFor();
        await page.getByRole('button', { name: '公示检查结果' }).click();
        await page.getByText('结果已公示').first().waitFor();
        await checkedScreen(page, 'inspections-zh-published');
        watched.expectNoProblems();

        // What the console did is what the public sees.
        const id = page.url().split('/').pop()!;
        const pub = await api.http().get(`/api/v1/public/inspection-plans/${id}`).expect(200);
        expect(pub.body.status).toBe('results_recorded');
        expect(pub.body.draw.filter((d: { result: { outcome: string } }) => d.result.outcome === 'nonconforming')).toHaveLength(1);
        expect((await api.http().get(`/api/v1/public/inspection-plans/${id}/verify`).expect(200)).body.matches).toBe(true);
      },
      180_000,
    );

    browserIt(
      'the enterprise found nonconforming reads the result and its finding on its credit record, in both languages',
      async () => {
        const W = {
          zh: { nav: '信用记录', card: '抽查结果', outcome: '不合格', target: '本企业' },
          en: { nav: 'Credit record', card: 'Random inspection results', outcome: 'Nonconforming', target: 'This enterprise' },
        };
        for (const language of ['zh', 'en'] as const) {
          const w = W[language];
          const { watched, page } = await signedInAt(browser!, `${api.url}/console/`, { email: enterprises[0].email, password: PASSWORD }, language, contexts);
          await page.getByRole('navigation').getByRole('link', { name: w.nav, exact: true }).click();
          const card = page.locator('.ant-card', { has: page.locator('.ant-card-head-title', { hasText: w.card }) });
          const result = card.locator('tr').filter({ hasText: plan.name });
          await result.getByText(w.outcome, { exact: true }).waitFor();
          await result.getByText(w.target, { exact: true }).waitFor();
          // The finding as the inspector wrote it: its markup shown as text, never run.
          await result.getByText(FINDING).waitFor();
          await checkedScreen(page, `inspections-${language}-enterprise-credit-record`);
          watched.expectNoProblems();
        }
      },
      120_000,
    );

    browserIt(
      'shows the registers and a plan in English',
      async () => {
        const { watched, page } = await signedInAt(browser!, `${api.url}/console/`, { email: reg.email, password: PASSWORD }, 'en', contexts);
        await page.goto(`${api.url}/console/inspections/plans/${plan.id}`);
        await page.getByRole('heading', { level: 1, name: plan.name }).waitFor();
        await page.getByText('Nonconforming').first().waitFor();
        await checkedScreen(page, 'inspections-en-plan');
        await page.goto(`${api.url}/console/inspections/registers?tab=inspectors`);
        await page.getByRole('heading', { level: 1, name: 'Random inspection registers' }).waitFor();
        await page.getByRole('cell', { name: '赵敏' }).first().waitFor();
        await checkedScreen(page, 'inspections-en-inspectors');
        watched.expectNoProblems();
      },
      120_000,
    );
  });
});
