import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { RateLimiterRedis } from 'rate-limiter-flexible';
import { REDIS } from '@app/persistence';
import { consumeOrRefuse, redisRateLimiter } from '@app/rate-limit';
import { APP_CONFIG, AppConfig, clientKey } from '@app/shared';

/**
 * Submissions without login per client address, in Redis so every API process counts together.
 * Consumed after the submission is validated, so a rejected form does not use up the sender's quota.
 */
abstract class SubmissionLimiter {
  private readonly limiter: RateLimiterRedis;

  protected constructor(
    redis: Redis,
    key: string,
    limit: number,
    windowSeconds: number,
    private readonly what: string,
  ) {
    this.limiter = redisRateLimiter(redis, key, limit, windowSeconds);
  }

  async consume(clientAddress: string): Promise<void> {
    await consumeOrRefuse(this.limiter.consume(clientKey(clientAddress)), this.what);
  }
}

/** Misuse reports: MISUSE_REPORT_LIMIT per MISUSE_REPORT_WINDOW_SECONDS. */
@Injectable()
export class MisuseReportLimiter extends SubmissionLimiter {
  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    super(redis, `${config.REDIS_PREFIX}:rl:misuse`, config.MISUSE_REPORT_LIMIT, config.MISUSE_REPORT_WINDOW_SECONDS, 'misuse reports from this address');
  }
}

/** Complaints and complaint look-ups (a look-up guesses at references otherwise): COMPLAINT_LIMIT per COMPLAINT_WINDOW_SECONDS. */
@Injectable()
export class ComplaintLimiter extends SubmissionLimiter {
  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    super(redis, `${config.REDIS_PREFIX}:rl:complaint`, config.COMPLAINT_LIMIT, config.COMPLAINT_WINDOW_SECONDS, 'complaints from this address');
  }
}

/** Comments on group standard drafts: counted with the complaints (COMPLAINT_LIMIT per COMPLAINT_WINDOW_SECONDS), a separate bucket. */
@Injectable()
export class CommentLimiter extends SubmissionLimiter {
  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    super(redis, `${config.REDIS_PREFIX}:rl:comment`, config.COMPLAINT_LIMIT, config.COMPLAINT_WINDOW_SECONDS, 'comments from this address');
  }
}
