import type { Browser, Page } from 'playwright-core';
import { member, PASSWORD, regulator, TestUser } from './support/actors';
import { acceptedApplication, plannedAudit } from './support/case';
import { browserIt, checkedScreen, choose, launchChromium, signedInAt, WatchedContext } from './support/console-browser';
import { startApi, TestApi } from './support/http';
import { declaringEnterprise, schemeWorld, SchemeWorld } from './support/scheme';
import { startWorker, WorkerProcess } from './support/worker';

/** The agreement the regulator records on screen (a name no other suite uses: the run's database is shared). */
const PARTY = 'HOKLAS 香港实验所认可计划';

const HEADER =
  'cnas_number,name_zh,name_en,address,accredited_from,accredited_until,status,object_tested,parameter_zh,parameter_en,standard_code,clause,limits';

/**
 * The laboratory screens in Chromium: the regulator imports the register from CSV (a bad file's
 * errors listed by line, then a good file), finds a laboratory by a 2-character term and opens its
 * scope, records its suspension from a past day and its reinstatement from today in their dialogs, and records a recognition agreement; the enterprise presents a recognised report on its
 * application's audit (a report dated before the agreement refused under its date field), the auditor
 * accepts it on the audit form and sees the finding marked recognised, and the enterprise sees it
 * accepted. Screenshots in test/screenshots/console/labs-*.png.
 */
describe('console: laboratories and recognised reports', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let browser: Browser | undefined;
  let reg: TestUser;
  let world: SchemeWorld;
  let ent: TestUser;
  let lead: TestUser;
  let auditId: string;
  let applicationId: string;
  const contexts: WatchedContext[] = [];

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker('laboratories-console');
    reg = await regulator(api);
    world = await schemeWorld(api, reg);
    const auditors = [await member(api, world.cbAdmin, ['auditor'])];
    let declarationId: string;
    ({ admin: ent, declarationId } = await declaringEnterprise(api, reg, world));
    applicationId = await acceptedApplication(api, world, ent, declarationId);
    const planned = await plannedAudit(api, world.cbAdmin, applicationId);
    auditId = planned.id;
    lead = auditors.find((a) => a.userId === planned.auditorIds[0])!;
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await worker?.stop();
    await api?.close();
  });

  browserIt(
    'the regulator imports the register (a bad file refused with its errors by line, then a good one), finds a laboratory, opens its scope and records a suspension and a reinstatement',
    async () => {
      const { watched, page } = await signedInAt(browser!, `${api.url}/console/`, { email: reg.email, password: PASSWORD }, 'zh', contexts);
      await page.getByRole('menuitem', { name: '检测实验室' }).click();
      await page.getByRole('heading', { level: 1, name: '检测实验室名录' }).waitFor();
      await page.getByRole('button', { name: '导入 CSV' }).click();
      const dialog = page.getByRole('dialog');
      const bad = [
        HEADER,
        'L2601,深圳市坪山检测中心,,深圳市坪山区,2022-01-01,2028-13-01,,手机,待机时间,,YD/T 1539,,',
        'L26,坏编号,,深圳市,2022-01-01,2028-12-31,,手机,噪声,,GB 1,,',
      ].join('\n');
      await dialog.locator('input[type=file]').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
      await dialog.getByText('文件未导入，请修改以下错误后重新上传：').waitFor();
      const errorRows = dialog.locator('.ant-table-tbody tr.ant-table-row');
      await expect(errorRows.count()).resolves.toBe(2);
      // Said in the console's language from the error's code (the API's message is English).
      await expect(errorRows.nth(0).innerText()).resolves.toMatch(/^2\s+accredited_until\s+应为日期，格式 YYYY-MM-DD/);
      await expect(errorRows.nth(1).innerText()).resolves.toMatch(/^3\s+cnas_number\s+应为 L 加 4 位数字/);
      await checkedScreen(page, 'labs-import-refused');
      const good = [
        HEADER,
        'CNAS L2601,深圳市坪山电子检测中心,Pingshan Electronics Testing,深圳市坪山区坑梓街道,2022-01-01,2028-12-31,,移动电话,待机时间,Standby time,YD/T 1539,5.3,0–500 h',
        'L2601,深圳市坪山电子检测中心,Pingshan Electronics Testing,深圳市坪山区坑梓街道,2022-01-01,2028-12-31,,移动电话,跌落试验,Drop test,GB/T 2423.8,,0.1–2 m',
      ].join('\n');
      await dialog
        .locator('input[type=file]')
        .setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(good)]) });
      await dialog.getByText('已导入：新增 1 家，更新 0 家，共 2 条范围').waitFor();
      await dialog.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();

      await page.getByRole('searchbox', { name: '按认可编号、名称或检测参数搜索' }).fill('坪山');
      await page.getByRole('searchbox', { name: '按认可编号、名称或检测参数搜索' }).press('Enter');
      await page.getByRole('link', { name: 'L2601' }).click();
      await page.getByRole('heading', { level: 1, name: 'L2601 深圳市坪山电子检测中心' }).waitFor();
      await page.getByRole('cell', { name: 'YD/T 1539' }).waitFor();
      await page.getByRole('cell', { name: '跌落试验' }).waitFor();
      await checkedScreen(page, 'labs-laboratory-detail');

      // CNAS suspended it on a past day: the dialog's day (today by default) changed, the reason given.
      await page.getByRole('button', { name: '记录暂停认可' }).click();
      const suspend = page.getByRole('dialog', { name: '记录 CNAS 暂停 L2601 的认可' });
      await suspend.getByLabel('暂停之日').fill('2025-10-01');
      await suspend.getByLabel('原因').fill('CNAS 监督评审：待机时间检测能力不满足要求');
      await checkedScreen(page, 'labs-suspend-dialog');
      await suspend.getByRole('button', { name: /^记\s?录$/ }).click();
      await suspend.waitFor({ state: 'hidden' });
      const period = page.locator('#main tr').filter({ hasText: 'CNAS 监督评审：待机时间检测能力不满足要求' });
      await period.getByRole('cell', { name: '2025-10-01' }).waitFor();
      await period.getByRole('cell', { name: '尚未恢复' }).waitFor();
      await checkedScreen(page, 'labs-laboratory-suspended');
      // Reinstated from today (the dialog's default): the period gets its end.
      await page.getByRole('button', { name: '记录恢复认可' }).click();
      const reinstate = page.getByRole('dialog', { name: '记录 CNAS 恢复 L2601 的认可' });
      await reinstate.getByText('暂停期间（2025-10-01 起至恢复前一日）').waitFor();
      await reinstate.getByRole('button', { name: /^记\s?录$/ }).click();
      await reinstate.waitFor({ state: 'hidden' });
      await page.getByRole('button', { name: '记录暂停认可' }).waitFor();
      await expect(period.getByRole('cell', { name: '尚未恢复' }).count()).resolves.toBe(0);
      await expect(period.getByRole('cell').nth(1).innerText()).resolves.toMatch(/^\d{4}-\d{2}-\d{2}$/);

      await page.getByRole('menuitem', { name: '互认协议' }).click();
      await page.getByRole('button', { name: '登记协议' }).click();
      const form = page.getByRole('dialog');
      await form.getByLabel('类型').click();
      await page.locator('.ant-select-item-option', { hasText: '港澳机构' }).click();
      await form.getByLabel('协议方').fill(PARTY);
      await form.getByLabel('国家/地区').fill('中国香港');
      await form.getByLabel('互认范围').fill('电子电气产品检测报告');
      await form.getByLabel('生效日期').fill('2024-01-01');
      await form.getByRole('button', { name: /^登\s?记$/ }).click();
      await form.waitFor({ state: 'hidden' });
      await page.getByRole('cell', { name: PARTY, exact: true }).waitFor();
      await checkedScreen(page, 'labs-agreements');
      watched.expectNoProblems();
    },
    180_000,
  );

  /** The recognised reports of the application's audit, as the enterprise sees them. */
  const presentedRow = (page: Page, reportNumber: string) => page.locator('#main tr').filter({ hasText: reportNumber });

  browserIt(
    'the enterprise presents a recognised report on its audit (in English): one dated before the agreement is refused under its date, a mistaken one withdrawn',
    async () => {
      const { watched, page } = await signedInAt(
        browser!,
        `${api.url}/console/applications/${applicationId}`,
        { email: ent.email, password: PASSWORD },
        'en',
        contexts,
      );
      await page.getByRole('heading', { level: 4, name: 'Recognised reports' }).waitFor();
      await page.getByRole('button', { name: 'Present a recognised report' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Issued by', { exact: true }).waitFor();
      await page.locator('.ant-zoom-appear, .ant-zoom-enter').first().waitFor({ state: 'detached' });
      await choose(page, 'Clause it covers', /^5\.2 /, undefined, dialog);
      await choose(page, 'Agreement', PARTY, undefined, dialog);
      await dialog.getByLabel('Issued by', { exact: true }).fill('SGS Hong Kong Limited');
      await dialog.getByLabel('Report number', { exact: true }).fill('HKGE2600815301');
      await dialog.getByLabel('Report date', { exact: true }).fill('2023-06-01');
      await dialog.getByLabel('Pass', { exact: true }).check();
      await dialog.getByRole('button', { name: 'Present', exact: true }).click();
      // The agreement took effect on 2024-01-01: the refusal sits under the date it is about.
      // (The inner locator of `has` is matched inside the form item, so it starts from the page.)
      const dateField = dialog.locator('.ant-form-item', { has: page.getByLabel('Report date', { exact: true }) });
      await dateField.locator('.ant-form-item-explain-error').filter({ hasText: 'valid from 2024-01-01' }).waitFor();
      await checkedScreen(page, 'labs-enterprise-recognised-refused-date');
      await dialog.getByLabel('Report date', { exact: true }).fill('2025-09-01');
      // A slip in the report number: presented, then withdrawn before the auditor answers, which frees clause 5.2.
      await dialog.getByLabel('Report number', { exact: true }).fill('HKGE2600815031');
      await dialog.getByRole('button', { name: 'Present', exact: true }).click();
      await dialog.waitFor({ state: 'hidden' });
      await presentedRow(page, 'HKGE2600815031').getByRole('button', { name: 'Withdraw the recognised report HKGE2600815031 of clause 5.2' }).click();
      await page.locator('.ant-popconfirm').getByRole('button', { name: 'Withdraw', exact: true }).click();
      await presentedRow(page, 'HKGE2600815031').getByText('Withdrawn', { exact: true }).waitFor();
      await page.getByRole('button', { name: 'Present a recognised report' }).click();
      const again = page.getByRole('dialog');
      await again.getByLabel('Issued by', { exact: true }).waitFor();
      await choose(page, 'Clause it covers', /^5\.2 /, undefined, again);
      await choose(page, 'Agreement', PARTY, undefined, again);
      await again.getByLabel('Issued by', { exact: true }).fill('SGS Hong Kong Limited');
      await again.getByLabel('Report number', { exact: true }).fill('HKGE2600815301');
      await again.getByLabel('Report date', { exact: true }).fill('2025-09-01');
      await again.getByLabel('Pass', { exact: true }).check();
      await again.getByRole('button', { name: 'Present', exact: true }).click();
      await again.waitFor({ state: 'hidden' });
      await presentedRow(page, 'HKGE2600815301').getByText('Presented', { exact: true }).waitFor();
      await checkedScreen(page, 'labs-enterprise-recognised-presented');
      watched.expectNoProblems();
      const reports = (await api.get('/api/v1/audits/{id}/recognised-reports', { params: { id: auditId }, auth: ent.auth, expect: 200 })).body;
      expect(reports.map((r) => [r.reportNumber, r.status])).toEqual([
        ['HKGE2600815301', 'presented'],
        ['HKGE2600815031', 'withdrawn'],
      ]);
      expect(reports[0]).toMatchObject({ clause: '5.2', reportNumber: 'HKGE2600815301', reportDate: '2025-09-01', passed: true, status: 'presented' });
    },
    120_000,
  );

  browserIt(
    'the auditor accepts the recognised report the enterprise presented: its clause shows the agreement, and the enterprise sees it accepted',
    async () => {
      await api.post('/api/v1/audits/{id}/start', { params: { id: auditId }, auth: lead.auth, expect: 200 });
      const { watched, page } = await signedInAt(browser!, `${api.url}/console/audits/${auditId}`, { email: lead.email, password: PASSWORD }, 'zh', contexts);
      await page.getByRole('heading', { level: 2, name: '企业提交的互认报告' }).waitFor();
      await checkedScreen(page, 'labs-audit-recognised-presented');
      await page.getByRole('button', { name: '采信 5.2', exact: true }).click();
      const card = page.getByRole('group', { name: /^5\.2 / });
      await card.getByText(`互认报告：${PARTY}（SGS Hong Kong Limited）`).waitFor();
      await card.getByText('已记录：合格', { exact: true }).waitFor();
      await checkedScreen(page, 'labs-audit-recognised-accepted');
      const after = (await api.get('/api/v1/audits/{id}', { params: { id: auditId }, auth: ent.auth, expect: 200 })).body;
      expect(after.checklist.find((c) => c.clause === '5.2')!.finding!.recognised).toMatchObject({ agreementParty: PARTY });
      watched.expectNoProblems();

      const enterprise = await signedInAt(
        browser!,
        `${api.url}/console/applications/${applicationId}`,
        { email: ent.email, password: PASSWORD },
        'zh',
        contexts,
      );
      await presentedRow(enterprise.page, 'HKGE2600815301').getByText('已采信', { exact: true }).waitFor();
      await checkedScreen(enterprise.page, 'labs-enterprise-recognised-accepted');
      enterprise.watched.expectNoProblems();
    },
    120_000,
  );
});
