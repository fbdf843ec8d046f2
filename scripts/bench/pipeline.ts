/**
 * `npm run bench:pipeline`: N granted decisions taken to issued certificates (number with check
 * character, signed token, PDF with QR, certificate event, registry entry, expiry scheduled)
 * through the real outbox, BullMQ and W built worker processes (`node dist/apps/worker/src/main.js`
 * serving only certificate-issue), and in the same script two baselines:
 *   A. certificate PDFs rendered alone, in this process, on one core (benchPdfBaseline);
 *   B. a raw BullMQ loop: N jobs added with addBulk, taken by W child processes whose processor
 *      inserts one row with plain `pg` — the least work issuing a certificate can be.
 * Prints certificates/s, both baselines, and certificates/s ÷ min(B, A × W).
 *
 * Options (or BENCH_<NAME> variables): --n <certificates> (default 1000), --workers <processes>
 * (default: the number of cores), --concurrency <jobs per process> (default 8, as WORKER_CONCURRENCY),
 * --log-level <worker LOG_LEVEL> (default warn), --pdfs <baseline A renders> (default min(N, 1000)),
 * --worker-node-args <node flags for the workers only, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof">.
 * Works in a database and Redis prefix of its own, both removed at the end, even on failure.
 */
import { ChildProcess, fork, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Queue, Worker } from 'bullmq';
import { Client, Pool } from 'pg';
import { classifyCertificateNumber, issueCertificate, recordApplicationEvents } from '@app/certification';
import { TokenSigner } from '@app/documents';
import { createRedis, databaseName, deleteKeysWithPrefix, dropDatabase, ensureDatabase, pgSqlWriter, runMigrations } from '@app/persistence';
import { enqueue, jobOptions, redisOptionsFromUrl } from '@app/queue';
import { migrations } from '../../migrations';
import { insertReferenceData } from '../fixtures/reference-data';
import { benchPdfBaseline } from './pdf-baseline';

const option = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  if (i > 0 && process.argv[i + 1] !== undefined) return process.argv[i + 1];
  return process.env[`BENCH_${name.toUpperCase().replace(/-/g, '_')}`] ?? fallback;
};
const count = (name: string, fallback: number): number => {
  const value = Number(option(name, String(fallback)));
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number, not "${option(name, '')}"`);
  return value;
};

const N = count('n', 1000);
const W = count('workers', cpus().length);
// The platform's default WORKER_CONCURRENCY. PDF rendering is synchronous CPU work, so jobs beyond
// the first only fill the waits for Postgres: with a worker per core (Postgres on the same cores)
// 2, 4 and 8 measured the same within noise; with one worker and Postgres on the other core, 8 did
// best (2: 63/s, 4: 75/s, 8: 79/s).
const CONCURRENCY = count('concurrency', 8);
const PDFS = count('pdfs', Math.min(N, 1000));
const LOG_LEVEL = option('log-level', 'warn');
const WORKER_NODE_ARGS = option('worker-node-args', '').split(' ').filter(Boolean);
/** Issued before the measurement so every worker process has parsed its fonts (baseline A leaves its first render out too). */
const WARM_UP = W * CONCURRENCY * 2;
const POLL_MS = 50;
/** The raw loop takes a fraction of a second: a finer poll keeps its end time honest. */
const RAW_POLL_MS = 5;
const STALL_MS = 60_000;

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const RAW_QUEUE = 'raw-issue';
/** The same options the dispatcher gives every outbox job (attempts, backoff, keep completed a day). */
const JOB_OPTIONS = { JOB_ATTEMPTS: 5, JOB_BACKOFF_MS: 1000 };
const WORKER_MAIN = join(__dirname, '..', '..', 'apps', 'worker', 'src', 'main.js');

// ---- raw BullMQ worker (baseline B), a child process of this script ------------------------------

async function rawWorker(): Promise<void> {
  const { DATABASE_URL, RAW_PREFIX } = process.env as Record<string, string>;
  const pool = new Pool({ connectionString: DATABASE_URL, max: CONCURRENCY });
  const worker = new Worker(
    RAW_QUEUE,
    async (job) => {
      await pool.query('INSERT INTO bench_raw_jobs (job_id) VALUES ($1)', [job.id]);
    },
    // As the platform's processors (workerOptions(): JOB_LOCK_MS 30 s), so only the work differs.
    {
      connection: redisOptionsFromUrl(REDIS_URL),
      prefix: RAW_PREFIX,
      concurrency: CONCURRENCY,
      lockDuration: 30_000,
      stalledInterval: 15_000,
      maxStalledCount: 5,
    },
  );
  await worker.waitUntilReady();
  await pool.query('SELECT 1');
  process.on('message', async (m) => {
    if (m !== 'stop') return;
    await worker.close();
    await pool.end();
    process.exit(0);
  });
  process.send!('ready');
}

// ---- the run ---------------------------------------------------------------------------------------

const runId = `${Date.now().toString(36)}_${randomBytes(2).toString('hex')}`;
const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
base.pathname = `/szs_bench_pipeline_${runId}`;
const DATABASE_URL = base.toString();
const REDIS_PREFIX = `szs_bench_pipeline_${runId}`;
const RAW_PREFIX = `${REDIS_PREFIX}_raw`;

interface Reference {
  certificationBodyId: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const gone = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;
const ended = (child: ChildProcess) => (child.signalCode ? `was killed by ${child.signalCode}` : `exited with code ${child.exitCode}`);

/** The world a certificate needs, the demo's reference world: the phone case of Huaqiang at Pengcheng. */
async function seedReference(db: Client): Promise<Reference> {
  await db.query('BEGIN');
  const ids = await insertReferenceData(db);
  await db.query(`CREATE TABLE bench_raw_jobs (id bigserial PRIMARY KEY, job_id text NOT NULL, created_at timestamptz NOT NULL DEFAULT clock_timestamp())`);
  await db.query('COMMIT');
  // Applications awaiting a decision, each with its own models (so every certificate differs), two products like the sample certificate.
  const scopes = Array.from({ length: N + WARM_UP }, (_, i) =>
    JSON.stringify({
      kind: 'products',
      products: [
        {
          nameZh: '智能手机',
          nameEn: 'Smartphone',
          brand: '华强智联 HQZL',
          models: [`HQ-X${i}`, `HQ-X${i} Pro`, `HQ-X${i} Lite`],
          factoryAddress: '广东省东莞市松山湖高新技术产业开发区工业北路6号',
        },
        {
          nameZh: '智能手表',
          nameEn: 'Smart watch',
          brand: '华强智联 HQZL',
          models: [`HQ-W${i}`, `HQ-W${i} Sport`],
          factoryAddress: '广东省惠州市仲恺高新区和畅五路西12号',
        },
      ],
    }),
  );
  await db.query(
    `INSERT INTO applications (number, enterprise_id, certification_body_id, catalogue_entry_id, self_declaration_id, standard_id,
                               category_code, scope, status, version, submitted_at)
     SELECT 'SZS-A-' || to_char(now(), 'YYYY') || '-' || lpad(nextval('application_number_seq')::text, 6, '0'),
            $1, $2, $3, $4, $5, 'ELECTRONICS', s.scope, 'awaiting_decision', 8, now() - interval '30 days'
       FROM unnest($6::jsonb[]) WITH ORDINALITY AS s(scope, ord) ORDER BY s.ord`,
    [
      ids.organizations.get('huaqiang'),
      ids.organizations.get('cb1'),
      ids.entries.get('phone'),
      ids.declarations.get('huaqiang/phone'),
      ids.standards.get('phone'),
      scopes,
    ],
  );
  return { certificationBodyId: ids.organizations.get('cb1')! };
}

/**
 * The grant decisions, in one transaction as ApplicationTransitions writes each: status and
 * version, the timeline entry, and the outbox row through the real `enqueue`. Returns the time
 * just before COMMIT, from which the rows are the pipeline's to move.
 */
async function grant(db: Client, ref: Reference, limit: number): Promise<number> {
  await db.query('BEGIN');
  const { rows } = await db.query(
    `WITH picked AS (SELECT id FROM applications WHERE status = 'awaiting_decision' ORDER BY number LIMIT $1 FOR UPDATE)
     UPDATE applications a SET status = 'granted', version = version + 1, closed_at = now(), updated_at = now()
       FROM picked WHERE a.id = picked.id RETURNING a.id`,
    [limit],
  );
  const ids: string[] = rows.map((r: { id: string }) => r.id);
  const writer = pgSqlWriter(db);
  const actor = { userId: null, apiKeyId: null, organizationId: ref.certificationBodyId };
  await recordApplicationEvents(
    writer,
    ids.map((applicationId) => ({ applicationId, action: 'grant', from: 'awaiting_decision', to: 'granted', actor, reason: '评定结论：符合认证要求' })),
  );
  for (const applicationId of ids) await enqueue(writer, issueCertificate(applicationId, ref.certificationBodyId));
  const t0 = performance.now();
  await db.query('COMMIT');
  return t0;
}

async function issuedCount(db: Client): Promise<number> {
  return (await db.query(`SELECT count(*)::int AS n FROM certificates WHERE pdf IS NOT NULL`)).rows[0].n;
}

// ---- worker processes ------------------------------------------------------------------------------

interface WorkerProcess {
  child: ChildProcess;
  output(): string;
  warnings: number;
  /** Saw its "worker ready" line (printed only at LOG_LEVEL info or finer). */
  said: boolean;
}

const children: ChildProcess[] = [];

function startWorker(stateDir: string): WorkerProcess {
  const child = spawn(process.execPath, [...WORKER_NODE_ARGS, WORKER_MAIN], {
    env: {
      ...process.env,
      DATABASE_URL,
      REDIS_URL,
      REDIS_PREFIX,
      LOG_LEVEL,
      NODE_ENV: 'development',
      WORKER_QUEUES: 'certificate-issue',
      WORKER_CONCURRENCY: String(CONCURRENCY),
      // Shared, so both processes sign with the one development key generated there.
      STATE_DIR: stateDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let tail = '';
  const w: WorkerProcess = { child, output: () => tail, warnings: 0, said: false };
  const keep = (chunk: Buffer) => {
    const text = chunk.toString();
    // pino levels: 40 warn, 50 error, 60 fatal
    w.warnings += (text.match(/"level":(4|5|6)0/g) ?? []).length;
    tail = (tail + text).slice(-4000);
    w.said ||= tail.includes('worker ready');
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  return w;
}

/**
 * Ready = what "worker ready" reports, which is logged at info and so not seen at the default
 * warn: every process's dispatcher LISTENs on the outbox channel and its certificate-issue worker
 * is registered in Redis. At info or finer the line itself is awaited too.
 */
async function waitReady(db: Client, workers: WorkerProcess[]): Promise<void> {
  const queue = new Queue('certificate-issue', { connection: redisOptionsFromUrl(REDIS_URL), prefix: REDIS_PREFIX });
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const dead = workers.find((w) => gone(w.child));
      if (dead) throw new Error(`a worker ${ended(dead.child)} while starting:\n${dead.output()}`);
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN outbox'`);
      const registered = (await queue.getWorkers()).length;
      const said = !['info', 'debug', 'trace'].includes(LOG_LEVEL) || workers.every((w) => w.said);
      if (rows[0].n >= workers.length && registered >= workers.length && said) return;
      if (Date.now() > deadline)
        throw new Error(`workers not ready within 60 s (${rows[0].n} listening, ${registered} registered):\n${workers.map((w) => w.output()).join('\n')}`);
      await sleep(100);
    }
  } finally {
    await queue.close();
  }
}

/** Asks a child to stop and waits; after 15 s it is killed. Returns whether it stopped by itself. */
async function stopChild(child: ChildProcess, how: () => void): Promise<boolean> {
  if (gone(child)) return true;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  how();
  let killed = false;
  const timer = setTimeout(() => {
    killed = true;
    child.kill('SIGKILL');
  }, 15_000);
  await exited;
  clearTimeout(timer);
  return !killed;
}

/** Polls until `target` certificates exist; fails when progress stops or a worker dies. */
async function waitIssued(db: Client, target: number, workers: WorkerProcess[]): Promise<number> {
  let last = -1;
  let lastChange = Date.now();
  for (;;) {
    const n = await issuedCount(db);
    if (n >= target) return performance.now();
    if (n !== last) [last, lastChange] = [n, Date.now()];
    const dead = workers.find((w) => gone(w.child));
    if (dead) throw new Error(`a worker ${ended(dead.child)}:\n${dead.output()}`);
    if (Date.now() - lastChange > STALL_MS) {
      const { rows } = await db.query(
        `SELECT count(*) FILTER (WHERE dispatched_at IS NULL)::int AS undispatched, count(*) FILTER (WHERE failed_at IS NOT NULL)::int AS failed,
                max(last_error) AS last_error
           FROM outbox WHERE queue = 'certificate-issue' AND completed_at IS NULL`,
      );
      throw new Error(
        `no certificate issued for ${STALL_MS / 1000} s (${n}/${target}); unfinished outbox rows: ${JSON.stringify(rows[0])}\n${workers.map((w) => w.output()).join('\n')}`,
      );
    }
    await sleep(POLL_MS);
  }
}

// ---- where the CPU goes (Linux /proc; skipped elsewhere) --------------------------------------------

type CpuUser = 'workers' | 'postgres' | 'redis' | 'bench';
interface CpuSample {
  busy: number;
  idle: number;
  procs: Map<number, { user: CpuUser; ticks: number }>;
}
const TICK = 0.01; // USER_HZ is 100 on Linux

/** CPU ticks of the machine and of the processes the pipeline runs on: its workers, its Postgres backends, Redis. */
function sampleCpu(workerPids: number[]): CpuSample | undefined {
  try {
    const [, ...cpu] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
    const [user, nice, system, idle, iowait, irq, softirq, steal] = cpu;
    const procs = new Map<number, { user: CpuUser; ticks: number }>();
    const database = databaseName(DATABASE_URL);
    for (const entry of readdirSync('/proc')) {
      const pid = Number(entry);
      if (!pid) continue;
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const ticks = Number(fields[11]) + Number(fields[12]);
        let who: CpuUser | undefined;
        if (workerPids.includes(pid)) who = 'workers';
        else if (pid === process.pid) who = 'bench';
        else if (comm === 'redis-server') who = 'redis';
        else if (comm === 'postgres') {
          const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
          // its own backends and the shared background processes (WAL writer, checkpointer...), not other databases' backends
          if (cmdline.includes(` ${database} `) || !/\(\d+\)|\[local\]/.test(cmdline)) who = 'postgres';
        }
        if (who) procs.set(pid, { user: who, ticks });
      } catch {
        // the process ended meanwhile
      }
    }
    return { busy: user + nice + system + irq + softirq + steal, idle: idle + iowait, procs };
  } catch {
    return undefined;
  }
}

/** Core-seconds used between two samples, by user, with the rest of the machine as 'other'. */
function cpuBetween(a: CpuSample, b: CpuSample): Record<CpuUser | 'other' | 'idle', number> {
  const used: Record<CpuUser, number> = { workers: 0, postgres: 0, redis: 0, bench: 0 };
  for (const [pid, p] of b.procs) used[p.user] += (p.ticks - (a.procs.get(pid)?.ticks ?? 0)) * TICK;
  const ours = Object.values(used).reduce((x, y) => x + y, 0);
  return { ...used, other: Math.max(0, (b.busy - a.busy) * TICK - ours), idle: (b.idle - a.idle) * TICK };
}

// ---- baseline B -------------------------------------------------------------------------------------

async function rawBaseline(db: Client): Promise<{ perSecond: number; seconds: number }> {
  const raw = Array.from({ length: W }, () => {
    const child = fork(__filename, ['--raw-worker', '--concurrency', String(CONCURRENCY)], {
      env: { ...process.env, DATABASE_URL, RAW_PREFIX },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    children.push(child);
    return child;
  });
  const queue = new Queue(RAW_QUEUE, { connection: redisOptionsFromUrl(REDIS_URL), prefix: RAW_PREFIX });
  try {
    await Promise.all(
      raw.map(
        (child) =>
          new Promise<void>((resolve, reject) => {
            child.once('message', () => resolve());
            child.once('exit', (code) => reject(new Error(`a raw BullMQ worker exited with code ${code}`)));
          }),
      ),
    );
    await queue.waitUntilReady();
    const start = performance.now();
    for (let from = 0; from < N; from += 1000) {
      await queue.addBulk(
        Array.from({ length: Math.min(1000, N - from) }, (_, k) => ({
          name: 'raw',
          data: { applicationId: `raw-${from + k}`, outboxId: String(from + k + 1) },
          opts: jobOptions(JOB_OPTIONS, `raw-${from + k + 1}`),
        })),
      );
    }
    let end: number;
    for (;;) {
      const { rows } = await db.query('SELECT count(*)::int AS n FROM bench_raw_jobs');
      if (rows[0].n >= N) {
        end = performance.now();
        break;
      }
      if (performance.now() - start > STALL_MS) throw new Error(`the raw BullMQ loop did not finish within ${STALL_MS / 1000} s (${rows[0].n}/${N})`);
      await sleep(RAW_POLL_MS);
    }
    const seconds = (end - start) / 1000;
    return { perSecond: N / seconds, seconds };
  } finally {
    await queue.close();
    await Promise.all(raw.map((child) => stopChild(child, () => child.send('stop'))));
  }
}

// ---- checks ------------------------------------------------------------------------------------------

interface Checks {
  ok: boolean;
  lines: string[];
  avgPdfBytes: number;
  maxPdfBytes: number;
}

/** Exactly one certificate per granted application, each whole; every issue job completed. */
async function verify(db: Client, stateDir: string, total: number): Promise<Checks> {
  const {
    rows: [c],
  } = await db.query(`
    SELECT (SELECT count(*)::int FROM certificates) AS certificates,
           (SELECT count(DISTINCT number)::int FROM certificates) AS numbers,
           (SELECT count(*)::int FROM applications WHERE status = 'granted') AS granted,
           (SELECT count(*)::int FROM applications a WHERE a.status = 'granted'
               AND (SELECT count(*) FROM certificates c WHERE c.application_id = a.id) <> 1) AS granted_without_one,
           (SELECT count(*)::int FROM certificates WHERE pdf IS NULL OR substring(pdf FROM 1 FOR 5) <> '\\x255044462d'::bytea
               OR encode(sha256(pdf), 'hex') <> pdf_sha256) AS bad_pdfs,
           (SELECT avg(octet_length(pdf))::float FROM certificates) AS avg_pdf,
           (SELECT max(octet_length(pdf))::int FROM certificates) AS max_pdf,
           (SELECT count(*)::int FROM certificate_events WHERE action = 'issue') AS events,
           (SELECT count(*)::int FROM registry_entries WHERE status = 'valid') AS registry,
           (SELECT count(*)::int FROM outbox WHERE queue = 'certificate-issue') AS issue_rows,
           (SELECT count(*)::int FROM outbox WHERE queue = 'certificate-issue' AND completed_at IS NOT NULL AND failed_at IS NULL) AS issue_completed,
           (SELECT coalesce(sum(attempts), 0)::int FROM outbox WHERE queue = 'certificate-issue') AS issue_failed_attempts,
           (SELECT count(*)::int FROM outbox WHERE queue = 'certificate-status' AND job_name = 'expire-certificate' AND dispatched_at IS NULL) AS expiries,
           (SELECT count(*)::int FROM outbox WHERE queue = 'webhooks') AS fan_outs,
           (SELECT count(*)::int FROM outbox WHERE queue = 'webhooks' AND dispatched_at IS NOT NULL) AS fan_outs_dispatched`);
  const signer = new TokenSigner(readFileSync(join(stateDir, 'signing-key.pem'), 'utf8'));
  const { rows: tokens } = await db.query('SELECT number, token FROM certificates');
  let badTokens = 0;
  let badNumbers = 0;
  for (const t of tokens) {
    if ((await signer.verify(t.token))?.n !== t.number) badTokens++;
    if (classifyCertificateNumber(t.number)?.kind !== 'certificate') badNumbers++;
  }

  const lines: string[] = [];
  let ok = true;
  const check = (pass: boolean, text: string) => {
    ok &&= pass;
    lines.push(`  ${pass ? 'ok  ' : 'FAIL'} ${text}`);
  };
  check(c.certificates === total && c.granted === total, `${c.certificates} certificates for ${c.granted} granted applications (expected ${total})`);
  check(c.numbers === c.certificates && badNumbers === 0, `${c.numbers} distinct certificate numbers, ${badNumbers} with a wrong check character`);
  check(c.granted_without_one === 0, `every granted application has exactly one certificate (${c.granted_without_one} do not)`);
  check(c.bad_pdfs === 0, `every certificate has its PDF (%PDF-, SHA-256 as recorded): ${c.bad_pdfs} bad`);
  check(badTokens === 0, `every token verifies with the one shared signing key and names its certificate: ${badTokens} bad`);
  check(c.events === total && c.registry === total, `${c.events} 'issue' certificate events, ${c.registry} registry entries`);
  check(
    c.issue_rows === total && c.issue_completed === total && c.issue_failed_attempts === 0,
    `${c.issue_completed}/${c.issue_rows} issue-certificate outbox rows completed, ${c.issue_failed_attempts} failed attempts`,
  );
  check(c.expiries === total, `${c.expiries} expiries scheduled in the outbox (due in three years)`);
  check(c.fan_outs === total, `${c.fan_outs} webhook fan-out rows (${c.fan_outs_dispatched} already moved to BullMQ; no webhooks worker runs here)`);
  return { ok, lines, avgPdfBytes: c.avg_pdf, maxPdfBytes: c.max_pdf };
}

// ---- main --------------------------------------------------------------------------------------------

let cleaning: Promise<void> | undefined;

function cleanup(stateDir: string): Promise<void> {
  cleaning ??= (async () => {
    await Promise.all(children.map((child) => stopChild(child, () => child.kill('SIGTERM'))));
    await dropDatabase(DATABASE_URL).catch((e: Error) => console.error(`could not drop ${DATABASE_URL}: ${e.message}`));
    const redis = createRedis(REDIS_URL);
    try {
      for (const prefix of [REDIS_PREFIX, RAW_PREFIX]) await deleteKeysWithPrefix(redis, prefix);
    } catch (e) {
      console.error(`could not delete the Redis keys of ${REDIS_PREFIX}: ${(e as Error).message}`);
    } finally {
      redis.disconnect();
    }
    rmSync(stateDir, { recursive: true, force: true });
  })();
  return cleaning;
}

async function main(): Promise<void> {
  if (process.argv.includes('--raw-worker')) return rawWorker();
  const cpu = cpus();
  console.log(`bench:pipeline — N ${N} certificates, W ${W} worker processes × concurrency ${CONCURRENCY}, worker LOG_LEVEL ${LOG_LEVEL}`);
  console.log(`machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown cpu'}, Node ${process.version}, ${process.platform} ${process.arch}`);
  const stateDir = mkdtempSync(join(tmpdir(), 'szs-bench-pipeline-'));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: cleaning up`);
      void cleanup(stateDir).finally(() => process.exit(130));
    });
  }
  const db = new Client({ connectionString: DATABASE_URL });
  try {
    await ensureDatabase(DATABASE_URL);
    await runMigrations(DATABASE_URL, migrations);
    await db.connect();
    let t = performance.now();
    const ref = await seedReference(db);
    console.log(`seeded ${N + WARM_UP} applications awaiting a decision in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    process.stdout.write(`baseline A: rendering ${PDFS} certificate PDFs in this process… `);
    const pdf = await benchPdfBaseline(PDFS);
    console.log(`${pdf.perSecond.toFixed(1)}/s`);

    process.stdout.write(`baseline B: raw BullMQ loop of ${N} jobs, ${W} processes… `);
    const raw = await rawBaseline(db);
    console.log(`${raw.perSecond.toFixed(0)}/s`);

    process.stdout.write(`pipeline: starting ${W} worker processes… `);
    t = performance.now();
    const workers = Array.from({ length: W }, () => startWorker(stateDir));
    await waitReady(db, workers);
    console.log(`ready in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    await grant(db, ref, WARM_UP);
    await waitIssued(db, WARM_UP, workers);
    process.stdout.write(`pipeline: ${WARM_UP} warm-up certificates issued; granting ${N}… `);
    const workerPids = workers.map((w) => w.child.pid!);
    const t0 = await grant(db, ref, N);
    const cpu0 = sampleCpu(workerPids);
    const t1 = await waitIssued(db, WARM_UP + N, workers);
    const cpu1 = sampleCpu(workerPids);
    const seconds = (t1 - t0) / 1000;
    const perSecond = N / seconds;
    console.log(`${perSecond.toFixed(1)} certificates/s`);
    t = performance.now();
    const graceful = (await Promise.all(workers.map((w) => stopChild(w.child, () => w.child.kill('SIGTERM'))))).every(Boolean);
    const stopMs = performance.now() - t;
    const warnings = workers.reduce((sum, w) => sum + w.warnings, 0);
    const checks = await verify(db, stateDir, WARM_UP + N);

    const ceiling = pdf.perSecond * W;
    const slower = Math.min(raw.perSecond, ceiling);
    const ratio = perSecond / slower;
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    const aim = (pass: boolean) => (pass ? 'met' : 'NOT MET');
    const line = (label: string, value: string, note = '') => console.log(`${label.padEnd(44)} ${value.padStart(12)}  ${note}`);
    console.log('');
    line('N (certificates measured)', String(N), `+ ${WARM_UP} warm-up certificates issued first, not measured`);
    line('W (worker processes) × concurrency', `${W} × ${CONCURRENCY}`, `on ${cpu.length} cores, Node ${process.version}`);
    line(
      'pipeline: certificates/s',
      perSecond.toFixed(1),
      `${N} in ${seconds.toFixed(2)} s, from the grants' COMMIT to the last certificate committed (polled every ${POLL_MS} ms)`,
    );
    line(
      'baseline A: PDFs/s on one core',
      pdf.perSecond.toFixed(1),
      `× ${W} processes = ${ceiling.toFixed(1)}/s (the pipeline's PDF ceiling); ${PDFS} PDFs, ${kb(pdf.avgBytes)} each`,
    );
    line(
      'baseline B: raw BullMQ + pg jobs/s',
      raw.perSecond.toFixed(0),
      `${N} jobs in ${raw.seconds.toFixed(2)} s, ${W} child processes × concurrency ${CONCURRENCY}`,
    );
    line(
      'ratio certificates/s ÷ min(B, A × W)',
      ratio.toFixed(2),
      `${perSecond.toFixed(1)} ÷ ${slower.toFixed(1)} (${raw.perSecond < ceiling ? 'B' : 'A × W'}); aim ≥ 0.70: ${aim(ratio >= 0.7)}`,
    );
    line('PDF rendering per core', pdf.perSecond.toFixed(1), `aim ≥ 100/s: ${aim(pdf.perSecond >= 100)}`);
    line('PDF size, issued certificates', kb(checks.avgPdfBytes), `largest ${kb(checks.maxPdfBytes)}; aim < 150 KB: ${aim(checks.maxPdfBytes < 150 * 1024)}`);
    if (cpu0 && cpu1) {
      const c = cpuBetween(cpu0, cpu1);
      const ms = (coreSeconds: number) => `${((coreSeconds / N) * 1000).toFixed(1)} ms`;
      const pdfSeconds = N / pdf.perSecond;
      console.log('');
      console.log(`CPU in the measured run, core-seconds (${cpu.length} cores × ${seconds.toFixed(2)} s = ${(cpu.length * seconds).toFixed(2)}):`);
      console.log(
        `  workers ${c.workers.toFixed(2)}, postgres ${c.postgres.toFixed(2)}, redis ${c.redis.toFixed(2)}, this script ${c.bench.toFixed(2)}, other processes ${c.other.toFixed(2)}, idle ${c.idle.toFixed(2)}`,
      );
      console.log(
        `  per certificate: workers ${ms(c.workers)} (PDF rendering ≈ ${ms(pdfSeconds)} at baseline A speed, the rest ≈ ${ms(Math.max(0, c.workers - pdfSeconds))}), postgres ${ms(c.postgres)}, redis ${ms(c.redis)}`,
      );
      const outside = c.postgres + c.redis;
      if (W >= cpu.length) {
        console.log(
          `  Postgres and Redis ran on the same ${cpu.length} cores as the ${W} workers (${ms(outside)} per certificate, ${((outside / (c.workers + outside)) * 100).toFixed(0)} % of the pipeline's CPU); A × W counts those cores as rendering PDFs only`,
        );
      }
      if (c.other > 0.1 * cpu.length * seconds)
        console.log(`  NOTE: other processes used ${((c.other / (cpu.length * seconds)) * 100).toFixed(0)} % of the machine: the figures are low`);
    }
    console.log('');
    console.log(
      `checks (${WARM_UP + N} certificates in all; workers ${graceful ? `stopped on SIGTERM in ${stopMs.toFixed(0)} ms` : 'had to be killed after 15 s'}${warnings ? `, ${warnings} warning/error log lines` : ''}):`,
    );
    for (const l of checks.lines) console.log(l);
    if (warnings) console.log(workers.map((w) => w.output()).join('\n'));
    if (!checks.ok || !graceful) process.exitCode = 1;
  } finally {
    await db.end().catch(() => undefined);
    await cleanup(stateDir);
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
