/**
 * `npm run bench:daily-sweeps`: every daily sweep the worker runs, at 1,000,000 certificates (issue
 * 11: "finish in under a minute"), each beside a bare baseline in the same script.
 *
 * The sweeps, through the worker's own service code and in its order: the certificate sweeper's
 * expiry (CertificatesService.sweepExpired), suspensions older than 6 months (sweepLongSuspensions),
 * overdue standard transitions (sweepTransitionDeadlines) and surveillance (SurveillanceService.sweep:
 * plan ahead, suspend what was not performed, withdraw ended voluntary suspensions); then the
 * reminder sweep (ReminderSweeper). Each runs twice: the first run does the day's work, the second
 * must find nothing new (checked: nothing it could write changed). The baseline of each is a plain
 * keyset scan of the rows the sweep reads, with its page size and the columns it reads: the cost
 * floor of reading them, timed just before the first run.
 *
 * It works on a copy (CREATE DATABASE … TEMPLATE) of the database a `npm run bench:registry -- --keep`
 * run left (--reuse <database url>, else the newest szs_bench_registry_* database on the server of
 * DATABASE_URL; when there is none it runs bench:registry --keep to make one and keeps it), gives the
 * copy a realistic today (see prepareDay) and drops the copy at the end (--keep-copy leaves it for a
 * look at query plans). Today is the Beijing date of the database's clock, which the certificate
 * sweeps read themselves.
 *
 * Options: --reuse <database url>, --n <certificates, only when it makes the registry database>
 * (default 1,000,000), --keep-copy.
 */
import { Logger } from '@nestjs/common';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import {
  CertificatesService,
  SHENZHEN_TODAY,
  STATUS_SWEEP_PAGE,
  SURVEILLANCE_SWEEP_PAGE,
  SurveillanceService,
  SUSPENDED_TOO_LONG,
  TRANSITION_OVERDUE,
} from '@app/certification';
import { addDays, REMINDER_SWEEP_PAGE, ReminderSweeper, reminderWindows, windowColumn, windowPageSql } from '@app/notifications';
import { databaseName, dropDatabase, NIL_UUID, runMigrations, SESSION_OPTIONS } from '@app/persistence';
import { AppConfig, loadConfig } from '@app/shared';
import { migrations } from '../../migrations';

const option = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const AIM_SECONDS = 60;
const LIVE = `c.status IN ('valid', 'suspended')`;
/** The copies this script makes: a run killed before its cleanup leaves one, which the next run drops. */
const COPY_PREFIX = 'szs_bench_daily_sweeps_';

function serverUrl(database: string): string {
  const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${database}`;
  return url.toString();
}

async function onServer<T>(work: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: serverUrl('postgres') });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

/** The registry database to copy: the one named, else the newest kept one, else a new one made (and kept) by bench:registry. */
async function registryDatabase(): Promise<string> {
  const named = option('reuse');
  if (named) return named;
  const newest = await onServer(async (c) => {
    const { rows } = await c.query(`SELECT datname FROM pg_database WHERE datname LIKE 'szs\\_bench\\_registry\\_%' ORDER BY oid DESC LIMIT 1`);
    return rows[0]?.datname as string | undefined;
  });
  if (newest) return serverUrl(newest);
  console.log('no kept bench:registry database: making one (bench:registry --keep --only statements), which is kept for the next run');
  const child = spawn(process.execPath, [join(__dirname, 'registry.js'), '--keep', '--only', 'statements', '--n', option('n') ?? '1000000'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    process.stdout.write(chunk);
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const kept = /kept the database: (\S+)/.exec(output)?.[1];
  if (code !== 0 || !kept) throw new Error(`bench:registry failed (exit ${code}): no database kept`);
  return kept;
}

/** A copy of the registry database to sweep, so that the kept one stays as it was and every run starts alike. */
async function copyOf(source: string): Promise<string> {
  const name = `${COPY_PREFIX}${Date.now().toString(36)}_${randomBytes(2).toString('hex')}`;
  await onServer(async (c) => {
    const { rows } = await c.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${COPY_PREFIX.replace(/_/g, '\\_')}%`]);
    for (const { datname } of rows) await c.query(`DROP DATABASE "${datname}" WITH (FORCE)`);
    // FILE_COPY: a copy of the files, far quicker than logging every page of a database this size.
    await c.query(`CREATE DATABASE "${name}" TEMPLATE "${databaseName(source)}" STRATEGY FILE_COPY`);
  });
  return serverUrl(name);
}

type Run = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

/** A statement answering one row with `n`: how many rows it wrote. */
async function count(run: Run, sql: string, params: unknown[]): Promise<number> {
  const [{ n }] = (await run(sql, params)) as { n: number }[];
  return n;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t0 = process.hrtime.bigint();
  const r = await f();
  return [r, Number(process.hrtime.bigint() - t0) / 1e6];
}

/**
 * Brings the copy to a day of a registry the worker has swept every day (`today`, Beijing), so each
 * sweep finds a day's work and has all the older work behind it:
 * - expiry: certificates whose last valid day is before yesterday are expired already; those that
 *   ended yesterday are due;
 * - surveillance: each live certificate is due on an anniversary of its issue date, spread over the
 *   days from today − grace to a year on; those due within the horizon have their audit (planned, or
 *   in progress once due), so the cohort entering the horizon today is due for planning, and one in
 *   ten of the cohort whose grace ended yesterday never passed: due for suspension;
 * - one live certificate in 200 is suspended, the suspension from 0 to 183 days old (those past
 *   6 months are due for withdrawal), and one in 1,000 voluntarily suspended up to a date within
 *   90 days (those that ended yesterday are due);
 * - one in 20 is in a standard transition whose deadline is 200 days away, and one in 1,000 in one
 *   whose deadline was yesterday (due for suspension);
 * - reminders: yesterday's reminder sweep has run (through its own code) and its jobs are done, so
 *   only what crossed a threshold overnight is due.
 */
async function prepareDay(run: Run, reminders: ReminderSweeper, config: AppConfig, today: string): Promise<void> {
  const grace = config.SURVEILLANCE_GRACE_DAYS;
  const horizon = config.SURVEILLANCE_HORIZON_DAYS;
  const expired = await count(
    run,
    `WITH e AS (UPDATE certificates c SET status = 'expired', version = version + 1, updated_at = now()
                 WHERE ${LIVE} AND c.expires_on < $1::date - 1 RETURNING 1)
     SELECT count(*)::int AS n FROM e`,
    [today],
  );
  // h: a hash of the id, so that the shares fall on certificates of every trade, body and issue date.
  const live = await count(
    run,
    `WITH s AS (
       SELECT c.id, abs(hashtext(c.id::text)::bigint) AS h,
              $1::date - $2::int + (((c.issued_on - ($1::date - $2::int)) % 365) + 365) % 365 AS due
         FROM certificates c WHERE ${LIVE}),
     u AS (
       UPDATE certificates c SET
         next_surveillance_due = CASE WHEN s.due = $1::date - $2::int AND s.h % 10 = 0 AND c.status = 'valid' THEN $1::date - $2::int - 1 ELSE s.due END,
         status = CASE WHEN s.h % 200 = 1 OR s.h % 1000 = 2 THEN 'suspended' ELSE c.status END,
         suspended_at = CASE WHEN s.h % 200 = 1 THEN now() - make_interval(days => (s.h / 200 % 184)::int) - interval '1 hour'
                             WHEN s.h % 1000 = 2 THEN now() - make_interval(days => (s.h / 1000 % 60)::int) ELSE c.suspended_at END,
         suspension_ends_on = CASE WHEN s.h % 1000 = 2 THEN $1::date - 1 + (s.h / 1000 % 90)::int ELSE c.suspension_ends_on END,
         transition_deadline = CASE WHEN s.h % 1000 = 5 THEN $1::date - 1 WHEN s.h % 20 = 5 THEN $1::date + 200 ELSE c.transition_deadline END
         FROM s WHERE c.id = s.id RETURNING 1)
     SELECT count(*)::int AS n FROM u`,
    [today, grace],
  );
  const audits = await count(
    run,
    `WITH a AS (
       INSERT INTO audits (application_id, certification_body_id, enterprise_id, standard_id, kind, status, planned_on, started_at,
                           certificate_id, trigger, cycle, due_on)
       SELECT c.application_id, c.certification_body_id, c.enterprise_id, c.standard_id, 'surveillance',
              CASE WHEN c.next_surveillance_due <= $1::date THEN 'in_progress' ELSE 'planned' END, c.next_surveillance_due - 30,
              CASE WHEN c.next_surveillance_due <= $1::date THEN now() END, c.id, 'schedule', 1, c.next_surveillance_due
         FROM certificates c WHERE ${LIVE} AND c.next_surveillance_due < $1::date + $2::int RETURNING 1)
     SELECT count(*)::int AS n FROM a`,
    [today, horizon],
  );
  const told = await reminders.sweep(addDays(today, -1));
  await run(`UPDATE outbox SET dispatched_at = now(), completed_at = now() WHERE completed_at IS NULL`);
  for (const table of ['certificates', 'audits', 'outbox', 'reminders']) await run(`VACUUM ANALYZE ${table}`);
  console.log(
    `  ${expired.toLocaleString()} expired on earlier days; ${live.toLocaleString()} live given a surveillance plan, suspensions and transitions; ` +
      `${audits.toLocaleString()} surveillance audits open; yesterday's reminders: ${told.queued.toLocaleString()} (done)`,
  );
}

interface Scan {
  rows: number;
  statements: number;
}

/**
 * The bare baseline: `sql` page by page until a page comes back short; `params` gives the
 * statement's parameters for a keyset position (null before the first page, which the SQL
 * coalesces), `position` the position after a page's last row.
 */
async function keysetScan(
  run: Run,
  sql: string,
  page: number,
  params: (after: unknown[]) => unknown[],
  position: (last: Record<string, unknown>) => unknown[],
): Promise<Scan> {
  const scan: Scan = { rows: 0, statements: 0 };
  let after: unknown[] = [null, null];
  for (;;) {
    const rows = await run(sql, params(after));
    scan.statements++;
    scan.rows += rows.length;
    if (rows.length < page) return scan;
    after = position(rows[rows.length - 1]);
  }
}

const add = (a: Scan, b: Scan): Scan => ({ rows: a.rows + b.rows, statements: a.statements + b.statements });

interface Outcome {
  /** What the run changed (certificates expired, suspended, withdrawn; audits asked for; reminders queued). */
  changed: number;
  what: string;
}

interface DailySweep {
  name: string;
  sweep: () => Promise<Outcome>;
  bare: () => Promise<Scan>;
}

function dailySweeps(
  run: Run,
  services: { certificates: CertificatesService; surveillance: SurveillanceService; reminders: ReminderSweeper },
  config: AppConfig,
  today: string,
): DailySweep[] {
  const { certificates, surveillance, reminders } = services;
  const byDateAndId = (column: string) => (last: Record<string, unknown>) => [last[column], last.id];
  const byId = (last: Record<string, unknown>) => [last.id];
  /** A keyset walk by (`column`, id) of the certificates `where` selects ($3… being `params`), reading `columns` and the date. */
  const byDate = (columns: string, column: string, where: string, page: number, params: unknown[] = []) =>
    keysetScan(
      run,
      `SELECT ${columns}, c.${column}::text AS day FROM certificates c
        WHERE ${where} AND (c.${column}, c.id) > (coalesce($1::date, '-infinity'), coalesce($2::uuid, '${NIL_UUID}'))
        ORDER BY c.${column}, c.id LIMIT ${page}`,
      page,
      (after) => [...after, ...params],
      byDateAndId('day'),
    );
  const statusChanges = (n: number, verb: string): Outcome => ({ changed: n, what: `${n.toLocaleString()} ${verb}` });
  return [
    {
      name: 'expiry',
      sweep: async () => statusChanges(await certificates.sweepExpired(), 'expired'),
      bare: () => byDate('c.id', 'expires_on', `${LIVE} AND c.expires_on < ${SHENZHEN_TODAY}`, STATUS_SWEEP_PAGE),
    },
    {
      name: 'suspensions over 6 months',
      sweep: async () => statusChanges(await certificates.sweepLongSuspensions(), 'withdrawn'),
      bare: () =>
        keysetScan(
          run,
          `SELECT c.id FROM certificates c WHERE ${SUSPENDED_TOO_LONG} AND c.id > coalesce($1::uuid, '${NIL_UUID}')
            ORDER BY c.id LIMIT ${STATUS_SWEEP_PAGE}`,
          STATUS_SWEEP_PAGE,
          (after) => [after[0]],
          byId,
        ),
    },
    {
      name: 'transition deadlines',
      sweep: async () => statusChanges(await certificates.sweepTransitionDeadlines(), 'suspended'),
      bare: () => byDate('c.id', 'transition_deadline', TRANSITION_OVERDUE, STATUS_SWEEP_PAGE),
    },
    {
      name: 'surveillance',
      sweep: async () => {
        const r = await surveillance.sweep(today);
        return {
          changed: r.planned + r.suspended + r.withdrawn,
          what: `${r.planned.toLocaleString()} planned, ${r.suspended} suspended, ${r.withdrawn} withdrawn`,
        };
      },
      // The two walks of the sweep, reading the columns it decides on (its open-audit check is work, not reading).
      bare: async () =>
        add(
          await byDate(
            'c.id, c.certification_body_id AS cb, c.status, c.suspension_ends_on',
            'next_surveillance_due',
            `${LIVE} AND c.next_surveillance_due IS NOT NULL AND c.next_surveillance_due <= $3::date + $4::int`,
            SURVEILLANCE_SWEEP_PAGE,
            [today, config.SURVEILLANCE_HORIZON_DAYS],
          ),
          await keysetScan(
            run,
            `SELECT c.id FROM certificates c WHERE c.status = 'suspended' AND c.suspension_ends_on < $2::date
                AND c.id > coalesce($1::uuid, '${NIL_UUID}') ORDER BY c.id LIMIT ${SURVEILLANCE_SWEEP_PAGE}`,
            SURVEILLANCE_SWEEP_PAGE,
            (after) => [after[0], today],
            byId,
          ),
        ),
    },
    {
      name: 'reminders',
      sweep: async () => {
        const r = await reminders.sweep(today);
        return { changed: r.queued, what: `${r.queued.toLocaleString()} queued of ${r.scanned.toLocaleString()} in the windows` };
      },
      bare: async () => {
        let scan: Scan = { rows: 0, statements: 0 };
        for (const w of reminderWindows()) {
          // The sweep's own page of a window (windowPageSql: $1 today, $2/$3 the window, $4/$5 the position), only read.
          const sql = windowPageSql(w, `c.id, c.number, c.enterprise_id, c.${windowColumn(w)}::text AS due`);
          scan = add(scan, await keysetScan(run, sql, REMINDER_SWEEP_PAGE, (after) => [today, w.after, w.upTo, ...after], byDateAndId('due')));
        }
        return scan;
      },
    },
  ];
}

/** What any sweep could write: a second run that changes none of it did nothing. */
async function fingerprint(run: Run): Promise<string> {
  const [f] = await run(
    `SELECT (SELECT count(*) FROM outbox) AS outbox, (SELECT count(*) FROM certificate_events) AS "certificate events",
            (SELECT count(*) FROM reminders) AS reminders, (SELECT count(*) FROM audits) AS audits,
            (SELECT sum(version) FROM certificates) AS "certificate versions", (SELECT sum(version) FROM mark_grants) AS "mark grant versions"`,
  );
  return JSON.stringify(f);
}

async function main(): Promise<void> {
  Logger.overrideLogger(['warn', 'error']); // the sweeps' own info lines would break the table
  const source = await registryDatabase();
  console.log(`registry database: ${source}`);
  const [copy, copying] = await timed(() => copyOf(source));
  console.log(`swept copy: ${databaseName(copy)} (copied in ${seconds(copying)})`);
  const db = new Client({ connectionString: copy, options: SESSION_OPTIONS });
  // The worker's connection (libs/persistence PersistenceModule): a pool of 20, JIT off.
  const ds = new DataSource({ type: 'postgres', url: copy, extra: { max: 20, options: SESSION_OPTIONS } });
  try {
    await runMigrations(copy, migrations); // a kept database older than the latest migrations
    await db.connect();
    await ds.initialize();
    const run: Run = async (sql, params = []) => (await db.query(sql, params)).rows;
    const config = loadConfig({ ...process.env, DATABASE_URL: copy });
    const certificates = new CertificatesService(ds, config);
    const services = { certificates, surveillance: new SurveillanceService(ds, certificates, config), reminders: new ReminderSweeper(ds, config) };
    const [{ today }] = (await run(`SELECT ${SHENZHEN_TODAY}::text AS today`)) as { today: string }[];

    console.log(`a day of the registry as of today ${today} (Beijing):`);
    const [, preparing] = await timed(() => prepareDay(run, services.reminders, config, today));
    console.log(`  prepared in ${seconds(preparing)}`);
    const [{ total, live }] = (await run(`SELECT count(*)::int AS total, count(*) FILTER (WHERE ${LIVE})::int AS live FROM certificates c`)) as {
      total: number;
      live: number;
    }[];
    console.log(`${total.toLocaleString()} certificates, ${live.toLocaleString()} live`);

    const sweeps = dailySweeps(run, services, config, today);
    for (const s of sweeps) await s.bare(); // warm: in a live system the indexes and recent pages are in memory

    const results = sweeps.map((s) => ({
      name: s.name,
      bare: 0,
      scan: { rows: 0, statements: 0 },
      first: 0,
      second: 0,
      done: { changed: 0, what: '' },
      again: { changed: 0, what: '' },
    }));
    for (const [i, s] of sweeps.entries()) {
      [results[i].scan, results[i].bare] = await timed(s.bare); // the rows the first run reads, just before it
      [results[i].done, results[i].first] = await timed(s.sweep);
    }
    const before = await fingerprint(run);
    for (const [i, s] of sweeps.entries()) [results[i].again, results[i].second] = await timed(s.sweep);
    const after = await fingerprint(run);

    const share = (n: number) => `${((n / total) * 100).toFixed(2)} %`;
    const cols = (cells: string[], widths: number[]) => cells.map((c, k) => (k === 0 ? c.padEnd(widths[k]) : c.padStart(widths[k]))).join('  ');
    const widths = [26, 18, 10, 10, 10, 20, 11, 12];
    console.log('');
    console.log(cols(['sweep', 'due (share)', 'first', 'second', 'bare', 'bare rows (stmts)', 'first/bare', 'second/bare'], widths));
    const sum = { due: 0, first: 0, second: 0, bare: 0, rows: 0, statements: 0 };
    for (const r of results) {
      sum.due += r.done.changed;
      sum.first += r.first;
      sum.second += r.second;
      sum.bare += r.bare;
      sum.rows += r.scan.rows;
      sum.statements += r.scan.statements;
      console.log(
        cols(
          [
            r.name,
            `${r.done.changed.toLocaleString()} (${share(r.done.changed)})`,
            seconds(r.first),
            seconds(r.second),
            seconds(r.bare),
            `${r.scan.rows.toLocaleString()} (${r.scan.statements})`,
            (r.first / r.bare).toFixed(2),
            (r.second / r.bare).toFixed(2),
          ],
          widths,
        ),
      );
    }
    console.log(
      cols(
        [
          'total',
          `${sum.due.toLocaleString()} (${share(sum.due)})`,
          seconds(sum.first),
          seconds(sum.second),
          seconds(sum.bare),
          `${sum.rows.toLocaleString()} (${sum.statements})`,
          (sum.first / sum.bare).toFixed(2),
          (sum.second / sum.bare).toFixed(2),
        ],
        widths,
      ),
    );
    console.log('');
    for (const r of results) console.log(`  ${r.name}: first run ${r.done.what}; second run ${r.again.what}`);
    const idle = results.filter((r) => r.again.changed !== 0);
    if (idle.length || before !== after) {
      throw new Error(`the second run changed something: ${idle.map((r) => `${r.name} ${r.again.what}`).join('; ')}; before ${before}, after ${after}`);
    }
    console.log(`second run: nothing new, nothing written (${after})`);
    const slowest = Math.max(sum.first, sum.second) / 1000;
    console.log(
      `all daily sweeps, first run ${seconds(sum.first)}, second ${seconds(sum.second)}: aim < ${AIM_SECONDS} s — ${slowest < AIM_SECONDS ? 'met' : 'NOT MET'}`,
    );
  } finally {
    await ds.destroy().catch(() => undefined);
    await db.end().catch(() => undefined);
    if (process.argv.includes('--keep-copy')) console.log(`kept the swept copy: ${copy}`);
    else await dropDatabase(copy);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
