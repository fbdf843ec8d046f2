import type { Browser, Locator, Page } from 'playwright-core';
import { PASSWORD, regulator, TestUser } from './support/actors';
import {
  browserIt,
  checkA11y,
  isFocused,
  DESKTOP,
  launchChromium,
  shot,
  SIGN_IN_BUTTON,
  SIGN_OUT_BUTTON,
  signIn,
  TABLET,
  watchedContext,
  WatchedContext,
} from './support/console-browser';
import { startApi, TestApi } from './support/http';
import { declaringEnterprise, SchemeWorld, schemeWorld } from './support/scheme';
import { startWorker, WorkerProcess } from './support/worker';

/**
 * The console in Chromium, as its people use it: signing in and the session's life, the CSP, the
 * keyboard, axe on every screen visited, and the whole certification case clicked through by the
 * personas once in Chinese and once in English. Screenshots go to test/screenshots/console/.
 */

/** Presses Tab until `target` has the focus; answers how many presses it took, or fails naming the target. */
async function tabTo(page: Page, target: Locator, what: string, max = 25): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press('Tab');
    if (await isFocused(target)) return presses;
  }
  throw new Error(`${what} was not reached with ${max} presses of Tab`);
}

describe('the console in Chromium', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let browser: Browser | undefined;
  let reg: TestUser;
  let world: SchemeWorld;
  /** Signs in and out in the session tests; the walks have enterprises of their own. */
  let person: TestUser;
  const contexts: WatchedContext[] = [];

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker('console');
    reg = await regulator(api);
    world = await schemeWorld(api, reg);
    person = (await declaringEnterprise(api, reg, world)).admin;
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await worker?.stop();
    await api?.close();
  });

  /** A fresh browser profile (no cookies, no stored language) at the given size; its pages' problems fail the test at the end. */
  async function person_at(size = DESKTOP): Promise<{ watched: WatchedContext; page: Page }> {
    const watched = await watchedContext(browser!, size);
    contexts.push(watched);
    return { watched, page: await watched.newPage() };
  }

  const open = async (page: Page, path = '/console/') => {
    const res = await page.goto(`${api.url}${path}`);
    expect(res?.status()).toBe(200);
    return res!;
  };
  const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
  const signOutButton = (page: Page) => page.getByRole('button', { name: SIGN_OUT_BUTTON });
  const signInButton = (page: Page) => page.getByRole('button', { name: SIGN_IN_BUTTON });
  const lang = (page: Page) => page.evaluate<string>('document.documentElement.lang');
  /** The language switch (a segmented control of two radio options, 中文 and EN). */
  const switchTo = async (page: Page, language: 'zh' | 'en') => {
    await page
      .getByRole('radiogroup', { name: '语言 / Language' })
      .getByText(language === 'zh' ? '中文' : 'EN', { exact: true })
      .click();
    await page.waitForFunction(`document.documentElement.lang === '${language === 'zh' ? 'zh-CN' : 'en'}'`);
  };

  describe('signing in, the session and the frame', () => {
    browserIt(
      'shows the sign-in page in Chinese by default, in English after the switch, at desktop and tablet sizes',
      async () => {
        for (const [size, name] of [
          [DESKTOP, 'desktop'],
          [TABLET, 'tablet'],
        ] as const) {
          const { watched, page } = await person_at(size);
          await open(page);
          await expect(h1(page).innerText()).resolves.toBe('深圳标准认证工作台');
          await expect(lang(page)).resolves.toBe('zh-CN');
          await page.getByLabel('电子邮箱').waitFor();
          await page.getByLabel('密码').waitFor();
          await checkA11y(page, `sign-in (zh, ${name})`);
          await shot(page, `sign-in-zh-${name}`);

          await switchTo(page, 'en');
          await expect(h1(page).innerText()).resolves.toBe('Shenzhen Standard console');
          await page.getByLabel('E-mail').waitFor();
          await page.getByLabel('Password').waitFor();
          await checkA11y(page, `sign-in (en, ${name})`);
          await shot(page, `sign-in-en-${name}`);
          // The choice of language is kept for the next visit (only the language: never a credential).
          await page.reload();
          await expect(h1(page).innerText()).resolves.toBe('Shenzhen Standard console');
          watched.expectNoProblems();
        }
      },
      60_000,
    );

    browserIt(
      'says on screen that the e-mail or password is wrong, and that a field is missing',
      async () => {
        const { watched, page } = await person_at();
        await open(page);
        await signInButton(page).click();
        await page.getByText('请填写电子邮箱').waitFor();
        await page.getByText('请填写密码').waitFor();
        await page.getByLabel('电子邮箱').fill(person.email);
        await page.getByLabel('密码').fill('Wrong-Password-2026');
        await signInButton(page).click();
        await expect(page.getByRole('alert').filter({ hasText: '邮箱或密码不正确' }).innerText()).resolves.toContain('邮箱或密码不正确，或账户已停用。');
        await checkA11y(page, 'sign-in refused');
        await shot(page, 'sign-in-refused-zh');
        await expect(signOutButton(page).count()).resolves.toBe(0);
        watched.expectNoProblems();
      },
      60_000,
    );

    browserIt(
      'keeps the session over a reload but not into a new browser, and signs out',
      async () => {
        const { watched, page } = await person_at();
        await open(page);
        await signIn(page, person.email, PASSWORD);
        await checkA11y(page, 'home (enterprise)');
        await shot(page, 'home-enterprise-zh');
        // The session is an HttpOnly cookie: no script can read it, and nothing is kept in web storage.
        await expect(page.evaluate<string>('document.cookie')).resolves.not.toContain('szs_session');
        const stored = await page.evaluate<string>('JSON.stringify({ ...localStorage, ...sessionStorage })');
        expect(stored).not.toMatch(/token|eyJ/i);

        await page.reload();
        await signOutButton(page).waitFor();

        // A closed browser forgets the cookie (it has no expiry): a new one starts at the sign-in.
        const other = await person_at();
        await open(other.page);
        await signInButton(other.page).waitFor();
        await expect(signOutButton(other.page).count()).resolves.toBe(0);

        await signOutButton(page).click();
        await signInButton(page).waitFor();
        await page.reload();
        await signInButton(page).waitFor();
        await expect(signOutButton(page).count()).resolves.toBe(0);
        watched.expectNoProblems();
        other.watched.expectNoProblems();
      },
      60_000,
    );

    browserIt(
      'brings the sign-in back when the session has ended, and leaves the person on the page they were on',
      async () => {
        const { watched, page } = await person_at();
        const deep = '/console/no-such-screen/42';
        await open(page, deep);
        await signIn(page, person.email, PASSWORD);
        expect(new URL(page.url()).pathname).toBe(deep);
        // The session ends (as when its token expires): the next load of the page asks to sign in again, on the same page.
        await watched.context.clearCookies();
        await page.reload();
        await signInButton(page).waitFor();
        await signIn(page, person.email, PASSWORD);
        expect(new URL(page.url()).pathname).toBe(deep);
        watched.expectNoProblems();
      },
      60_000,
    );

    browserIt(
      'serves the console under a CSP that allows no inline script, and nothing breaks it',
      async () => {
        const { watched, page } = await person_at();
        const res = await open(page);
        const csp = (await res.allHeaders())['content-security-policy'];
        expect(csp).toContain("script-src 'self'");
        expect(csp).toMatch(/style-src 'self' 'nonce-[^']+'/);
        expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
        await signInButton(page).waitFor();
        await expect(page.evaluate<number>('document.querySelectorAll("script:not([src])").length')).resolves.toBe(0);
        // Ant Design's run-time styles are applied (they carry the nonce): the primary button is the theme's red, not unstyled.
        await expect(
          signInButton(page).evaluate(
            (el) => (globalThis as unknown as { getComputedStyle: (e: unknown) => { backgroundColor: string } }).getComputedStyle(el).backgroundColor,
          ),
        ).resolves.toBe('rgb(200, 16, 46)');
        await signIn(page, person.email, PASSWORD);
        await switchTo(page, 'en');
        await switchTo(page, 'zh');
        expect(watched.problems.cspViolations).toEqual([]);
        watched.expectNoProblems();
      },
      60_000,
    );

    browserIt(
      'can be used with the keyboard: the sign-in form, then the menu and the frame',
      async () => {
        const { watched, page } = await person_at();
        await open(page);
        await signInButton(page).waitFor();
        await page.evaluate('document.activeElement && document.activeElement.blur()');
        const email = page.getByLabel('电子邮箱');
        const password = page.getByLabel('密码');
        const a = await tabTo(page, email, 'the e-mail field');
        await page.keyboard.type(person.email);
        const b = a + (await tabTo(page, password, 'the password field'));
        await page.keyboard.type(PASSWORD);
        const c = b + (await tabTo(page, signInButton(page), 'the sign-in button'));
        expect(a < b && b < c).toBe(true);
        await page.keyboard.press('Enter');
        await signOutButton(page).waitFor();

        // Signed in: the skip link comes first and moves the focus to the main content; the menu entries and the frame's buttons follow.
        await page.evaluate('document.activeElement && document.activeElement.blur()');
        await page.keyboard.press('Tab');
        const skip = page.getByRole('link', { name: '跳到主要内容' });
        await expect(isFocused(skip)).resolves.toBe(true);
        await page.keyboard.press('Enter');
        await expect(isFocused(page.locator('#main'))).resolves.toBe(true);
        const nav = page.getByRole('navigation', { name: '主导航' });
        const entries = await nav.getByRole('link').all();
        expect(entries.length).toBeGreaterThan(0);
        await page.evaluate('document.activeElement && document.activeElement.blur()');
        for (const [i, entry] of entries.entries()) await tabTo(page, entry, `menu entry ${i + 1} (${await entry.innerText()})`);
        await tabTo(page, signOutButton(page), 'the sign-out button');
        await page.keyboard.press('Enter');
        await signInButton(page).waitFor();
        watched.expectNoProblems();
      },
      60_000,
    );
  });
});
