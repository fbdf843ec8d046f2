/**
 * `npm run bench:registry`: seeds 1,000,000 certificates into a database of its own, then runs
 * autocannon against the real API (a built `node dist/apps/api/src/main.js`) and, in the same
 * script, against a bare `node:http` + `pg` server doing the same queries:
 *   (a) verify by certificate number, (b) registry search by a 2–4 character Chinese term.
 * Prints req/s, p50 and p99 for both and their ratio, and the search query's server-side p95.
 *
 * Options: --n <certificates> (default 1,000,000), --seconds <per run> (default 5), --rounds
 * <interleaved runs per target, the median is shown> (default 3),
 * --connections <per run> (default 50), --keep (leave the seeded database for a look at query
 * plans; its name is printed), --reuse <database url> (measure a database an earlier --keep run
 * left, without seeding it again), --only verify|search|statements (statements: only the
 * server-side p95 of the search statements, no HTTP load). Needs PostgreSQL and Redis as for the tests.
 */
import autocannon from 'autocannon';
import { ChildProcess, fork, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { Client, Pool } from 'pg';
import { certificateNumber } from '@app/certification';
import { createRedis, databaseName, deleteKeysWithPrefix, dropDatabase, ensureDatabase, pgSqlWriter, runMigrations, SESSION_OPTIONS } from '@app/persistence';
import { BigramFrequencies, PUBLIC_LIFECYCLE, readBigramFrequencies, refreshRegistryEntries, SearchCriteria, searchStatement } from '@app/registry';
import { migrations } from '../../migrations';
import { insertOrganization, insertReferenceData, ORGANIZATIONS, ReferenceOrganization, withCheckCharacter } from '../fixtures/reference-data';

const option = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const arg = (name: string, fallback: number) => Number(option(name) ?? process.env[`BENCH_${name.toUpperCase()}`] ?? fallback);
const N = arg('n', 1_000_000);
const REUSE = option('reuse');
const ONLY = option('only');
const SECONDS = arg('seconds', 5);
const ROUNDS = arg('rounds', 3);
const CONNECTIONS = arg('connections', 50);
const CHUNK = 20_000;

const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const runId = `${Date.now().toString(36)}_${randomBytes(2).toString('hex')}`;
base.pathname = `/szs_bench_registry_${runId}`;
// The forked bare server is handed the same database; the parent makes a new one per run.
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? REUSE ?? base.toString();
const REDIS_PREFIX = `szs_bench_registry_${runId}`;

// Realistic names: district + firm + trade, so 2-character terms have the selectivity real ones do.
const FIRMS =
  '华强 鹏城 南山 福田 宝安 龙岗 腾飞 创新 智联 光明 前海 蛇口 海岸 星河 金地 科兴 大疆 中航 天虹 万科 招商 长城 先锋 新材 云图 微光 通达 安泰 瑞丰 恒通'.split(
    ' ',
  );
const TRADES = [
  { word: '电子', products: ['智能手机', '蓝牙耳机', '平板电脑', '智能手表'], category: 'ELECTRONICS' },
  { word: '科技', products: ['充电器', '移动电源', '智能音箱'], category: 'ELECTRONICS' },
  { word: '服饰', products: ['婴幼儿服装', '运动服', '衬衫'], category: 'APPAREL' },
  { word: '家具', products: ['木制书桌', '床垫', '办公椅'], category: 'FURNITURE' },
  { word: '食品', products: ['包装饮用水', '月饼', '茶叶'], category: 'FOOD' },
  { word: '眼镜', products: ['光学眼镜', '太阳镜'], category: 'EYEWEAR' },
];
const TERMS = ['电子', '华强', '智能手机', '耳机', '服饰', '木制书桌', '南山科技', '饮用水', '前海', '眼镜'];

/** A body the reference world lacks: one that certifies only food. */
const FOOD_BODY: ReferenceOrganization = {
  key: 'food-cb',
  kind: 'certification_body',
  nameZh: '深圳食品认证有限公司',
  nameEn: 'Food Certification Ltd',
  creditCode17: '91440300MA5FD0001',
  address: '深圳市宝安区',
  users: [],
};

const pick = <T>(a: T[], i: number) => a[i % a.length];

function bar(done: number, total: number, started: number): void {
  const width = 30;
  const filled = Math.round((done / total) * width);
  const rate = done / ((Date.now() - started) / 1000);
  process.stderr.write(
    `\r  seeding [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done.toLocaleString()}/${total.toLocaleString()} (${Math.round(rate).toLocaleString()}/s)   `,
  );
}

async function seed(db: Client): Promise<string[]> {
  const world = await insertReferenceData(db);
  // Three certification bodies: one issues almost everything, one a certificate in 500 (few, of
  // every trade), one only food (so a term such as 电子 with it matches nothing at all).
  const cb = world.organizations.get('cb1')!;
  const cbSmall = world.organizations.get('cb2')!;
  const cbFood = await insertOrganization(db, FOOD_BODY);
  // Every certificate under the phone case's standard, catalogue entry and self-declaration.
  const std = world.standards.get('phone')!;
  const entry = world.entries.get('phone')!;
  const decl = world.declarations.get('huaqiang/phone')!;

  const writer = pgSqlWriter(db);
  const numbers: string[] = [];
  const started = Date.now();
  for (let from = 1; from <= N; from += CHUNK) {
    const n = Math.min(CHUNK, N - from + 1);
    const nums: string[] = [];
    const names: string[] = [];
    const namesEn: string[] = [];
    const codes: string[] = [];
    const scopes: string[] = [];
    const cats: string[] = [];
    const issued: string[] = [];
    const bodies: string[] = [];
    const statuses: string[] = [];
    for (let k = 0; k < n; k++) {
      const i = from + k;
      const firm = pick(FIRMS, i * 7 + (i >> 5));
      const trade = pick(TRADES, i * 13 + (i >> 3));
      const product = pick(trade.products, i >> 2);
      nums.push(certificateNumber(2026, i));
      names.push(`深圳市${firm}${trade.word}有限公司`);
      namesEn.push(`Shenzhen ${firm} Co., Ltd. ${i}`);
      codes.push(`9144${String(1_000_000_000 + i).padStart(14, '0')}`);
      cats.push(trade.category);
      bodies.push(i % 500 === 0 ? cbSmall : trade.category === 'FOOD' && i % 3 === 0 ? cbFood : cb);
      // One certificate in 2,000 withdrawn: a status filter that almost nothing matches.
      statuses.push(i % 2000 === 7 ? 'withdrawn' : 'valid');
      // Issue dates spread over four years independently of the names (the high bits of a
      // multiplicative hash), as in a real registry: no product is certified only on some days.
      const day = Math.floor(((Math.imul(i, 2654435761) >>> 0) / 2 ** 32) * 1400);
      issued.push(new Date(Date.UTC(2023, 0, 1) + day * 86_400_000).toISOString().slice(0, 10));
      scopes.push(
        JSON.stringify({
          kind: 'products',
          products: [{ nameZh: product, brand: firm, models: [`${firm.charCodeAt(0) % 97}X-${i % 1000}`], factoryAddress: `深圳市${firm}工业园${i % 50}栋` }],
        }),
      );
    }
    numbers.push(...nums);
    await db.query('BEGIN');
    const { rows: certificates } = await db.query(
      `WITH ent AS (
         INSERT INTO organizations (kind, name_zh, name_en, credit_code, address)
         SELECT 'enterprise', n, e, c, '深圳市' FROM unnest($1::text[], $2::text[], $3::text[]) AS t(n, e, c)
         RETURNING id, credit_code),
       src AS (
         SELECT t.*, ent.id AS enterprise_id FROM unnest($1::text[], $3::text[], $4::text[], $5::jsonb[], $6::text[], $7::date[], $12::uuid[], $13::text[])
           WITH ORDINALITY AS t(name, code, number, scope, category, issued, body, status, ord)
           JOIN ent ON ent.credit_code = t.code),
       app AS (
         INSERT INTO applications (number, enterprise_id, certification_body_id, catalogue_entry_id, self_declaration_id, standard_id,
                                   category_code, scope, status, submitted_at)
         SELECT 'BENCH-' || src.number, src.enterprise_id, coalesce(src.body, $8), $9, $10, $11, src.category, src.scope, 'granted', now() FROM src
         RETURNING id, number)
       INSERT INTO certificates (number, application_id, enterprise_id, certification_body_id, category_code, standard_id, scope, issued_on, expires_on, status)
       SELECT src.number, app.id, src.enterprise_id, src.body, src.category, $11, src.scope, src.issued, src.issued + interval '3 years' - interval '1 day', src.status
         FROM src JOIN app ON app.number = 'BENCH-' || src.number
       RETURNING id`,
      [names, namesEn, codes, nums, scopes, cats, issued, cb, entry, decl, std, bodies, statuses],
    );
    // The registry entries with the registry's own statement: the corpus the API searches in production.
    await refreshRegistryEntries(
      writer,
      certificates.map((c: { id: string }) => c.id),
    );
    await db.query('COMMIT');
    bar(from + n - 1, N, started);
  }
  process.stderr.write('\n');
  await db.query('VACUUM ANALYZE registry_entries');
  return numbers;
}

/** The columns the API's verification reads (its lifecycle included), so both sides carry the same answer. */
const VERIFY_SQL = `SELECT number, status, holder, certification_body AS "certificationBody", category, standard, scope,
  issued_on AS "issuedOn", expires_on AS "expiresOn", ${PUBLIC_LIFECYCLE} AS lifecycle FROM registry_entries r WHERE number = $1`;
/** The API's own search statement (libs/registry), so the baseline runs exactly the same SQL. */
const searchSql = (term: string, frequencies: BigramFrequencies) => searchStatement({ text: term, take: 21 }, frequencies);

/**
 * Searches with filters, named as printed. The hard ones pair a common term with a filter that
 * (almost) nothing matches together with it: no page fills from the newest entries, and an
 * index of one of the two alone finds a great many rows that the other then rejects.
 */
async function filteredCases(db: Client): Promise<{ name: string; criteria: Omit<SearchCriteria, 'take'> }[]> {
  // By credit code, not by the ids seed() got: a --reuse run finds them in the kept database.
  const body = async (o: ReferenceOrganization) => {
    const { rows } = await db.query(`SELECT id FROM organizations WHERE credit_code = $1`, [withCheckCharacter(o.creditCode17)]);
    if (!rows.length) throw new Error(`no certification body ${o.nameEn} in ${databaseName(DATABASE_URL)}`);
    return rows[0].id as string;
  };
  const reference = (key: string) => ORGANIZATIONS.find((o) => o.key === key)!;
  const [main, small, food] = [await body(reference('cb1')), await body(reference('cb2')), await body(FOOD_BODY)];
  const week = { issuedFrom: '2025-03-03', issuedTo: '2025-03-09' };
  return [
    { name: '电子+FOOD', criteria: { text: '电子', category: 'FOOD' } },
    { name: '电子+small body', criteria: { text: '电子', certificationBodyId: small } },
    { name: '电子+food body', criteria: { text: '电子', certificationBodyId: food } },
    { name: '电子+main body+FOOD', criteria: { text: '电子', certificationBodyId: main, category: 'FOOD' } },
    { name: '华强+withdrawn', criteria: { text: '华强', status: 'withdrawn' } },
    { name: '电子+withdrawn+FOOD', criteria: { text: '电子', status: 'withdrawn', category: 'FOOD' } },
    { name: '电子+week', criteria: { text: '电子', ...week } },
    { name: '电子+week+FOOD', criteria: { text: '电子', category: 'FOOD', ...week } },
    { name: '华强+day', criteria: { text: '华强', issuedFrom: '2024-06-01', issuedTo: '2024-06-01' } },
    { name: 'x-123+ELECTRONICS', criteria: { text: 'x-123', category: 'ELECTRONICS' } },
    { name: 'ltd. 4242+ELECTRONICS', criteria: { text: 'ltd. 4242', category: 'ELECTRONICS' } },
    { name: '南山科技+FOOD', criteria: { text: '南山科技', category: 'FOOD' } },
    { name: '食品+FOOD page 3', criteria: { text: '食品', category: 'FOOD', after: ['2026-06-01', 'SZS-2026-000000'] } },
    // No term: the filters alone.
    { name: 'FOOD', criteria: { category: 'FOOD' } },
    { name: 'small body', criteria: { certificationBodyId: small } },
    { name: 'withdrawn+FOOD', criteria: { status: 'withdrawn', category: 'FOOD' } },
    { name: 'food body+ELECTRONICS', criteria: { certificationBodyId: food, category: 'ELECTRONICS' } },
  ];
}

const readFrequencies = (db: Client | Pool) => readBigramFrequencies(async (sql) => (await db.query(sql)).rows);

/** The bare baseline: node:http and one pg pool, named prepared statements, nothing else. */
function bareServer(): void {
  const pool = new Pool({ connectionString: DATABASE_URL, max: 20, options: SESSION_OPTIONS });
  const frequencies = readFrequencies(pool);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    try {
      let rows;
      if (url.pathname.startsWith('/verify/')) {
        ({ rows } = await pool.query({ name: 'verify', text: VERIFY_SQL, values: [decodeURIComponent(url.pathname.slice(8))] }));
      } else {
        ({ rows } = await pool.query(searchSql(url.searchParams.get('q') ?? '', await frequencies)));
      }
      const body = JSON.stringify(
        url.pathname.startsWith('/verify/') ? { status: rows[0]?.status ?? 'unknown', certificate: rows[0] } : { items: rows.slice(0, 20) },
      );
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as AddressInfo).port }));
}

async function startApi(env: Record<string, string> = {}): Promise<{ child: ChildProcess; url: string }> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(process.execPath, [join(__dirname, '..', '..', 'apps', 'api', 'src', 'main.js')], {
    env: {
      ...process.env,
      DATABASE_URL,
      REDIS_PREFIX,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
      PUBLIC_RATE_LIMIT_PER_MINUTE: '100000000', // the benchmark configures its own limits
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${url}/health`)).ok) return { child, url };
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the API did not start');
}

interface Result {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

function run(url: string, paths: string[]): Promise<Result> {
  let i = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: SECONDS,
        requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, path: paths[i++ % paths.length] }) }],
      },
      (err: Error | null, r: autocannon.Result) => {
        if (err) return reject(err);
        resolve({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx });
      },
    );
  });
}

/**
 * Runs each target ROUNDS times, interleaved (so a slow spell of the shared machine hits all of
 * them alike), and keeps each target's median round by req/s.
 */
async function rounds(targets: (() => Promise<Result>)[]): Promise<Result[]> {
  const results: Result[][] = targets.map(() => []);
  for (let r = 0; r < ROUNDS; r++) {
    for (let t = 0; t < targets.length; t++) results[t].push(await targets[t]());
  }
  return results.map((rs) => [...rs].sort((a, b) => a.rps - b.rps)[Math.floor(rs.length / 2)]);
}

/** The statements' server-side p95, each alone and all together, over 30 runs of each. */
async function statementP95(
  db: Client,
  statements: Record<string, { text: string; values: unknown[] }>,
): Promise<{ p95: number; each: Record<string, number> }> {
  const times: number[] = [];
  const each: Record<string, number> = {};
  for (const [name, statement] of Object.entries(statements)) {
    const t: number[] = [];
    for (let k = 0; k < 30; k++) {
      const start = process.hrtime.bigint();
      await db.query(statement);
      t.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    t.sort((a, b) => a - b);
    each[name] = t[Math.floor(t.length * 0.95)];
    times.push(...t);
  }
  times.sort((a, b) => a - b);
  return { p95: times[Math.floor(times.length * 0.95)], each };
}

async function main(): Promise<void> {
  if (process.argv.includes('--bare-server')) return bareServer();
  console.log(
    `bench:registry — ${N.toLocaleString()} certificates; ${ROUNDS} interleaved rounds of ${SECONDS} s per target (median shown), ${CONNECTIONS} connections; ${cpus().length} cores, Node ${process.version}`,
  );
  await ensureDatabase(DATABASE_URL);
  const children: ChildProcess[] = [];
  const db = new Client({ connectionString: DATABASE_URL, options: SESSION_OPTIONS }); // as the API's sessions
  try {
    await runMigrations(DATABASE_URL, migrations);
    await db.connect();
    let numbers: string[];
    if (REUSE) {
      numbers = (await db.query(`SELECT number FROM registry_entries ORDER BY number`)).rows.map((r: { number: string }) => r.number);
      console.log(`reusing ${REUSE}: ${numbers.length.toLocaleString()} certificates`);
    } else {
      const t0 = Date.now();
      numbers = await seed(db);
      console.log(`seeded in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    }

    const frequencies = await readFrequencies(db);
    const electronics = searchSql('电子', frequencies);
    const plan = (await db.query(`EXPLAIN ${electronics.text}`, electronics.values)).rows.map((r: Record<string, string>) => Object.values(r)[0]).join('\n');
    const indexes = ['ix__registry_entries__newest', 'ix__registry_entries__search_filters'].filter((ix) => plan.includes(ix));
    const terms = await statementP95(db, Object.fromEntries(TERMS.map((t) => [t, searchSql(t, frequencies)])));
    const filtered = await statementP95(
      db,
      Object.fromEntries((await filteredCases(db)).map((c) => [c.name, searchStatement({ ...c.criteria, take: 21 }, frequencies)])),
    );

    const figures = (each: Record<string, number>) =>
      Object.entries(each)
        .map(([t, v]) => `${t} ${v.toFixed(1)}`)
        .join(', ');
    const statementsReport = () => {
      console.log(
        `search query server-side p95 at ${numbers.length.toLocaleString()} rows: ${terms.p95.toFixed(2)} ms (aim < 10 ms); indexes in the plan for 电子: ${indexes.join(', ') || 'NONE'}`,
      );
      console.log(`  per term p95 (ms): ${figures(terms.each)}`);
      console.log(`search with filters, server-side p95: ${filtered.p95.toFixed(2)} ms (aim < 10 ms)`);
      console.log(`  per case p95 (ms): ${figures(filtered.each)}`);
    };
    if (ONLY === 'statements') return statementsReport();

    const api = await startApi();
    const apiUrl = api.url;
    children.push(api.child);
    // The same API with its verification cache off: what every first answer about a code costs.
    const uncached = await startApi({ REGISTRY_CACHE_SECONDS: '0' });
    children.push(uncached.child);
    const bare = fork(__filename, ['--bare-server'], { env: { ...process.env, BENCH_DATABASE_URL: DATABASE_URL } });
    children.push(bare);
    const barePort = await new Promise<number>((resolve) => bare.once('message', (m: { port: number }) => resolve(m.port)));
    const bareUrl = `http://127.0.0.1:${barePort}`;

    // 5,000 codes spread over the registry, each asked about again every second or two, as the
    // codes of products on sale are; the cache-off run shows the cost of a code's first answer.
    const sample = Array.from({ length: 5000 }, (_, k) => numbers[(k * 7919) % numbers.length]);
    const verifyApi = sample.map((n) => `/api/v1/verify/${n}`);
    const verifyBare = sample.map((n) => `/verify/${n}`);
    const searchApi = TERMS.map((t) => `/api/v1/registry/certificates?q=${encodeURIComponent(t)}`);
    const searchBare = TERMS.map((t) => `/search?q=${encodeURIComponent(t)}`);

    await run(api.url, verifyApi.slice(0, 200)); // warm-up
    await run(uncached.url, verifyApi.slice(0, 200));
    await run(bareUrl, verifyBare.slice(0, 200));
    const row = (name: string, r: Result) =>
      `${name.padEnd(34)} ${r.rps.toFixed(0).padStart(8)} req/s   p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(4)} ms${r.errors ? `   errors ${r.errors}` : ''}`;
    console.log('');
    if (ONLY !== 'search') {
      const [api, direct, bare] = await rounds([() => run(apiUrl, verifyApi), () => run(uncached.url, verifyApi), () => run(bareUrl, verifyBare)]);
      console.log(row('verify by number — platform API', api));
      console.log(row('  the same, cache off', direct));
      console.log(row('verify by number — bare http+pg', bare));
      console.log(`  ratio ${(api.rps / bare.rps).toFixed(2)} (aim ≥ 0.8); cache off ${(direct.rps / bare.rps).toFixed(2)}`);
    }
    if (ONLY !== 'verify') {
      const [api, bare] = await rounds([() => run(apiUrl, searchApi), () => run(bareUrl, searchBare)]);
      console.log(row('search 2–4 chars — platform API', api));
      console.log(row('search 2–4 chars — bare http+pg', bare));
      console.log(`  ratio ${(api.rps / bare.rps).toFixed(2)}`);
    }
    statementsReport();
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await db.end().catch(() => undefined);
    await new Promise((r) => setTimeout(r, 500));
    if (REUSE) console.log(`left the database as it was: ${DATABASE_URL}`);
    else if (process.argv.includes('--keep')) console.log(`kept the database: ${DATABASE_URL} (measure it again with --reuse)`);
    else await dropDatabase(DATABASE_URL);
    const redis = createRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    await deleteKeysWithPrefix(redis, REDIS_PREFIX).finally(() => redis.disconnect());
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
