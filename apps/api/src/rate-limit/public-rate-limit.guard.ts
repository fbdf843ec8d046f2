import { applyDecorators, CanActivate, ExecutionContext, Inject, Injectable, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import { PrincipalResolver } from '@app/identity';
import { LeasedRateLimiter, REDIS, redisRateLimiter } from '@app/persistence';
import { APP_CONFIG, AppConfig } from '@app/shared';

/**
 * Limits the public routes per minute: an anonymous client by its address, an integrator by its
 * API key (a higher, configurable quota). Counters live in Redis, shared by every API process,
 * which reserve points in small leases so a busy client costs Redis one call per lease.
 */
@Injectable()
export class PublicRateLimitGuard implements CanActivate {
  private readonly anonymous: LeasedRateLimiter;
  private readonly integrators: LeasedRateLimiter;

  constructor(
    @Inject(REDIS) redis: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly principals: PrincipalResolver,
  ) {
    const what = 'requests (an API key has a higher quota)';
    this.anonymous = new LeasedRateLimiter(redisRateLimiter(redis, `${config.REDIS_PREFIX}:rl:public`, config.PUBLIC_RATE_LIMIT_PER_MINUTE, 60), what);
    this.integrators = new LeasedRateLimiter(redisRateLimiter(redis, `${config.REDIS_PREFIX}:rl:api-key`, config.API_KEY_RATE_LIMIT_PER_MINUTE, 60), what);
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
    reply.header('X-RateLimit-Limit', String(limiter.points)).header('X-RateLimit-Remaining', '0');
    const res = await limiter.consume(key);
    reply.header('X-RateLimit-Remaining', String(res.remainingPoints));
    return true;
  }
}

/** Marks a public route as rate-limited (and says so in the API docs). */
export const RateLimited = () =>
  applyDecorators(
    UseGuards(PublicRateLimitGuard),
    ApiHeader({ name: 'X-API-Key', required: false, description: "an integrator's key: a higher rate limit" }),
    ApiTooManyRequestsResponse({ description: 'Rate limit reached; Retry-After says when to try again' }),
  );
