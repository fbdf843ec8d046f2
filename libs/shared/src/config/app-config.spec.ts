import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  const base = { STATE_DIR: '/tmp/szs-config-spec' };

  it('has defaults for the local services', () => {
    const c = loadConfig({ ...base });
    expect(c.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/shenzhen_standard');
    expect(c.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(c.PORT).toBe(3000);
    expect(c.JWT_SECRET!.length).toBeGreaterThanOrEqual(32);
  });

  it('keeps the generated development secret across starts', () => {
    expect(loadConfig({ ...base }).JWT_SECRET).toBe(loadConfig({ ...base }).JWT_SECRET);
  });

  it('refuses a bad variable with a sentence naming it', () => {
    expect(() => loadConfig({ ...base, REDIS_URL: 'localhost:6379' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, REDIS_URL: 'localhost:6379' })).toThrow(/REDIS_URL/);
    expect(() => loadConfig({ ...base, PORT: 'abc' })).toThrow(/PORT="abc"/);
  });

  it('has limits for public routes and label codes, and refuses ones that are not positive whole numbers', () => {
    const c = loadConfig({ ...base });
    expect([c.EXPORT_RATE_LIMIT_PER_HOUR, c.EXPORT_API_KEY_RATE_LIMIT_PER_HOUR, c.PUBLIC_STATEMENT_TIMEOUT_MS, c.PUBLIC_DB_POOL_SIZE]).toEqual([10, 60, 500, 10]);
    expect([c.LABEL_CODES_PER_GRANT, c.LABEL_CODES_PER_DAY, c.LABEL_BATCHES_IN_PROGRESS]).toEqual([10_000_000, 2_000_000, 3]);
    expect(loadConfig({ ...base, PUBLIC_STATEMENT_TIMEOUT_MS: '1' }).PUBLIC_STATEMENT_TIMEOUT_MS).toBe(1);
    expect(() => loadConfig({ ...base, PUBLIC_STATEMENT_TIMEOUT_MS: '0' })).toThrow(/PUBLIC_STATEMENT_TIMEOUT_MS="0"/);
    expect(() => loadConfig({ ...base, EXPORT_RATE_LIMIT_PER_HOUR: 'ten' })).toThrow(/EXPORT_RATE_LIMIT_PER_HOUR/);
    expect(() => loadConfig({ ...base, LABEL_BATCHES_IN_PROGRESS: '0' })).toThrow(/LABEL_BATCHES_IN_PROGRESS/);
  });

  it('requires a JWT secret in production', () => {
    expect(() => loadConfig({ ...base, NODE_ENV: 'production' })).toThrow(/JWT_SECRET must be set in production/);
  });
});
