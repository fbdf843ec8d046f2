import { applyDecorators, CanActivate, ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiExtraModels, ApiHeader, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { ACCESS_RULE, AccessRule, PrincipalResolver } from '@app/identity';
import { REDIS } from '@app/persistence';
import { consumeOrRefuse, LeasedRateLimiter, redisRateLimiter } from '@app/rate-limit';
import { APP_CONFIG, AppConfig, clientKey, ERROR_BODY_CONTENT, ErrorBodyView } from '@app/shared';

/**
 * Which limit a public route counts against:
 * - `public`: PUBLIC_RATE_LIMIT_PER_MINUTE per client address (API_KEY_RATE_LIMIT_PER_MINUTE per key), in Redis;
 * - `export`: the whole-registry export, which reads every entry: EXPORT_RATE_LIMIT_PER_HOUR per
 *   address (EXPORT_API_KEY_RATE_LIMIT_PER_HOUR per key), in Redis;
 * - `local`: the public limit counted in this process's memory, for /health, which must keep
 *   answering (and say so) when Redis is the thing that is down.
 */
export type RateLimitPolicy = 'public' | 'export' | 'local';

const RATE_LIMIT = 'szs:rate-limit';
type RateLimitRule = { policy: RateLimitPolicy } | { exempt: string };

/**
 * Every @Public() route is rate-limited by the global PublicRateLimitGuard, whether or not it says
 * so; this decorator chooses the policy and documents the limit in the API docs.
 */
export const RateLimited = (policy: RateLimitPolicy = 'public', answers: 'json' | 'html' = 'json') =>
  applyDecorators(
    SetMetadata(RATE_LIMIT, { policy } satisfies RateLimitRule),
    ...(policy === 'local' ? [] : [ApiHeader({ name: 'X-API-Key', required: false, description: "an integrator's key: a higher rate limit" })]),
    ApiExtraModels(ErrorBodyView),
    ApiTooManyRequestsResponse({
      description:
        policy === 'export'
          ? 'Export limit reached (EXPORT_RATE_LIMIT_PER_HOUR); Retry-After says when to try again'
          : 'Rate limit reached; Retry-After says when to try again',
      // The API answers the one error body; the pages (PageExceptionFilter) an error page.
      content: answers === 'json' ? ERROR_BODY_CONTENT : { 'text/html': { schema: { type: 'string', description: 'an error page' } } },
    }),
  );

/**
 * The only way out of the public limit, for a route that answers from memory without touching
 * PostgreSQL or Redis (counting it would cost more than answering) or that has a stricter limiter
 * of its own. `why` is there for the reader and the test that lists these routes.
 */
export const NotRateLimited = (why: string) => SetMetadata(RATE_LIMIT, { exempt: why } satisfies RateLimitRule);

interface Bucket {
  anonymous: LeasedRateLimiter;
  integrators: LeasedRateLimiter;
}

/**
 * Global guard (after the access guard): limits every public route, an anonymous client by its
 * address, an integrator by its API key (a higher, configurable quota). Counters live in Redis,
 * shared by every API process, which reserve points in small leases so a busy client costs Redis
 * one call per lease. Routes with credentials are not counted here: they are paid for by an account.
 */
@Injectable()
export class PublicRateLimitGuard implements CanActivate {
  private readonly buckets: Record<Exclude<RateLimitPolicy, 'local'>, Bucket>;
  private readonly local: RateLimiterMemory;
  /** Lookups of API keys that turned out unknown, per address: each cost a database read. */
  private readonly unknownKeys: LeasedRateLimiter;

  constructor(
    @Inject(REDIS) redis: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly principals: PrincipalResolver,
    private readonly reflector: Reflector,
  ) {
    const limiter = (name: string, points: number, seconds: number, what: string) =>
      new LeasedRateLimiter(redisRateLimiter(redis, `${config.REDIS_PREFIX}:rl:${name}`, points, seconds), what);
    const requests = 'requests (an API key has a higher quota)';
    const exports = (limit: string) => `exports of the whole registry (${limit}: each export reads every entry)`;
    this.buckets = {
      public: {
        anonymous: limiter('public', config.PUBLIC_RATE_LIMIT_PER_MINUTE, 60, requests),
        integrators: limiter('api-key', config.API_KEY_RATE_LIMIT_PER_MINUTE, 60, requests),
      },
      export: {
        anonymous: limiter(
          'export',
          config.EXPORT_RATE_LIMIT_PER_HOUR,
          3600,
          exports(`EXPORT_RATE_LIMIT_PER_HOUR is ${config.EXPORT_RATE_LIMIT_PER_HOUR} per address`),
        ),
        integrators: limiter(
          'export-api-key',
          config.EXPORT_API_KEY_RATE_LIMIT_PER_HOUR,
          3600,
          exports(`EXPORT_API_KEY_RATE_LIMIT_PER_HOUR is ${config.EXPORT_API_KEY_RATE_LIMIT_PER_HOUR} per API key`),
        ),
      },
    };
    this.local = new RateLimiterMemory({ points: config.PUBLIC_RATE_LIMIT_PER_MINUTE, duration: 60 });
    this.unknownKeys = limiter('unknown-api-key', config.PUBLIC_RATE_LIMIT_PER_MINUTE, 60, 'requests with an unknown API key');
  }

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    const access = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, targets);
    if (!access?.public) return true;
    const rule = this.reflector.getAllAndOverride<RateLimitRule | undefined>(RATE_LIMIT, targets);
    if (rule && 'exempt' in rule) return true;
    const policy = rule?.policy ?? 'public';

    const http = ctx.switchToHttp();
    const req = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    if (policy === 'local') {
      reply.header('X-RateLimit-Limit', String(this.local.points)).header('X-RateLimit-Remaining', '0');
      const res = await consumeOrRefuse(this.local.consume(clientKey(req.ip)), 'requests from this address');
      reply.header('X-RateLimit-Remaining', String(res.remainingPoints));
      return true;
    }

    const bucket = this.buckets[policy];
    const apiKey = req.headers['x-api-key'];
    let limiter = bucket.anonymous;
    const address = clientKey(req.ip);
    let key = address;
    if (typeof apiKey === 'string' && apiKey) {
      // Resolving a key costs a database read: an address that has sent its quota of unknown keys
      // is refused before it (an integrator with a real key never adds to that count).
      await this.unknownKeys.refuseIfExhausted(address);
      try {
        key = (await this.principals.fromApiKey(apiKey)).apiKeyId!;
        limiter = bucket.integrators;
      } catch (e) {
        // A made-up key cost a database lookup: it is counted as such and against the address, then refused.
        await this.unknownKeys.consume(address).catch(() => undefined);
        await this.buckets.public.anonymous.consume(address);
        throw e;
      }
    }
    reply.header('X-RateLimit-Limit', String(limiter.points)).header('X-RateLimit-Remaining', '0');
    const res = await limiter.consume(key);
    reply.header('X-RateLimit-Remaining', String(res.remainingPoints));
    return true;
  }
}
