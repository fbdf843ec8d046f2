import type { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { PASSWORD, regulator, TestUser } from './support/actors';
import { auditTeam, certifiedEnterprise, IssuedCertificate } from './support/case';
import { browserIt, checkA11y, launchChromium, shot, signIn, watchedContext, WatchedContext } from './support/console-browser';
import { startApi, TestApi } from './support/http';
import { SchemeWorld, schemeWorld } from './support/scheme';
import { startWorker, WorkerProcess } from './support/worker';

/**
 * The enterprise's screens for a certificate's life (issue 11), clicked in Chromium: the lifecycle
 * section and editions, renewal refused outside its window then applied for inside it, a scope
 * reduction confirmed, and an appeal against it lodged; once in Chinese, a shorter pass in English.
 * Time moves by the certificate's expiry date in the data. Screenshots: test/screenshots/console/life-*.
 */
describe('console: the enterprise and its certificate’s life', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let db: DataSource;
  let browser: Browser | undefined;
  let reg: TestUser;
  let world: SchemeWorld;
  let people: { auditor: TestUser; decider: TestUser };
  const contexts: WatchedContext[] = [];

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker('console-life');
    db = api.app.get(DataSource);
    reg = await regulator(api);
    world = await schemeWorld(api, reg);
    const team = await auditTeam(api, world);
    people = { auditor: team.auditors[0], decider: team.decider };
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await worker?.stop();
    await api?.close();
  });

  async function signedIn(cert: IssuedCertificate, language: 'zh' | 'en'): Promise<{ watched: WatchedContext; page: Page }> {
    const watched = await watchedContext(browser!);
    contexts.push(watched);
    const page = await watched.newPage();
    await page.goto(`${api.url}/console/`);
    if (language === 'en') {
      await page.getByRole('radiogroup', { name: '语言 / Language' }).getByText('EN', { exact: true }).click();
      await page.waitForFunction(`document.documentElement.lang === 'en'`);
    }
    await signIn(page, cert.ent.email, PASSWORD);
    return { watched, page };
  }

  const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

  browserIt(
    'zh: lifecycle and editions, renewal refused then applied for, a model taken out, the reduction appealed',
    async () => {
      const cert = await certifiedEnterprise(api, reg, world, { nameZh: '深圳生命周期电子有限公司', nameEn: 'Shenzhen Lifecycle Electronics' }, people);
      const { watched, page } = await signedIn(cert, 'zh');

      await page.goto(`${api.url}/console/certificates/${cert.id}`);
      await h1(page).filter({ hasText: cert.number }).waitFor();
      await page.getByRole('heading', { name: '证书生命周期' }).waitFor();
      await expect(page.getByText('每 12 个月').count()).resolves.toBeGreaterThan(0);
      await page.getByRole('cell', { name: '第 1 版 现行版' }).waitFor();
      await page.getByRole('link', { name: /第 1 版 PDF$/ }).waitFor();
      await checkA11y(page, 'certificate life');
      await shot(page, 'life-certificate-zh');

      // Outside the window: the refusal says when it opens.
      await page.getByRole('button', { name: '申请再认证' }).click();
      await page.getByRole('alert').filter({ hasText: '再认证申请窗口自' }).waitFor();
      await shot(page, 'life-renewal-refused-zh');

      // A hundred days before expiry: inside the six months.
      await db.query(`UPDATE certificates SET expires_on = current_date + 100 WHERE id = $1`, [cert.id]);
      await page.reload();
      await page.getByRole('button', { name: '申请再认证' }).click();
      await page.waitForURL(/\/console\/applications\/[0-9a-f-]{36}$/);
      await h1(page).waitFor();
      await page.getByText('再认证', { exact: true }).waitFor();
      await page.getByRole('link', { name: '查看该证书' }).waitFor();
      await shot(page, 'life-renewal-draft-zh');
      await checkA11y(page, 'renewal draft');

      // Take one model out, confirmed in the dialog that says what ends with it.
      await page.getByRole('link', { name: '查看该证书' }).click();
      await h1(page).filter({ hasText: cert.number }).waitFor();
      await page.getByRole('button', { name: '缩小范围' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('其认证标志使用授权随之终止').waitFor();
      await dialog.getByRole('checkbox', { name: 'HQ-X1 Pro', exact: true }).check();
      await checkA11y(page, 'scope reduction');
      await shot(page, 'life-reduce-zh');
      await dialog.getByRole('button', { name: '确认缩小范围' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('cell', { name: '缩小范围', exact: true }).waitFor();
      await expect(page.getByRole('cell', { name: 'HQ-X1', exact: true }).count()).resolves.toBe(1);
      await shot(page, 'life-reduced-zh');

      // Appeal the reduction: lands on the appeal, lodged.
      await page.getByRole('button', { name: '提出申诉' }).click();
      await dialog.getByText('最近的决定：缩小认证范围').waitFor();
      await dialog.getByLabel('申诉理由').fill('所移出型号已按标准整改并经检测合格，请求恢复。');
      await dialog.getByRole('button', { name: '提交申诉' }).click();
      await page.waitForURL(/\/console\/appeals\/[0-9a-f-]{36}$/);
      await h1(page)
        .filter({ hasText: /申诉 APL-/ })
        .waitFor();
      await page.getByText('已提出').first().waitFor();
      await checkA11y(page, 'appeal');
      await shot(page, 'life-appeal-zh');

      await page.getByRole('menuitem', { name: /申诉/ }).click();
      await page.getByRole('link', { name: /^APL-/ }).waitFor();
      await checkA11y(page, 'appeals');
      await shot(page, 'life-appeals-zh');
      await page.getByRole('menuitem', { name: /投诉/ }).click();
      await h1(page).filter({ hasText: '投诉' }).waitFor();
      await checkA11y(page, 'complaints');

      await page.getByRole('menuitem', { name: /认证申请/ }).click();
      await page.getByRole('link', { name: '再认证' }).waitFor();
      await shot(page, 'life-applications-zh');
      watched.expectNoProblems();
    },
    180_000,
  );

  browserIt(
    'en: the lifecycle section, the renewal window refusal and the appeals page',
    async () => {
      const cert = await certifiedEnterprise(api, reg, world, { nameZh: '深圳英文生命周期有限公司', nameEn: 'Shenzhen Life English Co' }, people);
      const { watched, page } = await signedIn(cert, 'en');
      await page.goto(`${api.url}/console/certificates/${cert.id}`);
      await page.getByRole('heading', { name: 'Life of the certificate' }).waitFor();
      await page.getByText('every 12 months').waitFor();
      await page.getByRole('link', { name: /Edition 1 PDF$/ }).waitFor();
      await page.getByRole('button', { name: 'Apply to renew' }).click();
      await page.getByRole('alert').filter({ hasText: 'Renewal opens on' }).waitFor();
      await checkA11y(page, 'certificate life (en)');
      await shot(page, 'life-certificate-en');
      await page.getByRole('menuitem', { name: /Appeals/ }).click();
      await page.getByText('The enterprise has lodged no appeal').waitFor();
      await checkA11y(page, 'appeals (en)');
      await shot(page, 'life-appeals-en');
      watched.expectNoProblems();
    },
    180_000,
  );
});
