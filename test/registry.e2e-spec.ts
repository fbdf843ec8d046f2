import { parse as parseCsv } from 'csv-parse/sync';
import { DataSource } from 'typeorm';
import { searchStatement } from '@app/registry';
import { TestUser, member, organization, regulator, PASSWORD } from './support/actors';
import { certifiedEnterprise } from './support/case';
import type { operations } from './support/api-types';
import { startApi, TestApi } from './support/http';
import { SchemeWorld, schemeWorld } from './support/scheme';
import { eventually, startWorker, withinASecond, WorkerProcess } from './support/worker';

/** The public registry over certificates issued through the real pipeline. */
describe('public registry', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let reg: TestUser;
  let world: SchemeWorld;
  let decider: TestUser;
  let auditor: TestUser;
  const certs: { id: string; number: string; holder: string }[] = [];
  const holders = new Map<string, TestUser>();

  async function certify(nameZh: string, nameEn: string): Promise<void> {
    const cert = await certifiedEnterprise(api, reg, world, { nameZh, nameEn }, { auditor, decider });
    certs.push({ id: cert.id, number: cert.number, holder: nameZh });
    holders.set(cert.id, cert.ent);
  }

  beforeAll(async () => {
    // Behind a proxy on this machine: the client address comes from X-Forwarded-For (the counterfeit test varies it).
    process.env.TRUST_PROXY = '127.0.0.1/32';
    api = await startApi();
    delete process.env.TRUST_PROXY;
    worker = await startWorker('registry');
    reg = await regulator(api);
    world = await schemeWorld(api, reg);
    auditor = await member(api, world.cbAdmin, ['auditor']);
    decider = await member(api, world.cbAdmin, ['decision_maker']);
    await certify('深圳市华强电子有限公司', 'Shenzhen Huaqiang Electronics');
    await certify('深圳市童悦服饰有限公司', 'Shenzhen Tongyue Apparel');
    await certify('深圳市木匠家具有限公司', 'Shenzhen Mujiang Furniture');
  }, 120_000);
  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  type SearchQuery = NonNullable<operations['RegistryController_search']['parameters']['query']>;
  const search = <S extends number>(query: SearchQuery, expect: S) =>
    api.get('/api/v1/registry/certificates', { query: { category: world.categoryCode, ...query }, expect });

  it('finds 深圳市华强电子有限公司 by the two characters 电子, and by English names and models', async () => {
    const zh = await search({ q: '电子' }, 200);
    expect(zh.body.items.map((e) => e.number)).toEqual([certs[0].number]);
    expect(zh.body.items[0].holder.nameZh).toBe('深圳市华强电子有限公司');
    expect(zh.headers['cache-control']).toBe('no-store'); // live answers: no browser or proxy keeps them
    expect((await api.get('/api/v1/verify/{code}', { params: { code: certs[0].number }, expect: 200 })).headers['cache-control']).toBe('no-store');
    expect((await api.get('/.well-known/jwks.json', { expect: 200 })).headers['cache-control']).toBe('public, max-age=300');
    const en = await search({ q: 'HUAQIANG' }, 200);
    expect(en.body.items.map((e) => e.number)).toEqual([certs[0].number]);
    const model = await search({ q: 'hq-x1 pro' }, 200);
    expect(model.body.items).toHaveLength(3);
    expect((await search({ q: 'Smartphone' }, 200)).body.items).toHaveLength(3);
    expect((await search({ q: '电脑' }, 200)).body.items).toEqual([]);
  });

  it('answers a text search from indexes: the newest-first walk, and the bigram index for rare terms', async () => {
    // A handful of test rows would be scanned whatever the indexes; with scans priced out, the plan
    // shows which indexes can serve the statement (bench:registry shows the planner choosing them at 1M rows).
    const statement = searchStatement({ text: '电子', take: 21 });
    const plan = await api.app.get(DataSource).transaction(async (tx) => {
      await tx.query('SET LOCAL enable_seqscan = off');
      return (await tx.query(`EXPLAIN ${statement.text}`, statement.values)).map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('Index Only Scan using ix__registry_entries__newest');
    expect(plan).toContain('ix__registry_entries__search_filters');
  });

  it('refuses a one-character query and a forged cursor, naming the field', async () => {
    expect((await search({ q: '电' }, 400)).body.fields?.[0].field).toBe('q');
    // Every pair holds a space: nothing an index could find, so not a search (it would read every entry).
    const spaced = await search({ q: 'a b' }, 400);
    expect(spaced.body.fields?.[0]).toEqual({
      field: 'q',
      reasons: ['must have 2 adjacent characters that are not spaces'],
      rules: [{ rule: 'twoAdjacentCharacters' }],
    });
    expect((await search({ after: 'bm90LWEtY3Vyc29y' }, 400)).body.fields?.[0].field).toBe('after');
    expect((await search({ limit: 1000 }, 400)).body.fields?.[0].field).toBe('limit');
  });

  it('pages with a keyset cursor through every entry exactly once', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await search({ limit: 1, ...(after ? { after } : {}) }, 200);
      seen.push(...page.body.items.map((e) => e.number));
      after = page.body.nextCursor ?? undefined;
    } while (after);
    expect(seen.sort()).toEqual(certs.map((c) => c.number).sort());
  });

  it('shows the public record with its history, never the private note; suspended within a second', async () => {
    const target = certs[1];
    // Asked until the answer comes from the API's memory: true as of a moment before it was asked.
    await eventually(
      async () => {
        const askedAt = Date.now();
        const res = await api.get('/api/v1/verify/{code}', { params: { code: target.number }, expect: 200 });
        expect(res.body.status).toBe('valid');
        return Date.parse(res.body.asOf) < askedAt ? true : undefined;
      },
      'an answer from the cache',
      5000,
    );
    const before = Date.now();
    await api.post('/api/v1/certificates/{id}/suspend', {
      params: { id: target.id },
      auth: world.cbAdmin.auth,
      body: { publicReason: 'misuse_of_mark', privateNote: '内部备注：举报编号 R-77' },
      expect: 200,
    });
    await withinASecond(
      async () => ((await api.get('/api/v1/verify/{code}', { params: { code: target.number }, expect: 200 })).body.status === 'suspended' ? true : undefined),
      'verify to answer suspended',
    );
    const record = await api.get('/api/v1/registry/certificates/{number}', { params: { number: target.number }, expect: 200 });
    expect(Date.now() - before).toBeLessThan(5000);
    expect(record.body.status).toBe('suspended');
    expect(record.body.history.map((h) => h.event)).toEqual(['issue', 'suspend']);
    expect(record.body.history[1]).toMatchObject({ status: 'suspended', publicReason: 'misuse_of_mark' });
    const text = JSON.stringify(record.body);
    for (const secret of ['内部备注', 'R-77', 'contact', 'privateNote', PASSWORD]) expect(text).not.toContain(secret);
    expect((await search({ status: 'suspended' }, 200)).body.items.map((e) => e.number)).toEqual([target.number]);
    await api.get('/api/v1/registry/certificates/{number}', { params: { number: 'SZS-2099-999999-X' }, expect: 404 });
  });

  it('feeds changes by sequence number', async () => {
    const all = await api.get('/api/v1/registry/changes', { query: { after: 0, limit: 1000 }, expect: 200 });
    const mine = all.body.items.filter((c) => certs.some((x) => x.number === c.number));
    expect(mine.filter((c) => c.event === 'issue')).toHaveLength(3);
    const seqs = all.body.items.map((c) => Number(c.sequence));
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    const rest = await api.get('/api/v1/registry/changes', { query: { after: all.body.lastSequence }, expect: 200 });
    expect(rest.body.items).toEqual([]);
    expect(rest.body.lastSequence).toBe(all.body.lastSequence);
  });

  it('exports the whole registry as JSON Lines and CSV that parse back to the same entries, no cell a spreadsheet would run', async () => {
    // Names and products are the enterprise's own words: a formula in them must reach a spreadsheet as text.
    const hostileProduct = '=HYPERLINK("http://evil.example","x")';
    const hostile = await certifiedEnterprise(
      api,
      reg,
      world,
      { nameZh: '+深圳市恶意科技有限公司', nameEn: '@SUM(1+1) Trading' },
      { auditor, decider },
      ['EV-1'],
      hostileProduct,
    );
    const db = api.app.get(DataSource);
    const [{ n }] = await db.query('SELECT count(*)::int AS n FROM registry_entries');
    const jsonl = await api.get('/api/v1/registry/export', { query: { format: 'jsonl' }, expect: 200 });
    expect(jsonl.headers['content-type']).toContain('application/x-ndjson');
    const entries = jsonl.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(entries).toHaveLength(n);
    for (const c of [...certs, hostile]) {
      const fromExport = entries.find((e) => e.number === c.number);
      const record = (await api.get('/api/v1/registry/certificates/{number}', { params: { number: c.number }, expect: 200 })).body;
      // the record adds its history and the holder's listings in force to the exported entry
      const { history: _h, holderListings: _l, ...publicRecord } = record;
      expect(fromExport).toEqual(publicRecord);
    }
    // JSON Lines are data, not a spreadsheet: verbatim.
    const hostileJson = entries.find((e) => e.number === hostile.number);
    expect(hostileJson.holder.nameZh).toBe('+深圳市恶意科技有限公司');
    expect(hostileJson.scope.products[0].nameZh).toBe(hostileProduct);

    const csv = await api.get('/api/v1/registry/export', { query: { format: 'csv' }, expect: 200 });
    const [header, ...rows]: string[][] = parseCsv(csv.text);
    expect(header).toEqual([
      'number',
      'status',
      'holder_name_zh',
      'holder_name_en',
      'holder_credit_code',
      'certification_body_zh',
      'category_code',
      'standard_code',
      'standard_version',
      'products',
      'issued_on',
      'expires_on',
      'edition',
      'last_surveillance_on',
      'last_surveillance_outcome',
      'next_surveillance_due',
      'renews',
      'renewed_by',
      'transition_deadline',
      'transition_standard_code',
      'transition_standard_version',
    ]);
    expect(rows).toHaveLength(n);
    const rowOf = (number: string) => Object.fromEntries(rows.find((r) => r[0] === number)!.map((v, i) => [header[i], v]));
    // Every other cell round-trips to the public record.
    for (const e of entries) {
      const row = rowOf(e.number);
      expect(row).toMatchObject({
        status: e.status,
        holder_credit_code: e.holder.creditCode,
        certification_body_zh: e.certificationBody.nameZh,
        category_code: e.category.code,
        standard_code: e.standard.code,
        standard_version: e.standard.version,
        issued_on: e.issuedOn,
        expires_on: e.expiresOn,
        edition: String(e.lifecycle.edition),
        next_surveillance_due: e.lifecycle.surveillance.nextDue ?? '',
        renews: e.lifecycle.renews ?? '',
      });
      if (e.number !== hostile.number) expect(row).toMatchObject({ holder_name_zh: e.holder.nameZh, holder_name_en: e.holder.nameEn ?? '' });
    }
    expect(rowOf(certs[0].number).holder_name_zh).toBe('深圳市华强电子有限公司');
    const evil = rowOf(hostile.number);
    expect(evil.holder_name_zh).toBe("'+深圳市恶意科技有限公司");
    expect(evil.holder_name_en).toBe("'@SUM(1+1) Trading");
    expect(evil.products).toBe(`'${hostileProduct} (华强: EV-1)`);
    for (const cells of rows) for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  }, 60_000);

  it('counts verifications and flags a label code seen from many networks, and any code of an ended certificate', async () => {
    const target = certs[0];
    const owner = await api.get('/api/v1/certificates/{id}', { params: { id: target.id }, auth: reg.auth, expect: 200 });
    expect(owner.body.status).toBe('valid');
    const entAuth = holders.get(target.id)!;
    const grant = await api.post('/api/v1/certificates/{id}/mark-grants', {
      params: { id: target.id },
      auth: entAuth.auth,
      body: { models: ['HQ-X1'], media: ['product'] },
      expect: 201,
    });
    const ofGrant = { id: grant.body.id };
    await api.post('/api/v1/mark-grants/{id}/grant', { params: ofGrant, auth: world.cbAdmin.auth, body: {}, expect: 200 });
    const batch = await api.post('/api/v1/mark-grants/{id}/label-batches', { params: ofGrant, auth: entAuth.auth, body: { quantity: 2 }, expect: 202 });
    const ofBatch = { id: batch.body.id };
    await eventually(
      async () =>
        (await api.get('/api/v1/label-batches/{id}', { params: ofBatch, auth: entAuth.auth, expect: 200 })).body.status === 'ready' ? true : undefined,
      'labels',
    );
    const csv = await api.get('/api/v1/label-batches/{id}/codes.csv', { params: ofBatch, auth: entAuth.auth, expect: 200 });
    const [copied, honest] = csv.text
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[1]);

    // The same printed code scanned in five different cities' networks: someone copied it.
    for (let net = 1; net <= 5; net++) {
      await api.get('/api/v1/verify/{code}', { params: { code: copied }, auth: { 'X-Forwarded-For': `203.0.${net}.7` }, expect: 200 });
    }
    // One shopper checking a code three times from one network is not suspicious.
    for (let i = 0; i < 3; i++) {
      await api.get('/api/v1/verify/{code}', { params: { code: honest }, auth: { 'X-Forwarded-For': `198.51.100.${i}` }, expect: 200 });
    }

    await api.post('/api/v1/certificates/{id}/withdraw', {
      params: { id: certs[2].id },
      auth: world.cbAdmin.auth,
      body: { publicReason: 'misuse_of_mark' },
      expect: 200,
    });
    await api.get('/api/v1/verify/{code}', { params: { code: certs[2].number }, expect: 200 });

    const signals = await eventually(async () => {
      const res = await api.get('/api/v1/counterfeit-signals', { query: { status: 'open', pageSize: 100 }, auth: world.cbAdmin.auth, expect: 200 });
      const copiedSignal = res.body.items.find((s) => s.code === copied.replace(/-/g, ''));
      return copiedSignal && copiedSignal.verificationCount >= 5 ? res.body.items : undefined;
    }, 'the counterfeit signals and counts');
    const byCode = (code: string) => signals.filter((s) => s.code === code);
    expect(byCode(copied.replace(/-/g, ''))).toEqual([expect.objectContaining({ reason: 'many_networks', distinctNetworks: 5, kind: 'label' })]);
    expect(byCode(honest.replace(/-/g, ''))).toEqual([]);
    expect(byCode(certs[2].number)).toEqual([expect.objectContaining({ reason: 'ended_certificate', kind: 'certificate' })]);
    // A copied code is a risk signal: the worker plans an unannounced special audit of its certificate (issue 11).
    const special = await eventually(async () => {
      const res = await api.get('/api/v1/audits', { query: { certificateId: target.id, kind: 'special' }, auth: world.cbAdmin.auth, expect: 200 });
      return res.body.items[0];
    }, 'the special audit a counterfeit signal brings');
    expect(special).toMatchObject({ trigger: 'counterfeit_signal', unannounced: true, certificate: { id: target.id } });

    const otherCb = await organization(api, reg, 'certification_body');
    expect((await api.get('/api/v1/counterfeit-signals', { auth: otherCb.auth, expect: 200 })).body).toEqual({ items: [], page: 1, pageSize: 20, total: 0 });
    const signal = byCode(certs[2].number)[0]!;
    const ofSignal = { id: signal.id };
    await api.post('/api/v1/counterfeit-signals/{id}/resolve', { params: ofSignal, auth: otherCb.auth, body: { status: 'confirmed' }, expect: 404 });
    const confirmed = await api.post('/api/v1/counterfeit-signals/{id}/resolve', {
      params: ofSignal,
      auth: world.cbAdmin.auth,
      body: { status: 'confirmed', note: '已报市场监管部门' },
      expect: 200,
    });
    expect(confirmed.body).toMatchObject({
      id: signal.id,
      status: 'confirmed',
      note: '已报市场监管部门',
      certificate: { id: certs[2].id, number: certs[2].number },
    });
    const listed = await api.get('/api/v1/counterfeit-signals', { query: { status: 'confirmed', pageSize: 1 }, auth: world.cbAdmin.auth, expect: 200 });
    expect(listed.body).toMatchObject({ items: [{ id: signal.id }], page: 1, pageSize: 1, total: 1 });
    // raw: a status the document's enum does not have
    await api.http().get('/api/v1/counterfeit-signals').query({ status: 'closed' }).set(world.cbAdmin.auth).expect(400);
    await api.post('/api/v1/counterfeit-signals/{id}/resolve', { params: ofSignal, auth: world.cbAdmin.auth, body: { status: 'dismissed' }, expect: 409 });
  });

  it('resolves a counterfeit signal once: of concurrent confirmations and dismissals exactly one wins and the rest get 409', async () => {
    const db = api.app.get(DataSource);
    // Several rounds, each on a fresh open signal, 20 callers (the body's admin and the regulator)
    // at once: the old check-then-act let more than one win, and the last writer's status stay.
    const rounds: { winners: number; stored: unknown; winner?: unknown; losers: { status: number; body: Record<string, unknown> }[] }[] = [];
    for (let round = 0; round < 5; round++) {
      const [{ id }] = await db.query(
        `INSERT INTO counterfeit_signals (code, kind, reason, certificate_id, certification_body_id)
         VALUES ($1, 'certificate', 'ended_certificate', $2, $3) RETURNING id`,
        [`RACE-${round}-${Date.now()}`, certs[1].id, world.certificationBodyId],
      );
      // raw: twenty resolutions at once, each answer read rather than expected
      const wanted = Array.from({ length: 20 }, (_, i) => ({ status: i % 2 ? 'confirmed' : 'dismissed', note: `round ${round} #${i}` }));
      const answers = await Promise.all(
        wanted.map((body, i) =>
          api
            .http()
            .post(`/api/v1/counterfeit-signals/${id}/resolve`)
            .set((i % 3 ? world.cbAdmin : reg).auth)
            .send(body),
        ),
      );
      const won = wanted.filter((_, i) => answers[i].status === 200);
      const [stored] = await db.query(`SELECT status, note FROM counterfeit_signals WHERE id = $1`, [id]);
      rounds.push({ winners: won.length, stored, winner: won[0], losers: answers.filter((a) => a.status !== 200) });
    }
    expect(rounds.map((r) => r.winners)).toEqual([1, 1, 1, 1, 1]);
    for (const r of rounds) {
      expect(r.stored).toEqual(r.winner); // the status and note of the one caller told it won
      expect(r.losers.map((a) => a.status)).toEqual(Array(19).fill(409));
      for (const l of r.losers) expect(l.body).toMatchObject({ error: 'ILLEGAL_TRANSITION', details: { state: (r.winner as { status: string }).status } });
    }
  });

  it('finds a model at the end of a long scope, page by page', async () => {
    // 200 models: a search text far longer than one btree entry may hold (2.7 kB), which the
    // newest-first index therefore carries only the head of.
    const models = Array.from({ length: 200 }, (_, i) => `LONGSCOPE-MODEL-${String(i).padStart(4, '0')}`);
    const a = await certifiedEnterprise(api, reg, world, { nameZh: '深圳市长列电子有限公司', nameEn: 'Changlie A' }, { auditor, decider }, models);
    const b = await certifiedEnterprise(api, reg, world, { nameZh: '深圳市长列科技有限公司', nameEn: 'Changlie B' }, { auditor, decider }, models);
    const first = await search({ q: 'longscope-model-0199', limit: 1 }, 200);
    expect(first.body.items.map((e) => e.number)).toEqual([b.number]);
    const second = await search({ q: 'longscope-model-0199', limit: 1, after: first.body.nextCursor! }, 200);
    expect(second.body.items.map((e) => e.number)).toEqual([a.number]);
    expect(second.body.nextCursor).toBeNull();
    expect((await search({ q: '长列电子' }, 200)).body.items.map((e) => e.number)).toEqual([a.number]);
  }, 60_000);
});
