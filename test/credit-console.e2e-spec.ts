import type { Browser, Locator, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { PASSWORD, TestUser } from './support/actors';
import { certifiedEnterprise, IssuedCertificate, schemeWithTeam } from './support/case';
import { browserIt, checkedScreen, choose, launchChromium, signedInAt, WatchedContext } from './support/console-browser';
import { startApi, TestApi } from './support/http';
import { SchemeWorld } from './support/scheme';
import { shenzhenToday } from './support/dates';
import { startWorker, WorkerProcess } from './support/worker';

/**
 * The credit record in the console, clicked in Chromium (issue 12, part 4b): the regulator lists
 * an enterprise on the abnormal-operations list with its legal reason and decision, then on the
 * serious-violation list; the body sees the credit action (overdue and escalated, the dates moved
 * in the row) and records a suspension; the enterprise reads its record with the appeal route, is
 * refused credit repair of the serious listing on screen, applies for removal of the abnormal one;
 * the regulator grants it (zh) or refuses it with a reason (en), and takes the enterprise off the
 * serious-violation list with a public reason. Screenshots: test/screenshots/console/credit-*.
 */

const W = {
  zh: {
    abnormal: '经营异常名录',
    listAbnormal: '列入名录',
    enterprise: '企业',
    reasonCode: '法定列入事由',
    annualReport: '未按规定期限公示年度报告',
    reason: '列入原因',
    number: '决定书文号',
    date: '决定日期（YYYY-MM-DD）',
    authority: '作出决定的机关',
    legalBasis: '法律依据',
    save: '列入',
    reconsideration: '行政复议',
    serious: '严重违法失信名单',
    addSerious: '列入名单',
    seriousReason: '严重违法失信事实',
    creditActions: '信用处置',
    recordOf: (n: string) => `处置证书 ${n}`,
    suspend: '暂停证书',
    record: '记录处置',
    overdue: '已逾期',
    escalated: '已催办',
    done: '已处理',
    suspended: '已暂停证书',
    credit: '信用记录',
    apply: '申请移出或信用修复',
    applyReason: '申请理由',
    corrections: '整改情况及核验方式',
    repairTooEarly: '严重违法失信名单至少公示 12 个月',
    submit: '提交申请',
    removal: '申请移出名录',
    pending: '待决定',
    applications: '移出与信用修复',
    decide: (name: string) => `准予 ${name} 的申请`,
    decideOk: '准予',
    decided: '已准予',
    decisionReason: '决定理由（选填；移出时为公开的移出原因）',
    removeOf: (name: string) => `将 ${name} 移出名单`,
    remove: '移出',
    removedReason: '移出原因',
    required: '请填写此项',
    badRequest: '提交的内容有误，请检查标出的字段。',
    reasonLength: '长度须为 2–2000 个字符',
    inspections: '抽查结果',
    none: '无',
  },
  en: {
    abnormal: 'Abnormal operations',
    listAbnormal: 'Put an enterprise on the list',
    enterprise: 'Enterprise',
    reasonCode: 'Legal reason',
    annualReport: 'Annual report not filed in time',
    reason: 'Reason',
    number: 'Decision number',
    date: 'Decision date (YYYY-MM-DD)',
    authority: 'Deciding authority',
    legalBasis: 'Legal basis',
    save: 'Put on the list',
    reconsideration: 'administrative reconsideration',
    serious: 'Serious violations',
    addSerious: 'Put an enterprise on the list',
    seriousReason: 'The serious violation',
    creditActions: 'Credit actions',
    recordOf: (n: string) => `Act on certificate ${n}`,
    suspend: 'Suspend the certificate',
    record: 'Record the action',
    overdue: 'Overdue',
    escalated: 'Escalated',
    done: 'Done',
    suspended: 'Certificate suspended',
    credit: 'Credit record',
    apply: 'Apply for removal or repair',
    applyReason: 'Reason',
    corrections: 'What was corrected, and how to check it',
    repairTooEarly: 'displayed for at least 12 months',
    submit: 'Submit the application',
    removal: 'Removal from the list',
    pending: 'Pending',
    applications: 'Removal and repair',
    decide: (name: string) => `Refuse the application of ${name}`,
    decideOk: 'Refuse',
    decided: 'Refused',
    decisionReason: 'Why it is refused (the enterprise sees it)',
    removeOf: (name: string) => `Remove ${name} from the list`,
    remove: 'Remove',
    removedReason: 'Reason for removal',
    required: 'Please fill this in',
    badRequest: 'Some of what you entered is not accepted: see the marked fields.',
    reasonLength: 'Must be 2 to 2000 characters',
    inspections: 'Random inspection results',
    none: 'None',
  },
};

/** Ant Design spaces out a two-character Chinese button label ("列 入"), and an icon adds its name before the text. */
const button = (text: string) => new RegExp(`(^|\\s)${text.split('').join('\\s?')}$`);

describe('console: the credit record', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let db: DataSource;
  let browser: Browser | undefined;
  let reg: TestUser;
  let world: SchemeWorld;
  let auditor: TestUser;
  let decider: TestUser;
  let today: string;
  const contexts: WatchedContext[] = [];

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker('credit-console');
    db = api.app.get(DataSource);
    const team = await schemeWithTeam(api);
    reg = team.reg;
    world = team.world;
    auditor = team.auditors[0];
    decider = team.decider;
    today = await shenzhenToday(db);
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await worker?.stop();
    await api?.close();
  });

  describe.each(['zh', 'en'] as const)('in %s', (language) => {
    const w = W[language];
    const signedIn = (who: TestUser) => signedInAt(browser!, `${api.url}/console/`, { email: who.email, password: PASSWORD }, language, contexts);
    const screen = (page: Page, name: string) => checkedScreen(page, `credit-${language}-${name}`);
    const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
    const row = (page: Page, text: string): Locator => page.locator('#main tr').filter({ hasText: text });
    const dialog = (page: Page) => page.getByRole('dialog');
    const nameZh = `深圳市信用界面测试${language}有限公司`;
    const nameEn = `Credit Screens ${language} Ltd`;
    const name = language === 'en' ? nameEn : nameZh;
    let cert: IssuedCertificate;

    beforeAll(async () => {
      cert = await certifiedEnterprise(api, reg, world, { nameZh, nameEn }, { auditor, decider });
    }, 180_000);

    /** Fills the listing decision's four fields in the open dialog. */
    async function fillDecision(page: Page, number: string): Promise<void> {
      const d = dialog(page);
      await d.getByLabel(w.number, { exact: true }).fill(number);
      await d.getByLabel(w.date, { exact: true }).fill(today);
      await d.getByLabel(w.authority, { exact: true }).fill('深圳市市场监督管理局');
      await d.getByLabel(w.legalBasis, { exact: true }).fill('《企业经营异常名录管理暂行办法》第四条');
    }

    browserIt(
      'the regulator lists the enterprise for abnormal operations with its legal reason and decision, then on the serious-violation list',
      async () => {
        const { watched, page } = await signedIn(reg);
        await nav(page, w.abnormal);
        await page.locator('#main tbody').waitFor();
        await page.getByRole('button', { name: button(w.listAbnormal) }).click();
        await dialog(page).getByLabel(w.reason, { exact: true }).waitFor();
        await page.locator('.ant-zoom-appear, .ant-zoom-enter').first().waitFor({ state: 'detached' });
        await choose(page, w.enterprise, name, nameZh.slice(0, 12));
        await choose(page, w.reasonCode, w.annualReport);
        await dialog(page).getByLabel(w.reason, { exact: true }).fill('未按规定期限公示2025年度报告');
        await fillDecision(page, `深市监信列〔2026〕${language}-1号`);
        await screen(page, 'abnormal-form');
        await dialog(page)
          .getByRole('button', { name: button(w.save) })
          .click();
        await dialog(page).waitFor({ state: 'hidden' });
        const listed = row(page, name);
        await listed.getByText(`深市监信列〔2026〕${language}-1号`).waitFor();
        await listed.getByText(w.reconsideration).waitFor();
        await listed.getByText(w.annualReport).waitFor();
        await screen(page, 'abnormal-list');

        await nav(page, w.serious);
        await page.locator('#main tbody').waitFor();
        await page.getByRole('button', { name: button(w.addSerious) }).click();
        // The dialog settled (its opening animation over) before its fields are used.
        await dialog(page).getByLabel(w.seriousReason, { exact: true }).waitFor();
        await page.locator('.ant-zoom-appear, .ant-zoom-enter').first().waitFor({ state: 'detached' });
        await choose(page, w.enterprise, name, nameZh.slice(0, 12));
        await dialog(page).getByLabel(w.seriousReason, { exact: true }).fill('提供虚假材料骗取认证证书');
        await fillDecision(page, `深市监信列〔2026〕${language}-2号`);
        await dialog(page)
          .getByRole('button', { name: button(w.addSerious) })
          .click();
        await dialog(page).waitFor({ state: 'hidden' });
        // One valid certificate: one credit action handed to its body, still open.
        await row(page, name).getByText('1 / 1').waitFor();
        await screen(page, 'serious-list');
        watched.expectNoProblems();
      },
      120_000,
    );

    browserIt(
      'the body sees the credit action, overdue and escalated, and records a suspension; the action shows done',
      async () => {
        // Time moves in the row: past its due date, and the sweep's escalation recorded.
        await db.query(`UPDATE credit_actions SET due_on = $2::date - 1, escalated_at = now() WHERE certificate_id = $1 AND status = 'open'`, [cert.id, today]);
        const { watched, page } = await signedIn(world.cbAdmin);
        await nav(page, w.creditActions);
        const action = row(page, cert.number);
        await action.getByText(w.overdue, { exact: true }).waitFor();
        await action.getByText(w.escalated, { exact: true }).waitFor();
        await screen(page, 'body-actions');
        await page.getByRole('button', { name: w.recordOf(cert.number) }).click();
        await dialog(page).getByLabel(w.suspend, { exact: true }).check();
        await dialog(page)
          .getByRole('button', { name: button(w.record) })
          .click();
        await dialog(page).waitFor({ state: 'hidden' });
        await action.getByText(w.done, { exact: true }).waitFor();
        await action.getByText(w.suspended).waitFor();
        await expect(page.getByRole('button', { name: w.recordOf(cert.number) }).count()).resolves.toBe(0);
        await screen(page, 'body-recorded');
        watched.expectNoProblems();
        const { body } = await api.get('/api/v1/certificates/{id}', { params: { id: cert.id }, auth: world.cbAdmin.auth, expect: 200 });
        expect(body.status).toBe('suspended');

        // The regulator's overview: done, the escalation still marked.
        const regulatorView = await signedIn(reg);
        await nav(regulatorView.page, w.creditActions);
        const overview = row(regulatorView.page, cert.number);
        await overview.getByText(w.done, { exact: true }).waitFor();
        await overview.getByText(w.escalated, { exact: true }).waitFor();
        await screen(regulatorView.page, 'regulator-actions');
        regulatorView.watched.expectNoProblems();
      },
      120_000,
    );

    browserIt(
      'the enterprise reads its record with the appeal route, is refused repair of the serious listing, and applies for removal',
      async () => {
        const { watched, page } = await signedIn(cert.ent);
        await nav(page, w.credit);
        const serious = row(page, '提供虚假材料骗取认证证书');
        await serious.getByText(w.reconsideration).waitFor();
        await row(page, cert.number).first().waitFor();
        // Never inspected: the card says so (test/inspections-pages.e2e-spec.ts shows a published result on it).
        const inspections = page.locator('.ant-card', { has: page.locator('.ant-card-head-title', { hasText: w.inspections }) });
        await inspections.getByText(w.none, { exact: true }).waitFor();
        await screen(page, 'enterprise-record');

        // Credit repair of a serious listing waits 12 months: the refusal is a sentence in the dialog, in the person's language.
        await serious.getByRole('button', { name: w.apply }).click();
        await dialog(page).getByLabel(w.applyReason, { exact: true }).fill('已整改并履行全部义务');
        await dialog(page).getByLabel(w.corrections, { exact: true }).fill('已退回证书并公开承诺');
        await dialog(page).getByRole('button', { name: w.submit }).click();
        await dialog(page).getByRole('alert').filter({ hasText: w.repairTooEarly }).waitFor();
        await screen(page, 'enterprise-repair-refused');
        await dialog(page)
          .getByRole('button', { name: button(language === 'zh' ? '取消' : 'Cancel') })
          .click();

        const abnormal = row(page, '未按规定期限公示2025年度报告');
        await abnormal.getByRole('button', { name: w.apply }).click();
        await dialog(page).getByLabel(w.removal, { exact: true }).check();
        await dialog(page).getByLabel(w.applyReason, { exact: true }).fill('已补报2025年度年度报告并公示');
        await dialog(page).getByLabel(w.corrections, { exact: true }).fill('2026年11月25日补报年度报告，已在国家企业信用信息公示系统公示');
        await dialog(page).getByRole('button', { name: w.submit }).click();
        await dialog(page).waitFor({ state: 'hidden' });
        await row(page, '已补报2025年度年度报告并公示').getByText(w.pending, { exact: true }).waitFor();
        await screen(page, 'enterprise-applied');
        watched.expectNoProblems();
      },
      120_000,
    );

    browserIt(
      language === 'zh'
        ? 'the regulator grants the removal: the enterprise is off the list'
        : 'the regulator refuses the removal with a reason the enterprise reads',
      async () => {
        const { watched, page } = await signedIn(reg);
        await nav(page, w.applications);
        const application = row(page, '已补报2025年度年度报告并公示');
        await application.getByText(w.pending, { exact: true }).waitFor();
        await page.getByRole('button', { name: w.decide(name) }).click();
        const reason = language === 'zh' ? '已补报年度报告，准予移出' : '年度报告尚未公示，不予移出';
        await dialog(page).getByLabel(w.decisionReason, { exact: true }).fill(reason);
        await dialog(page)
          .getByRole('button', { name: button(w.decideOk) })
          .click();
        await dialog(page).waitFor({ state: 'hidden' });
        await application.getByText(w.decided, { exact: true }).waitFor();
        await application.getByText(reason).waitFor();
        await screen(page, 'regulator-decided');
        watched.expectNoProblems();

        const { body } = await api.get('/api/v1/credit-records/{enterpriseId}', {
          params: { enterpriseId: cert.ent.organizationId },
          auth: cert.ent.auth,
          expect: 200,
        });
        const abnormal = body.listings.find((l) => l.kind === 'abnormal_operations')!;
        expect(abnormal.status).toBe(language === 'zh' ? 'removed' : 'listed');
        expect(body.applications[0]).toMatchObject({ status: language === 'zh' ? 'granted' : 'refused', decisionReason: reason });

        const ent = await signedIn(cert.ent);
        await nav(ent.page, w.credit);
        await row(ent.page, '已补报2025年度年度报告并公示').getByText(w.decided, { exact: true }).waitFor();
        await screen(ent.page, 'enterprise-decided');
        ent.watched.expectNoProblems();
      },
      120_000,
    );

    browserIt(
      'the regulator takes the enterprise off the serious-violation list, the removal dialog asking for the reason',
      async () => {
        const { watched, page } = await signedIn(reg);
        await nav(page, w.serious);
        await row(page, name).waitFor();
        await page.getByRole('button', { name: w.removeOf(name) }).click();
        const reasonField = dialog(page).getByLabel(w.removedReason, { exact: true });
        await reasonField.waitFor();
        await page.locator('.ant-zoom-appear, .ant-zoom-enter').first().waitFor({ state: 'detached' });
        // Without a reason nothing is sent: the field says what it needs.
        await dialog(page)
          .getByRole('button', { name: button(w.remove) })
          .click();
        await dialog(page).getByText(w.required, { exact: true }).waitFor();
        // A reason the API refuses (one character): its refusal stands in the dialog, which stays open.
        await reasonField.fill('x');
        await dialog(page)
          .getByRole('button', { name: button(w.remove) })
          .click();
        await dialog(page).getByRole('alert').filter({ hasText: w.badRequest }).waitFor();
        // The API's reason stands under the field it names, in place of the required note, in the walk's language.
        await dialog(page).getByText(w.reasonLength, { exact: true }).waitFor();
        await expect(dialog(page).getByText(w.required, { exact: true }).count()).resolves.toBe(0);
        await screen(page, 'serious-remove-refused');
        const reason = language === 'zh' ? '已履行全部义务，期满移出' : 'All obligations met: removed at the end of the term';
        await reasonField.fill(reason);
        await dialog(page)
          .getByRole('button', { name: button(w.remove) })
          .click();
        await dialog(page).waitFor({ state: 'hidden' });
        // The list shows the enterprises on it: this one is gone.
        await row(page, name).waitFor({ state: 'detached' });
        await screen(page, 'serious-removed');
        watched.expectNoProblems();

        const { body } = await api.get('/api/v1/credit-records/{enterpriseId}', {
          params: { enterpriseId: cert.ent.organizationId },
          auth: reg.auth,
          expect: 200,
        });
        expect(body.listings.find((l) => l.kind === 'serious_violation')).toMatchObject({ status: 'removed', removedReason: reason });
      },
      120_000,
    );
  });
});
