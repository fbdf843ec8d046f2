import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidationArguments,
  ValidatorConstraint,
  ValidatorConstraintInterface,
  Validate,
  validateSync,
} from 'class-validator';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

import { trustProxyProblem } from './trust-proxy';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

@ValidatorConstraint({ name: 'trustProxy' })
class TrustProxyValue implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && trustProxyProblem(value) === null;
  }

  defaultMessage(args: ValidationArguments): string {
    return trustProxyProblem(String(args.value)) ?? 'is invalid';
  }
}

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
  @Matches(/^[A-Za-z0-9_.:-]{1,64}$/, { message: 'REDIS_PREFIX must be 1-64 letters, digits, _ . : or -' })
  REDIS_PREFIX = 'szs';

  @IsOptional() @IsString() @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @Matches(/^\d+[smhd]$/, { message: 'JWT_TTL must look like 15m, 8h or 1d' })
  JWT_TTL = '8h';

  /** Public verifications and registry reads per minute for one anonymous client address. */
  @Transform(toInt) @IsInt() @Min(1)
  PUBLIC_RATE_LIMIT_PER_MINUTE = 300;

  /** The same for an integrator identified by its API key. */
  @Transform(toInt) @IsInt() @Min(1)
  API_KEY_RATE_LIMIT_PER_MINUTE = 6000;

  /**
   * How long a verification answer may be kept in memory. Changes reach it at once (LISTEN/NOTIFY)
   * and it is never served more than a second after a change commits; 0 turns it off.
   */
  @Transform(toInt) @IsInt() @Min(0)
  REGISTRY_CACHE_SECONDS = 60;

  /** Misuse reports one client address may send per window (no login, so this is what stops a flood). */
  @Transform(toInt) @IsInt() @Min(1)
  MISUSE_REPORT_LIMIT = 5;

  @Transform(toInt) @IsInt() @Min(1)
  MISUSE_REPORT_WINDOW_SECONDS = 600;

  @Transform(toInt) @IsInt() @Min(1)
  LOGIN_MAX_ATTEMPTS = 10;

  @Transform(toInt) @IsInt() @Min(1)
  LOGIN_WINDOW_SECONDS = 900;

  /**
   * Which proxies may tell the API a client's address (X-Forwarded-For): their addresses or CIDR
   * ranges, or the number of proxies in front. Unset: the TCP peer is the client. Read with
   * parseTrustProxy; every limit and counterfeit signal keyed by client address depends on it.
   */
  @IsOptional() @Validate(TrustProxyValue)
  TRUST_PROXY?: string;

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

  /** Attempts per job before it counts as failed (and shows in the failed-jobs view). */
  @Transform(toInt) @IsInt() @Min(1) @Max(50)
  JOB_ATTEMPTS = 5;

  /** First retry delay; each further retry waits twice as long. */
  @Transform(toInt) @IsInt() @Min(10)
  JOB_BACKOFF_MS = 1000;

  /** How long a job's lock lasts without renewal: a killed worker's job is taken over after about this long. */
  @Transform(toInt) @IsInt() @Min(1000)
  JOB_LOCK_MS = 30_000;

  /**
   * Ed25519 private key (PKCS#8 PEM, "\n" escapes allowed) that signs QR tokens; development
   * generates one into STATE_DIR. Checked where the key is parsed (TokenSigner), because a
   * validation message here would print the secret.
   */
  @IsOptional() @IsString()
  SIGNING_PRIVATE_KEY?: string;

  /** Key id ("kid") of the signing key in tokens and the JWKS; derived from the public key when unset. */
  @IsOptional() @Matches(/^[A-Za-z0-9_.-]{1,64}$/, { message: 'SIGNING_KEY_ID must be 1-64 letters, digits, _ . or -' })
  SIGNING_KEY_ID?: string;

  /** Public keys of retired signing keys, as the JWKS JSON published before the rotation: their tokens still verify. */
  @IsOptional() @IsString()
  SIGNING_PREVIOUS_KEYS?: string;

  /** Queues this worker process serves, comma-separated; empty means all of them. */
  @IsOptional() @Matches(/^[a-z-]+(,[a-z-]+)*$/, { message: 'WORKER_QUEUES must be queue names separated by commas' })
  WORKER_QUEUES?: string;

  /** How often the worker sweeps for certificates past their end date (the scheduled jobs' safety net). */
  @Transform(toInt) @IsInt() @Min(1000)
  SWEEP_INTERVAL_MS = 3_600_000;

  /** A label code verified from this many distinct networks within the window is flagged as a likely copy. */
  @Transform(toInt) @IsInt() @Min(2)
  COUNTERFEIT_DISTINCT_NETWORKS = 5;

  @Transform(toInt) @IsInt() @Min(10)
  COUNTERFEIT_WINDOW_SECONDS = 3600;

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

/**
 * The PEM of the key that signs QR tokens: the configured one, or on a development machine an
 * Ed25519 key generated once into STATE_DIR, so tokens printed before a restart still verify.
 */
export function signingPrivateKeyPem(config: AppConfig): string {
  if (config.SIGNING_PRIVATE_KEY) return config.SIGNING_PRIVATE_KEY.replace(/\\n/g, '\n');
  if (config.NODE_ENV === 'production') {
    throw new ConfigError('Configuration error: SIGNING_PRIVATE_KEY must be set in production (an Ed25519 private key in PKCS#8 PEM).');
  }
  return devSigningKey(config.STATE_DIR);
}

function devSigningKey(dir: string): string {
  const file = join(dir, 'signing-key.pem');
  if (existsSync(file)) return readFileSync(file, 'utf8');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  // The API and the worker start together: write aside and link into place, which fails if the
  // other process got there first, so both end up with the same key and never read a half-written file.
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, pem, { mode: 0o600 });
  try {
    linkSync(temp, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    unlinkSync(temp);
  }
  return readFileSync(file, 'utf8');
}

/** The Nest injection token under which the validated config is provided. */
export const APP_CONFIG = Symbol('APP_CONFIG');
