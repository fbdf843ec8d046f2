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

  it('requires a JWT secret in production', () => {
    expect(() => loadConfig({ ...base, NODE_ENV: 'production' })).toThrow(/JWT_SECRET must be set in production/);
  });
});
