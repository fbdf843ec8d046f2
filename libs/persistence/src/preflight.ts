import { Client } from 'pg';
import type { AppConfig } from '@app/shared';
import { ConfigError, DEMO_EMAIL_DOMAIN } from '@app/shared';
import { ensureDatabase, postgresUnreachable } from './database';
import { MigrationList, runMigrations } from './migrate';
import { createRedis, deleteKeysWithPrefix, pingRedis, redisUnreachable } from './redis';

/**
 * Before a process starts: both stores answer (or it stops with one sentence saying how to start
 * them), the database exists, the migrations have run, and in production no demo account can log in.
 */
export async function preflight(config: AppConfig, migrations: MigrationList): Promise<string[]> {
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
  const applied = await runMigrations(config.DATABASE_URL, migrations);
  if (config.NODE_ENV === 'production') await refuseDemoAccounts(config.DATABASE_URL);
  return applied;
}

/**
 * A database that once got the demo data (the first docker-compose.yml ran it in production mode)
 * still has its accounts, whose password is published in this repository: anyone could log in as
 * its regulator. Production does not start on it until they are gone.
 */
async function refuseDemoAccounts(databaseUrl: string): Promise<void> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  let emails: string[];
  try {
    // The demo regulator (at the domain itself) first: the account that can do the most.
    const { rows } = await db.query<{ email: string }>(
      `SELECT email FROM users WHERE active AND (lower(email) LIKE '%@' || $1 OR lower(email) LIKE '%.' || $1)
        ORDER BY lower(email) LIKE '%@' || $1 DESC, email`,
      [DEMO_EMAIL_DOMAIN],
    );
    emails = rows.map((r) => r.email);
  } finally {
    await db.end();
  }
  if (!emails.length) return;
  const shown = emails.length > 3 ? `${emails.slice(0, 3).join(', ')}, …` : emails.join(', ');
  throw new ConfigError(
    `Refusing to start with NODE_ENV=production: the database holds ${emails.length} active demo account${emails.length === 1 ? '' : 's'} ` +
      `(${shown}) whose password is published in this repository; deactivate or delete the users whose e-mail address ends in ` +
      `${DEMO_EMAIL_DOMAIN} (psql: UPDATE users SET active = false WHERE email LIKE '%${DEMO_EMAIL_DOMAIN}'), or start from an empty ` +
      'database and create the regulator with "node dist/scripts/bootstrap.js --email … --name-zh … --credit-code …".',
  );
}
