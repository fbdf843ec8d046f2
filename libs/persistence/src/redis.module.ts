import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, AppConfig } from '@app/shared';
import { createRedis, FAIL_FAST_REDIS, redisReady } from './redis';

export const REDIS = Symbol('REDIS');

/**
 * The process's shared Redis client (the counters requests keep, health); BullMQ opens its own.
 * Auto-pipelining sends the commands of every request handled in one event-loop turn as one
 * write: under load that is one round trip for many counter updates instead of one each. It
 * fails fast while Redis is away (requests answer 503 naming Redis), so the process starts
 * only once it is connected, and an outage is logged once, not at every reconnect attempt.
 */
async function sharedRedis(config: AppConfig): Promise<Redis> {
  const logger = new Logger('redis');
  const client = createRedis(config.REDIS_URL, { enableAutoPipelining: true, ...FAIL_FAST_REDIS });
  await redisReady(client, config.REDIS_URL);
  let away = false;
  client.on('error', (e: Error) => {
    if (away) return;
    away = true;
    logger.warn(`Redis is unreachable (${e.message}); requests that need it answer 503 until it is back`);
  });
  client.on('ready', () => {
    if (away) logger.log('Redis is reachable again');
    away = false;
  });
  return client;
}

@Global()
@Module({
  providers: [{ provide: REDIS, inject: [APP_CONFIG], useFactory: sharedRedis }],
  exports: [REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
