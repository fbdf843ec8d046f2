import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, AppConfig, DomainError } from '@app/shared';
import { REDIS } from '@app/persistence';

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
    const common = { storeClient: redis, duration: config.LOGIN_WINDOW_SECONDS, useRedisPackage: false };
    this.perAccount = new RateLimiterRedis({ ...common, keyPrefix: `${config.REDIS_PREFIX}:rl:login`, points: config.LOGIN_MAX_ATTEMPTS });
    this.perAddress = new RateLimiterRedis({ ...common, keyPrefix: `${config.REDIS_PREFIX}:rl:login-ip`, points: config.LOGIN_MAX_ATTEMPTS * 10 });
  }

  /** Counts one attempt; refuses with 429 and Retry-After once the limit is reached. */
  async attempt(address: string, email: string): Promise<void> {
    try {
      await Promise.all([this.perAccount.consume(`${address}|${email.toLowerCase()}`), this.perAddress.consume(address)]);
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      const retryAfterSeconds = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
      throw new DomainError('RATE_LIMITED', `too many login attempts; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
    }
  }

  /** A successful login forgets that account's failed attempts. */
  async succeeded(address: string, email: string): Promise<void> {
    await this.perAccount.delete(`${address}|${email.toLowerCase()}`);
  }
}
