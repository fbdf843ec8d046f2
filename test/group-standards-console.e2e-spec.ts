import { Browser } from 'playwright-core';
import { DataSource } from 'typeorm';
import { organization, PASSWORD, regulator, TestUser } from './support/actors';
import { browserIt, checkA11y, checkedScreen, choose, launchChromium, shot, signedInAt, WatchedContext } from './support/console-browser';
import { shenzhenToday } from './support/dates';
import { startApi, TestApi } from './support/http';
import { schemeWorld } from './support/scheme';

/**
 * The regulator's group standards in the console: every association's standards, one published
 * standard's advancedness evaluation (先进性评价) recorded on screen — a failed one, which the
 * catalogue's entry form then refuses in a sentence, and a passed one, which takes the standard
 * into a draft batch's entry through the batch screen. In Chinese and English, axe on every screen.
 * The association sees its history named, the evaluations, and none of the regulator's screens.
 */
describe("console: the regulator's group standards and their advancedness evaluation", () => {
  let api: TestApi;
  let db: DataSource;
  let browser: Browser | undefined;
  const contexts: WatchedContext[] = [];
  let reg: TestUser;
  let assoc: TestUser;
  let categoryCode: string;
  let gsId: string;
  let standardId: string;
  let number: string;
  let batch: { id: string; number: string };
  let today: string;
  const tag = Math.random().toString(36).slice(2, 7).toUpperCase();
  const TITLE = { zh: `智能手表续航技术要求${tag}`, en: `Smart watches — Battery life requirements ${tag}` };
  const ASSOCIATION = `深圳市可穿戴设备协会${tag}`;

  beforeAll(async () => {
    api = await startApi();
    db = api.app.get(DataSource);
    reg = await regulator(api);
    ({ categoryCode } = await schemeWorld(api, reg));
    assoc = await organization(api, reg, 'association', ASSOCIATION, `Shenzhen Wearables Association ${tag}`);
    const groupCode = `W${tag}`;
    await api.post('/api/v1/group-codes', { auth: assoc.auth, body: { code: groupCode }, expect: 201 });
    const proposal = await api.post('/api/v1/group-standards', {
      auth: assoc.auth,
      body: {
        titleZh: TITLE.zh,
        titleEn: TITLE.en,
        scope: '本文件规定了智能手表续航的技术要求和试验方法。',
        ics: '31.020',
        ccs: 'L15',
        fullTextOpen: true,
        categoryCodes: [categoryCode],
      },
      expect: 201,
    });
    gsId = proposal.body.id;
    const step = (path: string, body: object = {}) => api.http().post(`/api/v1/group-standards/${gsId}/${path}`).set(assoc.auth).send(body).expect(200);
    await step('approve', { note: '理事会审议通过立项' });
    await step('start-drafting');
    await api.put('/api/v1/group-standards/{id}/requirements', {
      params: { id: gsId },
      auth: assoc.auth,
      body: { requirements: [{ clause: '5.1', textZh: '典型使用续航时间', kind: 'measured', unit: 'h', min: 72, critical: true }] },
      expect: 200,
    });
    await step('open-comment');
    // As if the 30 days of comment had gone by.
    await db.query(`UPDATE group_standards SET comment_from = comment_from - 31, comment_to = comment_to - 31 WHERE id = $1`, [gsId]);
    await step('close-comment');
    today = await shenzhenToday(db);
    const published = await step('publish', { implementationDate: today });
    ({ number, standardId } = published.body);
    const created = await api.post('/api/v1/catalogue/batches', { auth: reg.auth, body: { number: `GS-${tag}`, titleZh: `团体标准目录${tag}` }, expect: 201 });
    batch = created.body;
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await api?.close();
  });

  browserIt(
    'zh: records a failed evaluation (the catalogue then refuses the standard in a sentence), then a passed one, and takes it into a draft batch',
    async () => {
      const { watched, page } = await signedInAt(browser!, `${api.url}/console/`, { email: reg.email, password: PASSWORD }, 'zh', contexts);
      await page.getByRole('menuitem', { name: /团体标准/ }).click();
      await page.getByRole('heading', { level: 1, name: '团体标准' }).waitFor();
      await choose(page, '发布团体', ASSOCIATION, ASSOCIATION);
      await page.waitForURL(new RegExp(`associationId=${assoc.organizationId}`));
      await page.getByRole('link', { name: TITLE.zh }).waitFor();
      await checkedScreen(page, 'regulator-group-standards-zh');
      await page.getByRole('link', { name: TITLE.zh }).click();
      await page.getByRole('heading', { level: 1, name: TITLE.zh }).waitFor();
      await page.getByText('尚未评价').waitFor();
      await page.getByText('目录只接受最近一次先进性评价为通过的团体标准').waitFor();
      // The history's actions by name, not code.
      await page.getByRole('row', { name: /立项 已立项 理事会审议通过立项/ }).waitFor();
      await page.getByRole('row', { name: /发布 现行有效/ }).waitFor();
      expect(await page.getByText('start_drafting').count()).toBe(0);
      await checkedScreen(page, 'regulator-group-standard-zh');

      // A date after today: the API's refusal lands on the date field.
      await page.getByRole('radio', { name: '未通过', exact: true }).check();
      await page.getByLabel('评价日期').fill('2999-01-01');
      await page.getByLabel('评价意见').fill('5.1 续航时间下限 72 h，未高于同类国家标准的要求。');
      await page.getByRole('button', { name: '记录先进性评价' }).click();
      await page.locator('.ant-form-item-has-error').filter({ hasText: '评价日期' }).getByText('不能晚于今天', { exact: true }).waitFor();
      await checkA11y(page, 'evaluation refused (zh)');
      await page.getByLabel('评价日期').fill(today);
      await page.getByRole('button', { name: '记录先进性评价' }).click();
      await page.getByText('评价已记录').waitFor();
      await page.getByRole('row', { name: /未通过/ }).waitFor();
      await expect(
        api.get('/api/v1/group-standards/{id}', { params: { id: gsId }, auth: reg.auth, expect: 200 }).then((r) => r.body.evaluations),
      ).resolves.toEqual([expect.objectContaining({ outcome: 'failed', evaluatedOn: today })]);

      // The batch screen's entry form offers the group standard, and the catalogue refuses it: a sentence, not a code.
      await page.getByRole('menuitem', { name: /目录批次/ }).click();
      await page.getByRole('link', { name: batch.number, exact: true }).click();
      await page.getByRole('button', { name: '添加条目' }).click();
      const dialog = page.getByRole('dialog');
      await choose(page, '类别', categoryCode, categoryCode, dialog);
      await dialog.getByLabel('中文名称').fill(`长续航智能手表${tag}`);
      await choose(page, '依据标准', number.split('—')[0], number.split('—')[0], dialog);
      await dialog.getByLabel('评价规则').fill('按团体标准评价细则进行工厂检查和产品检测');
      await dialog.getByRole('button', { name: '添加' }).click();
      await dialog.getByRole('alert').getByText('所选的团体标准尚未通过先进性评价（以最近一次评价为准），不能列入目录').waitFor();
      await checkA11y(page, 'catalogue entry refused (zh)');
      await shot(page, 'regulator-catalogue-refuses-group-standard-zh');
      await dialog.getByRole('button', { name: '取消' }).click();
      await dialog.waitFor({ state: 'hidden' });

      // A passed evaluation, then into the batch from the group standard's screen.
      await page.getByRole('menuitem', { name: /团体标准/ }).click();
      await page.getByRole('link', { name: TITLE.zh }).click();
      await page.getByRole('radio', { name: '通过', exact: true }).check();
      await page.getByLabel('评价意见').fill('5.1 续航时间下限 72 h，优于同类国家标准的 48 h。');
      await page.getByRole('button', { name: '记录先进性评价' }).click();
      await page.getByText('评价已记录').waitFor();
      await page.getByText(`在“依据标准”中选择 ${number}`).waitFor();
      await checkedScreen(page, 'regulator-group-standard-passed-zh');
      await choose(page, '目录批次草稿', batch.number, batch.number);
      await page.getByRole('button', { name: '在该批次中添加条目' }).click();
      await page.waitForURL(new RegExp(`/console/catalogue/${batch.id}\\?addStandard=${standardId}`));
      // The entry form opens with the standard (and its only category) chosen.
      const field = (label: string) => dialog.locator('.ant-select', { has: page.getByLabel(label, { exact: true }) });
      await field('依据标准')
        .filter({ hasText: number.split('—')[0] })
        .waitFor();
      await field('类别').filter({ hasText: categoryCode }).waitFor();
      await dialog.getByLabel('中文名称').fill(`长续航智能手表${tag}`);
      await dialog.getByLabel('评价规则').fill('按团体标准评价细则进行工厂检查和产品检测');
      await checkA11y(page, 'entry form with the group standard (zh)');
      await dialog.getByRole('button', { name: '添加' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('row', { name: new RegExp(`长续航智能手表${tag}`) }).waitFor();
      await page.waitForURL((url) => !url.search.includes('addStandard'));
      await checkedScreen(page, 'regulator-batch-with-group-standard-zh');
      const entries = await api.get('/api/v1/catalogue/entries', { query: { batchId: batch.id }, auth: reg.auth, expect: 200 });
      expect(entries.body.items).toEqual([
        expect.objectContaining({ nameZh: `长续航智能手表${tag}`, categoryCode, standards: [expect.objectContaining({ id: standardId })] }),
      ]);
      watched.expectNoProblems();
    },
    180_000,
  );

  browserIt(
    "en: the list and the standard's screen with its evaluations and history",
    async () => {
      const { watched, page } = await signedInAt(browser!, `${api.url}/console/`, { email: reg.email, password: PASSWORD }, 'en', contexts);
      await page.getByRole('menuitem', { name: /Group standards/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Group standards' }).waitFor();
      await page.getByLabel('Search number or title (2 characters or more)').fill(TITLE.zh.slice(4));
      await page.getByLabel('Search number or title (2 characters or more)').press('Enter');
      await page.getByRole('link', { name: TITLE.en }).waitFor();
      await checkedScreen(page, 'regulator-group-standards-en');
      await page.getByRole('link', { name: TITLE.en }).click();
      await page.getByRole('heading', { level: 1, name: TITLE.en }).waitFor();
      await page.getByRole('row', { name: /Project approved Project approved 理事会审议通过立项/ }).waitFor();
      await page.getByRole('row', { name: /Drafting started Drafting/ }).waitFor();
      await page.getByRole('button', { name: 'Record an advancedness evaluation' }).waitFor();
      await checkedScreen(page, 'regulator-group-standard-en');
      watched.expectNoProblems();
    },
    120_000,
  );

  browserIt(
    "the association reads its standard's evaluations and named history, and has none of the regulator's screens",
    async () => {
      const { watched, page } = await signedInAt(browser!, `${api.url}/console/`, { email: assoc.email, password: PASSWORD }, 'zh', contexts);
      await page.getByRole('menuitem', { name: /团体标准/ }).waitFor();
      for (const regulatorOnly of ['目录批次', '认证类别', '机构授权']) expect(await page.getByRole('menuitem', { name: regulatorOnly }).count()).toBe(0);
      await page.goto(`${api.url}/console/group-standards/${gsId}`);
      await page.getByRole('heading', { level: 1, name: TITLE.zh }).waitFor();
      await page.getByRole('heading', { name: '先进性评价' }).waitFor();
      await page.getByRole('row', { name: /开始起草 起草中/ }).waitFor();
      expect(await page.getByRole('button', { name: '记录先进性评价' }).count()).toBe(0);
      expect(await page.getByText('列入认证目录').count()).toBe(0);
      await checkedScreen(page, 'association-group-standard-evaluated-zh');
      watched.expectNoProblems();
    },
    120_000,
  );
});
