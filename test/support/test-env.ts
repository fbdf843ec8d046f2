import { randomBytes } from 'node:crypto';

/**
 * One run, one database and one Redis prefix: runs never collide with each other or with the
 * demo data. global-setup writes them to process.env, which the test workers inherit.
 */
export function testEnvironment(): Record<string, string> {
  const runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const base = new URL(process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  base.pathname = `/szs_test_${runId}`;
  return {
    NODE_ENV: 'test',
    DATABASE_URL: base.toString(),
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: `szs_test_${runId}`,
    JWT_SECRET: randomBytes(48).toString('base64url'),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    STATE_DIR: `/tmp/szs_test_${runId}`,
  };
}
