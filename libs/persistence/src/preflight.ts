import type { MixedList } from 'typeorm';
import type { AppConfig } from '@app/shared';
import { ConfigError } from '@app/shared';
import { ensureDatabase, postgresUnreachable } from './database';
import { runMigrations } from './migrate';
import { createRedis, deleteKeysWithPrefix, pingRedis, redisUnreachable } from './redis';

/**
 * Before a process starts: both stores answer (or it stops with one sentence saying how to start
 * them), the database exists, and the migrations have run.
 */
export async function preflight(config: AppConfig, migrations: MixedList<Function>): Promise<string[]> {
  let created: boolean;
  try {
    created = await ensureDatabase(config.DATABASE_URL);
  } catch (e) {
    throw new ConfigError(postgresUnreachable(config.DATABASE_URL, e));
  }
  try {
    await pingRedis(config.REDIS_URL);
  } catch (e) {
    throw new ConfigError(redisUnreachable(config.REDIS_URL, e));
  }
  if (created) {
    // Jobs are named after outbox ids; a new database restarts those ids, so queue state left in
    // Redis by an earlier database under the same prefix would make new jobs look done already.
    const redis = createRedis(config.REDIS_URL);
    try {
      await deleteKeysWithPrefix(redis, config.REDIS_PREFIX);
    } finally {
      redis.disconnect();
    }
  }
  return runMigrations(config.DATABASE_URL, migrations);
}
