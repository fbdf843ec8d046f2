import IORedis, { Redis, RedisOptions } from 'ioredis';

export function redisUnreachable(url: string, err: unknown): string {
  const u = new URL(url);
  const reason = err instanceof Error ? err.message : String(err);
  return (
    `Cannot reach Redis at ${u.hostname}:${u.port || 6379} (${reason}); start it with ` +
    `'redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no' or 'docker compose up -d redis', ` +
    `or set REDIS_URL.`
  );
}

/**
 * A Redis connection that fails fast instead of retrying for ever while the process starts;
 * once connected it reconnects with a capped backoff (BullMQ needs maxRetriesPerRequest null).
 */
export function createRedis(url: string, options: RedisOptions = {}): Redis {
  return new IORedis(url, {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    retryStrategy: (times) => Math.min(times * 200, 2000),
    ...options,
  });
}

/** One PING with a short timeout and no retries: used before anything else starts. */
export async function pingRedis(url: string): Promise<void> {
  const client = new IORedis(url, {
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  let lastError: Error | undefined;
  client.on('error', (e: Error) => (lastError = e));
  try {
    await client.connect();
    await client.ping();
  } catch (e) {
    // connect() rejects with "Connection is closed"; the error event carries the cause (ECONNREFUSED...).
    throw lastError ?? e;
  } finally {
    client.disconnect();
  }
}

/** Deletes every key of a prefix (test teardown, never used on a shared prefix). */
export async function deleteKeysWithPrefix(client: Redis, prefix: string): Promise<number> {
  let cursor = '0';
  let deleted = 0;
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) deleted += await client.del(...keys);
  } while (cursor !== '0');
  return deleted;
}
