import { Browser } from 'playwright-core';
import { organization, PASSWORD, regulator, TestUser } from './support/actors';
import { browserIt, checkedScreen, choose, launchChromium, openedDialog, signedInAt, WatchedContext } from './support/console-browser';
import { startApi, TestApi } from './support/http';
import { schemeWorld } from './support/scheme';

/**
 * The regulator's authorizations (机构授权) by clicking: a certification body found on the server by
 * part of its name (there are too many to load whole), the dialog's refusals on their fields (a
 * required field left empty, a validity that ends before it starts, as the API names it), the
 * authorization listed (the list narrowed to the body, as it holds every body's), then revoked with its
 * reason. Axe and a screenshot on each screen.
 */
describe("console: the regulator's authorizations", () => {
  let api: TestApi;
  let browser: Browser | undefined;
  const contexts: WatchedContext[] = [];
  let reg: TestUser;
  let categoryCode: string;
  const tag = Math.random().toString(36).slice(2, 7).toUpperCase();
  const BODY = `深圳市授权界面测试认证有限公司${tag}`;

  beforeAll(async () => {
    api = await startApi();
    reg = await regulator(api);
    ({ categoryCode } = await schemeWorld(api, reg));
    await organization(api, reg, 'certification_body', BODY, `Authorization Screens Certification ${tag} Ltd`);
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await api?.close();
  });

  browserIt(
    'authorizes a body found by typing its name, refused on the field first, then revokes it with a reason',
    async () => {
      const { watched, page } = await signedInAt(browser!, `${api.url}/console/`, { email: reg.email, password: PASSWORD }, 'zh', contexts);
      await page.getByRole('menuitem', { name: '机构授权' }).click();
      await page.getByRole('heading', { level: 1, name: '机构授权' }).waitFor();
      await page.getByRole('button', { name: '授权认证机构' }).click();
      // This person asked for less motion (the suites' browsers do): the dialog appears without its zoom.
      await page.locator('.ant-modal').waitFor();
      await expect(page.locator('.ant-modal').getAttribute('class')).resolves.not.toMatch(/zoom/);
      const dialog = await openedDialog(page);
      // Its OK button by the end of its name: after a refusal the spinner's leaving icon ("loading") can linger in the name under load.
      const ok = dialog.getByRole('button', { name: /授\s?权$/ });
      // Sent empty: each required field says so, and nothing reaches the server.
      await ok.click();
      await dialog.getByText('请填写此项').first().waitFor();
      await expect(dialog.getByText('请填写此项').count()).resolves.toBe(5);

      await choose(page, '认证机构', BODY, BODY.slice(0, 10), dialog);
      await choose(page, '认证类别', categoryCode, categoryCode, dialog);
      await dialog.getByLabel('认可证书号', { exact: true }).fill(`CNCA-R-2026-${tag}`);
      for (const [label, date] of [
        ['有效期起', '2027-01-01'],
        ['有效期止', '2026-12-31'],
      ]) {
        // Typed, then left with Tab (Enter in a field may send the form before the next one is filled).
        await dialog.getByLabel(label, { exact: true }).fill(date);
        await dialog.getByLabel(label, { exact: true }).press('Tab');
      }
      await ok.click();
      // The API's 400 names validUntil and its rule: the reason shows under that field, in Chinese.
      await dialog.locator('.ant-form-item-has-error').filter({ hasText: '有效期止' }).getByText('须晚于 2027-01-01', { exact: true }).waitFor();
      await checkedScreen(page, 'authorizations-refused');

      await dialog.getByLabel('有效期止', { exact: true }).fill('2029-12-31');
      await dialog.getByLabel('有效期止', { exact: true }).press('Tab');
      await ok.click();
      await dialog.waitFor({ state: 'hidden' });
      // The list holds every body's authorizations (a whole test run's, ordered by category and body):
      // the regulator narrows it to this body, found again by typing part of its name.
      await choose(page, '认证机构', BODY, BODY.slice(0, 10));
      const row = page.locator('tr', { hasText: `CNCA-R-2026-${tag}` });
      await row.getByText(BODY).waitFor();
      await row.getByText('2027-01-01 – 2029-12-31').waitFor();
      await checkedScreen(page, 'authorizations-listed');

      await row.getByRole('button', { name: `撤销 ${BODY} 的 ${categoryCode} 授权` }).click();
      const revoke = await openedDialog(page);
      await revoke.getByRole('button', { name: /^撤\s?销$/ }).click();
      await revoke.getByText('请填写此项').waitFor();
      await revoke.getByLabel('撤销原因', { exact: true }).fill('认可证书被认可机构暂停');
      await revoke.getByRole('button', { name: /^撤\s?销$/ }).click();
      await revoke.waitFor({ state: 'hidden' });
      await row.getByRole('button', { name: /撤销/ }).waitFor({ state: 'detached' });
      const listed = await api.get('/api/v1/authorizations', { auth: reg.auth, query: { categoryCode }, expect: 200 });
      expect(listed.body.items.find((a: { accreditationNumber: string }) => a.accreditationNumber === `CNCA-R-2026-${tag}`)).toMatchObject({
        status: 'revoked',
        certificationBody: { nameZh: BODY },
      });
      await checkedScreen(page, 'authorizations-revoked');
      // The filter is kept in the address: opened again, the field names the body (read by its id).
      await page.reload();
      await page
        .locator('.ant-select', { has: page.getByLabel('认证机构', { exact: true }) })
        .filter({ hasText: BODY })
        .waitFor();
      await page
        .locator('tr', { hasText: `CNCA-R-2026-${tag}` })
        .getByText('已撤销')
        .waitFor();
      watched.expectNoProblems();
    },
    120_000,
  );
});
