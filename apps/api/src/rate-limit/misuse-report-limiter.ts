import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { REDIS } from '@app/persistence';
import { APP_CONFIG, AppConfig, DomainError } from '@app/shared';

/**
 * Misuse reports per client address (MISUSE_REPORT_LIMIT per MISUSE_REPORT_WINDOW_SECONDS, in
 * Redis so every API process counts together). Consumed after the report is validated, so a
 * rejected form does not use up the reporter's quota.
 */
@Injectable()
export class MisuseReportLimiter {
  private readonly limiter: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    this.limiter = new RateLimiterRedis({
      storeClient: redis,
      useRedisPackage: false,
      keyPrefix: `${config.REDIS_PREFIX}:rl:misuse`,
      points: config.MISUSE_REPORT_LIMIT,
      duration: config.MISUSE_REPORT_WINDOW_SECONDS,
    });
  }

  async consume(clientAddress: string): Promise<void> {
    try {
      await this.limiter.consume(clientAddress);
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      const retryAfterSeconds = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
      throw new DomainError('RATE_LIMITED', `too many misuse reports from this address; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
    }
  }
}
