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
    expect([c.EXPORT_RATE_LIMIT_PER_HOUR, c.EXPORT_API_KEY_RATE_LIMIT_PER_HOUR, c.PUBLIC_STATEMENT_TIMEOUT_MS, c.PUBLIC_DB_POOL_SIZE]).toEqual([
      10, 60, 500, 10,
    ]);
    expect([c.LABEL_CODES_PER_GRANT, c.LABEL_CODES_PER_DAY, c.LABEL_BATCHES_IN_PROGRESS]).toEqual([10_000_000, 2_000_000, 3]);
    expect(loadConfig({ ...base, PUBLIC_STATEMENT_TIMEOUT_MS: '1' }).PUBLIC_STATEMENT_TIMEOUT_MS).toBe(1);
    expect(() => loadConfig({ ...base, PUBLIC_STATEMENT_TIMEOUT_MS: '0' })).toThrow(/PUBLIC_STATEMENT_TIMEOUT_MS="0"/);
    expect(() => loadConfig({ ...base, EXPORT_RATE_LIMIT_PER_HOUR: 'ten' })).toThrow(/EXPORT_RATE_LIMIT_PER_HOUR/);
    expect(() => loadConfig({ ...base, LABEL_BATCHES_IN_PROGRESS: '0' })).toThrow(/LABEL_BATCHES_IN_PROGRESS/);
  });

  it('never prints the password of a malformed DATABASE_URL or REDIS_URL', () => {
    const cases: [string, string, string][] = [
      ['DATABASE_URL', 'postgress://szs:s3cretPw@postgres:5432/shenzhen_standard', 'postgress://szs:***@postgres:5432/shenzhen_standard'],
      ['DATABASE_URL', 'szs:s3cretPw@postgres:5432/shenzhen_standard', 'szs:***@postgres:5432/shenzhen_standard'],
      ['DATABASE_URL', 'pg://szs:s3cret@Pw/x@postgres/db', 'pg://szs:***@postgres/db'],
      ['REDIS_URL', 'redis:/:s3cretPw@redis:6379', 'redis:/:***@redis:6379'],
    ];
    for (const [name, value, masked] of cases) {
      let message = '';
      try {
        loadConfig({ ...base, [name]: value });
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        message = (e as Error).message;
      }
      expect(message).toContain(`${name}="${masked}"`);
      expect(message).not.toContain('s3cret');
    }
    // Nothing to hide: shown as given.
    expect(() => loadConfig({ ...base, REDIS_URL: 'localhost:6379' })).toThrow('REDIS_URL="localhost:6379"');
  });

  it('requires a JWT secret in production', () => {
    expect(() => loadConfig({ ...base, NODE_ENV: 'production' })).toThrow(/JWT_SECRET must be set in production/);
  });

  it('refuses in production the JWT secret the first docker-compose.yml published, naming the variable but not the secret', () => {
    const published = 'local-compose-secret-change-me-0123456789abcdef';
    const refusal = () => loadConfig({ ...base, NODE_ENV: 'production', JWT_SECRET: published });
    expect(refusal).toThrow(ConfigError);
    expect(refusal).toThrow(/JWT_SECRET is a value published in this repository/);
    expect(refusal).not.toThrow(new RegExp(published));
  });

  it('refuses in production a placeholder secret of the kind examples use', () => {
    for (const secret of ['please-change-me-0123456789abcdef0123456789', 'CHANGEME-CHANGEME-CHANGEME-CHANGEME', 'example-secret-0123456789abcdef0123456789']) {
      expect(() => loadConfig({ ...base, NODE_ENV: 'production', JWT_SECRET: secret })).toThrow(/JWT_SECRET is a value published/);
    }
  });

  it('accepts a secret of its own in production, and the published one in development', () => {
    const own = 'k3Jd9_Qp2LwZr8Xv0NfYt6Hs4Bm1Ca7Ue5Gi0Oj2Pk9R';
    expect(loadConfig({ ...base, NODE_ENV: 'production', JWT_SECRET: own }).JWT_SECRET).toBe(own);
    const published = 'local-compose-secret-change-me-0123456789abcdef';
    expect(loadConfig({ ...base, JWT_SECRET: published }).JWT_SECRET).toBe(published);
  });

  it('never prints a secret that fails validation', () => {
    const short = 'short-secret-value';
    expect(() => loadConfig({ ...base, JWT_SECRET: short })).toThrow(/JWT_SECRET — JWT_SECRET must be at least 32 characters/);
    expect(() => loadConfig({ ...base, JWT_SECRET: short })).not.toThrow(new RegExp(short));
  });
});

describe('evidence file settings', () => {
  const base = { STATE_DIR: '/tmp/szs-config-spec' };

  it('allows 20 MiB per file, 100 unattached files per organization, kept 24 h, and refuses a limit below 1 KiB', () => {
    const c = loadConfig({ ...base });
    expect([c.EVIDENCE_MAX_BYTES, c.EVIDENCE_UNATTACHED_PER_ORGANIZATION, c.EVIDENCE_UNATTACHED_HOURS]).toEqual([20 * 1024 * 1024, 100, 24]);
    expect(loadConfig({ ...base, EVIDENCE_MAX_BYTES: '1048576' }).EVIDENCE_MAX_BYTES).toBe(1_048_576);
    expect(() => loadConfig({ ...base, EVIDENCE_MAX_BYTES: '100' })).toThrow(/EVIDENCE_MAX_BYTES="100"/);
    expect(() => loadConfig({ ...base, EVIDENCE_UNATTACHED_PER_ORGANIZATION: '0' })).toThrow(/EVIDENCE_UNATTACHED_PER_ORGANIZATION/);
  });
});

describe('webhook settings', () => {
  const base = { STATE_DIR: '/tmp/szs-config-spec' };

  it('allows no private network by default and reads a list of CIDRs', () => {
    expect(loadConfig({ ...base }).WEBHOOK_ALLOWED_NETWORKS).toBe('');
    expect(loadConfig({ ...base, WEBHOOK_ALLOWED_NETWORKS: '127.0.0.1/32, 10.20.0.0/16,fd00::/8,192.0.2.7' }).WEBHOOK_ALLOWED_NETWORKS).toContain(
      '10.20.0.0/16',
    );
  });

  it('refuses a network list with an item that is not a CIDR, naming the item', () => {
    expect(() => loadConfig({ ...base, WEBHOOK_ALLOWED_NETWORKS: '127.0.0.1/32,10.0.0.300/8' })).toThrow(
      /WEBHOOK_ALLOWED_NETWORKS=.*'10\.0\.0\.300\/8' is not a CIDR/,
    );
    expect(() => loadConfig({ ...base, WEBHOOK_ALLOWED_NETWORKS: '10.0.0.0/33' })).toThrow(/WEBHOOK_ALLOWED_NETWORKS/);
  });

  it('takes an smtp(s) URL for notification e-mail, masking its password in a refusal, and a one-line sender', () => {
    expect(loadConfig({ ...base }).SMTP_URL).toBeUndefined();
    expect(loadConfig({ ...base, SMTP_URL: 'smtps://mailer:s3cret@smtp.example.cn:465' }).SMTP_URL).toBe('smtps://mailer:s3cret@smtp.example.cn:465');
    expect(() => loadConfig({ ...base, SMTP_URL: 'http://mailer:s3cret@smtp.example.cn' })).toThrow(/SMTP_URL="http:\/\/mailer:\*\*\*@smtp.example.cn"/);
    expect(loadConfig({ ...base }).MAIL_FROM).toMatch(/<no-reply@.+>$/);
    expect(() => loadConfig({ ...base, MAIL_FROM: 'a@b.cn\r\nBcc: x@y.cn' })).toThrow(/MAIL_FROM/);
    expect(() => loadConfig({ ...base, MAIL_FROM: 'nobody' })).toThrow(/MAIL_FROM/);
  });

  it('refuses a subscription cap or pause threshold below 1', () => {
    expect(() => loadConfig({ ...base, WEBHOOK_MAX_SUBSCRIPTIONS: '0' })).toThrow(/WEBHOOK_MAX_SUBSCRIPTIONS/);
    expect(() => loadConfig({ ...base, WEBHOOK_PAUSE_AFTER_FAILURES: '0' })).toThrow(/WEBHOOK_PAUSE_AFTER_FAILURES/);
  });
});
