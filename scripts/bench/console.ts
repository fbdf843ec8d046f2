/**
 * `npm run bench:console`: the console's reads at scale. Seeds N certificates (default 1,000,000:
 * 50 certification bodies, 10,000 enterprises, 8 categories, issue dates over four years, one in
 * ten suspended or withdrawn), their applications and registry entries, 20,000 counterfeit
 * signals and 400 days of verification counts per body, in a database of its own; then times
 * the dashboard, the work list and the certificates' text filter for the regulator, a body and
 * an enterprise, with the services the API runs (median of 7 after one warm-up).
 *
 * Options: --n <certificates>, --keep (leave the database; its name is printed), --reuse
 * <database url> (measure a database an earlier --keep run left). Needs PostgreSQL as the tests do.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { CertificateQuery, CertificatesService, StatisticsService, WorklistService } from '@app/certification';
import type { Principal } from '@app/identity';
import { dropDatabase, ensureDatabase, pgSqlWriter, runMigrations, SESSION_OPTIONS } from '@app/persistence';
import { refreshRegistryEntries } from '@app/registry';
import { loadConfig } from '@app/shared';
import { migrations } from '../../migrations';

const option = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const N = Number(option('n') ?? 1_000_000);
const REUSE = option('reuse');
const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
base.pathname = `/szs_bench_console_${Date.now().toString(36)}_${randomBytes(2).toString('hex')}`;
const DATABASE_URL = REUSE ?? base.toString();
const CHUNK = 20_000;

/** Plain SQL on purpose: the figures are about reading a large world, and SQL makes one fastest. */
const SEED = (n: number) => [
  `INSERT INTO product_categories (code, name_zh, name_en) SELECT 'C' || g, '类别' || g, 'Category ' || g FROM generate_series(1, 8) g`,
  `INSERT INTO organizations (kind, name_zh, credit_code, address)
     SELECT CASE WHEN g <= 50 THEN 'certification_body' ELSE 'enterprise' END, '组织' || g, '91440300' || lpad(g::text, 10, '0'), '深圳'
       FROM generate_series(1, 10050) g`,
  `INSERT INTO standards (code, version, title_zh, kind, issuer) VALUES ('SZDB/Z 1', '2026', '标准', 'shenzhen', '局')`,
  `INSERT INTO catalogue_batches (number, title_zh, status) VALUES ('B1', '目录', 'published')`,
  `INSERT INTO catalogue_entries (batch_id, category_code, kind, name_zh, evaluation_rules) SELECT id, 'C1', 'product', '产品', '细则' FROM catalogue_batches`,
  `INSERT INTO self_declarations (series_id, version, enterprise_id, standard_id, product_name_zh)
     SELECT gen_random_uuid(), 1, (SELECT id FROM organizations WHERE kind = 'enterprise' LIMIT 1), id, '产品' FROM standards`,
  `CREATE TEMP TABLE bodies AS SELECT row_number() OVER (ORDER BY id) AS n, id FROM organizations WHERE kind = 'certification_body'`,
  `CREATE TEMP TABLE ents AS SELECT row_number() OVER (ORDER BY id) AS n, id FROM organizations WHERE kind = 'enterprise'`,
  `INSERT INTO applications (number, enterprise_id, certification_body_id, catalogue_entry_id, self_declaration_id, standard_id, category_code, scope, status)
     SELECT 'A-' || g, e.id, b.id, (SELECT id FROM catalogue_entries), (SELECT id FROM self_declarations), (SELECT id FROM standards), 'C' || (1 + g % 8),
            jsonb_build_object('kind', 'products', 'products', jsonb_build_array(jsonb_build_object(
              'nameZh', '产品' || (g % 5000), 'brand', '品牌', 'models', jsonb_build_array('M-' || g)))),
            'granted'
       FROM generate_series(1, ${n}) g JOIN ents e ON e.n = 1 + g % 10000 JOIN bodies b ON b.n = 1 + (g * 7) % 50`,
  `INSERT INTO certificates (number, application_id, enterprise_id, certification_body_id, category_code, standard_id, scope, issued_on, expires_on, status)
     SELECT 'SZS-' || a.number, a.id, a.enterprise_id, a.certification_body_id, a.category_code, a.standard_id, a.scope, d, d + 1094,
            CASE WHEN random() < 0.9 THEN 'valid' WHEN random() < 0.5 THEN 'suspended' ELSE 'withdrawn' END
       FROM applications a, LATERAL (SELECT (date '2023-01-01' + (abs(hashtext(a.number)) % 1430)) AS d) x`,
  `INSERT INTO counterfeit_signals (code, kind, reason, certificate_id, certification_body_id, status, raised_at)
     SELECT c.number, 'certificate', 'ended_certificate', c.id, c.certification_body_id,
            CASE WHEN random() < 0.3 THEN 'open' ELSE 'dismissed' END, now() - (random() * interval '400 days')
       FROM certificates c WHERE c.status = 'withdrawn' LIMIT 20000`,
  `INSERT INTO verification_daily_counts (day, certification_body_id, kind, count)
     SELECT d::date, b.id, k, (random() * 10000)::int
       FROM generate_series(current_date - 400, current_date, interval '1 day') d, bodies b, unnest(ARRAY['certificate', 'label']) k`,
];

async function seed(db: Client): Promise<void> {
  const started = Date.now();
  for (const sql of SEED(N)) await db.query(sql);
  console.log(`seeded ${N.toLocaleString()} certificates in ${((Date.now() - started) / 1000).toFixed(0)} s; registry entries next`);
  const ids: string[] = (await db.query(`SELECT id FROM certificates ORDER BY id`)).rows.map((r: { id: string }) => r.id);
  for (let i = 0; i < ids.length; i += CHUNK) {
    await db.query('BEGIN');
    await refreshRegistryEntries(pgSqlWriter(db), ids.slice(i, i + CHUNK));
    await db.query('COMMIT');
    process.stderr.write(`\r${Math.min(i + CHUNK, ids.length).toLocaleString()} registry entries`);
  }
  process.stderr.write('\n');
  await db.query('VACUUM ANALYZE');
  console.log(`ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

async function time(name: string, run: () => Promise<unknown>): Promise<void> {
  await run();
  const ms: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t = process.hrtime.bigint();
    await run();
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  ms.sort((a, b) => a - b);
  console.log(`| ${name} | ${ms[3].toFixed(1)} | ${ms[0].toFixed(1)} | ${ms[6].toFixed(1)} |`);
}

async function main(): Promise<void> {
  await ensureDatabase(DATABASE_URL);
  const db = new Client({ connectionString: DATABASE_URL, options: SESSION_OPTIONS });
  const ds = new DataSource({ type: 'postgres', url: DATABASE_URL, extra: { options: SESSION_OPTIONS } });
  try {
    await runMigrations(DATABASE_URL, migrations);
    await db.connect();
    if (!REUSE) await seed(db);
    await ds.initialize();
    const [body] = await ds.query(`SELECT id FROM organizations WHERE kind = 'certification_body' ORDER BY credit_code LIMIT 1`);
    const [ent] = await ds.query(`SELECT id FROM organizations WHERE kind = 'enterprise' ORDER BY credit_code LIMIT 1`);
    const person = (organizationId: string, organizationKind: Principal['organizationKind'], roles: Principal['roles']): Principal => ({
      kind: 'user',
      userId: '00000000-0000-4000-8000-000000000001',
      apiKeyId: null,
      organizationId,
      organizationKind,
      roles,
    });
    const regulator = person('00000000-0000-4000-8000-000000000000', 'regulator', ['regulator']);
    const cb = person(body.id, 'certification_body', ['cb_admin', 'auditor']);
    const enterprise = person(ent.id, 'enterprise', ['enterprise_admin']);
    const stats = new StatisticsService(ds);
    const work = new WorklistService(ds);
    const certificates = new CertificatesService(ds, loadConfig({ ...process.env, DATABASE_URL }));
    const search = (q: string) => Object.assign(new CertificateQuery(), { q, page: 1, pageSize: 20 });
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM certificates`);
    console.log(`\n${n.toLocaleString()} certificates\n\n| read | median ms | min | max |\n| --- | --- | --- | --- |`);
    await time('dashboard, regulator', () => stats.dashboard(regulator));
    await time('dashboard, a body', () => stats.dashboard(cb));
    await time('work list, regulator', () => work.worklist(regulator));
    await time('work list, a body (cb_admin and auditor)', () => work.worklist(cb));
    await time('work list, an enterprise', () => work.worklist(enterprise));
    // 产品4999: one product name in 5,000 (200 certificates); 产品: every certificate.
    await time('certificates q=产品4999, regulator', () => certificates.list(regulator, search('产品4999')));
    await time('certificates q=产品4999, a body', () => certificates.list(cb, search('产品4999')));
    await time('certificates q=产品4999, an enterprise', () => certificates.list(enterprise, search('产品4999')));
    await time('certificates q=产品, regulator', () => certificates.list(regulator, search('产品')));
  } finally {
    await ds.destroy().catch(() => undefined);
    await db.end().catch(() => undefined);
    if (REUSE) console.log(`left the database as it was: ${DATABASE_URL}`);
    else if (process.argv.includes('--keep')) console.log(`kept the database: ${DATABASE_URL} (measure it again with --reuse)`);
    else await dropDatabase(DATABASE_URL);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
