import AxeBuilder from '@axe-core/playwright';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, ConsoleMessage, Locator, Page } from 'playwright-core';

/**
 * The console in a real browser: Debian's Chromium driven by playwright-core, as the page tests
 * do (test/pages.e2e-spec.ts). Without /usr/bin/chromium the browser tests are skipped with a
 * warning, except in CI (CI_REQUIRE_BROWSER=true), where a missing browser fails them.
 */
export const CHROMIUM = '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM);
export const REQUIRE_BROWSER = process.env.CI_REQUIRE_BROWSER === 'true';
/** `it` when the browser can run (or must), `it.skip` otherwise. */
export const browserIt = HAVE_CHROMIUM || REQUIRE_BROWSER ? it : it.skip;

export const DESKTOP = { width: 1280, height: 800 };
export const TABLET = { width: 820, height: 1180 };
export type Size = typeof DESKTOP;

export const SHOTS = join(__dirname, '..', 'screenshots', 'console');

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches Chromium, or answers undefined when it is missing and the run may skip (the tests then skip too). */
export async function launchChromium(): Promise<Browser | undefined> {
  if (!HAVE_CHROMIUM) {
    if (REQUIRE_BROWSER) throw new Error(`CI_REQUIRE_BROWSER=true but ${CHROMIUM} is missing: apt-get install chromium`);
    console.warn('SKIPPED: Chromium not installed (apt-get install chromium); CI installs it. The console browser tests did not run.');
    return undefined;
  }
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

/** A phone as the public pages meet it: 375×812, touch, a Chinese browser in Shenzhen's time zone. */
export const PHONE = {
  viewport: { width: 375, height: 812 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
} as const;

/**
 * A phone (PHONE) in a Chromium profile of its own: how people meet the
 * public pages. Undefined when Chromium is missing and the run may skip; `close` removes the profile.
 */
export async function launchPhone(): Promise<{ context: BrowserContext; close(): Promise<void> } | undefined> {
  if (!HAVE_CHROMIUM) {
    if (REQUIRE_BROWSER) throw new Error(`CI_REQUIRE_BROWSER=true but ${CHROMIUM} is missing: apt-get install chromium`);
    console.warn('SKIPPED: Chromium not installed (apt-get install chromium); CI installs it. The public pages browser tests did not run.');
    return undefined;
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'szs-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    ...PHONE,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * What went wrong in the pages of one context: errors the page threw, and console errors — a CSP
 * violation is one ("Refused to … because it violates the following Content Security Policy
 * directive"). A refused request (401 before sign-in, a 4xx the screen shows as a refusal) is
 * logged by Chromium as "Failed to load resource: … status of 4xx": expected, so not counted.
 */
export interface PageProblems {
  pageErrors: string[];
  consoleErrors: string[];
  cspViolations: string[];
}

const EXPECTED_REFUSAL = /^Failed to load resource: the server responded with a status of 4\d\d\b/;
const CSP_VIOLATION = /Content Security Policy/i;

/** A browser context (a person at one screen size) that records its pages' problems. */
export interface WatchedContext {
  context: BrowserContext;
  problems: PageProblems;
  newPage(): Promise<Page>;
  /** Fails listing every page error, CSP violation and unexpected console error seen so far. */
  expectNoProblems(): void;
  close(): Promise<void>;
}

export async function watchedContext(browser: Browser, size: Size = DESKTOP): Promise<WatchedContext> {
  const context = await browser.newContext({
    viewport: size,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
    // A person who asked for less motion: the console's dialogs and dropdowns appear at once, so a click
    // is never lost to an opening animation on a loaded machine (the console's own support for the setting).
    reducedMotion: 'reduce',
  });
  // Chromium's own message does not say which element or file broke the policy; the page's violation event does.
  await context.addInitScript(`document.addEventListener('securitypolicyviolation', (e) => {
    const t = e.target && e.target.outerHTML ? e.target.outerHTML.slice(0, 200) : String(e.target);
    console.error('Content Security Policy violation event: ' + e.violatedDirective + ' at ' + e.sourceFile + ':' + e.lineNumber + ':' + e.columnNumber + ' on ' + t);
  });`);
  const problems: PageProblems = { pageErrors: [], consoleErrors: [], cspViolations: [] };
  const watch = (page: Page) => {
    page.on('pageerror', (error) => problems.pageErrors.push(`${page.url()}: ${error.stack ?? error.message}`));
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() !== 'error') return;
      const text = message.text();
      if (CSP_VIOLATION.test(text)) problems.cspViolations.push(`${page.url()}: ${text}`);
      else if (!EXPECTED_REFUSAL.test(text)) problems.consoleErrors.push(`${page.url()}: ${text}`);
    });
  };
  context.on('page', watch);
  return {
    context,
    problems,
    newPage: () => context.newPage(),
    expectNoProblems: () => {
      const all = [
        ...problems.cspViolations.map((p) => `CSP violation: ${p}`),
        ...problems.pageErrors.map((p) => `page error: ${p}`),
        ...problems.consoleErrors.map((p) => `console error: ${p}`),
      ];
      if (all.length) throw new Error(`the console's pages reported ${all.length} problem(s):\n${all.join('\n')}`);
    },
    close: () => context.close(),
  };
}

/** The labels of the sign-in form in both languages (the form is the person's way in, so the test goes through it). */
const EMAIL = /^(电子邮箱|E-mail)$/;
const PASSWORD = /^(密码|Password)$/;
/** Ant Design spaces out a two-character Chinese button label ("登 录"). */
export const SIGN_IN_BUTTON = /^(登\s?录|Sign in)$/;
/** Its icon adds its own name ("logout") before the text. */
export const SIGN_OUT_BUTTON = /(退出登录|Sign out)$/;

/** Signs in through the form on the page (the sign-in page, or the dialog over a page whose session ended) and waits for the signed-in frame. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  const scope = (await page.getByRole('dialog').count()) ? page.getByRole('dialog') : page;
  await scope.getByLabel(EMAIL).fill(email);
  await scope.getByLabel(PASSWORD).fill(password);
  await scope.getByRole('button', { name: SIGN_IN_BUTTON }).click();
  await page.getByRole('button', { name: SIGN_OUT_BUTTON }).waitFor({ state: 'visible', timeout: 15_000 });
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
}

/** The axe rules' impacts that fail a screen. */
const FAILING = new Set(['serious', 'critical']);

/**
 * Runs axe on the page as it is and fails on serious or critical violations, listing each rule,
 * its summary and the elements it found (minor and moderate findings are not failures).
 */
export async function checkA11y(page: Page, screenName: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const failing = results.violations.filter((v) => FAILING.has(v.impact ?? ''));
  if (!failing.length) return;
  const lines = failing.flatMap((v) => [
    `- ${v.id} (${v.impact}): ${v.help}`,
    ...v.nodes.slice(0, 8).map((n) => `    ${n.target.join(' ')}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`),
    ...(v.nodes.length > 8 ? [`    … and ${v.nodes.length - 8} more`] : []),
  ]);
  throw new Error(`axe: ${failing.length} serious or critical violation(s) on the ${screenName} screen (${page.url()}):\n${lines.join('\n')}`);
}

/** Runs in the page: whether the element has the focus (typed without the DOM library, which this project does not compile with). */
export const isFocused = (target: Locator): Promise<boolean> =>
  target.evaluate((el) => el === (el as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement);

/** Picks an option of an Ant Design select found by its label, typing `search` first when given. */
export async function choose(page: Page, label: string, option: string | RegExp, search?: string, scope: Page | Locator = page): Promise<void> {
  const box = scope.getByLabel(label, { exact: true });
  // The select shows the option chosen as its own text (the dropdown is elsewhere in the page).
  const chosen = scope.locator('.ant-select', { has: page.getByLabel(label, { exact: true }) }).filter({ hasText: option });
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  // A click that lands while the dropdown is still opening can be lost: the step is done only when
  // the field shows the option, so a lost click is tried again rather than going on with the old value.
  for (let attempt = 1; ; attempt++) {
    await box.click();
    if (search) await box.fill(search);
    await open.locator('.ant-select-item-option', { hasText: option }).first().click();
    // Closed, as a person leaves it (while open, its list is what a screen reader is on).
    await open.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
    const shown = await chosen.waitFor({ timeout: 5_000 }).then(
      () => true,
      () => false,
    );
    if (shown) return;
    if (attempt === 3) throw new Error(`${label}: the option ${String(option)} was clicked three times and never shown as chosen`);
  }
}

/**
 * The open dialog once its opening animation has ended (Ant Design zooms it in, and a click that
 * lands while it does can be lost): the dialog's own class list loses its zoom classes then.
 */
export async function openedDialog(page: Page): Promise<Locator> {
  const dialog = page.locator('.ant-modal[role="dialog"]:not([class*="ant-zoom"])');
  await dialog.waitFor();
  return dialog;
}

/** A screenshot of the whole page, to test/screenshots/console/<name>.png (git-ignored; look at them). */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/**
 * A person at the console in a browser context of their own (pushed to `contexts` for the suite to
 * close), the language chosen before signing in through the form.
 */
export async function signedInAt(
  browser: Browser,
  consoleUrl: string,
  who: { email: string; password: string },
  language: 'zh' | 'en',
  contexts: WatchedContext[],
): Promise<{ watched: WatchedContext; page: Page }> {
  const watched = await watchedContext(browser);
  contexts.push(watched);
  const page = await watched.newPage();
  const response = await page.goto(consoleUrl);
  if (response?.status() !== 200) throw new Error(`the console answered ${response?.status()} at ${consoleUrl}`);
  if (language === 'en') {
    await page.getByRole('radiogroup', { name: '语言 / Language' }).getByText('EN', { exact: true }).click();
    await page.waitForFunction(`document.documentElement.lang === 'en'`);
  }
  await signIn(page, who.email, who.password);
  return { watched, page };
}

/** A screen as it settles: its loading skeleton gone, then axe's check and a screenshot named `name`. */
export async function checkedScreen(page: Page, name: string): Promise<void> {
  await page
    .locator('#main .ant-skeleton')
    .first()
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
  await checkA11y(page, name);
  await shot(page, name);
}
