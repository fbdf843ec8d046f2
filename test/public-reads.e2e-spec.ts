import { Client } from 'pg';
import { TestUser, organization, regulator } from './support/actors';
import { startApi, TestApi } from './support/http';

/**
 * Public reads run under a statement timeout on a pool of their own: a statement that cannot
 * finish (here: its table is locked by another session) is cancelled and answered 503 with
 * Retry-After, and the process goes on answering. Without the timeout these requests wait for the
 * lock, and the requests' own timeout (far longer than the statement timeout) fails the test.
 */
describe('public reads under a statement timeout', () => {
  let api: TestApi;
  let locker: Client;
  let reg: TestUser;
  const saved = { ...process.env };
  const REQUEST_TIMEOUT_MS = 8000;

  beforeAll(async () => {
    Object.assign(process.env, { PUBLIC_STATEMENT_TIMEOUT_MS: '200' });
    api = await startApi();
    reg = await regulator(api);
    locker = new Client({ connectionString: process.env.DATABASE_URL });
    await locker.connect();
  });
  afterAll(async () => {
    process.env = saved;
    await locker?.query('ROLLBACK').catch(() => undefined);
    await locker?.end();
    await api?.close();
  });

  const PUBLIC_READS: { path: string; query?: Record<string, string>; table: string }[] = [
    { path: '/api/v1/registry/certificates', query: { q: '电子' }, table: 'registry_entries' },
    { path: '/api/v1/registry/certificates/SZS-2099-999999-X', table: 'registry_entries' },
    { path: '/api/v1/registry/export', query: { format: 'csv' }, table: 'registry_entries' },
    { path: '/api/v1/verify/SZS-2026-000002-4', table: 'registry_entries' },
    { path: '/registry', query: { q: '电子' }, table: 'registry_entries' },
    { path: '/api/v1/self-declarations', table: 'self_declarations' },
    { path: '/api/v1/abnormal-operations', table: 'abnormal_operations' },
  ];
  const ask = (r: (typeof PUBLIC_READS)[number]) =>
    api
      .http()
      .get(r.path)
      .query(r.query ?? {})
      .timeout(REQUEST_TIMEOUT_MS);

  it('answers 503 with Retry-After while a public statement cannot finish, and answers again after', async () => {
    const ent = await organization(api, reg, 'enterprise');
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE registry_entries, self_declarations, abnormal_operations IN ACCESS EXCLUSIVE MODE');
    for (const r of PUBLIC_READS) {
      const res = await ask(r);
      expect({ path: r.path, status: res.status }).toEqual({ path: r.path, status: 503 });
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      if (r.path.startsWith('/api/')) {
        expect(res.body.error).toBe('SERVICE_UNAVAILABLE');
        expect(res.body.message).toContain('did not answer in time');
      } else {
        expect(res.headers['content-type']).toContain('text/html');
      }
    }
    // Logged-in work does not wait on the public pool.
    await api.http().get('/api/v1/auth/me').set(ent.auth).timeout(REQUEST_TIMEOUT_MS).expect(200);
    await locker.query('ROLLBACK');
    for (const r of PUBLIC_READS) {
      const res = await ask(r);
      expect({ path: r.path, status: res.status }).toEqual({ path: r.path, status: r.path.includes('/certificates/') ? 404 : 200 });
    }
  });
});
