import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, AppConfig, clientKey, DomainError } from '@app/shared';
import { REDIS } from '@app/persistence';
import { consumeOrRefuse, redisRateLimiter } from '@app/rate-limit';

/**
 * The keys a login attempt is counted under. The account's key is the e-mail alone: an attacker
 * who spreads guesses over many addresses still adds to one count.
 */
export function loginKeys(address: string, email: string): { pair: string; address: string; account: string } {
  const account = accountKey(email);
  const client = clientKey(address); // an IPv6 client by its /64, which it can fill with addresses at will
  return { pair: `${client}|${account}`, address: client, account };
}

/** The account's own count is keyed by the e-mail alone. */
const accountKey = (email: string): string => email.trim().toLowerCase();

/** How many times the lock-out's failures a day may bring before only the regulator's unlock (or the next day) helps. */
export const DAILY_FAILURES_FACTOR = 5;
const DAY_SECONDS = 24 * 3600;

/**
 * Login attempts are limited per (address, email) pair and, ten times more loosely, per address,
 * so neither guessing one account's password nor spraying many accounts gets far from one place.
 *
 * Attempts are also counted per account (its e-mail) from any address, and a success forgets
 * them, so the count is the failures since the last success. The attempt after
 * LOGIN_ACCOUNT_MAX_FAILURES of them locks the account for LOGIN_LOCKOUT_SECONDS, even with the
 * right password, until then or an administrator's unlock. Counting before the password is
 * verified (not after a failure) means guesses sent in parallel cannot slip past the limit. An
 * unknown e-mail is counted and locked the same way, so a lock tells nothing about which e-mails
 * exist. Counters live in Redis so every API process shares them.
 *
 * One e-mail may hold accounts in several organizations, and its count is shared so that it
 * says nothing about the others. An administrator who gives someone else's e-mail to an account
 * of their own could then clear the count by logging in to that account or unlocking it; so
 * failures are also counted per day (DAILY_FAILURES_FACTOR times the limit), which only a success
 * of the same attempt takes back and only the regulator's unlock clears.
 */
@Injectable()
export class LoginThrottle {
  private readonly perPair: RateLimiterRedis;
  private readonly perAddress: RateLimiterRedis;
  private readonly perAccount: RateLimiterRedis;
  private readonly perAccountDaily: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    const window = config.LOGIN_WINDOW_SECONDS;
    const prefix = `${config.REDIS_PREFIX}:rl`;
    const failures = config.LOGIN_ACCOUNT_MAX_FAILURES;
    this.perPair = redisRateLimiter(redis, `${prefix}:login`, config.LOGIN_MAX_ATTEMPTS, window);
    this.perAddress = redisRateLimiter(redis, `${prefix}:login-ip`, config.LOGIN_MAX_ATTEMPTS * 10, window);
    this.perAccount = redisRateLimiter(redis, `${prefix}:login-account`, failures, window, config.LOGIN_LOCKOUT_SECONDS);
    this.perAccountDaily = redisRateLimiter(redis, `${prefix}:login-account-day`, failures * DAILY_FAILURES_FACTOR, DAY_SECONDS);
  }

  /**
   * Counts one login attempt; 429 with Retry-After when this address has tried too often or the
   * account is locked. The address's limits come first: an attempt they refuse never reaches the
   * password, so it must not count towards the account's lock-out either (else one address could
   * lock any account in a single burst).
   */
  async attempt(address: string, email: string): Promise<void> {
    const keys = loginKeys(address, email);
    await consumeOrRefuse(Promise.all([this.perPair.consume(keys.pair), this.perAddress.consume(keys.address)]), 'login attempts');
    await this.accountAttempt(email);
  }

  /**
   * Gives back an attempt whose password was never checked (the database could not be asked):
   * people retrying through an outage must not find themselves locked out when it ends.
   */
  async refund(address: string, email: string): Promise<void> {
    const keys = loginKeys(address, email);
    await Promise.all([
      this.perPair.reward(keys.pair, 1),
      this.perAddress.reward(keys.address, 1),
      this.perAccount.reward(keys.account, 1),
      this.perAccountDaily.reward(keys.account, 1),
    ]);
  }

  /** Counts one proof of the account's password (a login, or the current password of a change); 429 ACCOUNT_LOCKED while locked. */
  async accountAttempt(email: string): Promise<void> {
    const key = accountKey(email);
    await this.consumeOrLock(this.perAccount.consume(key), 'or ask an administrator of its organization to unlock it');
    await this.consumeOrLock(this.perAccountDaily.consume(key), 'or ask the regulator to unlock it');
  }

  /**
   * A login with the right password: the account's and the pair's failures are forgotten, and the
   * address gets its point back, so the per-address limit counts failures only (an office of a
   * hundred people behind one NAT address must be able to log in on a Monday morning).
   */
  async succeeded(address: string, email: string): Promise<void> {
    const keys = loginKeys(address, email);
    await Promise.all([this.perPair.delete(keys.pair), this.perAddress.reward(keys.address, 1), this.accountSucceeded(email)]);
  }

  /** The account's password was right: its failures are forgotten (this attempt's daily point is taken back). */
  async accountSucceeded(email: string): Promise<void> {
    const key = accountKey(email);
    await Promise.all([this.perAccount.delete(key), this.perAccountDaily.reward(key, 1)]);
  }

  /** An administrator's unlock (or password reset): the lock and the failures since the last success are forgotten. */
  async unlock(email: string): Promise<void> {
    await this.perAccount.delete(accountKey(email));
  }

  /** The regulator's unlock also clears the day's failures. */
  async unlockFully(email: string): Promise<void> {
    const key = accountKey(email);
    await Promise.all([this.perAccount.delete(key), this.perAccountDaily.delete(key)]);
  }

  private async consumeOrLock(attempt: Promise<unknown>, remedy: string): Promise<void> {
    try {
      await attempt;
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      const retryAfterSeconds = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
      throw new DomainError('ACCOUNT_LOCKED', `this account is locked after too many failed logins; try again in ${retryAfterSeconds} s, ${remedy}`, {
        retryAfterSeconds,
      });
    }
  }
}
