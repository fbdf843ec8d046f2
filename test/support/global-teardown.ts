import IORedis from 'ioredis';
import { dropDatabase } from '../../libs/persistence/src/database';
import { deleteKeysWithPrefix } from '../../libs/persistence/src/redis';

export default async function globalTeardown(): Promise<void> {
  if (process.env.KEEP_TEST_DATABASE !== 'true') await dropDatabase(process.env.DATABASE_URL!);
  const redis = new IORedis(process.env.REDIS_URL!, { maxRetriesPerRequest: 1 });
  try {
    await deleteKeysWithPrefix(redis, process.env.REDIS_PREFIX!);
  } finally {
    redis.disconnect();
  }
}
