import type { Browser, Locator, Page } from 'playwright-core';
import { member, PASSWORD, regulator, TestUser } from './support/actors';
import { certifiedEnterprise, IssuedCertificate } from './support/case';
import { browserIt, checkedScreen, choose, launchChromium, signedInAt, WatchedContext } from './support/console-browser';
import { PUBLIC_FILING_QUOTAS, startApi, TestApi } from './support/http';
import { SchemeWorld, schemeWorld } from './support/scheme';
import { startWorker, WorkerProcess } from './support/worker';

/**
 * The certification body's and the regulator's complaint and appeal screens in Chromium: a complaint
 * investigated (an involved auditor refused by the impartiality rule on screen), resolved and closed;
 * an appeal against a suspension decided by an independent person (the involved admin refused), the
 * certificate valid again; the regulator's complaint about a body. Screenshots go to test/screenshots/console/.
 */

/** What the people read and press, in each language (the screens' own texts). */
const W = {
  zh: {
    complaints: '投诉',
    appeals: '申诉',
    assignInvestigator: '指定调查人',
    investigator: '调查人',
    notImpartial: '按公正性规则不能调查本投诉',
    rule: '公正性规则',
    assigned: '已指定调查人。',
    resolve: '记录处理结果',
    upheld: '投诉成立',
    findings: '调查发现',
    resolveSubmit: '记录结果',
    close: '结案',
    closeSubmit: '结案并通知投诉人',
    closedTag: '已结案',
    assignHandler: '指定处理人',
    person: '处理人',
    appealNotImpartial: '按公正性规则不能处理本申诉',
    decide: '作出申诉决定',
    uphold: '申诉成立（撤销原决定）',
    rationale: '申诉决定理由',
    decideSubmit: '提交申诉决定',
    decided: '申诉决定已记录。',
    upheldTag: '申诉成立',
    valid: '有效',
    acknowledged: '已确认',
    status: '状态',
    reissue: '换发新版证书',
    reason: '原因',
    holderNameZh: '持证人中文名称',
    reissueSubmit: '换发新版',
    reissued: '已换发，新版证书稍后生成。',
  },
  en: {
    complaints: 'Complaints',
    appeals: 'Appeals',
    assignInvestigator: 'Assign the investigator',
    investigator: 'Investigator',
    notImpartial: 'the impartiality rule bars them from investigating it',
    rule: 'Impartiality rule',
    assigned: 'The investigator is assigned.',
    resolve: 'Record the outcome',
    upheld: 'Upheld',
    findings: 'Findings',
    resolveSubmit: 'Record the outcome',
    close: 'Close',
    closeSubmit: 'Close and tell the complainant',
    closedTag: 'Closed',
    assignHandler: 'Assign who considers it',
    person: 'Person',
    appealNotImpartial: 'the impartiality rule bars them from considering the appeal',
    decide: 'Decide the appeal',
    uphold: 'Uphold (the decision appealed is reversed)',
    rationale: 'Rationale of the appeal decision',
    decideSubmit: 'Submit the appeal decision',
    decided: 'The appeal decision is recorded.',
    upheldTag: 'Upheld',
    valid: 'Valid',
    acknowledged: 'Acknowledged',
    status: 'Status',
    reissue: 'Re-issue as a new edition',
    reason: 'Reason',
    holderNameZh: 'Holder’s Chinese name',
    reissueSubmit: 'Re-issue',
    reissued: 'Re-issued; the new edition is rendered shortly.',
  },
};

describe('console: complaints and appeals (body and regulator)', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let browser: Browser | undefined;
  let reg: TestUser;
  let world: SchemeWorld;
  let auditor: TestUser;
  let decider: TestUser;
  const contexts: WatchedContext[] = [];

  beforeAll(async () => {
    api = await startApi(PUBLIC_FILING_QUOTAS);
    worker = await startWorker('console-body-life');
    reg = await regulator(api);
    world = await schemeWorld(api, reg);
    auditor = await member(api, world.cbAdmin, ['auditor']);
    decider = await member(api, world.cbAdmin, ['decision_maker']);
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await worker?.stop();
    await api?.close();
  });

  /** A person in a browser of their own, signed in through the form in the language given. */
  const signedIn = (who: TestUser, language: 'zh' | 'en') =>
    signedInAt(browser!, `${api.url}/console/`, { email: who.email, password: PASSWORD }, language, contexts);

  /** Every screen visited: axe finds no serious or critical violation, and a screenshot is saved. */
  const screen = (page: Page, name: string) => checkedScreen(page, `body-life-${name}`);

  /** A step's submit button (its name gains "loading" while the request runs). */
  const submit = (scope: Locator) => scope.locator('button[type="submit"]').click();
  const card = (page: Page, title: string): Locator => page.locator('.ant-card').filter({ has: page.locator('.ant-card-head-title', { hasText: title }) });

  /** The refusal the step shows: its text, so a different refusal fails the test saying what it was. */
  async function refusalOf(scope: Locator): Promise<string> {
    const alert = scope.locator('[role="alert"]').first();
    await alert.waitFor();
    return alert.innerText();
  }

  const fileComplaint = async (cert: IssuedCertificate, about: 'product' | 'certification_body', description: string): Promise<string> => {
    const res = await api
      .http()
      .post('/api/v1/public/complaints')
      .send({ about, certificateNumber: cert.number, description, email: 'walk@example.cn' })
      .expect(201);
    return res.body.reference as string;
  };

  describe.each(['zh', 'en'] as const)('in %s', (language) => {
    const w = W[language];
    let cert: IssuedCertificate;

    beforeAll(async () => {
      cert = await certifiedEnterprise(
        api,
        reg,
        world,
        { nameZh: `深圳市投诉界面测试${language}有限公司`, nameEn: `Complaint Screens ${language} Ltd` },
        { auditor, decider },
      );
    }, 180_000);

    browserIt(
      'the body investigates a complaint: an involved auditor is refused, an uninvolved person assigned, the outcome recorded, closed',
      async () => {
        const reference = await fileComplaint(cert, 'product', '产品待机时间远低于标准要求。');
        const uninvolved = await member(api, world.cbAdmin, ['reviewer']);
        const { watched, page } = await signedIn(world.cbAdmin, language);

        await page.getByRole('navigation').getByRole('link', { name: w.complaints, exact: true }).click();
        await page.getByRole('link', { name: reference }).waitFor();
        await screen(page, `${language}-complaints`);
        // The status filter lives in the URL.
        await choose(page, w.status, w.acknowledged, undefined, page.locator('#main'));
        await page.waitForURL(/status=acknowledged/);
        await page.getByRole('link', { name: reference }).click();

        const assign = card(page, w.assignInvestigator);
        await assign.getByText(w.rule).waitFor();
        await screen(page, `${language}-complaint`);
        await choose(page, w.investigator, auditor.email, undefined, assign);
        await submit(assign);
        expect(await refusalOf(assign)).toContain(w.notImpartial);
        await screen(page, `${language}-complaint-refused`);

        await choose(page, w.investigator, uninvolved.email, undefined, assign);
        await submit(assign);
        await assign.getByRole('status').filter({ hasText: w.assigned }).waitFor();

        const resolve = card(page, w.resolve);
        await resolve.getByLabel(w.upheld, { exact: true }).check();
        await resolve.getByLabel(w.findings, { exact: true }).fill('抽检样品待机时间仅为标称值的六成。');
        await resolve.getByRole('button', { name: w.resolveSubmit }).click();

        const close = card(page, w.close);
        await close.getByRole('button', { name: w.closeSubmit }).click();
        await page.getByRole('heading', { level: 1 }).getByText(w.closedTag).waitFor();
        await screen(page, `${language}-complaint-closed`);
        watched.expectNoProblems();
      },
      120_000,
    );

    browserIt(
      'an appeal against a suspension: the involved admin is refused, an independent decision maker upholds it, the certificate is valid again',
      async () => {
        await api.http().post(`/api/v1/certificates/${cert.id}/suspend`).set(world.cbAdmin.auth).send({ publicReason: 'nonconforming_product' }).expect(200);
        const lodged = await api
          .http()
          .post('/api/v1/appeals')
          .set(cert.ent.auth)
          .send({ certificateId: cert.id, grounds: '抽检样品并非认证型号，请重新判定。' })
          .expect(201);
        const independent = await member(api, world.cbAdmin, ['decision_maker']);

        const admin = await signedIn(world.cbAdmin, language);
        let page = admin.page;
        await page.getByRole('navigation').getByRole('link', { name: w.appeals, exact: true }).click();
        await page.getByRole('link', { name: lodged.body.reference }).click();
        const assign = card(page, w.assignHandler);
        await assign.getByText(w.rule).waitFor();
        await screen(page, `${language}-appeal`);
        // The admin suspended the certificate: the rule refuses them.
        await choose(page, w.person, world.cbAdmin.email, undefined, assign);
        await submit(assign);
        expect(await refusalOf(assign)).toContain(w.appealNotImpartial);
        await screen(page, `${language}-appeal-refused`);
        await choose(page, w.person, independent.email, undefined, assign);
        await submit(assign);
        // Deciding it themselves is refused too, with the rule named.
        const byAdmin = card(page, w.decide);
        await byAdmin.getByLabel(w.uphold, { exact: true }).check();
        await byAdmin.getByLabel(w.rationale, { exact: true }).fill('维持原决定');
        await byAdmin.getByRole('button', { name: w.decideSubmit }).click();
        expect(await refusalOf(byAdmin)).toContain(w.appealNotImpartial);
        admin.watched.expectNoProblems();

        const decider = await signedIn(independent, language);
        page = decider.page;
        await page.getByRole('navigation').getByRole('link', { name: w.appeals, exact: true }).click();
        await page.getByRole('link', { name: lodged.body.reference }).click();
        const decide = card(page, w.decide);
        await decide.getByLabel(w.uphold, { exact: true }).check();
        await decide.getByLabel(w.rationale, { exact: true }).fill('抽样错误，暂停依据不成立。');
        await decide.getByRole('button', { name: w.decideSubmit }).click();
        await page.getByRole('heading', { level: 1 }).getByText(w.upheldTag).waitFor();
        await screen(page, `${language}-appeal-upheld`);
        await page.getByRole('link', { name: cert.number }).click();
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.locator('#main').getByText(w.valid, { exact: true }).first().waitFor();
        await screen(page, `${language}-certificate-valid`);
        // A new edition after the holder's change of name.
        const reissue = card(page, w.reissue);
        await reissue.getByLabel(w.reason, { exact: true }).fill('持证企业名称变更');
        await reissue.getByLabel(w.holderNameZh, { exact: true }).check();
        await reissue.getByRole('button', { name: w.reissueSubmit }).click();
        await reissue.getByRole('status').filter({ hasText: w.reissued }).waitFor();
        await screen(page, `${language}-certificate-reissued`);
        decider.watched.expectNoProblems();
      },
      120_000,
    );

    browserIt(
      'the regulator sees a complaint about a body and can assign its investigator',
      async () => {
        const reference = await fileComplaint(cert, 'certification_body', '认证机构未经现场检查就发了证书。');
        const { watched, page } = await signedIn(reg, language);
        await page.getByRole('navigation').getByRole('link', { name: w.complaints, exact: true }).click();
        await page.getByRole('link', { name: reference }).click();
        await card(page, w.assignInvestigator).getByText(w.rule).waitFor();
        await screen(page, `${language}-regulator-complaint`);
        watched.expectNoProblems();
      },
      60_000,
    );
  });
});
