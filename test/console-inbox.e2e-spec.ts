import type { Browser, Page } from 'playwright-core';
import { member, PASSWORD, regulator, TestUser } from './support/actors';
import { certifiedEnterprise, IssuedCertificate } from './support/case';
import { browserIt, checkA11y, choose, launchChromium, shot, signIn, watchedContext, WatchedContext } from './support/console-browser';
import { startApi, TestApi } from './support/http';
import { schemeWorld } from './support/scheme';
import { eventually, startWorker, WorkerProcess } from './support/worker';

/**
 * The inbox in Chromium: a case driven through the API with the worker running (no SMTP_URL: the
 * inbox only) tells the enterprise; its person sees the count on the bell, opens the inbox and a
 * message (which reads it), marks all read, in Chinese and once in English. The regulator keeps the
 * holiday table. axe on every screen; screenshots in test/screenshots/console/inbox-*.png.
 */
describe('console: the inbox of notifications and the holiday table', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let browser: Browser | undefined;
  let reg: TestUser;
  let cert: IssuedCertificate;
  /** How many messages the enterprise had once the case was done. */
  let told: number;
  const contexts: WatchedContext[] = [];

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker('console-inbox', { SMTP_URL: '' });
    reg = await regulator(api);
    const world = await schemeWorld(api, reg);
    const auditor = await member(api, world.cbAdmin, ['auditor']);
    const decider = await member(api, world.cbAdmin, ['decision_maker']);
    cert = await certifiedEnterprise(api, reg, world, { nameZh: '深圳市收件箱测试电子有限公司', nameEn: 'Inbox Test Electronics' }, { auditor, decider });
    told = await eventually(async () => {
      const res = await api.get('/api/v1/notifications', { auth: cert.ent.auth, expect: 200 });
      return res.body.items.some((n) => n.event === 'certificate_issued') ? res.body.unreadCount : undefined;
    }, 'the certificate-issued message in the inbox');
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await worker?.stop();
    await api?.close();
  });

  async function signedIn(email: string, language: 'zh' | 'en' = 'zh'): Promise<{ watched: WatchedContext; page: Page }> {
    const watched = await watchedContext(browser!);
    contexts.push(watched);
    const page = await watched.newPage();
    await page.goto(`${api.url}/console/`);
    await signIn(page, email, PASSWORD);
    if (language === 'en') {
      await page.getByRole('radiogroup', { name: '语言 / Language' }).getByText('EN', { exact: true }).click();
      await page.waitForFunction(`document.documentElement.lang === 'en'`);
    }
    return { watched, page };
  }
  const rows = (page: Page) => page.locator('.ant-table-tbody tr.ant-table-row');
  const unreadNow = async () => (await api.get('/api/v1/notifications', { auth: cert.ent.auth, expect: 200 })).body.unreadCount;

  browserIt(
    'shows the unread count on the bell, the messages in the inbox; opening one goes to its page and reads it; all can be marked read (zh)',
    async () => {
      const { watched, page } = await signedIn(cert.ent.email);
      expect(told).toBeGreaterThanOrEqual(3);
      const bell = page.getByRole('button', { name: `通知（${told} 条未读）` });
      await bell.waitFor();
      await checkA11y(page, 'home with the bell (zh)');
      await bell.click();
      await page.waitForURL(/\/console\/notifications$/);
      await page.getByRole('heading', { level: 1, name: '通知' }).waitFor();
      const issued = page.getByRole('link', { name: `证书已颁发：${cert.number}` });
      await issued.waitFor();
      // The subject in the console's language only (the API gives "zh / en").
      await expect(page.getByText('Certificate issued').count()).resolves.toBe(0);
      await page.getByText('审核已安排', { exact: false }).first().waitFor();
      await expect(page.getByText(`${told} 条未读`).count()).resolves.toBe(1);
      await checkA11y(page, 'inbox (zh)');
      await shot(page, 'inbox-zh');

      await issued.click();
      await page.waitForURL(new RegExp(`/console/certificates/${cert.id}$`));
      await page.getByText(cert.number).first().waitFor();
      await page.getByRole('button', { name: `通知（${told - 1} 条未读）` }).waitFor();
      await expect(unreadNow()).resolves.toBe(told - 1);

      await page.goBack();
      await page.waitForURL(/\/console\/notifications$/);
      // The message opened is read now: shown as read, and it offers "mark unread".
      await page.getByRole('button', { name: `标为未读: 证书已颁发：${cert.number}` }).waitFor();
      await page.getByRole('button', { name: '全部标为已读' }).click();
      await page.getByRole('button', { name: '通知', exact: true }).waitFor();
      await page.getByText('0 条未读').waitFor();
      await expect(unreadNow()).resolves.toBe(0);
      // The unread filter lives in the URL; nothing unread is left.
      await page.getByText('仅未读', { exact: true }).click();
      await page.waitForURL(/unread=true/);
      await page.getByText('没有未读通知').waitFor();
      await checkA11y(page, 'inbox, unread only, empty (zh)');
      await shot(page, 'inbox-zh-unread-empty');
      watched.expectNoProblems();
    },
    90_000,
  );

  browserIt(
    'marks a message unread again and shows it under the unread filter, in English',
    async () => {
      const { watched, page } = await signedIn(cert.ent.email, 'en');
      await page.getByRole('button', { name: 'Notifications', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
      await page.getByRole('link', { name: `Certificate issued: ${cert.number}` }).waitFor();
      await expect(page.getByText('证书已颁发').count()).resolves.toBe(0);
      await page.getByRole('button', { name: `Mark unread: Certificate issued: ${cert.number}` }).click();
      await page.getByRole('button', { name: 'Notifications (1 unread)' }).waitFor();
      await page.getByText('Unread only', { exact: true }).click();
      await page.waitForURL(/unread=true/);
      await page.getByRole('button', { name: `Mark read: Certificate issued: ${cert.number}` }).waitFor();
      // The list keeps showing the previous page while the filtered one loads: wait for the others to go.
      await rows(page).nth(1).waitFor({ state: 'detached' });
      await expect(rows(page).count()).resolves.toBe(1);
      await checkA11y(page, 'inbox, unread only (en)');
      await shot(page, 'inbox-en-unread');
      // A reload keeps the filter (it is in the URL) and the count.
      await page.reload();
      await page.getByRole('button', { name: 'Notifications (1 unread)' }).waitFor();
      await rows(page).first().waitFor();
      await expect(rows(page).count()).resolves.toBe(1);
      await page.getByRole('link', { name: `Certificate issued: ${cert.number}` }).click();
      await page.waitForURL(new RegExp(`/console/certificates/${cert.id}$`));
      await page.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
      watched.expectNoProblems();
    },
    90_000,
  );

  browserIt(
    'lets the regulator add a holiday (a refused name shown on its field), edit it and delete it after confirming',
    async () => {
      // Two years ahead: no other suite counts working days that far.
      const year = new Date().getUTCFullYear() + 2;
      const date = `${year}-08-18`;
      await api.http().delete(`/api/v1/holidays/${date}`).set(reg.auth);
      const { watched, page } = await signedIn(reg.email);
      await page.getByRole('link', { name: '节假日', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: '节假日与调休' }).waitFor();
      await choose(page, '年份', String(year));
      await page.waitForURL(new RegExp(`year=${year}`));
      await checkA11y(page, 'holidays (zh)');

      await page.getByRole('button', { name: '新增日期' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('日期').fill(date);
      await dialog.getByLabel('中文名称').fill('测'.repeat(101));
      await dialog.getByLabel('英文名称').fill('Test holiday');
      await dialog.getByRole('button', { name: '保存' }).click();
      // The API's 400 names nameZh: the reason shows under that field.
      await dialog.locator('.ant-form-item-has-error').filter({ hasText: '中文名称' }).waitFor();
      await dialog.getByRole('alert').first().waitFor();
      await checkA11y(page, 'holiday form refused (zh)');
      await shot(page, 'inbox-holiday-refused');
      await dialog.getByLabel('中文名称').fill('测试假日');
      await dialog.getByRole('button', { name: '保存' }).click();
      await dialog.waitFor({ state: 'hidden' });
      const row = page.locator('tr', { hasText: date });
      await row.getByText('测试假日').waitFor();
      await row.getByText('节假日（休息）').waitFor();
      await expect(api.get('/api/v1/holidays/{date}', { params: { date }, auth: reg.auth, expect: 200 }).then((r) => r.body)).resolves.toMatchObject({
        kind: 'holiday',
        nameZh: '测试假日',
      });

      await page.getByRole('button', { name: `修改 ${date}` }).click();
      await choose(page, '类型', '调休上班日');
      await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
      await row.getByText('调休上班日').waitFor();
      await shot(page, 'inbox-holidays');

      await page.getByRole('button', { name: `删除 ${date}` }).click();
      await page.locator('.ant-popconfirm').getByRole('button', { name: '删除', exact: true }).click();
      await row.waitFor({ state: 'detached' });
      await api.get('/api/v1/holidays/{date}', { params: { date }, auth: reg.auth, expect: 404 });
      watched.expectNoProblems();
    },
    90_000,
  );
});
