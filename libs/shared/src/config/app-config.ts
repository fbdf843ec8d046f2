import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/**
 * Everything the processes read from the environment, validated once at start.
 * Defaults point at the local services of a developer machine.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/shenzhen_standard';

  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Every Redis key and BullMQ queue of this deployment starts with it; tests use their own. */
  @Matches(/^[A-Za-z0-9_.-]{1,64}$/, { message: 'REDIS_PREFIX must be 1-64 letters, digits, _ . or -' })
  REDIS_PREFIX = 'szs';

  @IsOptional() @IsString() @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @Matches(/^\d+[smhd]$/, { message: 'JWT_TTL must look like 15m, 8h or 1d' })
  JWT_TTL = '8h';

  @Transform(toInt) @IsInt() @Min(1)
  LOGIN_MAX_ATTEMPTS = 10;

  @Transform(toInt) @IsInt() @Min(1)
  LOGIN_WINDOW_SECONDS = 900;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Matches(/^https?:\/\/[^/]+.*$/, { message: 'PUBLIC_BASE_URL must be an http(s) URL' })
  PUBLIC_BASE_URL = 'http://localhost:3000';

  /** How often the dispatcher looks for outbox rows when no notification woke it. */
  @Transform(toInt) @IsInt() @Min(50)
  OUTBOX_POLL_MS = 1000;

  /** How often the reconciler re-enqueues dispatched work that Redis no longer knows. */
  @Transform(toInt) @IsInt() @Min(100)
  RECONCILE_INTERVAL_MS = 15_000;

  /** A dispatched row older than this without completion is checked against BullMQ. */
  @Transform(toInt) @IsInt() @Min(0)
  RECONCILE_AFTER_MS = 30_000;

  /** Jobs one worker process runs at once per queue. */
  @Transform(toInt) @IsInt() @Min(1) @Max(500)
  WORKER_CONCURRENCY = 8;

  /** How long a job's lock lasts without renewal: a killed worker's job is taken over after about this long. */
  @Transform(toInt) @IsInt() @Min(1000)
  JOB_LOCK_MS = 30_000;

  /** Where a development machine keeps generated secrets: outside the repository. */
  @IsString()
  STATE_DIR = join(homedir(), '.local', 'state', 'shenzhen-standard');
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const raw: Record<string, unknown> = {};
  for (const key of known) if (env[key] !== undefined && env[key] !== '') raw[key] = env[key];
  const config = plainToInstance(AppConfig, raw);
  const errors = validateSync(config, { forbidUnknownValues: true });
  if (errors.length) {
    const first = errors[0];
    const reason = Object.values(first.constraints ?? {}).reverse().join('; ') || 'is invalid';
    throw new ConfigError(`Configuration error: ${first.property}=${JSON.stringify(raw[first.property])} — ${reason}.`);
  }
  if (!config.JWT_SECRET) {
    if (config.NODE_ENV === 'production') {
      throw new ConfigError('Configuration error: JWT_SECRET must be set in production (32 characters or more).');
    }
    config.JWT_SECRET = devSecret(config.STATE_DIR, 'jwt-secret');
  }
  return config;
}

/** A development secret generated once and kept in STATE_DIR, so restarts keep sessions valid. */
function devSecret(dir: string, name: string): string {
  const file = join(dir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** The Nest injection token under which the validated config is provided. */
export const APP_CONFIG = Symbol('APP_CONFIG');
