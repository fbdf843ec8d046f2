import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, AppConfig } from '@app/shared';
import { createRedis } from './redis';

export const REDIS = Symbol('REDIS');

/**
 * The process's shared Redis client (rate limits, counterfeit signals, health); BullMQ opens its
 * own. Auto-pipelining sends the commands of every request handled in one event-loop turn as one
 * write: under load that is one round trip for many rate-limit checks instead of one each.
 */
@Global()
@Module({
  providers: [{ provide: REDIS, inject: [APP_CONFIG], useFactory: (c: AppConfig) => createRedis(c.REDIS_URL, { enableAutoPipelining: true }) }],
  exports: [REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
