import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError } from '@app/shared';

/** A rate limiter whose counters live in Redis, shared by every process of the deployment. */
export function redisRateLimiter(redis: Redis, keyPrefix: string, points: number, durationSeconds: number): RateLimiterRedis {
  return new RateLimiterRedis({ storeClient: redis, useRedisPackage: false, keyPrefix, points, duration: durationSeconds });
}

/**
 * Counts one request; when the limit is reached, refuses with 429 (the error filter sets
 * Retry-After from `retryAfterSeconds`). `what` completes "too many … ".
 */
export async function consumeOrRefuse<T>(attempt: Promise<T>, what: string): Promise<T> {
  try {
    return await attempt;
  } catch (e) {
    if (!(e instanceof RateLimiterRes)) throw e;
    const retryAfterSeconds = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
    throw new DomainError('RATE_LIMITED', `too many ${what}; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
  }
}
