import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { accessSync, chownSync, constants, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import IORedis from 'ioredis';

/**
 * A PostgreSQL cluster and a Redis server of a test's own, on free ports, that the test may stop
 * and start: the shared services on 5432 and 6379 are never touched.
 */

const IS_ROOT = process.getuid?.() === 0;

function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')) && existsSync(join(root, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], 'bin') : undefined;
}

/** Whether a program is found on the PATH, as spawn would find it (no shell needed to ask). */
function onPath(binary: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, binary), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** What this machine lacks to run private services (each with how to get it); empty when it has it all. */
export function missingForPrivateServices(): string[] {
  const missing: string[] = [];
  if (!postgresBinDir()) missing.push('the PostgreSQL server binaries under /usr/lib/postgresql/*/bin (apt-get install postgresql)');
  if (!onPath('redis-server')) missing.push('redis-server on the PATH (apt-get install redis-server)');
  // initdb refuses to run as root: as root the cluster runs as the postgres user through runuser.
  if (IS_ROOT && !onPath('runuser'))
    missing.push('runuser on the PATH, to start PostgreSQL as the postgres user when running as root (apt-get install util-linux)');
  return missing;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface PrivatePostgres {
  port: number;
  /** A URL for a database of this cluster (created by the caller, e.g. with ensureDatabase). */
  url(database: string): string;
  /** `immediate` is a crash: backends die without a goodbye, in-flight transactions roll back. */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  start(): Promise<void>;
  /** Stops the cluster and removes its files. */
  destroy(): Promise<void>;
}

/**
 * initdb into a temporary directory and pg_ctl start on a free port (trust auth, socket in the
 * same directory). No fsync, as the operating system survives a stopped server; but commits stay
 * synchronous, so a commit the platform answered 201 is in the WAL before the server is killed. initdb refuses to run as root, so as root the
 * binaries run as the postgres user in a directory it owns.
 */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error(`missing ${missingForPrivateServices().join('; ')}`);
  const dir = mkdtempSync(join(tmpdir(), 'szs-private-pg-'));
  if (IS_ROOT) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  const run = (binary: string, args: string[]) => {
    const [cmd, argv] = IS_ROOT ? ['runuser', ['-u', 'postgres', '--', join(bin, binary), ...args]] : [join(bin, binary), args];
    try {
      execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], cwd: dir });
    } catch (e) {
      const err = e as { stderr?: Buffer; stdout?: Buffer; message: string };
      throw new Error(`${binary} ${args.join(' ')} failed: ${err.stderr?.toString() || err.stdout?.toString() || err.message}`, { cause: e });
    }
  };
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  const start = async () => run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'postgres.log'), '-w', '-t', '30', 'start']);
  const stop = async (mode: 'fast' | 'immediate' = 'fast') => run('pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '30', 'stop']);
  await start();
  let destroyed = false;
  return {
    port,
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    stop,
    start,
    destroy: async () => {
      if (destroyed) return;
      destroyed = true;
      try {
        await stop('immediate');
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface PrivateRedis {
  port: number;
  url: string;
  /** SHUTDOWN NOSAVE: the server goes away at once and comes back empty. */
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

/** A redis-server on a free port, no persistence, a child of the test process. */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const start = async () => {
    const c = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--loglevel', 'warning'],
      {
        stdio: 'ignore',
      },
    );
    child = c;
    const deadline = Date.now() + 10_000;
    for (;;) {
      const probe = new IORedis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
      probe.on('error', () => undefined);
      try {
        await probe.connect();
        await probe.ping();
        return;
      } catch (e) {
        if (c.exitCode !== null || Date.now() > deadline) throw new Error(`redis-server on port ${port} did not start: ${(e as Error).message}`, { cause: e });
        await new Promise((r) => setTimeout(r, 50));
      } finally {
        probe.disconnect();
      }
    }
  };
  const stop = async () => {
    const c = child;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => c.once('exit', () => resolve()));
    const admin = new IORedis(url, { maxRetriesPerRequest: 0, retryStrategy: () => null });
    admin.on('error', () => undefined);
    // The server closes the connection instead of answering SHUTDOWN.
    await admin.call('SHUTDOWN', 'NOSAVE').catch(() => undefined);
    admin.disconnect();
    await exited;
  };
  await start();
  return {
    port,
    url,
    stop,
    start,
    destroy: async () => {
      const c = child;
      if (c && c.exitCode === null) {
        const exited = new Promise<void>((resolve) => c.once('exit', () => resolve()));
        c.kill('SIGKILL');
        await exited;
      }
    },
  };
}
