import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { RateLimiterRedis } from 'rate-limiter-flexible';
import { APP_CONFIG, AppConfig, DomainError } from '@app/shared';
import { consumeOrRefuse, REDIS, redisRateLimiter } from '@app/persistence';

/**
 * The keys a login attempt is counted under. The account's key is the e-mail alone: an attacker
 * who spreads guesses over many addresses still adds to one count.
 */
export function loginKeys(address: string, email: string): { pair: string; address: string; account: string } {
  const account = email.trim().toLowerCase();
  return { pair: `${address}|${account}`, address, account };
}

/**
 * Login attempts are limited per (address, email) pair and, ten times more loosely, per address,
 * so neither guessing one account's password nor spraying many accounts gets far from one place.
 * Failed attempts are also counted per account from any address; past LOGIN_ACCOUNT_MAX_FAILURES
 * the account is locked for LOGIN_LOCKOUT_SECONDS, even for the right password, until then or an
 * administrator's unlock. An unknown e-mail is counted and locked the same way, so the lock tells
 * nothing about which e-mails exist. Counters live in Redis so every API process shares them.
 */
@Injectable()
export class LoginThrottle {
  private readonly perPair: RateLimiterRedis;
  private readonly perAddress: RateLimiterRedis;
  private readonly accountFailures: RateLimiterRedis;
  private readonly maxFailures: number;
  private readonly lockoutSeconds: number;

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    const window = config.LOGIN_WINDOW_SECONDS;
    this.perPair = redisRateLimiter(redis, `${config.REDIS_PREFIX}:rl:login`, config.LOGIN_MAX_ATTEMPTS, window);
    this.perAddress = redisRateLimiter(redis, `${config.REDIS_PREFIX}:rl:login-ip`, config.LOGIN_MAX_ATTEMPTS * 10, window);
    this.maxFailures = config.LOGIN_ACCOUNT_MAX_FAILURES;
    this.lockoutSeconds = config.LOGIN_LOCKOUT_SECONDS;
    this.accountFailures = redisRateLimiter(redis, `${config.REDIS_PREFIX}:rl:login-account`, this.maxFailures, window);
  }

  /** Refuses a locked account, then counts one attempt from this address; 429 with Retry-After either way. */
  async attempt(address: string, email: string): Promise<void> {
    const keys = loginKeys(address, email);
    await this.assertUnlocked(email);
    await consumeOrRefuse(Promise.all([this.perPair.consume(keys.pair), this.perAddress.consume(keys.address)]), 'login attempts');
  }

  /** 429 ACCOUNT_LOCKED while the account's failures have locked it. */
  async assertUnlocked(email: string): Promise<void> {
    const res = await this.accountFailures.get(loginKeys('', email).account);
    // `block` stores points + 1; fewer consumed points are failures still under the limit.
    if (!res || res.consumedPoints <= this.maxFailures) return;
    const retryAfterSeconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
    throw new DomainError(
      'ACCOUNT_LOCKED',
      `this account is locked after too many failed logins; try again in ${retryAfterSeconds} s, ` +
        'or ask an administrator of its organization to unlock it',
      { retryAfterSeconds },
    );
  }

  /** Counts a wrong password against the account, from wherever it came; the last allowed one locks it. */
  async failed(email: string): Promise<void> {
    const key = loginKeys('', email).account;
    const res = await this.accountFailures.penalty(key, 1);
    if (res.consumedPoints >= this.maxFailures) await this.accountFailures.block(key, this.lockoutSeconds);
  }

  /** A successful login forgets the failed attempts of this account (from this address and from all). */
  async succeeded(address: string, email: string): Promise<void> {
    const keys = loginKeys(address, email);
    await Promise.all([this.perPair.delete(keys.pair), this.accountFailures.delete(keys.account)]);
  }

  /** An administrator's unlock: the account's failures are forgotten and its lock lifted. */
  async unlock(email: string): Promise<void> {
    await this.accountFailures.delete(loginKeys('', email).account);
  }
}
