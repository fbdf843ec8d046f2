import 'reflect-metadata';
import { LoginThrottle } from '@app/identity';
import { createRedis, redisReady } from '@app/persistence';
import { ConfigError, loadConfig } from '@app/shared';

/**
 * `node dist/scripts/unlock.js <e-mail>` (npm run unlock -- <e-mail>): an operator lifts the
 * login lock-out of an e-mail, the day's count included — the way back in when every account
 * that could unlock it (the regulator's) is itself locked. Needs only Redis, as the lock-out does.
 */
async function main(): Promise<void> {
  const email = process.argv[2];
  if (!email || process.argv.length > 3 || !/^[^\s@]+@[^\s@]+$/.test(email)) {
    throw new ConfigError('Usage: node dist/scripts/unlock.js <e-mail address of the locked account>');
  }
  const config = loadConfig();
  const redis = createRedis(config.REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    await redisReady(redis, config.REDIS_URL);
    await new LoginThrottle(redis, config).unlockFully(email);
    console.log(`Lifted the login lock-out of ${email.trim().toLowerCase()} (its failed attempts are forgotten).`);
  } finally {
    redis.disconnect();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError || (err instanceof Error && err.message.startsWith('Cannot reach Redis')) ? err.message : err);
  process.exit(1);
});
