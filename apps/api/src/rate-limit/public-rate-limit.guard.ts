import { applyDecorators, CanActivate, ExecutionContext, Inject, Injectable, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { PrincipalResolver } from '@app/identity';
import { REDIS } from '@app/persistence';
import { APP_CONFIG, AppConfig, DomainError } from '@app/shared';

/**
 * Limits the public routes per minute: an anonymous client by its address, an integrator by its
 * API key (a higher, configurable quota). Counters live in Redis, shared by every API process.
 */
@Injectable()
export class PublicRateLimitGuard implements CanActivate {
  private readonly anonymous: RateLimiterRedis;
  private readonly integrators: RateLimiterRedis;

  constructor(
    @Inject(REDIS) redis: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly principals: PrincipalResolver,
  ) {
    const common = { storeClient: redis, duration: 60, useRedisPackage: false };
    this.anonymous = new RateLimiterRedis({ ...common, keyPrefix: `${config.REDIS_PREFIX}:rl:public`, points: config.PUBLIC_RATE_LIMIT_PER_MINUTE });
    this.integrators = new RateLimiterRedis({ ...common, keyPrefix: `${config.REDIS_PREFIX}:rl:api-key`, points: config.API_KEY_RATE_LIMIT_PER_MINUTE });
  }

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const http = ctx.switchToHttp();
    const req = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const apiKey = req.headers['x-api-key'];
    const [limiter, key] =
      typeof apiKey === 'string' && apiKey
        ? [this.integrators, (await this.principals.fromApiKey(apiKey)).apiKeyId!]
        : [this.anonymous, req.ip];
    try {
      const res = await limiter.consume(key);
      reply.header('X-RateLimit-Limit', String(limiter.points)).header('X-RateLimit-Remaining', String(res.remainingPoints));
      return true;
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      const retryAfterSeconds = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
      reply.header('X-RateLimit-Limit', String(limiter.points)).header('X-RateLimit-Remaining', '0');
      throw new DomainError('RATE_LIMITED', `too many requests; try again in ${retryAfterSeconds} s (or use an API key)`, { retryAfterSeconds });
    }
  }
}

/** Marks a public route as rate-limited (and says so in the API docs). */
export const RateLimited = () =>
  applyDecorators(
    UseGuards(PublicRateLimitGuard),
    ApiHeader({ name: 'X-API-Key', required: false, description: "an integrator's key: a higher rate limit" }),
    ApiTooManyRequestsResponse({ description: 'Rate limit reached; Retry-After says when to try again' }),
  );
