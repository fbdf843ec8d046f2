import { parse as parseCsv } from 'csv-parse/sync';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { refreshRegistryEntries } from '@app/registry';
import { TestUser, member, regulator } from './support/actors';
import type { components } from './support/api-types';
import { certifiedEnterprise, IssuedCertificate, issuedCertificate } from './support/case';
import { browserIt, checkA11y, DESKTOP, launchChromium, WatchedContext, watchedContext } from './support/console-browser';
import { startApi, TestApi } from './support/http';
import { COMMITMENT, MODELS, SchemeWorld, schemeWorld } from './support/scheme';
import { eventually, startWorker, withinASecond, WorkerProcess } from './support/worker';

/**
 * The public record of a certificate's life after issue (issue 11): its surveillance, edition,
 * lineage and standard transition, in the JSON registry (record, search, export), the verification
 * answer and the pages for people in both languages. The lifecycle columns are set by SQL, as the
 * surveillance, renewal and transition work would set them, and the registry entries re-recorded
 * with the writer every certificate change uses.
 */
const HOLDER = { nameZh: '深圳市南山智联电子有限公司', nameEn: 'Shenzhen Nanshan Zhilian Electronics Co., Ltd.' };
const SHOTS = join(__dirname, 'screenshots');
const PHONE = { width: 375, height: 812 };

type Lifecycle = components['schemas']['RegistryLifecycle'];

describe('the public record of a certificate after issue', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let db: DataSource;
  let reg: TestUser;
  let world: SchemeWorld;
  let auditor: TestUser;
  let decider: TestUser;
  /** Issued first; renewed by `current`, then expired. */
  let previous: IssuedCertificate;
  /** Renews `previous`; second edition, surveilled once, in a standard transition. */
  let current: IssuedCertificate;
  let standardCode: string;

  const refresh = (...ids: string[]) => refreshRegistryEntries(db, ids);
  const record = (number: string) => api.get('/api/v1/registry/certificates/{number}', { params: { number }, expect: 200 });
  const verify = (code: string) => api.get('/api/v1/verify/{code}', { params: { code }, expect: 200 });
  const page = (path: string) => api.http().get(path).expect(200);

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker('public-lifecycle');
    db = api.app.get(DataSource);
    reg = await regulator(api);
    world = await schemeWorld(api, reg);
    auditor = await member(api, world.cbAdmin, ['auditor']);
    decider = await member(api, world.cbAdmin, ['decision_maker']);
    previous = await certifiedEnterprise(api, reg, world, HOLDER, { auditor, decider });
    // The renewal: the same holder certified again (as helper B's renewal application ends), then linked.
    const declaration = await api.post('/api/v1/self-declarations', {
      auth: previous.ent.auth,
      expect: 201,
      body: { standardId: world.standardId, productNameZh: '智能手机', productNameEn: 'Smartphone', models: MODELS, keyIndicators: [], commitment: COMMITMENT },
    });
    current = await issuedCertificate(api, world, { ent: previous.ent, declarationId: declaration.body.id, auditor, decider });

    const [standard] = await db.query(`SELECT code FROM standards WHERE id = $1`, [world.standardId]);
    standardCode = standard.code;
    const [next] = await db.query(
      `INSERT INTO standards (code, version, title_zh, title_en, kind, issuer)
       SELECT code, '2027', title_zh, title_en, kind, issuer FROM standards WHERE id = $1 RETURNING id`,
      [world.standardId],
    );
    await db.query(
      `UPDATE certificates SET edition = 2, surveillance_interval_months = 12, last_surveillance_on = '2027-02-20',
              last_surveillance_outcome = 'passed', next_surveillance_due = '2028-02-20', renews_certificate_id = $2,
              transition_deadline = '2028-06-30', transition_standard_id = $3
        WHERE id = $1`,
      [current.id, previous.id, next.id],
    );
    await db.query(`UPDATE certificates SET last_surveillance_on = '2025-03-03', last_surveillance_outcome = 'passed' WHERE id = $1`, [previous.id]);
    // The events the surveillance, re-issue and transition work record (their actions are the public history's words).
    await db.query(
      `INSERT INTO certificate_events (certificate_id, action, from_status, to_status)
       VALUES ($1, 'reissue', 'valid', 'valid'), ($1, 'surveillance_passed', 'valid', 'valid'), ($1, 'transition_set', 'valid', 'valid'),
              ($2, 'renewed', 'valid', 'valid')`,
      [current.id, previous.id],
    );
    await refresh(previous.id); // its own surveillance, before the renewal links it
    await refresh(current.id); // the renewal's refresh records "renewed by" on the certificate it renews
  }, 180_000);

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  const CURRENT_LIFECYCLE = (): Lifecycle => ({
    edition: 2,
    surveillance: { intervalMonths: 12, lastOn: '2027-02-20', lastOutcome: 'passed', nextDue: '2028-02-20' },
    renews: previous.number,
    renewedBy: null,
    transition: { deadline: '2028-06-30', standard: { code: standardCode, version: '2027' } },
  });

  describe('in the JSON registry', () => {
    it('carries surveillance, edition, lineage and transition in the public record, and nothing of the audits', async () => {
      const res = await record(current.number);
      expect(res.body.lifecycle).toEqual(CURRENT_LIFECYCLE());
      expect(res.body.history.map((h) => h.event)).toEqual(['issue', 'reissue', 'surveillance_passed', 'transition_set']);
      const old = await record(previous.number);
      expect(old.body.lifecycle).toMatchObject({ edition: 1, renews: null, renewedBy: current.number, transition: null });
      expect(old.body.lifecycle.surveillance).toMatchObject({ lastOn: '2025-03-03', lastOutcome: 'passed' });
      // Public: dates and passed/failed only — no audit, auditor, finding or note.
      expect(JSON.stringify(res.body)).not.toMatch(/audit(or)?Id|finding|privateNote|requirement/i);
    });

    it('answers a verification with the same lifecycle, fresh within a second of a change', async () => {
      const answer = await withinASecond(async () => {
        const res = await verify(current.number);
        return res.body.certificate?.lifecycle.edition === 2 ? res.body : undefined;
      }, 'the verification answer to show the second edition');
      expect(answer.certificate?.lifecycle).toEqual(CURRENT_LIFECYCLE());
      await db.query(`UPDATE certificates SET next_surveillance_due = '2028-02-21' WHERE id = $1`, [current.id]);
      await refresh(current.id);
      await withinASecond(async () => {
        const res = await verify(current.number);
        return res.body.certificate?.lifecycle.surveillance.nextDue === '2028-02-21' ? true : undefined;
      }, 'the moved due date in the verification answer');
      await db.query(`UPDATE certificates SET next_surveillance_due = '2028-02-20' WHERE id = $1`, [current.id]);
      await refresh(current.id);
    });

    it('carries it in the search results and both export formats', async () => {
      const found = await api.get('/api/v1/registry/certificates', { query: { q: '智联', category: world.categoryCode }, expect: 200 });
      const byNumber = new Map(found.body.items.map((e) => [e.number, e]));
      expect(byNumber.get(current.number)?.lifecycle).toEqual(CURRENT_LIFECYCLE());
      expect(byNumber.get(previous.number)?.lifecycle.renewedBy).toBe(current.number);

      const jsonl = await api.http().get('/api/v1/registry/export').query({ format: 'jsonl' }).expect(200);
      const line = jsonl.text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
        .find((e) => e.number === current.number);
      expect(line.lifecycle).toEqual(CURRENT_LIFECYCLE());

      const csv = await api.http().get('/api/v1/registry/export').query({ format: 'csv' }).expect(200);
      const [header, ...rows]: string[][] = parseCsv(csv.text);
      const rowOf = (number: string) => Object.fromEntries(rows.find((r) => r[0] === number)!.map((v, i) => [header[i], v]));
      expect(rowOf(current.number)).toMatchObject({
        edition: '2',
        last_surveillance_on: '2027-02-20',
        last_surveillance_outcome: 'passed',
        next_surveillance_due: '2028-02-20',
        renews: previous.number,
        renewed_by: '',
        transition_deadline: '2028-06-30',
        transition_standard_code: standardCode,
        transition_standard_version: '2027',
      });
      expect(rowOf(previous.number)).toMatchObject({ edition: '1', renews: '', renewed_by: current.number, transition_deadline: '' });
    });

    it('re-records a renewal and the certificate it renews through the primary key, never a scan of every certificate', async () => {
      // Few test rows would be scanned whatever the indexes; with scans priced out the plan shows whether an index can serve it.
      const plan = await db.transaction(async (tx) => {
        await tx.query('SET LOCAL enable_seqscan = off');
        const lines: string[] = [];
        await refreshRegistryEntries(
          {
            query: async (sql, params) => {
              const rows = await tx.query(`EXPLAIN ${sql}`, params);
              lines.push(...rows.map((r: Record<string, string>) => r['QUERY PLAN']));
              return rows;
            },
          },
          [current.id],
        );
        return lines.join('\n');
      });
      expect(plan).toContain('certificates_pkey');
      expect(plan).not.toMatch(/Seq Scan on certificates/);
    });

    it('reads an entry recorded before the lifecycle existed as a first edition with nothing yet', async () => {
      await db.query(`UPDATE registry_entries SET lifecycle = '{}' WHERE number = $1`, [previous.number]);
      try {
        expect((await record(previous.number)).body.lifecycle).toEqual({
          edition: 1,
          surveillance: { intervalMonths: 12, lastOn: null, lastOutcome: null, nextDue: null },
          renews: null,
          renewedBy: null,
          transition: null,
        });
      } finally {
        await refresh(previous.id);
      }
    });
  });

  describe('on the pages', () => {
    it('shows the verify answer with edition, surveillance, lineage and the transition notice, in Chinese and English', async () => {
      const zh = await page(`/verify?code=${current.number}`);
      expect(zh.text).toContain('第 2 版');
      expect(zh.text).toContain('<dt>监督审核周期</dt><dd>每 12 个月一次</dd>');
      expect(zh.text).toContain('上次监督审核');
      expect(zh.text).toMatch(/<time class="nw" datetime="2027-02-20">2027-02-20<\/time> <span class="badge passed">通过<\/span>/);
      expect(zh.text).toContain('下次监督审核截止日期');
      expect(zh.text).toContain('datetime="2028-02-20"');
      expect(zh.text).toContain(`续期自 <a class="nw" href="/registry/${previous.number}">${previous.number}</a>`);
      expect(zh.text).toMatch(new RegExp(`标准换版过渡期至 <time[^>]*>2028-06-30</time></strong>：须按 <span class="nw">${standardCode}-2027</span> 重新评价`));

      const en = await page(`/verify?code=${current.number}&lang=en`);
      expect(en.text).toContain('Edition 2');
      expect(en.text).toContain('<dt>Surveillance audits</dt><dd>Every 12 months</dd>');
      expect(en.text).toContain('Last surveillance audit');
      expect(en.text).toContain('<span class="badge passed">passed</span>');
      expect(en.text).toContain('Next surveillance audit due by');
      expect(en.text).toContain(`Renews <a class="nw" href="/registry/${previous.number}?lang=en">${previous.number}</a>`);
      expect(en.text).toMatch(
        new RegExp(
          `Standard transition by <time[^>]*>2028-06-30</time>:</strong> this certificate must be reassessed against <span class="nw">${standardCode}-2027</span>`,
        ),
      );
    });

    it('shows the record with its lineage both ways and the new history events in both languages', async () => {
      const zh = await page(`/registry/${current.number}`);
      expect(zh.text).toContain('换发新版证书');
      expect(zh.text).toContain('监督审核通过');
      expect(zh.text).toContain('进入标准换版过渡期');
      const old = await page(`/registry/${previous.number}`);
      expect(old.text).toContain(`已由 <a class="nw" href="/registry/${current.number}">${current.number}</a> 续期`);
      expect(old.text).toContain('<td>续期 ');
      expect(old.text).not.toContain('标准换版过渡期至');

      const en = await page(`/registry/${current.number}?lang=en`);
      expect(en.text).toContain('Re-issued as a new edition');
      expect(en.text).toContain('Surveillance audit passed');
      expect(en.text).toContain('Standard transition set');
      const oldEn = await page(`/registry/${previous.number}?lang=en`);
      expect(oldEn.text).toContain(`Renewed by <a class="nw" href="/registry/${current.number}?lang=en">${current.number}</a>`);
    });

    it('keeps an ended certificate its last surveillance but no next due date or transition notice', async () => {
      await db.query(
        `UPDATE certificates SET issued_on = issued_on - 1200, expires_on = current_date - 2, next_surveillance_due = '2026-06-01' WHERE id = $1`,
        [previous.id],
      );
      await eventually(
        async () => ((await record(previous.number)).body.status === 'expired' ? true : undefined),
        'the sweep to expire the renewed certificate',
      );
      const zh = await page(`/registry/${previous.number}`);
      expect(zh.text).toContain('datetime="2025-03-03"');
      expect(zh.text).not.toContain('下次监督审核截止日期');
      expect((await record(previous.number)).body.lifecycle.surveillance.nextDue).toBe('2026-06-01'); // the data stays; the page says only what holds
    });

    it('shows a failed surveillance on a suspended certificate, with its reason', async () => {
      await db.query(`UPDATE certificates SET last_surveillance_on = '2028-02-18', last_surveillance_outcome = 'failed' WHERE id = $1`, [current.id]);
      await api.post('/api/v1/certificates/{id}/suspend', {
        params: { id: current.id },
        auth: decider.auth,
        body: { publicReason: 'surveillance_failed', privateNote: '抽样待机时间 61 h，低于 72 h' },
        expect: 200,
      });
      const zh = await page(`/verify?code=${current.number}`);
      expect(zh.text).toContain('<span class="badge failed">未通过</span>');
      expect(zh.text).toContain('下次监督审核截止日期'); // a suspended certificate is still surveilled
      expect(zh.text).not.toContain('61 h');
      const en = await page(`/registry/${current.number}?lang=en`);
      expect(en.text).toContain('<span class="badge failed">failed</span>');
      expect(en.text).toContain('Surveillance audit failed');
      expect(en.text).not.toContain('61 h');
    });
  });

  describe('in Chromium', () => {
    let browser: Browser | undefined;
    let watched: WatchedContext;
    let desk: WatchedContext;

    beforeAll(async () => {
      browser = await launchChromium();
      if (!browser) return;
      mkdirSync(SHOTS, { recursive: true });
      watched = await watchedContext(browser, PHONE);
      desk = await watchedContext(browser, DESKTOP);
    }, 60_000);
    afterAll(async () => {
      await watched?.close();
      await desk?.close();
      await browser?.close();
    });

    /** Opens a page, checks it the way a phone and a screen reader need it, and saves a screenshot to look at. */
    async function look(path: string, name: string, lang: 'zh-Hans' | 'en', at = watched): Promise<Page> {
      const p = at.context.pages()[0] ?? (await at.newPage());
      const res = await p.goto(`${api.url}${path}`);
      expect(res?.status()).toBe(200);
      const probe = await p.evaluate<{ lang: string; sideways: boolean; h1: number }>(`(() => ({
        lang: document.documentElement.lang,
        h1: document.querySelectorAll('h1').length,
        sideways: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) > window.innerWidth,
      }))()`);
      expect(probe).toEqual({ lang, h1: 1, sideways: false });
      await checkA11y(p, name);
      await p.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
      // The sections that changed, each on its own, small enough to read at full size.
      for (const id of ['certified', 'history']) {
        const section = p.locator(`section[aria-labelledby="${id}"]`);
        if (await section.count()) await section.screenshot({ path: join(SHOTS, `${name}-${id}.png`) });
      }
      return p;
    }

    browserIt(
      'renders the lifecycle on the verify and record pages in both languages, within a phone’s screen, without a CSP problem',
      async () => {
        // Back to a valid certificate surveilled with success, as the first screens show it: a
        // surveillance suspension is lifted by a decision maker who records why.
        if ((await record(current.number)).body.status === 'suspended')
          await api.post('/api/v1/certificates/{id}/restore', {
            params: { id: current.id },
            auth: decider.auth,
            body: { privateNote: '复检合格：待机时间 75 h' },
            expect: 200,
          });
        await db.query(`UPDATE certificates SET last_surveillance_on = '2027-02-20', last_surveillance_outcome = 'passed' WHERE id = $1`, [current.id]);
        await refresh(current.id);

        let p = await look(`/verify?code=${current.number}`, 'lifecycle-verify-zh', 'zh-Hans');
        await p.getByRole('heading', { name: '监督与续期' }).waitFor();
        await p.getByText('第 2 版', { exact: true }).waitFor();
        await p.getByRole('link', { name: previous.number }).waitFor();
        p = await look(`/verify?code=${current.number}&lang=en`, 'lifecycle-verify-en', 'en');
        await p.getByRole('heading', { name: 'Surveillance and renewal' }).waitFor();
        p = await look(`/registry/${current.number}`, 'lifecycle-record-zh', 'zh-Hans');
        await p.getByRole('cell', { name: /监督审核通过/ }).waitFor();
        p = await look(`/registry/${current.number}?lang=en`, 'lifecycle-record-en', 'en');
        await p.getByRole('cell', { name: /Surveillance audit passed/ }).waitFor();
        p = await look(`/registry/${previous.number}`, 'lifecycle-renewed-zh', 'zh-Hans');
        await p.getByRole('link', { name: current.number }).click();
        await p.waitForURL(`**/registry/${current.number}`);
        await look(`/registry/${previous.number}?lang=en`, 'lifecycle-renewed-en', 'en');
        watched.expectNoProblems();
      },
      90_000,
    );

    browserIt(
      'lays the lifecycle out beside its labels on a desktop screen',
      async () => {
        const p = await look(`/verify?code=${current.number}`, 'lifecycle-verify-zh-desktop', 'zh-Hans', desk);
        await p.getByRole('heading', { name: '监督与续期' }).waitFor();
        await look(`/registry/${current.number}?lang=en`, 'lifecycle-record-en-desktop', 'en', desk);
        desk.expectNoProblems();
      },
      60_000,
    );
  });
});
