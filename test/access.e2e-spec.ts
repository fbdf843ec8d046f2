import { randomUUID } from 'node:crypto';
import { requiresCredentials } from '@app/identity';
import { startApi, TestApi } from './support/http';

/** Routes that anyone may call without credentials; every other route must answer 401 to them. */
const PUBLIC = new Set([
  'GET /health',
  'POST /api/v1/auth/login',
  // the console's session: signing in, asking who is signed in (401 without a cookie), signing out
  'POST /api/v1/auth/session',
  'GET /api/v1/auth/session',
  'DELETE /api/v1/auth/session',
  'GET /api/v1/self-declarations',
  'GET /api/v1/self-declarations/{id}',
  // the self-declaration directory and the frontrunner rankings and lists
  'GET /api/v1/public/self-declarations',
  'GET /api/v1/public/self-declarations/{id}',
  'GET /api/v1/public/frontrunners/ranking',
  'GET /api/v1/public/frontrunner-lists',
  'GET /api/v1/public/frontrunner-lists/{id}',
  'GET /declarations',
  'GET /declarations/{id}',
  'GET /frontrunners',
  'GET /frontrunners/{id}',
  'GET /api/v1/abnormal-operations',
  // an enterprise's public credit page, by its credit code
  'GET /api/v1/public/credit/{creditCode}',
  // the serious-violation listings on display, and the laboratory register with its scope lines
  'GET /api/v1/public/serious-violations',
  'GET /api/v1/public/laboratories',
  'GET /api/v1/public/laboratories/{cnasNumber}',
  'GET /api/v1/public/laboratories/{cnasNumber}/scope-lines',
  'GET /laboratories',
  'GET /laboratories/{cnasNumber}',
  'GET /credit',
  'GET /credit/{creditCode}',
  'GET /api/v1/verify/{code}',
  'GET /.well-known/jwks.json',
  'GET /api/v1/verify/token/{token}',
  'GET /v/{token}',
  'GET /api/v1/registry/certificates',
  'GET /api/v1/registry/certificates/{number}',
  'GET /api/v1/registry/changes',
  'GET /api/v1/registry/export',
  'POST /api/v1/misuse-reports',
  // complaints from anyone, and the complainant's look-up by reference and e-mail
  'POST /api/v1/public/complaints',
  'POST /api/v1/public/complaints/lookup',
  // the group standards directory, and comments on a draft out for comment (issue 12)
  'GET /api/v1/public/group-standards',
  'GET /api/v1/public/group-standards/{id}',
  'POST /api/v1/public/group-standards/{id}/comments',
  'GET /group-standards',
  'GET /group-standards/{id}',
  'POST /group-standards/{id}/comments',
  // random inspections: plans with their commitment, seed, draw and published results, and the re-run check (issue 12)
  'GET /api/v1/public/inspection-plans',
  'GET /api/v1/public/inspection-plans/{id}',
  'GET /api/v1/public/inspection-plans/{id}/verify',
  'GET /inspections',
  'GET /inspections/{id}',
  'GET /',
  'GET /verify',
  'GET /registry',
  'GET /registry/{number}',
  'GET /report',
  'POST /report',
  'GET /complaint',
  'POST /complaint',
  'GET /complaint/status',
  'POST /complaint/status',
]);

describe('access is denied by default', () => {
  let api: TestApi;
  let operations: { method: string; path: string; secured: boolean }[];

  beforeAll(async () => {
    api = await startApi();
    const doc = (await api.http().get('/api/docs-json').expect(200)).body;
    operations = Object.entries(doc.paths as Record<string, Record<string, { security?: Record<string, unknown>[] }>>).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, secured: requiresCredentials(op.security) })),
    );
  });
  afterAll(() => api.close());

  it('documents every route as either public or secured, matching the allow-list of open routes', () => {
    expect(operations.length).toBeGreaterThan(20);
    const open = operations
      .filter((o) => !o.secured)
      .map((o) => `${o.method} ${o.path}`)
      .sort();
    expect(open).toEqual([...PUBLIC].filter((p) => open.includes(p)).sort());
  });

  it('answers 401 to every secured route called without credentials', async () => {
    for (const op of operations.filter((o) => o.secured)) {
      const url = op.path.replace(/\{[^}]+\}/g, () => randomUUID());
      const res = await api.http()[op.method.toLowerCase() as 'get'](url).send({});
      expect({ route: `${op.method} ${op.path}`, status: res.status }).toEqual({ route: `${op.method} ${op.path}`, status: 401 });
    }
  });

  it('answers 401 to a forged bearer token', async () => {
    const res = await api.get('/api/v1/auth/me', {
      auth: { Authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl' },
      expect: 401,
    });
    expect(res.body.error).toBe('UNAUTHENTICATED');
  });

  it('serves the API docs page', async () => {
    const res = await api.http().get('/api/docs').expect(200);
    expect(res.text).toContain('swagger');
  });
});
