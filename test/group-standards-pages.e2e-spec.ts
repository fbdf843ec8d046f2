import { join } from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { organization, PASSWORD, regulator, TestUser } from './support/actors';
import { browserIt, checkedScreen, choose, launchChromium, launchPhone, signedInAt, WatchedContext } from './support/console-browser';
import { PUBLIC_FILING_QUOTAS, startApi, TestApi } from './support/http';
import { schemeWorld } from './support/scheme';
import { eventually } from './support/worker';

/**
 * The group standards pages for people (issue 12): the directory with its 2-character search and
 * filters, a standard's page with its history, comment period, comments and answers, and the
 * comment form (server-rendered, no login), in Chinese and English; screenshots in Chromium.
 */
const SHOTS = join(__dirname, 'screenshots');
const TITLE = { zh: '智能手机快充安全技术要求', en: 'Smartphones — Safety requirements for fast charging' };

describe('group standards pages', () => {
  let api: TestApi;
  let db: DataSource;
  let assoc: TestUser;
  let openId: string;
  let proposedId: string;
  let code: string;
  let categoryCode: string;

  const page = (path: string) => api.http().get(path);
  const form = (id: string, fields: Record<string, string>) =>
    api.http().post(`/group-standards/${id}/comments`).type('form').send(new URLSearchParams(fields).toString());

  beforeAll(async () => {
    api = await startApi(PUBLIC_FILING_QUOTAS);
    db = api.app.get(DataSource);
    const reg = await regulator(api);
    const world = await schemeWorld(api, reg);
    categoryCode = world.categoryCode;
    assoc = await organization(api, reg, 'association', '深圳市智能终端产业协会', 'Shenzhen Smart Terminal Industry Association');
    code = `P${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
    await api.post('/api/v1/group-codes', { auth: assoc.auth, body: { code }, expect: 201 });
    const proposal = (titleZh: string, titleEn: string) =>
      api.post('/api/v1/group-standards', {
        auth: assoc.auth,
        body: {
          titleZh,
          titleEn,
          scope: '本文件规定了智能手机快充的安全技术要求和试验方法。',
          ics: '33.050',
          ccs: 'M30',
          fullTextOpen: true,
          categoryCodes: [world.categoryCode],
        },
        expect: 201,
      });
    openId = (await proposal(TITLE.zh, TITLE.en)).body.id;
    proposedId = (await proposal('<script>alert(1)</script>未立项的提案', 'A proposal')).body.id;
    const step = (path: string, body: object = {}) => api.http().post(`/api/v1/group-standards/${openId}/${path}`).set(assoc.auth).send(body).expect(200);
    await step('approve', { note: '理事会审议通过立项' });
    await step('start-drafting');
    await api.put('/api/v1/group-standards/{id}/requirements', {
      params: { id: openId },
      auth: assoc.auth,
      body: {
        requirements: [
          { clause: '5.1', textZh: '快充温升', textEn: 'Temperature rise while fast charging', kind: 'measured', unit: 'K', max: 15, critical: true },
          { clause: '5.2', textZh: '<b>过压保护</b>有效', textEn: 'Over-voltage protection works', kind: 'pass_fail', critical: true },
        ],
      },
      expect: 200,
    });
    await step('open-comment');
    const comment = await api.post('/api/v1/public/group-standards/{id}/comments', {
      params: { id: openId },
      body: { clause: '5.1', text: '建议温升限值按环境温度分档。', name: '王五', email: 'wangwu@example.cn' },
      expect: 201,
    });
    await step(`comments/${comment.body.id}/answer`, { answer: 'accepted', reply: '采纳，增加 25 ℃ 与 35 ℃ 两档。' });
  });
  afterAll(() => api?.close());

  it('lists the standard in the directory, found by 2 Chinese characters, in both languages', async () => {
    const zh = await page('/group-standards').query({ q: '快充', associationId: assoc.organizationId }).expect(200);
    expect(zh.type).toBe('text/html');
    expect(zh.text).toContain(TITLE.zh);
    expect(zh.text).toContain('征求意见中');
    const en = await page('/group-standards').query({ q: '快充', associationId: assoc.organizationId, lang: 'en' }).expect(200);
    expect(en.text).toContain(TITLE.en);
    expect(en.text).toContain('Open for comment');
    const none = await page('/group-standards').query({ q: '不存在的名称' }).expect(200);
    expect(none.text).not.toContain(TITLE.zh);
    // A proposal is not public.
    expect((await page('/group-standards').query({ associationId: assoc.organizationId }).expect(200)).text).not.toContain('未立项的提案');
  });

  it('refuses a 1-character search and an unknown status with the form again (400)', async () => {
    const short = await page('/group-standards').query({ q: '快' }).expect(400);
    expect(short.text).toContain('请至少输入 2 个字');
    const status = await page('/group-standards').query({ status: 'nonsense', lang: 'en' }).expect(400);
    expect(status.text).toContain('Not a valid filter');
  });

  it("shows a standard's page with its clauses, history, comment period and answered comment, escaping text and hiding the commenter", async () => {
    const res = await page(`/group-standards/${openId}`).expect(200);
    expect(res.text).toContain(TITLE.zh);
    expect(res.text).toContain('截止日期');
    expect(res.text).toContain('建议温升限值按环境温度分档。');
    expect(res.text).toContain('采纳，增加 25 ℃ 与 35 ℃ 两档。');
    expect(res.text).toContain('理事会审议通过立项');
    expect(res.text).toContain('&lt;b&gt;过压保护&lt;/b&gt;有效');
    expect(res.text).not.toMatch(/王五|wangwu@example\.cn/);
    expect(res.text).toContain(`action="/group-standards/${openId}/comments"`);
    const en = await page(`/group-standards/${openId}`).query({ lang: 'en' }).expect(200);
    expect(en.text).toContain('Temperature rise while fast charging');
    expect(en.text).toContain('Accepted');
    await page(`/group-standards/${proposedId}`).expect(404);
    await page('/group-standards/not-an-id').expect(400);
  });

  it('takes a comment from the form, and shows the form again naming a refused field', async () => {
    const bad = await form(openId, { clause: '5.1', text: '短', lang: 'zh' }).expect(400);
    expect(bad.text).toContain('请用 2 到 4000 个字说明意见');
    const unknown = await form(openId, { clause: '9.9', text: '没有这个条款的意见', lang: 'en' }).expect(400);
    expect(unknown.text).toContain('Choose a clause of the draft');
    const ok = await form(openId, { clause: '5.2', text: '建议补充过流保护要求。', lang: 'zh' }).expect(201);
    expect(ok.text).toContain('意见已收到');
    const after = await page(`/group-standards/${openId}`).expect(200);
    expect(after.text).toContain('建议补充过流保护要求。');
  });

  describe('in Chromium at 375×812', () => {
    let context: BrowserContext;
    let phone: Awaited<ReturnType<typeof launchPhone>>;

    beforeAll(async () => {
      phone = await launchPhone();
      if (phone) context = phone.context;
    }, 60_000);
    afterAll(async () => {
      await phone?.close();
    });

    async function open(path: string): Promise<Page> {
      const p = context.pages()[0] ?? (await context.newPage());
      const res = await p.goto(`${api.url}${path}`);
      expect(res?.status()).toBeLessThan(500);
      return p;
    }
    const shot = (p: Page, name: string) => p.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
    const sideways = (p: Page) => p.evaluate<boolean>('document.documentElement.scrollWidth > screen.width');

    browserIt(
      'searches the directory and comments on a clause through the form, in Chinese',
      async () => {
        const p = await open('/group-standards');
        await p.getByLabel('标准编号或名称').fill('快充');
        await p.getByLabel('发布团体').selectOption({ value: assoc.organizationId });
        await p.getByRole('button', { name: '查询' }).click();
        await p.getByRole('link', { name: TITLE.zh }).waitFor();
        await shot(p, 'group-standards-directory-zh');
        expect(await sideways(p)).toBe(false);
        await p.getByRole('link', { name: TITLE.zh }).click();
        await p.getByRole('heading', { level: 1, name: TITLE.zh }).waitFor();
        await p.getByLabel('条款（必填）').selectOption('5.1');
        await p.getByLabel('意见内容（必填）').fill('建议明确温升测量点的位置。');
        await shot(p, 'group-standards-standard-zh');
        expect(await sideways(p)).toBe(false);
        await p.getByRole('button', { name: '提交意见' }).click();
        await p.getByRole('heading', { name: '意见已收到' }).waitFor();
      },
      60_000,
    );

    browserIt(
      "shows a standard's page in English, and says when the comment period has ended",
      async () => {
        const p = await open(`/group-standards/${openId}?lang=en`);
        await p.getByRole('heading', { level: 1, name: TITLE.en }).waitFor();
        await p.getByText('Public comments and answers').waitFor();
        await shot(p, 'group-standards-standard-en');
        expect(await sideways(p)).toBe(false);
        await db.query(`UPDATE group_standards SET comment_from = comment_from - 40, comment_to = comment_to - 40 WHERE id = $1`, [openId]);
        await p.getByLabel('Your comment (required)').fill('A comment after the period ended.');
        await p.getByRole('button', { name: 'Send comment' }).click();
        await p.getByText('The comment period has ended or not begun').waitFor();
      },
      60_000,
    );
  });
  describe('console: the association runs its standards', () => {
    let browser: Browser | undefined;
    const contexts: WatchedContext[] = [];
    let draftId: string;

    beforeAll(async () => {
      const created = await api.post('/api/v1/group-standards', {
        auth: assoc.auth,
        body: {
          titleZh: '智能手表续航评价方法',
          titleEn: 'Smart watches — Battery life evaluation',
          scope: '规定智能手表续航的评价方法。',
          fullTextOpen: false,
          categoryCodes: [categoryCode],
        },
        expect: 201,
      });
      draftId = created.body.id;
      browser = await launchChromium();
    }, 60_000);
    afterAll(async () => {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser?.close();
    });

    browserIt(
      'zh: approves a proposal, drafts its clauses (a refused bound named at its field), opens it for comment and answers a comment',
      async () => {
        const { watched, page } = await signedInAt(browser!, `${api.url}/console/`, { email: assoc.email, password: PASSWORD }, 'zh', contexts);
        await page.getByRole('menuitem', { name: /团体标准/ }).click();
        await page.getByText(`本团体代号：${code}`).waitFor();
        await page.getByRole('link', { name: '智能手表续航评价方法' }).click();
        await page.getByRole('heading', { level: 1, name: '智能手表续航评价方法' }).waitFor();
        await checkedScreen(page, 'group-standard-proposed');

        await page.getByRole('button', { name: '立项' }).click();
        await page.getByRole('button', { name: '开始起草' }).click();
        await page.getByRole('button', { name: '添加条款' }).click();
        await page.getByLabel('条款 1', { exact: true }).fill('4.1');
        await page.getByLabel('要求（中文） 1', { exact: true }).fill('典型使用续航时间');
        await choose(page, '类型 1', '测量值');
        await page.getByLabel('单位 1', { exact: true }).fill('h');
        await page.getByRole('button', { name: '保存条款' }).click();
        // A measured clause without a bound: the server's refusal lands on the field.
        await page.getByText('a measured requirement needs min, max or both').waitFor();
        await page.getByLabel('下限 1', { exact: true }).fill('48');
        await page.getByRole('button', { name: '保存条款' }).click();
        // Saved, the form is read again from the standard (its clause ids change): the bound is there.
        await eventually(async () => {
          const g = await api.get('/api/v1/group-standards/{id}', { params: { id: draftId }, auth: assoc.auth, expect: 200 });
          return g.body.requirements.length === 1 ? true : undefined;
        }, 'the clauses saved');
        await expect(page.getByLabel('下限 1', { exact: true }).inputValue()).resolves.toBe('48');
        await checkedScreen(page, 'group-standard-drafting');
        await page.getByRole('button', { name: '公开征求意见' }).click();
        await page.getByText('征求意见中').first().waitFor();

        await api.post('/api/v1/public/group-standards/{id}/comments', {
          params: { id: draftId },
          body: { clause: '4.1', text: '建议注明测试环境温度。', email: 'reader@example.cn' },
          expect: 201,
        });
        await page.reload();
        await page.getByText('建议注明测试环境温度。').waitFor();
        await page.getByText('reader@example.cn').waitFor();
        await choose(page, '处理', '采纳');
        await page.getByLabel('处理说明').fill('采纳，增加 25 ℃ 测试条件。');
        await page.getByRole('button', { name: '处理意见' }).click();
        await page.getByText('处理: 采纳 — 采纳，增加 25 ℃ 测试条件。').waitFor();
        await checkedScreen(page, 'group-standard-comment-answered');
        const g = (await api.get('/api/v1/group-standards/{id}', { params: { id: draftId }, auth: assoc.auth, expect: 200 })).body;
        expect(g).toMatchObject({ status: 'public_comment', requirements: [expect.objectContaining({ clause: '4.1', min: 48, unit: 'h' })] });
        expect(g.comments[0]).toMatchObject({ answer: 'accepted' });
        watched.expectNoProblems();
      },
      120_000,
    );
  });
});
