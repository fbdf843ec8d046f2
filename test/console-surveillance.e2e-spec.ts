import type { Browser, Locator, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { SurveillanceService } from '@app/certification';
import { member, PASSWORD, regulator, TestUser } from './support/actors';
import { certifiedEnterprise, IssuedCertificate, recordAllFindings } from './support/case';
import { browserIt, checkedScreen, choose, launchChromium, signedInAt, WatchedContext } from './support/console-browser';
import { startApi, TestApi } from './support/http';
import { SchemeWorld, schemeWorld } from './support/scheme';
import { eventually, startWorker, WorkerProcess } from './support/worker';
import { daysAfter, shenzhenToday } from './support/dates';

/**
 * A certificate's surveillance in the console, clicked in Chromium (issue 11): the body sees a
 * planned surveillance audit in its surveillance list and on the certificate; after a failed
 * surveillance the audit's own auditor is refused the certificate decision on screen (the
 * impartiality rule), then an independent decision maker suspends; a holder asks for a voluntary
 * suspension; the regulator reads the appeal against the suspension. Once in each language. Time
 * moves by the certificates' due dates in the data and the sweep's `today`, never by sleeping.
 * Screenshots: test/screenshots/console/surveillance-*.
 */

/** What the people read and press, in each language (the screens' own texts). */
const W = {
  zh: {
    surveillance: '监督',
    kind: '类型',
    surveillanceKind: '监督审核',
    every12: '每 12 个月',
    decisionTitle: '认证决定',
    suspend: '暂停证书',
    rationale: '决定理由',
    submit: '记录认证决定',
    notIndependent: '按公正性规则',
    suspendedTag: '暂停',
    decided: '已作出的认证决定',
    ask: '申请自愿暂停',
    until: '暂停至（含当日）',
    reason: '原因',
    askSubmit: '提交暂停申请',
    suspensionEnds: '自愿暂停至',
    appeals: '申诉',
    status: '状态',
    lodged: '已提出',
    lodgedStep: '提出申诉',
    body: '认证机构',
  },
  en: {
    surveillance: 'Surveillance',
    kind: 'Kind',
    surveillanceKind: 'Surveillance',
    every12: 'every 12 months',
    decisionTitle: 'Certificate decision',
    suspend: 'Suspend the certificate',
    rationale: 'Rationale',
    submit: 'Record the certificate decision',
    notIndependent: 'the impartiality rule',
    suspendedTag: 'Suspended',
    decided: 'Certificate decisions taken',
    ask: 'Apply for a voluntary suspension',
    until: 'Suspended until (last day)',
    reason: 'Reason',
    askSubmit: 'Suspend the certificate',
    suspensionEnds: 'Voluntarily suspended until',
    appeals: 'Appeals',
    status: 'Status',
    lodged: 'Lodged',
    lodgedStep: 'Lodged',
    body: 'Certification body',
  },
};

describe('console: surveillance, the certificate decision, voluntary suspension, the regulator’s appeals', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let db: DataSource;
  let sweep: SurveillanceService;
  let browser: Browser | undefined;
  let reg: TestUser;
  let world: SchemeWorld;
  /** The body's two auditors (every audit's team); one may also decide, to be refused on its own audit. */
  let auditor: TestUser;
  let auditorDecider: TestUser;
  let decider: TestUser;
  let today: string;
  const contexts: WatchedContext[] = [];

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker('console-surveillance');
    db = api.app.get(DataSource);
    sweep = api.app.get(SurveillanceService);
    reg = await regulator(api);
    world = await schemeWorld(api, reg);
    auditor = await member(api, world.cbAdmin, ['auditor']);
    auditorDecider = await member(api, world.cbAdmin, ['auditor', 'decision_maker']);
    decider = await member(api, world.cbAdmin, ['decision_maker']);
    today = await shenzhenToday(db);
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await worker?.stop();
    await api?.close();
  });

  const addDays = (days: number): Promise<string> => daysAfter(db, today, days);
  const certified = (nameZh: string, nameEn: string): Promise<IssuedCertificate> =>
    certifiedEnterprise(api, reg, world, { nameZh, nameEn }, { auditor, decider });

  /** Brings the certificate's first surveillance within the planning horizon, sweeps, and waits for the worker to plan it. */
  async function plannedSurveillance(cert: IssuedCertificate): Promise<{ id: string; auditorIds: string[] }> {
    await db.query(`UPDATE certificates SET next_surveillance_due = $2 WHERE id = $1`, [cert.id, await addDays(20)]);
    await sweep.sweep(today);
    return eventually(async () => {
      const { body } = await api.get('/api/v1/audits', { query: { certificateId: cert.id, kind: 'surveillance' }, auth: world.cbAdmin.auth, expect: 200 });
      const audit = body.items[0];
      return audit ? { id: audit.id, auditorIds: audit.auditors.map((a: { id: string }) => a.id) } : undefined;
    }, 'the surveillance audit to be planned');
  }

  /** The lead performs it with the measured values too low, and the worker evaluates it: failed. */
  async function failed(audit: { id: string; auditorIds: string[] }): Promise<void> {
    const lead = [auditor, auditorDecider].find((a) => a.userId === audit.auditorIds[0])!;
    await api.post('/api/v1/audits/{id}/start', { params: { id: audit.id }, auth: lead.auth, expect: 200 });
    await recordAllFindings(api, lead, audit.id, (r) => (r.min ?? 0) - 10);
    await api.post('/api/v1/audits/{id}/submit', { params: { id: audit.id }, auth: lead.auth, expect: 200 });
    await eventually(async () => {
      const { body } = await api.get('/api/v1/audits/{id}', { params: { id: audit.id }, auth: lead.auth, expect: 200 });
      return body.status === 'evaluated' ? body.outcome : undefined;
    }, 'the surveillance audit to be evaluated').then((outcome) => expect(outcome).toBe('failed'));
  }

  it('lists the audits of certificates only, by trigger; the certificate says how long a voluntary suspension may last', async () => {
    const cert = await certified('深圳市监督筛选测试有限公司', 'Surveillance Filter Ltd');
    const audit = await plannedSurveillance(cert);
    const list = async (query: Record<string, unknown>) =>
      (await api.get('/api/v1/audits', { query: { applicationId: cert.applicationId, ...query }, auth: world.cbAdmin.auth, expect: 200 })).body.items
        .map((a: { id: string; kind: string }) => a.kind)
        .sort(); // (listed by planned date)
    // The application's initial audit and the certificate's surveillance share the application; only the latter is an audit of a certificate.
    expect(await list({})).toEqual(['initial', 'surveillance']);
    expect(await list({ ofCertificates: true })).toEqual(['surveillance']);
    expect(await list({ trigger: 'schedule' })).toEqual(['surveillance']);
    expect(await list({ trigger: 'complaint' })).toEqual([]);
    const bad = await api.http().get('/api/v1/audits?trigger=yearly').set(world.cbAdmin.auth).expect(400);
    expect(bad.body.fields[0].field).toBe('trigger');
    const { body: view } = await api.get('/api/v1/certificates/{id}', { params: { id: cert.id }, auth: cert.ent.auth, expect: 200 });
    expect(view.surveillance.voluntarySuspensionLatest).toBe(await addDays(180));
    expect(view.audits.map((a: { id: string }) => a.id)).toContain(audit.id);
    await api.post('/api/v1/certificates/{id}/voluntary-suspension', {
      params: { id: cert.id },
      auth: cert.ent.auth,
      body: { until: await addDays(30), reason: '停产检修' },
      expect: 200,
    });
    const { body: suspended } = await api.get('/api/v1/certificates/{id}', { params: { id: cert.id }, auth: cert.ent.auth, expect: 200 });
    expect(suspended.surveillance).toMatchObject({ suspensionEndsOn: await addDays(30), voluntarySuspensionLatest: null });
  }, 120_000);

  describe.each(['zh', 'en'] as const)('in %s', (language) => {
    const w = W[language];

    const signedIn = (who: TestUser) => signedInAt(browser!, `${api.url}/console/`, { email: who.email, password: PASSWORD }, language, contexts);
    const screen = (page: Page, name: string) => checkedScreen(page, `surveillance-${language}-${name}`);
    const card = (page: Page, title: string): Locator => page.locator('.ant-card').filter({ has: page.locator('.ant-card-head-title', { hasText: title }) });
    const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

    let cert: IssuedCertificate;
    let audit: { id: string; auditorIds: string[] };

    beforeAll(async () => {
      cert = await certified(`深圳市监督界面测试${language}有限公司`, `Surveillance Screens ${language} Ltd`);
      audit = await plannedSurveillance(cert);
      expect(audit.auditorIds).toContain(auditorDecider.userId);
    }, 180_000);

    browserIt(
      'the body sees the planned surveillance audit in its list and on the certificate',
      async () => {
        const { watched, page } = await signedIn(world.cbAdmin);
        await page.getByRole('navigation').getByRole('link', { name: w.surveillance, exact: true }).click();
        await page.getByRole('link', { name: cert.number }).first().waitFor();
        // The kind filter lives in the URL.
        await choose(page, w.kind, w.surveillanceKind);
        await page.waitForURL(/kind=surveillance/);
        await page.getByRole('link', { name: cert.number }).first().waitFor();
        await screen(page, 'list');

        await page.getByRole('link', { name: cert.number }).first().click();
        await h1(page).filter({ hasText: cert.number }).waitFor();
        const surveillance = card(page, w.surveillance);
        await surveillance.getByText(w.every12).waitFor();
        await surveillance.getByRole('link', { name: w.surveillanceKind }).waitFor();
        await screen(page, 'certificate-planned');
        watched.expectNoProblems();
      },
      120_000,
    );

    browserIt(
      'after a failed surveillance the audit’s own auditor is refused the decision on screen; an independent decision maker suspends',
      async () => {
        await failed(audit);

        const own = await signedIn(auditorDecider);
        await own.page.goto(`${api.url}/console/certificates/${cert.id}`);
        const refused = card(own.page, w.decisionTitle);
        await refused.getByLabel(w.suspend, { exact: true }).check();
        await refused.getByLabel(w.rationale, { exact: true }).fill('监督抽样检测关键指标不合格。');
        await refused.getByRole('button', { name: w.submit }).click();
        await refused.getByRole('alert').filter({ hasText: w.notIndependent }).waitFor();
        await screen(own.page, 'decision-refused');
        own.watched.expectNoProblems();

        const independent = await signedIn(decider);
        const page = independent.page;
        await page.goto(`${api.url}/console/certificates/${cert.id}`);
        const decide = card(page, w.decisionTitle);
        await decide.getByLabel(w.suspend, { exact: true }).check();
        await decide.getByLabel(w.rationale, { exact: true }).fill('监督抽样检测关键指标不合格，暂停证书直至整改验证通过。');
        await decide.getByRole('button', { name: w.submit }).click();
        await h1(page).getByText(w.suspendedTag, { exact: true }).waitFor();
        await card(page, w.decided).getByText(w.suspend).waitFor();
        await screen(page, 'decided');
        independent.watched.expectNoProblems();
        const { body } = await api.get('/api/v1/audits/{id}', { params: { id: audit.id }, auth: decider.auth, expect: 200 });
        expect(body.certificateDecision).toMatchObject({ outcome: 'suspend' });
      },
      120_000,
    );

    browserIt(
      'the holder asks for a voluntary suspension of another certificate',
      async () => {
        const other = await certified(`深圳市自愿暂停测试${language}有限公司`, `Voluntary Suspension ${language} Ltd`);
        const { watched, page } = await signedIn(other.ent);
        await page.goto(`${api.url}/console/certificates/${other.id}`);
        await h1(page).filter({ hasText: other.number }).waitFor();
        await page.getByRole('button', { name: w.ask }).click();
        const until = await addDays(60);
        await page.getByLabel(w.until, { exact: true }).fill(until);
        await page.getByLabel(w.until, { exact: true }).press('Enter');
        await page.getByLabel(w.reason, { exact: true }).fill('生产线搬迁，暂停生产两个月。');
        await screen(page, 'voluntary-suspension');
        await page.getByRole('button', { name: w.askSubmit }).click();
        // The holder's page shows the state beside its title.
        await page.locator('#main').getByText(w.suspendedTag, { exact: true }).first().waitFor();
        await card(page, w.surveillance).getByText(w.suspensionEnds).waitFor();
        await card(page, w.surveillance).getByText(until).waitFor();
        await screen(page, 'voluntarily-suspended');
        watched.expectNoProblems();
        const { body } = await api.get('/api/v1/certificates/{id}', { params: { id: other.id }, auth: other.ent.auth, expect: 200 });
        expect(body).toMatchObject({ status: 'suspended', surveillance: { suspensionEndsOn: until } });
        expect(body.history.at(-1)).toMatchObject({ action: 'suspend', publicReason: 'holder_request' });
      },
      180_000,
    );

    browserIt(
      'the regulator opens the appeal against the suspension, read only, with its timeline',
      async () => {
        const lodged = await api
          .http()
          .post('/api/v1/appeals')
          .set(cert.ent.auth)
          .send({ certificateId: cert.id, grounds: '复检样品合格，请撤销暂停决定。' })
          .expect(201);
        const { watched, page } = await signedIn(reg);
        await page.getByRole('navigation').getByRole('link', { name: w.appeals, exact: true }).click();
        await page.getByRole('link', { name: lodged.body.reference }).waitFor();
        await choose(page, w.status, w.lodged);
        await page.waitForURL(/status=lodged/);
        await screen(page, 'regulator-appeals');
        await page.getByRole('link', { name: lodged.body.reference }).click();
        await h1(page).filter({ hasText: lodged.body.reference }).waitFor();
        await page.getByText(w.lodgedStep, { exact: true }).first().waitFor();
        await page.locator('#main').getByText(w.body, { exact: true }).waitFor();
        // Read only: the body handles it; no step is offered.
        await expect(page.locator('#main form').count()).resolves.toBe(0);
        await screen(page, 'regulator-appeal');
        watched.expectNoProblems();
      },
      120_000,
    );
  });
});
