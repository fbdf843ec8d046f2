import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, Locator, Page } from 'playwright-core';
import { certificateNumber } from '@app/certification';
import { TestUser, member, organization, regulator } from './support/actors';
import { certifiedEnterprise } from './support/case';
import { browserIt, launchPhone } from './support/console-browser';
import { startApi, TestApi } from './support/http';
import { SchemeWorld, schemeWorld } from './support/scheme';
import { eventually, startWorker, WorkerProcess } from './support/worker';

/**
 * The pages for people (verify page reached from the QR, verify form, registry search and record,
 * misuse-report form) and the misuse-report API. The browser tests drive Debian's Chromium
 * through playwright-core at a phone's size and save screenshots to test/screenshots/.
 */
const SHOTS = join(__dirname, 'screenshots');
const HOLDER = { zh: '深圳市翠竹精密电子有限公司', en: 'Shenzhen Cuizhu Precision Electronics Co., Ltd.' };
const MARKUP_HOLDER = { zh: '<script>alert("szs")</script>测试标记企业', en: '<img src=x onerror=alert(1)> & "Quote" Co.' };

/** Runs in the page (a string, as this project compiles without the DOM library). */
const A11Y_PROBE = `(() => {
  const controls = Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea'));
  return {
    lang: document.documentElement.lang,
    h1: document.querySelectorAll('h1').length,
    title: document.title,
    unlabelled: controls.filter((c) => !c.labels || !c.labels.length || !c.labels[0].textContent.trim()).map((c) => c.outerHTML),
    sideways: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) > screen.width,
  };
})()`;

interface Issued {
  id: string;
  number: string;
  ent: TestUser;
}

describe('pages for people and misuse reports', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let reg: TestUser;
  let world: SchemeWorld;
  let auditor: TestUser;
  let decider: TestUser;
  let cert: Issued;
  let markupCert: Issued;
  let certToken: string;
  let labelCode: string;
  let labelToken: string;
  const saved = { ...process.env };

  /** A certificate issued through the real pipeline (outbox, BullMQ, the worker process) for a new enterprise. */
  const certify = (nameZh: string, nameEn: string): Promise<Issued> => certifiedEnterprise(api, reg, world, { nameZh, nameEn }, { auditor, decider });

  /** The token in the QR code printed on the certificate PDF, read the way a phone reads it. */
  async function qrTokenOfPdf(c: Issued): Promise<string> {
    const pdf = await api
      .http()
      .get(`/api/v1/certificates/${c.id}/pdf`)
      .set(c.ent.auth)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const dir = mkdtempSync(join(tmpdir(), 'szs-pages-'));
    writeFileSync(join(dir, 'cert.pdf'), pdf.body);
    execFileSync('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', join(dir, 'cert.pdf'), join(dir, 'page')]);
    const url = execFileSync('zbarimg', ['--quiet', '--raw', join(dir, 'page-1.png')])
      .toString()
      .trim();
    rmSync(dir, { recursive: true, force: true });
    return url.split('/v/')[1];
  }

  beforeAll(async () => {
    // This suite sends more misuse reports from 127.0.0.1 than the default quota; the limit itself is tested on its own API below.
    process.env.MISUSE_REPORT_LIMIT = '1000';
    api = await startApi();
    process.env = { ...saved };
    worker = await startWorker('pages');
    reg = await regulator(api);
    world = await schemeWorld(api, reg);
    auditor = await member(api, world.cbAdmin, ['auditor']);
    decider = await member(api, world.cbAdmin, ['decision_maker']);
    cert = await certify(HOLDER.zh, HOLDER.en);
    markupCert = await certify(MARKUP_HOLDER.zh, MARKUP_HOLDER.en);
    certToken = await qrTokenOfPdf(cert);

    const grant = await api
      .http()
      .post(`/api/v1/certificates/${cert.id}/mark-grants`)
      .set(cert.ent.auth)
      .send({ models: ['HQ-X1'], media: ['product', 'packaging'] })
      .expect(201);
    await api.http().post(`/api/v1/mark-grants/${grant.body.id}/grant`).set(world.cbAdmin.auth).send({}).expect(200);
    const batch = await api.http().post(`/api/v1/mark-grants/${grant.body.id}/label-batches`).set(cert.ent.auth).send({ quantity: 3 }).expect(202);
    await eventually(async () => {
      const b = await api.http().get(`/api/v1/label-batches/${batch.body.id}`).set(cert.ent.auth).expect(200);
      return b.body.status === 'ready' ? true : undefined;
    }, 'the label batch');
    const csv = await api.http().get(`/api/v1/label-batches/${batch.body.id}/codes.csv`).set(cert.ent.auth).expect(200);
    const [, code, qrUrl] = csv.text.trim().split('\n')[1].split(',');
    labelCode = code;
    labelToken = qrUrl.split('/v/')[1];
  }, 180_000);

  afterAll(async () => {
    process.env = saved;
    await worker?.stop();
    await api?.close();
  });

  const altered = (token: string) => token.slice(0, -3) + (token.endsWith('AAA') ? 'BBB' : 'AAA');

  describe('over HTTP', () => {
    it('sends / to the verification page', async () => {
      const res = await api.http().get('/').expect(302);
      expect(res.headers.location).toBe('/verify');
      expect((await api.http().get('/?lang=en').expect(302)).headers.location).toBe('/verify?lang=en');
    });

    it('answers a scanned QR with an HTML page: Chinese by default, English by ?lang=en or Accept-Language', async () => {
      const zh = await api.http().get(`/v/${certToken}`).expect(200);
      expect(zh.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(zh.headers['content-security-policy']).toContain("default-src 'none'");
      expect(zh.headers['cache-control']).toBe('no-store');
      expect(zh.text).toContain('<html lang="zh-Hans">');
      expect(zh.text).toContain('有效');
      expect(zh.text).toContain(cert.number);
      expect(zh.text).toContain(HOLDER.zh);
      const en = await api.http().get(`/v/${certToken}?lang=en`).expect(200);
      expect(en.text).toContain('<html lang="en">');
      expect(en.text).toContain('VALID');
      expect(en.text).toContain(HOLDER.en);
      const negotiated = await api.http().get(`/v/${certToken}`).set('Accept-Language', 'en-GB,en;q=0.9').expect(200);
      expect(negotiated.text).toContain('<html lang="en">');
      expect(
        (
          await api
            .http()
            .get(`/v/${altered(certToken)}`)
            .expect(200)
        ).text,
      ).toContain('无效');
    });

    it('shows a holder name holding markup as text, on the verify, registry and record pages', async () => {
      const pages = [
        await api.http().get('/verify').query({ code: markupCert.number }).expect(200),
        await api.http().get('/registry').query({ q: '测试标记企业', category: world.categoryCode }).expect(200),
        await api.http().get(`/registry/${markupCert.number}`).expect(200),
        await api.http().get(`/registry/${markupCert.number}?lang=en`).expect(200),
      ];
      for (const page of pages) {
        expect(page.text).toContain(markupCert.number);
        expect(page.text).not.toContain('<script>alert');
        expect(page.text).not.toContain('<img src=x');
        expect(page.text).not.toMatch(/<script/i);
      }
      expect(pages[0].text).toContain('&lt;script&gt;alert(&quot;szs&quot;)&lt;/script&gt;测试标记企业');
      expect(pages[3].text).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Quote&quot; Co.');
      // What a visitor typed is echoed as text too.
      const typed = await api.http().get('/verify').query({ code: '"><b>bold</b>' }).expect(200);
      expect(typed.text).not.toContain('<b>bold</b>');
      expect(typed.text).toContain('&lt;b&gt;bold&lt;/b&gt;');
    });

    it('answers the verify form: empty code 400, unknown and mistyped numbers as such, label codes with their grant', async () => {
      const form = await api.http().get('/verify').expect(200);
      expect(form.text).toContain('<label for="code">');
      const empty = await api.http().get('/verify?code=').expect(400);
      expect(empty.text).toContain('请输入证书编号或标志编码');
      const unknown = certificateNumber(2099, 999999);
      expect((await api.http().get('/verify').query({ code: unknown, lang: 'en' }).expect(200)).text).toContain('UNKNOWN');
      const typo = unknown.slice(0, -1) + (unknown.endsWith('0') ? '1' : '0');
      expect((await api.http().get('/verify').query({ code: typo, lang: 'en' }).expect(200)).text).toContain('The check character does not match');
      const label = await api.http().get('/verify').query({ code: labelCode }).expect(200);
      expect(label.text).toContain('标志使用许可');
      expect(label.text).toContain('HQ-X1');
    });

    it('refuses bad registry queries with a page that says why (400), and an unknown record with 404', async () => {
      const short = await api.http().get('/registry').query({ q: '电' }).expect(400);
      expect(short.headers['content-type']).toContain('text/html');
      expect(short.text).toContain('请至少输入 2 个字');
      expect((await api.http().get('/registry').query({ after: 'bm90LWEtY3Vyc29y', lang: 'en' }).expect(400)).text).toContain('page link has expired');
      expect((await api.http().get('/registry').query({ status: 'bogus', lang: 'en' }).expect(400)).text).toContain('This filter is not valid');
      const missing = await api.http().get('/registry/SZS-2099-999999-X').expect(404);
      expect(missing.headers['content-type']).toContain('text/html');
      expect(missing.text).toContain('未找到');
      expect(missing.text).toContain('<html lang="zh-Hans">');
      expect((await api.http().get('/registry/SZS-2099-999999-X?lang=en').expect(404)).text).toContain('Not found');
    });

    it('pages the registry with the keyset cursor, one entry at a time', async () => {
      const first = await api.http().get('/registry').query({ category: world.categoryCode, limit: 1 }).expect(200);
      const next = /href="([^"]*after=[^"]*)" rel="next"/.exec(first.text);
      expect(next).not.toBeNull();
      const second = await api.http().get(next![1].replace(/&amp;/g, '&')).expect(200);
      const numbers = (text: string) => [...text.matchAll(/<h3><a href="\/registry\/([A-Z0-9-]+)"/g)].map((m) => m[1]);
      expect(numbers(first.text).length).toBeGreaterThan(0);
      expect([...numbers(first.text), ...numbers(second.text)].sort()).toEqual([cert.number, markupCert.number].sort());
    });

    it('takes a misuse report over the JSON API: 201 with a reference, routed to the body, never echoing the contact', async () => {
      const res = await api
        .http()
        .post('/api/v1/misuse-reports')
        .send({ code: cert.number, description: '网店销售的 HQ-X9 型号包装上印有深圳标准标志', whereSeen: '某电商平台“数码优选”店', contact: '13800138000' })
        .expect(201);
      expect(res.body.reference).toMatch(/^MR-\d{4}-\d{6}$/);
      expect(res.body).toMatchObject({ status: 'received', certificateNumber: cert.number, routedTo: { regulator: true } });
      expect(res.body.routedTo.certificationBody.nameZh).toBeTruthy();
      expect(JSON.stringify(res.body)).not.toContain('13800138000');
      const invalid = await api.http().post('/api/v1/misuse-reports').send({ code: cert.number, contact: 'x', extra: 1 }).expect(400);
      expect(invalid.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['description', 'extra']);
    });

    it('resolves label codes and QR links to their certificate', async () => {
      for (const code of [labelCode, `http://localhost:3000/v/${labelToken}`, certToken]) {
        const res = await api.http().post('/api/v1/misuse-reports').send({ code, description: '标志贴在了不同的产品上' }).expect(201);
        expect(res.body.certificateNumber).toBe(cert.number);
      }
      const forged = await api
        .http()
        .post('/api/v1/misuse-reports')
        .send({ code: altered(certToken), description: '扫码后页面显示无效' })
        .expect(201);
      expect(forged.body).toMatchObject({ certificateNumber: null, routedTo: { certificationBody: null, regulator: true } });
    });

    it("shows reports to the certificate's body and the regulator only, with the contact; status through the machine", async () => {
      const sent = await api
        .http()
        .post('/api/v1/misuse-reports')
        .send({ code: cert.number, description: '实体店商品型号与证书不符', contact: 'tip@example.cn' })
        .expect(201);
      const unrouted = await api.http().post('/api/v1/misuse-reports').send({ description: '看到一个没有编号的深圳标准标志' }).expect(201);
      const otherCb = await organization(api, reg, 'certification_body');
      const mine = await api.http().get('/api/v1/misuse-reports').query({ pageSize: 100 }).set(world.cbAdmin.auth).expect(200);
      const report = mine.body.items.find((r: { reference: string }) => r.reference === sent.body.reference);
      expect(report).toMatchObject({ contact: 'tip@example.cn', status: 'received', certificate: { number: cert.number } });
      expect(mine.body.items.map((r: { reference: string }) => r.reference)).not.toContain(unrouted.body.reference);
      expect(mine.body.items.every((r: { certificationBodyId: string }) => r.certificationBodyId === world.certificationBodyId)).toBe(true);

      expect((await api.http().get('/api/v1/misuse-reports').set(otherCb.auth).expect(200)).body.total).toBe(0);
      await api.http().get(`/api/v1/misuse-reports/${report.id}`).set(otherCb.auth).expect(404);
      await api.http().post(`/api/v1/misuse-reports/${report.id}/status`).set(otherCb.auth).send({ status: 'reviewing' }).expect(404);
      await api.http().get('/api/v1/misuse-reports').set(cert.ent.auth).expect(403);
      await api.http().get('/api/v1/misuse-reports').expect(401);

      const all = await api.http().get('/api/v1/misuse-reports').query({ pageSize: 100 }).set(reg.auth).expect(200);
      expect(all.body.items.map((r: { reference: string }) => r.reference)).toEqual(expect.arrayContaining([sent.body.reference, unrouted.body.reference]));

      expect(report.note).toBeNull();
      const blankNote = await api
        .http()
        .post(`/api/v1/misuse-reports/${report.id}/status`)
        .set(world.cbAdmin.auth)
        .send({ status: 'reviewing', note: '   ' })
        .expect(400);
      expect(blankNote.body.fields[0].field).toBe('note');
      expect((await api.http().get(`/api/v1/misuse-reports/${report.id}`).set(world.cbAdmin.auth).expect(200)).body.status).toBe('received');
      const reviewing = await api
        .http()
        .post(`/api/v1/misuse-reports/${report.id}/status`)
        .set(world.cbAdmin.auth)
        .send({ status: 'reviewing', note: '已联系门店核实型号' })
        .expect(200);
      expect(reviewing.body).toMatchObject({ status: 'reviewing', note: '已联系门店核实型号' });
      const again = await api.http().post(`/api/v1/misuse-reports/${report.id}/status`).set(world.cbAdmin.auth).send({ status: 'reviewing' }).expect(409);
      expect(again.body.error).toBe('ILLEGAL_TRANSITION');
      // Closed without a note, the note of the review stays.
      expect((await api.http().post(`/api/v1/misuse-reports/${report.id}/status`).set(reg.auth).send({ status: 'closed' }).expect(200)).body).toMatchObject({
        status: 'closed',
        note: '已联系门店核实型号',
      });
      const back = await api.http().post(`/api/v1/misuse-reports/${report.id}/status`).set(reg.auth).send({ status: 'received' }).expect(400);
      expect(back.body.fields[0].field).toBe('status');
      await api.http().get('/api/v1/misuse-reports/not-a-uuid').set(reg.auth).expect(400);
      expect(
        (await api.http().get('/api/v1/misuse-reports').query({ status: 'closed', pageSize: 100 }).set(world.cbAdmin.auth).expect(200)).body.items.map(
          (r: { id: string }) => r.id,
        ),
      ).toContain(report.id);
    });

    it('takes the form post (x-www-form-urlencoded) and answers with the reference; a bad form is shown again with what to fix', async () => {
      const form = await api.http().get('/report').query({ code: cert.number, lang: 'en' }).expect(200);
      expect(form.text).toContain('<label for="r-description">What did you see? (required)</label>');
      expect(form.text).toContain(`value="${cert.number}"`);
      const ok = await api
        .http()
        .post('/report')
        .type('form')
        .send({ lang: 'en', code: cert.number, description: 'The box shows model HQ-X9', contact: 'private@example.cn' })
        .expect(201);
      expect(ok.headers['content-type']).toContain('text/html');
      expect(ok.text).toMatch(/MR-\d{4}-\d{6}/);
      expect(ok.text).toContain('Report received');
      expect(ok.text).not.toContain('private@example.cn');
      const bad = await api.http().post('/report').type('form').send({ code: cert.number, description: 'x', contact: 'keep@example.cn' }).expect(400);
      expect(bad.text).toContain('请用 5 到 4000 个字描述您看到的情况');
      expect(bad.text).toContain('aria-invalid="true"');
      expect(bad.text).toContain('value="keep@example.cn"'); // what was typed is kept for the reader to correct
    });
  });

  describe('misuse report rate limit', () => {
    let limited: TestApi;

    beforeAll(async () => {
      // The default quota (5 per 10 minutes) on counters of its own (a sub-prefix of the run's, removed at teardown).
      process.env.REDIS_PREFIX = `${saved.REDIS_PREFIX}:misuse-limit`;
      delete process.env.MISUSE_REPORT_LIMIT;
      limited = await startApi();
      process.env = { ...saved };
    });
    afterAll(() => limited?.close());

    it('answers 429 with Retry-After after 5 reports from one address, to the API and to the form', async () => {
      const statuses: number[] = [];
      let refusal: { headers: Record<string, string>; body: { error: string } } | undefined;
      for (let i = 0; i < 6; i++) {
        const res = await limited
          .http()
          .post('/api/v1/misuse-reports')
          .send({ description: `第 ${i + 1} 次举报：标志被冒用` });
        statuses.push(res.status);
        if (res.status === 429) refusal = res;
      }
      expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
      expect(refusal!.body.error).toBe('RATE_LIMITED');
      expect(Number(refusal!.headers['retry-after'])).toBeGreaterThan(500);
      const form = await limited.http().post('/report').type('form').send({ description: '表单提交也受限制' }).expect(429);
      expect(form.headers['content-type']).toContain('text/html');
      expect(Number(form.headers['retry-after'])).toBeGreaterThan(0);
      expect(form.text).toContain('请求过于频繁');
      // A form with mistakes is answered (400) without using up a quota.
      await limited.http().post('/report').type('form').send({ description: 'x' }).expect(400);
    });
  });

  describe('in Chromium at 375×812', () => {
    let context: BrowserContext;
    let phone: Awaited<ReturnType<typeof launchPhone>>;

    beforeAll(async () => {
      mkdirSync(SHOTS, { recursive: true });
      phone = await launchPhone();
      if (phone) context = phone.context;
    }, 60_000);
    afterAll(async () => {
      await phone?.close();
    });

    async function open(path: string): Promise<Page> {
      const page = context.pages()[0] ?? (await context.newPage());
      const res = await page.goto(`${api.url}${path}`);
      expect(res?.status()).toBeLessThan(500);
      return page;
    }

    /** The checks a screen reader user and a phone user need: language, one h1, labelled controls, no sideways scrolling. */
    async function expectAccessible(page: Page, lang: 'zh-Hans' | 'en') {
      const a11y = await page.evaluate<{ lang: string; h1: number; title: string; unlabelled: string[]; sideways: boolean }>(A11Y_PROBE);
      expect(a11y).toMatchObject({ lang, h1: 1, unlabelled: [], sideways: false });
      expect(a11y.title.length).toBeGreaterThan(0);
    }

    /** Server-rendered, so everything is there once the page has loaded; waitFor fails with the locator's name if not. */
    const visible = (locator: Locator) => locator.waitFor({ state: 'visible', timeout: 5000 });
    const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

    browserIt(
      'shows the verify page of a certificate QR in Chinese, and takes a misuse report from it',
      async () => {
        const page = await open(`/v/${certToken}`);
        await expect(page.locator('h1').innerText()).resolves.toContain('有效');
        await visible(page.getByText(HOLDER.zh, { exact: true }));
        await visible(page.getByText('智能手机', { exact: true }).first());
        await visible(page.getByText('HQ-X1 Pro', { exact: true }).first());
        await expectAccessible(page, 'zh-Hans');
        const description = page.getByLabel('您看到了什么（必填）');
        await visible(description);
        await expect(page.getByLabel('证书编号、标志编码或二维码链接（选填）').inputValue()).resolves.toBe(cert.number);
        await visible(page.getByLabel('联系方式（选填）'));
        await shot(page, 'verify-certificate-zh');

        await description.fill('实体店销售的 HQ-X9 手机包装上印有深圳标准标志，但证书只包括 HQ-X1 和 HQ-X1 Pro。');
        await page.getByLabel('在哪里看到（选填）').fill('深圳市福田区华强北路某手机店');
        await page.getByRole('button', { name: '提交举报' }).click();
        await page.waitForURL('**/report');
        await expect(page.locator('h1').innerText()).resolves.toBe('举报已收到');
        await expect(page.locator('#reference').innerText()).resolves.toMatch(/^MR-\d{4}-\d{6}$/);
        await expectAccessible(page, 'zh-Hans');
        await shot(page, 'report-received-zh');
      },
      60_000,
    );

    browserIt(
      'switches the verify page to English with the language link',
      async () => {
        const page = await open(`/v/${certToken}`);
        await page.getByRole('link', { name: 'Read this page in English' }).click();
        await page.waitForURL(/lang=en/);
        await expect(page.locator('h1').innerText()).resolves.toContain('VALID');
        await visible(page.getByText(HOLDER.en, { exact: true }));
        await visible(page.getByText('Smartphone', { exact: true }).first());
        await visible(page.getByLabel('What did you see? (required)'));
        await expectAccessible(page, 'en');
        await shot(page, 'verify-certificate-en');
        await page.getByLabel('What did you see? (required)').fill('The mark is on a charger that is not in the certified scope.');
        await page.getByRole('button', { name: 'Send report' }).click();
        await page.waitForURL('**/report');
        await expect(page.locator('h1').innerText()).resolves.toBe('Report received');
        await shot(page, 'report-received-en');
      },
      60_000,
    );

    browserIt(
      'shows a label QR with its mark grant',
      async () => {
        const page = await open(`/v/${labelToken}`);
        await expect(page.locator('h1').innerText()).resolves.toContain('有效');
        await visible(page.getByRole('heading', { name: '标志使用许可' }));
        await visible(page.getByText('产品本体、包装'));
        await visible(page.getByText(labelCode, { exact: true }));
        await expectAccessible(page, 'zh-Hans');
        await shot(page, 'verify-label-zh');
      },
      60_000,
    );

    browserIt(
      'shows an altered QR token as not genuine, in both languages',
      async () => {
        const page = await open(`/v/${altered(certToken)}`);
        await expect(page.locator('h1').innerText()).resolves.toContain('无效');
        await visible(page.getByText('此二维码不是真实的深圳标准码'));
        expect(await page.getByText(HOLDER.zh).count()).toBe(0);
        await expectAccessible(page, 'zh-Hans');
        await shot(page, 'verify-invalid-zh');
        await open(`/v/${altered(certToken)}?lang=en`);
        await expect(page.locator('h1').innerText()).resolves.toContain('NOT GENUINE');
        await expectAccessible(page, 'en');
        await shot(page, 'verify-invalid-en');
      },
      60_000,
    );

    browserIt(
      'finds the holder in the registry by two of its Chinese characters, in both languages, and opens its record',
      async () => {
        const page = await open(`/registry?q=${encodeURIComponent('翠竹')}`);
        const result = page.locator('ol.results > li');
        await expect(result.count()).resolves.toBe(1);
        await expect(result.first().innerText()).resolves.toContain(HOLDER.zh);
        await expect(result.first().innerText()).resolves.toContain(cert.number);
        await expect(result.first().innerText()).resolves.toContain('有效');
        await expect(page.getByLabel('企业、产品、品牌或型号').inputValue()).resolves.toBe('翠竹');
        await expectAccessible(page, 'zh-Hans');
        await shot(page, 'registry-search-zh');

        await page.getByRole('link', { name: cert.number }).click();
        await page.waitForURL(`**/registry/${cert.number}`);
        await expect(page.locator('h1').innerText()).resolves.toContain(cert.number);
        await visible(page.getByRole('heading', { name: '状态历史' }));
        await visible(page.getByRole('cell', { name: /颁发/ }));
        await expectAccessible(page, 'zh-Hans');
        await shot(page, 'registry-record-zh');

        await open(`/registry?q=${encodeURIComponent('翠竹')}&lang=en`);
        await expect(result.count()).resolves.toBe(1);
        await expect(result.first().innerText()).resolves.toContain(HOLDER.en);
        await expect(result.first().innerText()).resolves.toContain('Valid');
        await expectAccessible(page, 'en');
        await shot(page, 'registry-search-en');
      },
      60_000,
    );

    browserIt(
      'verifies a typed certificate number from the form; a suspended certificate is shown as suspended',
      async () => {
        await api
          .http()
          .post(`/api/v1/certificates/${markupCert.id}/suspend`)
          .set(decider.auth)
          .send({ publicReason: 'misuse_of_mark', privateNote: '内部备注 R-77' })
          .expect(200);
        const page = await open('/verify?lang=en');
        await expectAccessible(page, 'en');
        await shot(page, 'verify-form-en');
        await page.getByLabel('Certificate number or label code').fill(markupCert.number.toLowerCase());
        await page.getByRole('button', { name: 'Verify' }).click();
        await page.waitForURL(/code=/);
        await expect(page.locator('h1').innerText()).resolves.toContain('SUSPENDED');
        await visible(page.getByText(MARKUP_HOLDER.en, { exact: true }));
        const text = await page.content();
        expect(text).not.toContain('R-77');
        await shot(page, 'verify-suspended-en');
      },
      60_000,
    );
  });
});
