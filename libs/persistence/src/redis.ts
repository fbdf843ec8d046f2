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
 * A Redis connection that reconnects with a backoff capped at a second, so a restarted Redis is
 * used again within about a second. Commands wait for a reconnect (maxRetriesPerRequest null, as
 * BullMQ needs); the client requests use adds FAIL_FAST_REDIS.
 */
export function createRedis(url: string, options: RedisOptions = {}): Redis {
  return new IORedis(url, {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    retryStrategy: (times) => Math.min(times * 100, 1000),
    ...options,
  });
}

/**
 * For the client requests use (counters, health): while Redis is away a command
 * fails at once instead of queueing until it returns (no offline queue), a command sent just
 * before the connection broke fails after one reconnect attempt, and one that gets no answer
 * (a hung connection) after two seconds. The errors are answered 503 naming Redis.
 */
export const FAIL_FAST_REDIS: RedisOptions = { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 2000 };

/** Resolves once the client is ready (a fail-fast client refuses commands until then). */
export async function redisReady(client: Redis, url: string, timeoutMs = 10_000): Promise<void> {
  if (client.status === 'ready') return;
  let lastError: Error | undefined;
  const onError = (e: Error) => (lastError = e);
  client.on('error', onError);
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(redisUnreachable(url, lastError ?? new Error(`not ready within ${timeoutMs} ms`)))), timeoutMs);
      client.once('ready', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  } finally {
    client.off('error', onError);
  }
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
