import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { RateLimiterRedis } from 'rate-limiter-flexible';
import { REDIS } from '@app/persistence';
import { consumeOrRefuse, redisRateLimiter } from '@app/rate-limit';
import { APP_CONFIG, AppConfig, clientKey } from '@app/shared';

/**
 * Misuse reports per client address (MISUSE_REPORT_LIMIT per MISUSE_REPORT_WINDOW_SECONDS, in
 * Redis so every API process counts together). Consumed after the report is validated, so a
 * rejected form does not use up the reporter's quota.
 */
@Injectable()
export class MisuseReportLimiter {
  private readonly limiter: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    this.limiter = redisRateLimiter(redis, `${config.REDIS_PREFIX}:rl:misuse`, config.MISUSE_REPORT_LIMIT, config.MISUSE_REPORT_WINDOW_SECONDS);
  }

  async consume(clientAddress: string): Promise<void> {
    await consumeOrRefuse(this.limiter.consume(clientKey(clientAddress)), 'misuse reports from this address');
  }
}
