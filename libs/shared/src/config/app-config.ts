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
import { dirname, join } from 'node:path';
import { IsNetworkList } from './network-list';

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

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
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

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @Matches(/^\d+[smhd]$/, { message: 'JWT_TTL must look like 15m, 8h or 1d' })
  JWT_TTL = '8h';

  /** Public verifications and registry reads per minute for one anonymous client address. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  PUBLIC_RATE_LIMIT_PER_MINUTE = 300;

  /** The same for an integrator identified by its API key. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  API_KEY_RATE_LIMIT_PER_MINUTE = 6000;

  /** Whole-registry exports per hour for one anonymous client address: each one reads every entry. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  EXPORT_RATE_LIMIT_PER_HOUR = 10;

  /** The same for an integrator identified by its API key. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  EXPORT_API_KEY_RATE_LIMIT_PER_HOUR = 60;

  /**
   * How long a public read (registry, verification, pages, self-declarations, abnormal operations)
   * may run in PostgreSQL before it is cancelled and answered 503: no public request holds a
   * connection for longer.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(60_000)
  PUBLIC_STATEMENT_TIMEOUT_MS = 500;

  /** Connections of that pool per API process (opened only when public reads come). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  PUBLIC_DB_POOL_SIZE = 10;

  /**
   * How long a verification answer may be kept in memory. Changes reach it at once (LISTEN/NOTIFY)
   * and it is never served more than a second after a change commits; 0 turns it off.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  REGISTRY_CACHE_SECONDS = 60;

  /** Label codes one mark grant may issue in all (over every batch). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LABEL_CODES_PER_GRANT = 10_000_000;

  /** Label codes one enterprise may order per day (Beijing time). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LABEL_CODES_PER_DAY = 2_000_000;

  /** Label batches of one enterprise that may be waiting for the worker at once. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LABEL_BATCHES_IN_PROGRESS = 3;

  /** Misuse reports one client address may send per window (no login, so this is what stops a flood). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  MISUSE_REPORT_LIMIT = 5;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  MISUSE_REPORT_WINDOW_SECONDS = 600;

  /** Complaints one client address may send without logging in per window (as misuse reports: no login, so this stops a flood). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  COMPLAINT_LIMIT = 5;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  COMPLAINT_WINDOW_SECONDS = 600;

  /** Days after a body's decision (a refusal, suspension, scope reduction, withdrawal) within which the enterprise may appeal it. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  APPEAL_PERIOD_DAYS = 30;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_ATTEMPTS = 10;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_WINDOW_SECONDS = 900;

  /**
   * Failed logins of one account (its e-mail), from any address, within LOGIN_WINDOW_SECONDS
   * before the account is locked; the address plays no part, so many addresses do not help.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_ACCOUNT_MAX_FAILURES = 20;

  /** How long a locked account stays locked, unless an administrator unlocks it sooner. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_LOCKOUT_SECONDS = 900;

  /**
   * Which proxies may tell the API a client's address (X-Forwarded-For): their addresses or CIDR
   * ranges, or the number of proxies in front. Unset: the TCP peer is the client. Read with
   * parseTrustProxy; every limit and counterfeit signal keyed by client address depends on it.
   */
  @IsOptional()
  @Validate(TrustProxyValue)
  TRUST_PROXY?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Matches(/^https?:\/\/[^/]+.*$/, { message: 'PUBLIC_BASE_URL must be an http(s) URL' })
  PUBLIC_BASE_URL = 'http://localhost:3000';

  /** How often the dispatcher looks for outbox rows when no notification woke it. */
  @Transform(toInt)
  @IsInt()
  @Min(50)
  OUTBOX_POLL_MS = 1000;

  /** How often the reconciler re-enqueues dispatched work that Redis no longer knows. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  RECONCILE_INTERVAL_MS = 15_000;

  /** A dispatched row older than this without completion is checked against BullMQ. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  RECONCILE_AFTER_MS = 30_000;

  /** Jobs one worker process runs at once per queue. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  WORKER_CONCURRENCY = 8;

  /** Attempts per job before it counts as failed (and shows in the failed-jobs view). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  JOB_ATTEMPTS = 5;

  /** First retry delay; each further retry waits twice as long. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  JOB_BACKOFF_MS = 1000;

  /** How long a job's lock lasts without renewal: a killed worker's job is taken over after about this long. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  JOB_LOCK_MS = 30_000;

  /**
   * Ed25519 private key (PKCS#8 PEM, "\n" escapes allowed) that signs QR tokens; development
   * generates one into STATE_DIR. Checked where the key is parsed (TokenSigner), because a
   * validation message here would print the secret.
   */
  @IsOptional()
  @IsString()
  SIGNING_PRIVATE_KEY?: string;

  /** Key id ("kid") of the signing key in tokens and the JWKS; derived from the public key when unset. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_.-]{1,64}$/, { message: 'SIGNING_KEY_ID must be 1-64 letters, digits, _ . or -' })
  SIGNING_KEY_ID?: string;

  /** Public keys of retired signing keys, as the JWKS JSON published before the rotation: their tokens still verify. */
  @IsOptional()
  @IsString()
  SIGNING_PREVIOUS_KEYS?: string;

  /** Queues this worker process serves, comma-separated; empty means all of them. */
  @IsOptional()
  @Matches(/^[a-z-]+(,[a-z-]+)*$/, { message: 'WORKER_QUEUES must be queue names separated by commas' })
  WORKER_QUEUES?: string;

  /** How often the worker sweeps for certificates past their end date (the scheduled jobs' safety net). */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  SWEEP_INTERVAL_MS = 3_600_000;

  /**
   * Days a certificate has, after its standard is superseded, to pass a delta audit against the new
   * version (else the daily sweep suspends it: transition_not_completed).
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  STANDARD_TRANSITION_DAYS = 365;

  /**
   * Days after a certificate's surveillance due date before the sweep suspends it
   * (surveillance_not_performed) when no surveillance audit has passed for that cycle.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(365)
  SURVEILLANCE_GRACE_DAYS = 30;

  /** Days ahead of its due date that the sweep has a certificate's surveillance audit planned. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  SURVEILLANCE_HORIZON_DAYS = 60;

  /** The longest voluntary suspension a holder may ask for, in days from today (Beijing). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(366)
  VOLUNTARY_SUSPENSION_MAX_DAYS = 180;

  /** A label code verified from this many distinct networks within the window is flagged as a likely copy. */
  @Transform(toInt)
  @IsInt()
  @Min(2)
  COUNTERFEIT_DISTINCT_NETWORKS = 5;

  @Transform(toInt)
  @IsInt()
  @Min(10)
  COUNTERFEIT_WINDOW_SECONDS = 3600;

  /**
   * Networks webhooks may be delivered to although the address rules refuse them (loopback,
   * private, link-local...): CIDRs separated by commas, e.g. a receiver in the operator's own
   * network. Empty: only public addresses.
   */
  @IsNetworkList()
  WEBHOOK_ALLOWED_NETWORKS = '';

  /** Webhook subscriptions an organization may hold at once (active or paused). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  WEBHOOK_MAX_SUBSCRIPTIONS = 10;

  /** A subscription whose deliveries failed for good this many times in a row is paused. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  WEBHOOK_PAUSE_AFTER_FAILURES = 10;

  /**
   * Largest evidence file (corrective-action evidence, test report) one upload may carry, in
   * bytes. Uploads stream into PostgreSQL in chunks, so this bounds the database's growth per
   * request, not the API's memory.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(1_073_741_824)
  EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

  /**
   * Evidence files an organization may hold unattached at once (uploaded, not yet attached to an
   * answer or a finding): with the size limit, what one organization can park in the database
   * before the sweep removes uploads older than EVIDENCE_UNATTACHED_HOURS.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100_000)
  EVIDENCE_UNATTACHED_PER_ORGANIZATION = 100;

  /**
   * Evidence uploads one API process receives at once. Each holds a database connection (and its
   * transaction) while its bytes arrive, so this stays well under the pool's 20: slow uploads can
   * never starve the other requests. Beyond it: 429 with Retry-After.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(16)
  EVIDENCE_UPLOADS_AT_ONCE = 4;

  /** An upload that sends nothing for this long is refused and its connection freed (a client gone or stalling on purpose). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(600)
  EVIDENCE_UPLOAD_IDLE_SECONDS = 30;

  /** How long an unattached evidence file is kept before the worker's sweep removes it. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  EVIDENCE_UNATTACHED_HOURS = 24;

  /**
   * The SMTP server notifications are sent through (smtp:// or smtps://, user and password in the
   * URL when it needs them). Unset: people are told in the console's inbox only.
   */
  @IsOptional()
  @Matches(/^smtps?:\/\/[^\s/?#]+\/?$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL (smtps://user:password@host:465)' })
  SMTP_URL?: string;

  /** The sender of notification e-mails: an address, or a name and an address in angle brackets. */
  @Matches(/^[^\r\n]{3,200}$/, { message: 'MAIL_FROM must be one line of 3-200 characters' })
  @Matches(/^([^<>]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/, { message: 'MAIL_FROM must be name@host or "Name <name@host>"' })
  MAIL_FROM = '深圳标准认证平台 <no-reply@szs.example.cn>';

  /** Where a development machine keeps generated secrets: outside the repository. */
  @IsString()
  STATE_DIR = join(homedir(), '.local', 'state', 'shenzhen-standard');
}

export class ConfigError extends Error {}

/** Variables whose value never appears in a message: a refusal ends up in logs. */
const SECRET_VARIABLES = new Set(['JWT_SECRET', 'SIGNING_PRIVATE_KEY']);

/**
 * JWT secrets that have been published in this repository (the first docker-compose.yml's
 * fallback) and placeholders of the kind examples use: anyone can read them, so production
 * refuses them whatever their length.
 */
const PUBLISHED_JWT_SECRETS = new Set(['local-compose-secret-change-me-0123456789abcdef']);
const PLACEHOLDER = /change[-_ .]?me|replace[-_ .]?me|example|placeholder/i;

export function isPublishedSecret(secret: string): boolean {
  return PUBLISHED_JWT_SECRETS.has(secret) || PLACEHOLDER.test(secret);
}

/**
 * A value with the password of a URL in it replaced by ***: a malformed DATABASE_URL or REDIS_URL
 * is shown in the refusal, and in production it carries the database password. Malformed means the
 * scheme may be wrong or missing, so this does not parse: everything from "user:" (after the
 * scheme, if any) to the last "@" is taken as the password, and one containing "@" or "/" is
 * hidden whole.
 */
export function maskUrlPassword(value: string): string {
  return value.replace(/^((?:[A-Za-z][A-Za-z0-9+.-]*:\/*)?[^:@/]*:)[^]*@/, '$1***@');
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const raw: Record<string, unknown> = {};
  for (const key of known) if (env[key] !== undefined && env[key] !== '') raw[key] = env[key];
  const config = plainToInstance(AppConfig, raw);
  const errors = validateSync(config, { forbidUnknownValues: true });
  if (errors.length) {
    const first = errors[0];
    const reason =
      Object.values(first.constraints ?? {})
        .reverse()
        .join('; ') || 'is invalid';
    const value = raw[first.property];
    const shown = SECRET_VARIABLES.has(first.property) ? '' : `=${JSON.stringify(typeof value === 'string' ? maskUrlPassword(value) : value)}`;
    throw new ConfigError(`Configuration error: ${first.property}${shown} — ${reason}.`);
  }
  if (!config.JWT_SECRET) {
    if (config.NODE_ENV === 'production') {
      throw new ConfigError('Configuration error: JWT_SECRET must be set in production (32 characters or more).');
    }
    config.JWT_SECRET = devSecret(config.STATE_DIR, 'jwt-secret');
  } else if (config.NODE_ENV === 'production' && isPublishedSecret(config.JWT_SECRET)) {
    throw new ConfigError(
      'Configuration error: JWT_SECRET is a value published in this repository or an example placeholder, so anyone could sign ' +
        'logins with it; set a secret of your own in production (for example the output of "openssl rand -base64 48").',
    );
  }
  return config;
}

/** A development secret generated once and kept in STATE_DIR, so restarts keep sessions valid. */
function devSecret(dir: string, name: string): string {
  return writeOnce(join(dir, name), () => randomBytes(48).toString('base64url')).trim();
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
  return writeOnce(join(dir, 'signing-key.pem'), () => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
}

/** The file's content, generated and written first when the file does not exist yet. */
function writeOnce(file: string, generate: () => string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8');
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  // The API and the worker (or the containers sharing a state volume) start together: write aside
  // and link into place, which fails if another process got there first, so all of them end up
  // with the same secret and none reads a half-written file.
  // Random, not the pid: containers each run as pid 1.
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(temp, generate(), { mode: 0o600 });
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
