import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { member, PASSWORD, regulator, TestUser } from './support/actors';
import { applicationStatus, plannedAudit, TEST_REPORT } from './support/case';
import {
  browserIt,
  checkA11y,
  choose,
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
import { eventually, startWorker, WorkerProcess } from './support/worker';

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

/** A catalogue entry of the world's standard under a name only this suite uses, so the wizard's search finds exactly it. */
async function walkEntry(api: TestApi, reg: TestUser, world: SchemeWorld): Promise<{ zh: string; en: string }> {
  const tag = world.categoryCode;
  const name = { zh: `走查智能手机${tag}`, en: `Walk smartphones ${tag}` };
  const { body: batch } = await api.post('/api/v1/catalogue/batches', { auth: reg.auth, expect: 201, body: { number: `W-${tag}`, titleZh: `走查目录${tag}` } });
  await api.post('/api/v1/catalogue/batches/{id}/entries', {
    params: { id: batch.id },
    auth: reg.auth,
    expect: 201,
    body: {
      categoryCode: world.categoryCode,
      kind: 'product',
      nameZh: name.zh,
      nameEn: name.en,
      evaluationRules: '按评价细则进行工厂检查和产品检测',
      standardIds: [world.standardId],
    },
  });
  await api.post('/api/v1/catalogue/batches/{id}/publish', { params: { id: batch.id }, auth: reg.auth, expect: 200 });
  return name;
}

/** What the personas read and press, in each language (the screens' own texts). */
const W = {
  zh: {
    applications: '认证申请',
    newApplication: '新建申请',
    entry: '产品或服务类别（认证目录）',
    standard: '标准',
    declaration: '自我声明（本企业已公开的）',
    body: '认证机构（在该类别获授权且今日有效）',
    next: '下一步',
    saveDraft: '保存草稿',
    productNameZh: '产品名称（中文）',
    brand: '品牌',
    models: '型号',
    factoryAddress: '生产厂地址',
    submitApplication: '提交申请',
    inbox: '申请收件箱',
    takeIntoReview: '开始审查',
    accept: '受理申请',
    audits: '审核日历',
    startAudit: '开始审核',
    measured: '测量值',
    pass: '合格',
    laboratoryName: '检测实验室',
    cnasNumber: 'CNAS 认可编号',
    reportNumber: '检测报告编号',
    reportDate: '检测报告日期',
    saveFinding: '保存该项',
    recordedPass: '已记录：合格',
    submitAudit: '提交审核',
    decisions: '认证决定',
    youWereAuditor: '您是本案的审核员，不能作出决定。',
    grant: '批准发证',
    rationale: '决定理由',
    submitDecision: '提交决定',
    confirm: '确认提交',
    decided: '决定已记录。',
    grantedStatus: '已获证',
    certificates: '证书',
    pdf: '下载证书 PDF',
    requestMark: '申请使用认证标志',
    sendMarkRequest: '提交申请',
    product: '产品本体',
    packaging: '包装',
    markGrants: '标志使用',
    grantMark: '批准使用',
    grantMarkOf: '批准使用：{number}',
    marks: '认证标志',
    quantity: '数量',
    orderLabels: '订购标签码',
    downloadCsv: '下载 CSV',
  },
  en: {
    applications: 'Applications',
    newApplication: 'New application',
    entry: 'Product or service type (catalogue)',
    standard: 'Standard',
    declaration: "Self-declaration (the enterprise's published ones)",
    body: 'Certification body (authorized for the category, valid today)',
    next: 'Next',
    saveDraft: 'Save draft',
    productNameZh: 'Product name (Chinese)',
    brand: 'Brand',
    models: 'Models',
    factoryAddress: 'Factory address',
    submitApplication: 'Submit the application',
    inbox: 'Application inbox',
    takeIntoReview: 'Take into review',
    accept: 'Accept',
    audits: 'Audit calendar',
    startAudit: 'Start the audit',
    measured: 'Measured value',
    pass: 'Pass',
    laboratoryName: 'Testing laboratory',
    cnasNumber: 'CNAS accreditation number',
    reportNumber: 'Test report number',
    reportDate: 'Test report date',
    saveFinding: 'Save this finding',
    recordedPass: 'Recorded: pass',
    submitAudit: 'Submit the audit',
    decisions: 'Decisions',
    youWereAuditor: 'You were an auditor on this case, so you may not decide it.',
    grant: 'Grant certification',
    rationale: 'Rationale',
    submitDecision: 'Submit the decision',
    confirm: 'Confirm',
    decided: 'The decision is recorded.',
    grantedStatus: 'Granted',
    certificates: 'Certificates',
    pdf: 'Download PDF',
    requestMark: 'Request the mark',
    sendMarkRequest: 'Send the request',
    product: 'Product',
    packaging: 'Packaging',
    markGrants: 'Mark grants',
    grantMark: 'Grant',
    grantMarkOf: 'Grant: {number}',
    marks: 'Certification marks',
    quantity: 'Quantity',
    orderLabels: 'Order label codes',
    downloadCsv: 'Download CSV',
  },
};
type Words = (typeof W)['zh'];

/** Clicks what starts a download and answers the downloaded bytes. */
async function download(page: Page, trigger: Locator): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), trigger.click()]);
  const path = await file.path();
  return readFileSync(path);
}

/** Clicks a menu entry of the frame's navigation (on a narrow screen, opening the folded menu first). */
async function menu(page: Page, name: string): Promise<void> {
  const toggle = page.getByRole('button', { name: /^(menu )?(菜单|Menu)$/ });
  if (await toggle.count()) await toggle.click();
  await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
}

describe('the console in Chromium', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let browser: Browser | undefined;
  let reg: TestUser;
  let world: SchemeWorld;
  /** Auditors who may also decide (so the independence rule, not the role, is what refuses the one on the case). */
  let auditors: TestUser[];
  let decider: TestUser;
  /** The catalogue entry the walks apply for, with a name no other suite uses (the test database is shared by the run). */
  let entryName: { zh: string; en: string };
  /** Signs in and out in the session tests; the walks have enterprises of their own. */
  let person: TestUser;
  const contexts: WatchedContext[] = [];

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker('console');
    reg = await regulator(api);
    world = await schemeWorld(api, reg);
    auditors = [await member(api, world.cbAdmin, ['auditor', 'decision_maker']), await member(api, world.cbAdmin, ['auditor', 'decision_maker'])];
    decider = await member(api, world.cbAdmin, ['decision_maker']);
    entryName = await walkEntry(api, reg, world);
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
        const directives = new Map(
          csp
            .split(';')
            .map((d) => d.trim().split(/\s+/))
            .map(([name, ...values]) => [name, values.join(' ')]),
        );
        expect(directives.get('script-src')).toBe("'self'");
        expect(directives.get('style-src-elem')).toMatch(/^'self' 'nonce-[^']+'$/);
        // Only style attributes may be inline (Ant Design positions popups with them); never a script, never eval.
        expect(csp).not.toMatch(/unsafe-eval/);
        expect([...directives].filter(([, v]) => v.includes('unsafe-inline')).map(([name]) => name)).toEqual(['style-src-attr']);
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

  describe.each(['zh', 'en'] as const)('the whole case clicked through by its people, in %s', (language) => {
    const w: Words = W[language];
    let ent: TestUser;
    let applicationId: string;
    let applicationNumber: string;
    let auditId: string;
    let auditor: TestUser;
    let otherAuditor: TestUser | undefined;
    let certificate: { id: string; number: string };

    beforeAll(async () => {
      ent = (await declaringEnterprise(api, reg, world)).admin;
    }, 60_000);

    /** A person in a browser of their own, signed in through the form in the walk's language. */
    async function signedIn(who: TestUser, size = DESKTOP): Promise<{ watched: WatchedContext; page: Page }> {
      const at = await person_at(size);
      await open(at.page);
      if (language === 'en') await switchTo(at.page, 'en');
      await signIn(at.page, who.email, PASSWORD);
      return at;
    }

    /** Every screen the walk visits: axe finds no serious or critical violation, and a screenshot is saved. */
    async function screen(page: Page, name: string): Promise<void> {
      await page
        .locator('#main .ant-skeleton')
        .first()
        .waitFor({ state: 'detached' })
        .catch(() => undefined);
      await checkA11y(page, `${name} (${language})`);
      await shot(page, `walk-${language}-${name}`);
    }

    browserIt(
      'the enterprise creates the application in the wizard, is shown a wrong value next to its field, and submits it',
      async () => {
        const { watched, page } = await signedIn(ent);
        await screen(page, 'enterprise-home');
        await menu(page, w.applications);
        await page.getByRole('heading', { level: 1, name: w.applications }).waitFor();
        await screen(page, 'enterprise-applications');
        await page
          .getByRole('button', { name: w.newApplication })
          .or(page.getByRole('link', { name: w.newApplication }))
          .first()
          .click();

        await choose(page, w.entry, entryName.zh, entryName.zh);
        await choose(page, w.standard, /SZDB\/Z/);
        await screen(page, 'wizard-entry');
        await page.getByRole('button', { name: w.next }).click();
        await choose(page, w.declaration, /智能手机/);
        await choose(page, w.body, /./);
        await page.getByRole('button', { name: w.next }).click();
        await page.getByLabel(w.productNameZh).fill('智能手机');
        await page.getByLabel(w.brand, { exact: true }).fill('华强');
        const models = page.getByLabel(w.models, { exact: true });
        await models.click();
        await models.fill('HQ-X1');
        await models.press('Enter');
        // Two characters: the API wants a factory address of at least four (the form has no rule of its own for it).
        await page.getByLabel(w.factoryAddress).fill('深圳');
        await page.getByRole('button', { name: w.next }).click();
        await screen(page, 'wizard-review');
        await page.getByRole('button', { name: w.saveDraft }).click();

        // The refusal: the wizard goes back to the scope and shows the API's reason under the factory address.
        const factoryItem = page.locator('.ant-form-item', { has: page.getByLabel(w.factoryAddress) });
        await factoryItem.locator('.ant-form-item-explain-error').first().waitFor();
        await expect(factoryItem.locator('.ant-form-item-explain-error').first().innerText()).resolves.toMatch(/4/);
        await page.getByRole('alert').first().waitFor();
        await screen(page, 'wizard-refused');

        await page.getByLabel(w.factoryAddress).fill('深圳市宝安区福永街道华强工业园3栋');
        await page.getByRole('button', { name: w.next }).click();
        await page.getByRole('button', { name: w.saveDraft }).click();
        await page.waitForURL(/\/console\/applications\/[0-9a-f-]{36}$/);
        applicationId = new URL(page.url()).pathname.split('/').pop()!;
        await page.getByRole('button', { name: w.submitApplication }).click();
        await eventually(async () => ((await applicationStatus(api, ent, applicationId)) === 'submitted' ? true : undefined), 'the application submitted');
        await page.getByRole('button', { name: w.submitApplication }).waitFor({ state: 'detached' });
        await screen(page, 'application-submitted');
        applicationNumber = (await api.get('/api/v1/applications/{id}', { params: { id: applicationId }, auth: ent.auth, expect: 200 })).body.number;
        watched.expectNoProblems();
      },
      120_000,
    );

    browserIt(
      'the reviewer takes it into review and accepts it',
      async () => {
        const { watched, page } = await signedIn(world.reviewer);
        await screen(page, 'reviewer-home');
        await menu(page, w.inbox);
        await page.getByRole('link', { name: applicationNumber }).first().click();
        await page.getByRole('button', { name: w.takeIntoReview }).click();
        await eventually(async () => ((await applicationStatus(api, ent, applicationId)) === 'under_review' ? true : undefined), 'under review');
        await screen(page, 'review');
        await page.getByRole('button', { name: w.accept }).click();
        await page.getByRole('dialog').getByRole('button', { name: w.accept }).click();
        await eventually(async () => (['accepted', 'in_evaluation'].includes(await applicationStatus(api, ent, applicationId)) ? true : undefined), 'accepted');
        await page.getByRole('dialog').waitFor({ state: 'detached' });
        await screen(page, 'review-accepted');
        watched.expectNoProblems();
      },
      120_000,
    );

    browserIt(
      'the worker plans the audit, and the assigned auditor records every finding on a tablet and submits',
      async () => {
        const planned = await plannedAudit(api, world.cbAdmin, applicationId);
        auditId = planned.id;
        auditor = auditors.find((a) => planned.auditorIds.includes(a.userId))!;
        otherAuditor = auditors.find((a) => !planned.auditorIds.includes(a.userId));
        expect(auditor).toBeDefined();
        const { watched, page } = await signedIn(auditor, TABLET);
        await menu(page, w.audits);
        const link = page.locator(`a[href$="/audits/${auditId}"]`).first();
        // The calendar shows the audit once the worker has planned it: reload until it is there.
        await eventually(
          async () => {
            if (await link.count()) return true;
            await page.reload();
            await page.locator('#main :is(h1, h2)').first().waitFor();
            return (await link.count()) ? true : undefined;
          },
          'the audit in the calendar',
          30_000,
          500,
        );
        await screen(page, 'audit-calendar-tablet');
        await link.click();
        await page.getByRole('button', { name: w.startAudit }).click();
        await page.getByRole('button', { name: w.startAudit }).waitFor({ state: 'detached' });
        const audit = (await api.get('/api/v1/audits/{id}', { params: { id: auditId }, auth: auditor.auth, expect: 200 })).body;
        await screen(page, 'audit-form-tablet');
        for (const item of audit.checklist) {
          const card = page.getByRole('group', { name: new RegExp(`^${item.clause.replace('.', '\\.')} `) });
          if (item.kind === 'measured') await card.getByLabel(new RegExp(`^${w.measured}`)).fill(String((item.min ?? 0) + 8));
          else await card.getByText(w.pass, { exact: true }).click();
          await card.getByLabel(w.laboratoryName).fill('深圳市计量质量检测研究院');
          await card.getByLabel(w.cnasNumber).fill('CNAS L0235');
          await card.getByLabel(w.reportNumber).fill(`SZ2026-0815-${item.clause}`);
          await card.getByLabel(w.reportDate).fill(TEST_REPORT.reportDate);
          await card.getByRole('button', { name: `${w.saveFinding} ${item.clause}` }).click();
          await card.getByText(w.recordedPass, { exact: true }).waitFor();
        }
        await shot(page, `walk-${language}-audit-findings-tablet`);
        await page.getByRole('button', { name: w.submitAudit }).click();
        await eventually(
          async () => ((await applicationStatus(api, ent, applicationId)) === 'awaiting_decision' ? true : undefined),
          'the audit evaluated and the case awaiting decision',
        );
        await screen(page, 'audit-submitted-tablet');
        watched.expectNoProblems();
      },
      180_000,
    );

    browserIt(
      'refuses the decision to the auditor of the case, with the independence rule on screen',
      async () => {
        const { watched, page } = await signedIn(auditor);
        await menu(page, w.decisions);
        await page.getByRole('link', { name: applicationNumber }).first().click();
        await page.getByText(w.youWereAuditor).first().waitFor();
        await expect(page.getByRole('button', { name: w.submitDecision }).isDisabled()).resolves.toBe(true);
        await screen(page, 'decision-refused-to-auditor');
        // The API says the same to anyone who tries without the screen.
        const refused = await api.post('/api/v1/applications/{id}/decision', {
          params: { id: applicationId },
          auth: auditor.auth,
          body: { outcome: 'granted', rationale: '自己审核的案子' },
          expect: 403,
        });
        expect(refused.body.error).toBe('DECISION_NOT_INDEPENDENT');
        watched.expectNoProblems();
        void otherAuditor;
      },
      120_000,
    );

    browserIt(
      'the decision maker grants, and the worker issues the certificate',
      async () => {
        const { watched, page } = await signedIn(decider);
        await menu(page, w.decisions);
        await screen(page, 'decisions');
        await page.getByRole('link', { name: applicationNumber }).first().click();
        await page.getByText(w.grant, { exact: true }).click();
        await page.getByLabel(w.rationale).fill(language === 'zh' ? '全部关键指标符合要求，同意发证。' : 'Every critical requirement is met.');
        await screen(page, 'decision');
        await page.getByRole('button', { name: w.submitDecision }).click();
        await page.getByRole('dialog').getByRole('button', { name: w.confirm }).click();
        await eventually(async () => ((await applicationStatus(api, ent, applicationId)) === 'granted' ? true : undefined), 'the case granted');
        await page.locator('.ant-modal-confirm').waitFor({ state: 'detached' });
        await page.getByText(w.decided).or(page.getByText(w.grantedStatus)).first().waitFor();
        await screen(page, 'decision-recorded');
        certificate = await eventually(async () => {
          const res = await api.get('/api/v1/certificates', { query: { applicationId }, auth: ent.auth, expect: 200 });
          return res.body.items[0]?.pdfReady ? { id: res.body.items[0].id, number: res.body.items[0].number } : undefined;
        }, 'the certificate issued with its PDF');
        watched.expectNoProblems();
      },
      120_000,
    );

    browserIt(
      'the enterprise opens the certificate, downloads the PDF, requests the mark; the body grants it; the enterprise orders labels and downloads them',
      async () => {
        const { watched, page } = await signedIn(ent);
        await menu(page, w.certificates);
        await screen(page, 'enterprise-certificates');
        await page.getByRole('link', { name: certificate.number }).first().click();
        await page.getByRole('heading', { level: 1 }).filter({ hasText: certificate.number }).waitFor();
        await screen(page, 'certificate');
        const pdf = await download(
          page,
          page
            .getByRole('link', { name: w.pdf })
            .or(page.getByRole('button', { name: w.pdf }))
            .first(),
        );
        expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        expect(pdf.length).toBeGreaterThan(5_000);

        await page.getByRole('button', { name: w.requestMark }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByText(/^HQ-X1 /).click();
        await dialog.getByText(w.product, { exact: true }).click();
        await dialog.getByText(w.packaging, { exact: true }).click();
        await screen(page, 'mark-request');
        await dialog.getByRole('button', { name: w.sendMarkRequest }).click();
        await page.waitForURL(/\/console\/marks\/[0-9a-f-]{36}$/);
        const grantPage = page.url();

        // The certification body grants the mark.
        const body = await signedIn(world.cbAdmin);
        await menu(body.page, w.markGrants);
        await screen(body.page, 'body-mark-grants');
        await body.page
          .getByRole('button', { name: w.grantMarkOf.replace('{number}', certificate.number) })
          .first()
          .click();
        await body.page.getByRole('dialog').getByRole('button', { name: w.grantMark, exact: true }).click();
        await body.page.getByRole('dialog').waitFor({ state: 'detached' });
        body.watched.expectNoProblems();

        await page.goto(grantPage);
        await page.getByLabel(w.quantity).fill('25');
        await screen(page, 'mark-granted');
        await page.getByRole('button', { name: w.orderLabels }).click();
        const bar = page.getByRole('progressbar').first();
        // The bar follows the worker's progress (the page polls the batch) until it is full.
        await eventually(async () => ((await bar.getAttribute('aria-valuenow')) === '100' ? true : undefined), 'the progress bar at 100 %', 30_000, 200);
        await expect(bar.getAttribute('aria-valuenow')).resolves.toBe('100');
        await screen(page, 'labels-ready');
        const csv = (
          await download(
            page,
            page
              .getByRole('link', { name: w.downloadCsv })
              .or(page.getByRole('button', { name: w.downloadCsv }))
              .first(),
          )
        )
          .toString('utf8')
          .trim()
          .split('\n');
        expect(csv).toHaveLength(26);
        expect(csv[1].split(',')[2]).toMatch(/\/v\//);
        watched.expectNoProblems();
      },
      180_000,
    );
  });
});
