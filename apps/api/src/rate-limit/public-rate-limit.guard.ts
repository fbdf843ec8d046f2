import { applyDecorators, CanActivate, ExecutionContext, Inject, Injectable, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import type { RateLimiterRedis } from 'rate-limiter-flexible';
import { PrincipalResolver } from '@app/identity';
import { consumeOrRefuse, REDIS, redisRateLimiter } from '@app/persistence';
import { APP_CONFIG, AppConfig } from '@app/shared';

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
    this.anonymous = redisRateLimiter(redis, `${config.REDIS_PREFIX}:rl:public`, config.PUBLIC_RATE_LIMIT_PER_MINUTE, 60);
    this.integrators = redisRateLimiter(redis, `${config.REDIS_PREFIX}:rl:api-key`, config.API_KEY_RATE_LIMIT_PER_MINUTE, 60);
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
    const res = await consumeOrRefuse(limiter.consume(key), 'requests (an API key has a higher quota)');
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
