import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { organization, regulator, TestUser } from './support/actors';
import { shenzhenToday } from './support/dates';
import { startApi, TestApi } from './support/http';

/**
 * The public pages of random inspections (一公开): the list of plans and a plan's page with its
 * commitment, seed, the draw re-run and the published results, in both languages, and in Chromium
 * at a phone's size with screenshots in test/screenshots/.
 */
const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const REQUIRE_BROWSER = process.env.CI_REQUIRE_BROWSER === 'true';
const browserIt = HAVE_CHROMIUM || REQUIRE_BROWSER ? it : it.skip;
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
    const enterprises: TestUser[] = [];
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
    let context: BrowserContext;
    let userDataDir: string;

    beforeAll(async () => {
      if (!HAVE_CHROMIUM) {
        if (REQUIRE_BROWSER) throw new Error(`CI_REQUIRE_BROWSER=true but ${CHROMIUM} is missing: apt-get install chromium`);
        return;
      }
      mkdirSync(SHOTS, { recursive: true });
      userDataDir = mkdtempSync(join(tmpdir(), 'szs-chromium-'));
      context = await chromium.launchPersistentContext(userDataDir, {
        executablePath: CHROMIUM,
        headless: true,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
        viewport: { width: 375, height: 812 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
      });
    }, 60_000);
    afterAll(async () => {
      await context?.close();
      if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
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
});
