import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { RateLimiterRedis } from 'rate-limiter-flexible';
import { APP_CONFIG, AppConfig } from '@app/shared';
import { consumeOrRefuse, REDIS, redisRateLimiter } from '@app/persistence';

/**
 * Login attempts are limited per (address, email) pair and, ten times more loosely, per address,
 * so neither guessing one account's password nor spraying many accounts gets far. Counters live
 * in Redis so every API process shares them.
 */
@Injectable()
export class LoginThrottle {
  private readonly perAccount: RateLimiterRedis;
  private readonly perAddress: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    const window = config.LOGIN_WINDOW_SECONDS;
    this.perAccount = redisRateLimiter(redis, `${config.REDIS_PREFIX}:rl:login`, config.LOGIN_MAX_ATTEMPTS, window);
    this.perAddress = redisRateLimiter(redis, `${config.REDIS_PREFIX}:rl:login-ip`, config.LOGIN_MAX_ATTEMPTS * 10, window);
  }

  /** Counts one attempt; refuses with 429 and Retry-After once the limit is reached. */
  async attempt(address: string, email: string): Promise<void> {
    await consumeOrRefuse(
      Promise.all([this.perAccount.consume(`${address}|${email.toLowerCase()}`), this.perAddress.consume(address)]),
      'login attempts',
    );
  }

  /**
   * Gives back an attempt whose password was never checked (the database could not be asked):
   * people retrying through an outage must not find themselves locked out when it ends.
   */
  async refund(address: string, email: string): Promise<void> {
    await Promise.all([this.perAccount.reward(`${address}|${email.toLowerCase()}`, 1), this.perAddress.reward(address, 1)]);
  }

  /** A successful login forgets that account's failed attempts. */
  async succeeded(address: string, email: string): Promise<void> {
    await this.perAccount.delete(`${address}|${email.toLowerCase()}`);
  }
}
