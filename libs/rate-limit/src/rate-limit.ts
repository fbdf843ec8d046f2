import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError } from '@app/shared';

/**
 * A rate limiter whose counters live in Redis, shared by every process of the deployment. With
 * `blockDurationSeconds`, the request that passes the limit blocks the key for that long.
 */
export function redisRateLimiter(redis: Redis, keyPrefix: string, points: number, durationSeconds: number, blockDurationSeconds = 0): RateLimiterRedis {
  return new RateLimiterRedis({
    storeClient: redis,
    useRedisPackage: false,
    keyPrefix,
    points,
    duration: durationSeconds,
    blockDuration: blockDurationSeconds,
  });
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
    throw refusal(e, what);
  }
}

function refusal(res: RateLimiterRes, what: string): DomainError {
  const retryAfterSeconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  return new DomainError('RATE_LIMITED', `too many ${what}; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
}

/** The most points one process reserves at a time, and the share of a limit a lease may be. */
const MAX_LEASE = 100;
const LEASE_SHARE = 0.01;

/**
 * A Redis limit for high-volume routes that reserves points in leases: one Redis round trip
 * takes up to 1 % of the limit (at most 100 points) for this process, and the next requests of
 * the same client are counted in memory until the lease is used or the window ends. Redis still
 * holds the only count, so every process together never lets more than the limit through; a
 * process that stops using a lease only returns it when the window ends, so with P processes a
 * client may be refused up to P leases early. Limits under 200 a window lease one point: exact.
 */
export class LeasedRateLimiter {
  private readonly leases = new LRUCache<string, { left: number; until: number; remaining: number }>({ max: 100_000 });
  private readonly renewing = new Map<string, Promise<{ remainingPoints: number }>>();
  private readonly leaseSize: number;

  constructor(
    private readonly limiter: RateLimiterRedis,
    private readonly what: string,
  ) {
    this.leaseSize = Math.max(1, Math.min(MAX_LEASE, Math.floor(limiter.points * LEASE_SHARE)));
  }

  get points(): number {
    return this.limiter.points;
  }

  /**
   * Refuses (429) a key that has already used up its limit, without counting a request: for a
   * check that must come before costly work whose own count comes later. One Redis read.
   */
  async refuseIfExhausted(key: string): Promise<void> {
    const lease = this.leases.get(key);
    if (lease && lease.left > 0 && lease.until > Date.now()) return;
    const res = await this.limiter.get(key);
    if (res && res.consumedPoints >= this.limiter.points) throw refusal(res, this.what);
  }

  /** Counts one request of `key`: the points it may still use, or 429 (DomainError RATE_LIMITED). */
  async consume(key: string): Promise<{ remainingPoints: number }> {
    for (;;) {
      const lease = this.leases.get(key);
      if (lease && lease.left > 0 && lease.until > Date.now()) {
        lease.left--;
        return { remainingPoints: lease.remaining + lease.left };
      }
      // Requests that arrive while this key's lease is being renewed wait for it, not each their own.
      const renewing = this.renewing.get(key);
      if (!renewing) break;
      await renewing.catch(() => undefined);
    }
    const renewal = this.renew(key);
    this.renewing.set(key, renewal);
    try {
      return await renewal;
    } finally {
      this.renewing.delete(key);
    }
  }

  /** Reserves a lease in Redis and takes its first point. */
  private async renew(key: string): Promise<{ remainingPoints: number }> {
    const asked = Date.now(); // the window ends msBeforeNext after Redis answered, so never later than this + msBeforeNext
    let res: RateLimiterRes;
    try {
      res = await this.limiter.consume(key, this.leaseSize);
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      res = e;
    }
    // Redis counted the whole lease; the part that fits under the limit is this process's to use.
    const granted = Math.min(this.leaseSize, this.limiter.points - (res.consumedPoints - this.leaseSize));
    if (granted < 1) throw refusal(res, this.what);
    const remaining = Math.max(0, res.remainingPoints);
    if (granted > 1) this.leases.set(key, { left: granted - 1, until: asked + res.msBeforeNext, remaining });
    else this.leases.delete(key);
    return { remainingPoints: remaining + granted - 1 };
  }
}
