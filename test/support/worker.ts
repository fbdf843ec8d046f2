import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const MAIN = join(ROOT, 'dist', 'apps', 'worker', 'src', 'main.js');

/** Fast timings so a test sees the outbox, the reconciler and a killed worker's jobs move in seconds. */
export const FAST_WORKER_ENV = {
  OUTBOX_POLL_MS: '200',
  RECONCILE_INTERVAL_MS: '500',
  RECONCILE_AFTER_MS: '1000',
  JOB_LOCK_MS: '2000',
  SWEEP_INTERVAL_MS: '1000',
};

export interface WorkerProcess {
  child: ChildProcess;
  /** Graceful stop (SIGTERM): active jobs finish. */
  stop(): Promise<void>;
  /** As if the machine died: SIGKILL, nothing finishes. */
  kill(): Promise<void>;
}

/**
 * The real worker process (the built dist/ — `npm test` builds first), on the run's database and
 * Redis prefix. Its JSON logs go to test/logs/ for when a test fails.
 */
export async function startWorker(name = 'worker', env: Record<string, string> = {}): Promise<WorkerProcess> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npm run build" (npm test does it first)`);
  const logs = join(ROOT, 'test', 'logs');
  mkdirSync(logs, { recursive: true });
  const log = createWriteStream(join(logs, `${process.env.REDIS_PREFIX}-${name}.log`), { flags: 'a' });
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, ...FAST_WORKER_ENV, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr!.pipe(log);
  await new Promise<void>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`worker did not start within 20 s:\n${seen.slice(-2000)}`)), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      log.write(chunk);
      if (seen.length < 100_000) seen += chunk.toString();
      if (seen.includes('worker ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`worker exited with code ${code} while starting:\n${seen.slice(-2000)}`));
    });
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
    kill: async () => {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Polls until `check` returns a value (not undefined), or fails with what it last saw. */
export async function eventually<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 20_000, pollMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

/**
 * The registry's freshness promise: a public answer shows a change at most a second after it
 * commits (answers may come from the API's in-memory cache until then).
 */
export function withinASecond<T>(check: () => Promise<T | undefined>, what: string): Promise<T> {
  return eventually(check, what, 1000, 20);
}
