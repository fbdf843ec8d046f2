/**
 * `npm run bench:sweeps`: times the daily reminder sweep (libs/notifications ReminderSweeper:
 * expiry at 180/90/30/7 days, surveillance 30 days ahead) on the 1,000,000 certificates a
 * `npm run bench:registry -- --keep` run left, against a bare baseline in the same script: a plain
 * keyset scan of the same windows on the same indexes, reading the same rows and writing nothing.
 *
 * Prints the first sweep ever (every reminder in the windows is new: one reminder row and one
 * outbox row each, what the first run after deploying does), a second sweep the same day
 * (everything already told: writes nothing), the next day's sweep (only the certificates that
 * crossed a threshold overnight are new: a daily run in steady state) and the baseline, each the
 * median of --rounds runs, with their ratios. Every round runs in a transaction that is rolled
 * back, so the kept database is left as it was (apart from the surveillance due dates, given once
 * to the certificates that have none).
 *
 * Options: --reuse <database url> (default: the newest szs_bench_registry_* database on the
 * server of DATABASE_URL), --rounds <n> (default 3), --today <YYYY-MM-DD> (default: Beijing today).
 */
import { Client } from 'pg';
import { databaseName, runMigrations, SESSION_OPTIONS } from '@app/persistence';
import { addDays, beijingToday, KeysetPosition, reminderWindows, sweepReminders, SqlRun, windowColumn, windowPageSql } from '@app/notifications';
import { migrations } from '../../migrations';

const option = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const ROUNDS = Number(option('rounds') ?? 3);
const TODAY = option('today') ?? beijingToday();
const AIM_MS = 60_000;

async function benchDatabase(): Promise<string> {
  const reuse = option('reuse');
  if (reuse) return reuse;
  const server = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  server.pathname = '/postgres';
  const c = new Client({ connectionString: server.toString() });
  await c.connect();
  try {
    const { rows } = await c.query(`SELECT datname FROM pg_database WHERE datname LIKE 'szs\\_bench\\_registry\\_%' ORDER BY oid DESC LIMIT 1`);
    if (!rows.length)
      throw new Error('no bench database found: run "npm run bench:registry -- --keep --only statements" first (it prints the database it keeps)');
    server.pathname = `/${rows[0].datname}`;
    return server.toString();
  } finally {
    await c.end();
  }
}

/** The bare baseline: the same windows, pages and index, only read. */
async function bareScan(run: SqlRun, today: string): Promise<{ scanned: number; statements: number }> {
  let scanned = 0;
  let statements = 0;
  for (const w of reminderWindows()) {
    let after: KeysetPosition | null = null;
    for (;;) {
      const rows = await run(windowPageSql(w, `c.id, c.number, c.enterprise_id, c.${windowColumn(w)} AS due`), [
        today,
        w.after,
        w.upTo,
        after?.date ?? null,
        after?.id ?? null,
      ]);
      statements++;
      scanned += rows.length;
      if (rows.length < 5000) break;
      const last = rows[rows.length - 1] as { id: string; due: string };
      after = { date: last.due, id: last.id };
    }
  }
  return { scanned, statements };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t0 = process.hrtime.bigint();
  const r = await f();
  return [r, Number(process.hrtime.bigint() - t0) / 1e6];
}

async function main(): Promise<void> {
  const url = await benchDatabase();
  await runMigrations(url, migrations); // the reminders table, when the kept database predates it
  const db = new Client({ connectionString: url, options: SESSION_OPTIONS });
  await db.connect();
  const run: SqlRun = async (sql, params) => (await db.query(sql, params)).rows;
  try {
    const [{ n, live }] = (await run(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE status IN ('valid', 'suspended'))::int AS live FROM certificates`,
      [],
    )) as { n: number; live: number }[];
    // The registry bench seeds certificates without a surveillance plan: give each live one without a due date its next anniversary, as issuing does.
    const filled = await db.query(
      `UPDATE certificates SET next_surveillance_due = (issued_on + make_interval(years => extract(year FROM age($1::date, issued_on))::int + 1))::date
        WHERE status IN ('valid', 'suspended') AND next_surveillance_due IS NULL`,
      [TODAY],
    );
    if (filled.rowCount) {
      await run(`VACUUM ANALYZE certificates`, []);
      console.log(`gave ${filled.rowCount.toLocaleString()} certificates their next anniversary as next_surveillance_due (kept)`);
    }
    console.log(
      `bench:sweeps — ${databaseName(url)}: ${n.toLocaleString()} certificates (${live.toLocaleString()} live), today ${TODAY}, ${ROUNDS} rounds (median shown)`,
    );

    const first: number[] = [];
    const again: number[] = [];
    const next: number[] = [];
    const bare: number[] = [];
    let figures = {
      first: { scanned: 0, queued: 0, statements: 0 },
      again: { scanned: 0, queued: 0, statements: 0 },
      next: { scanned: 0, queued: 0, statements: 0 },
      bare: { scanned: 0, statements: 0 },
    };
    await bareScan(run, TODAY); // warm the cache as the daily run finds it: the indexes are hot in a live system
    for (let r = 0; r < ROUNDS; r++) {
      const [b, tb] = await timed(() => bareScan(run, TODAY));
      await db.query('BEGIN');
      try {
        const [f, tf] = await timed(() => sweepReminders(run, TODAY));
        const [a, ta] = await timed(() => sweepReminders(run, TODAY));
        const [d, td] = await timed(() => sweepReminders(run, addDays(TODAY, 1)));
        figures = { first: f, again: a, next: d, bare: b };
        first.push(tf);
        again.push(ta);
        next.push(td);
        bare.push(tb);
      } finally {
        await db.query('ROLLBACK');
      }
    }
    const line = (name: string, ms: number, what: string) => console.log(`${name.padEnd(44)} ${(ms / 1000).toFixed(2).padStart(7)} s   ${what}`);
    line(
      'first sweep of the day (all reminders new)',
      median(first),
      `${figures.first.scanned.toLocaleString()} in windows, ${figures.first.queued.toLocaleString()} reminders + outbox rows, ${figures.first.statements} statements`,
    );
    line('second sweep the same day (nothing new)', median(again), `${figures.again.queued} queued`);
    line('the next day (what a daily run writes)', median(next), `${figures.next.queued.toLocaleString()} reminders newly due`);
    line('bare keyset scan of the same windows', median(bare), `${figures.bare.scanned.toLocaleString()} rows, ${figures.bare.statements} statements`);
    console.log(
      `  ratio first/bare ${(median(first) / median(bare)).toFixed(2)}, second/bare ${(median(again) / median(bare)).toFixed(2)}, next day/bare ${(median(next) / median(bare)).toFixed(2)}; aim: a sweep under ${AIM_MS / 1000} s — ${Math.max(median(first), median(again), median(next)) < AIM_MS ? 'met' : 'NOT MET'}`,
    );
    if (figures.again.queued !== 0) throw new Error(`the second sweep queued ${figures.again.queued} reminders: it must queue none`);
  } finally {
    await db.end();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
