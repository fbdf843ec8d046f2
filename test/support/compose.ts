import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const ROOT = join(__dirname, '..', '..');

/**
 * Where no Docker engine runs (CI), the compose files are checked by reading them as compose does
 * and starting the built app (dist/) with exactly the environment and command each service gets.
 */
export interface ComposeService {
  name: string;
  command: string[];
  environment: Record<string, string>;
  /** Mounts: a named volume or a host path (source) at a path in the container (target). */
  volumes: { source: string; target: string }[];
  /** service → condition ('service_healthy', 'service_completed_successfully', ...). */
  dependsOn: Record<string, string>;
  ports: string[];
  /** The networks it joins: `default` when the file names none. */
  networks: string[];
}

export interface ComposeProject {
  file: string;
  services: Record<string, ComposeService>;
  namedVolumes: string[];
  /** Networks the file declares, with their fixed subnets (`ipam: config:`), if any. */
  networks: Record<string, { subnet: string; gateway?: string }[]>;
}

export class InterpolationError extends Error {}

/**
 * Compose's variable substitution (docker-compose 1.29 and Compose v2 agree on these forms): `$$` is
 * a dollar; `$VAR` and `${VAR}` the value, empty when unset; `${VAR:-d}` d when unset or empty,
 * `${VAR-d}` d when unset; `${VAR:?msg}` an error when unset or empty, `${VAR?msg}` when unset.
 */
export function interpolate(text: string, env: Record<string, string | undefined>): string {
  return text.replace(/\$(?:(\$)|\{([^}]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g, (whole, dollar?: string, braced?: string, bare?: string) => {
    if (dollar) return '$';
    if (bare) return env[bare] ?? '';
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?])([\s\S]*))?$/.exec(braced!);
    if (!m) throw new InterpolationError(`invalid interpolation format: "${whole}"`);
    const [, name, colon, op, arg] = m;
    const value = env[name];
    const missing = value === undefined || (colon === ':' && value === '');
    if (!op) return value ?? '';
    if (op === '-') return missing ? arg : value!;
    if (missing) throw new InterpolationError(`required variable ${name} is missing a value: ${arg}`);
    return value!;
  });
}

/**
 * Reads a compose file as compose does: YAML merge keys (`<<: *app`), then interpolation of every
 * value from `env` (the shell environment of `docker compose`). Like compose, one unresolvable
 * `${VAR:?}` anywhere fails the whole file; the error lists every such variable.
 */
export function loadCompose(file: string, env: Record<string, string | undefined>): ComposeProject {
  const doc = parse(readFileSync(join(ROOT, file), 'utf8'), { merge: true }) as Record<string, unknown>;
  const errors = new Set<string>();
  const resolve = (value: unknown): unknown => {
    if (typeof value === 'string') {
      try {
        return interpolate(value, env);
      } catch (e) {
        errors.add((e as Error).message);
        return value;
      }
    }
    if (Array.isArray(value)) return value.map(resolve);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
    return value;
  };
  const resolved = resolve(doc) as {
    services: Record<string, Record<string, unknown>>;
    volumes?: Record<string, unknown>;
    networks?: Record<string, { ipam?: { config?: { subnet: string; gateway?: string }[] } } | null>;
  };
  if (errors.size) throw new InterpolationError(`${file}: ${[...errors].join('; ')}`);

  const services: Record<string, ComposeService> = {};
  for (const [name, s] of Object.entries(resolved.services)) {
    services[name] = {
      name,
      command: Array.isArray(s.command) ? s.command.map(String) : typeof s.command === 'string' ? s.command.split(/\s+/) : [],
      environment: environmentOf(s.environment, env),
      volumes: ((s.volumes as unknown[]) ?? []).map((v) => {
        if (typeof v === 'string') {
          const [source, target] = v.split(':');
          return { source, target };
        }
        const long = v as { source: string; target: string };
        return { source: long.source, target: long.target };
      }),
      ports: ((s.ports as unknown[]) ?? []).map(String),
      networks: s.networks ? (Array.isArray(s.networks) ? s.networks.map(String) : Object.keys(s.networks)) : ['default'],
      dependsOn: Array.isArray(s.depends_on)
        ? Object.fromEntries(s.depends_on.map((d: string) => [d, 'service_started']))
        : Object.fromEntries(
            Object.entries((s.depends_on as Record<string, { condition?: string }>) ?? {}).map(([d, c]) => [d, c?.condition ?? 'service_started']),
          ),
    };
  }
  const networks = Object.fromEntries(
    Object.entries(resolved.networks ?? {}).map(([name, n]) => [name, (n?.ipam?.config ?? []).map((c) => ({ subnet: c.subnet, gateway: c.gateway }))]),
  );
  return { file, services, namedVolumes: Object.keys(resolved.volumes ?? {}), networks };
}

/** `environment:` as a map or a list; a key without a value is passed through from the shell. */
function environmentOf(raw: unknown, shell: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  const entries: [string, unknown][] = Array.isArray(raw)
    ? raw.map((line: string) => (line.includes('=') ? [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)] : [line, null]))
    : Object.entries((raw as Record<string, unknown>) ?? {});
  for (const [key, value] of entries) {
    if (value === null || value === undefined) {
      if (shell[key] !== undefined) out[key] = shell[key]!;
    } else {
      out[key] = String(value);
    }
  }
  return out;
}

/** The `ENV` of the Dockerfile's final stage: every container starts with it, under the compose environment. */
export function imageEnvironment(): Record<string, string> {
  const lines = readFileSync(join(ROOT, 'Dockerfile'), 'utf8').split('\n');
  const lastFrom = lines.map((l) => /^FROM\s/i.test(l)).lastIndexOf(true);
  const env: Record<string, string> = {};
  for (const line of lines.slice(lastFrom)) {
    const m = /^ENV\s+(.+)$/i.exec(line.trim());
    if (!m) continue;
    if (!m[1].includes('=')) throw new Error(`Dockerfile: write ENV as KEY=value (${line.trim()})`);
    for (const p of m[1].matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|\S*)/g)) env[p[1]] = p[2].replace(/^"|"$/g, '');
  }
  return env;
}

export interface RunningService {
  child: ChildProcess;
  output: () => string;
  stderr: () => string;
  /** The exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  waitFor: (text: string, timeoutMs?: number) => Promise<void>;
  stop: () => Promise<void>;
}

/** Runs a service's command (`node …` is this Node) in the repository root, as WORKDIR /app of the image. */
export function runCommand(command: string[], env: Record<string, string>): RunningService {
  const [program, ...args] = command;
  if (program !== 'node') throw new Error(`expected a "node …" command, got ${command.join(' ')}`);
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  const check = () => {
    for (const w of [...waiters]) {
      if (out.includes(w.text) || err.includes(w.text)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  };
  child.stdout!.on('data', (c: Buffer) => {
    if (out.length < 1_000_000) out += c.toString();
    check();
  });
  child.stderr!.on('data', (c: Buffer) => {
    if (err.length < 1_000_000) err += c.toString();
    check();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => out,
    stderr: () => err,
    exited,
    waitFor: (text, timeoutMs = 60_000) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`"${text}" not seen within ${timeoutMs} ms:\n${out.slice(-2000)}\n${err.slice(-2000)}`)), timeoutMs);
        const done = () => {
          clearTimeout(timer);
          resolve();
        };
        waiters.push({ text, resolve: done });
        check();
        void exited.then((code) => {
          clearTimeout(timer);
          reject(new Error(`exited with code ${code} before "${text}":\n${out.slice(-2000)}\n${err.slice(-2000)}`));
        });
      }),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
