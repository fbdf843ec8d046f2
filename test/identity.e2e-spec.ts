import { TestUser, login, member, newCreditCode, organization, PASSWORD, regulator } from './support/actors';
import { startApi, TestApi } from './support/http';

describe('identity and tenancy', () => {
  let api: TestApi;
  let reg: TestUser;

  beforeAll(async () => {
    api = await startApi();
    reg = await regulator(api);
  });
  afterAll(() => api.close());

  it('answers /health with both stores up and a request id', async () => {
    const res = await api.get('/health', { expect: 200 });
    expect(res.body).toEqual({ status: 'ok', checks: { postgres: { status: 'up' }, redis: { status: 'up' } } });
    expect(res.headers['x-request-id']).toMatch(/[0-9a-f-]{36}/);
  });

  it('keeps a sane X-Request-Id from the client and puts it in error bodies', async () => {
    const res = await api.get('/api/v1/auth/me', { auth: { 'X-Request-Id': 'client-trace-12345' }, expect: 401 });
    expect(res.headers['x-request-id']).toBe('client-trace-12345');
    expect(res.body).toMatchObject({ statusCode: 401, error: 'UNAUTHENTICATED', requestId: 'client-trace-12345' });
  });

  it('refuses a credit code with a wrong check character, saying so', async () => {
    const good = newCreditCode();
    const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const res = await api.post('/api/v1/organizations', {
      auth: reg.auth,
      body: { kind: 'enterprise', nameZh: '深圳市错误代码有限公司', creditCode: wrong, address: '深圳市' },
      expect: 400,
    });
    expect(res.body.error).toBe('INVALID_CREDIT_CODE');
    expect(res.body.fields?.[0]?.field).toBe('creditCode');
    expect(res.body.message).toContain('check character is wrong');
    const list = await api.get('/api/v1/organizations', { query: { q: wrong }, auth: reg.auth, expect: 200 });
    expect(list.body.total).toBe(0);
  });

  it('refuses a duplicate credit code with 409 naming the field', async () => {
    const code = newCreditCode();
    const body = { kind: 'enterprise' as const, nameZh: '深圳市重复有限公司', creditCode: code, address: '深圳市' };
    await api.post('/api/v1/organizations', { auth: reg.auth, body, expect: 201 });
    const res = await api.post('/api/v1/organizations', { auth: reg.auth, body, expect: 409 });
    expect(res.body).toMatchObject({ error: 'ALREADY_EXISTS', fields: [{ field: 'creditCode' }] });
  });

  it('refuses unknown and invalid fields with 400 listing each one', async () => {
    // raw: an unknown field and a kind the document does not have
    const res = await api
      .http()
      .post('/api/v1/organizations')
      .set(reg.auth)
      .send({ kind: 'bank', nameZh: 'x', creditCode: newCreditCode(), address: '深圳市', colour: 'red' })
      .expect(400);
    const fields = res.body.fields.map((f: { field: string }) => f.field).sort();
    expect(fields).toEqual(['colour', 'kind', 'nameZh']);
  });

  it('refuses malformed JSON with a 400 JSON body', async () => {
    // raw: not JSON at all
    const res = await api.http().post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{"email":').expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, requestId: expect.any(String) });
  });

  it('logs in, and refuses a wrong password without saying which part was wrong', async () => {
    const ent = await organization(api, reg, 'enterprise');
    const me = await api.get('/api/v1/auth/me', { auth: ent.auth, expect: 200 });
    expect(me.body).toMatchObject({ organizationKind: 'enterprise', roles: ['enterprise_admin'] });
    const res = await api.post('/api/v1/auth/login', { body: { email: ent.email, password: 'wrong-password' }, expect: 401 });
    expect(res.body.error).toBe('INVALID_CREDENTIALS');
  });

  it('rate-limits login attempts per account and address, with Retry-After', async () => {
    const ent = await organization(api, reg, 'enterprise');
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await api.post('/api/v1/auth/login', { body: { email: ent.email, password: `wrong-${i}` }, expect: i < 10 ? 401 : 429 });
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
    // even the right password is refused until the window passes
    await api.post('/api/v1/auth/login', { body: { email: ent.email, password: PASSWORD }, expect: 429 });
  });

  it('gives users only roles their organization kind can hold', async () => {
    const ent = await organization(api, reg, 'enterprise');
    const res = await api.post('/api/v1/users', {
      auth: ent.auth,
      body: { email: 'x-auditor@test.szs', displayName: 'x', password: PASSWORD, roles: ['auditor'] },
      expect: 400,
    });
    expect(res.body.fields?.[0]).toMatchObject({ field: 'roles' });
  });

  it('answers 403 naming the roles needed when the role is wrong', async () => {
    const ent = await organization(api, reg, 'enterprise');
    const m = await member(api, ent, ['enterprise_member']);
    // raw: an empty body (the role is checked before the body)
    const res = await api.http().post('/api/v1/users').set(m.auth).send({}).expect(403);
    expect(res.body).toMatchObject({ error: 'FORBIDDEN_ROLE' });
    expect(res.body.message).toContain('enterprise_admin');
  });

  it('hides other organizations and their users behind 404', async () => {
    const a = await organization(api, reg, 'enterprise');
    const b = await organization(api, reg, 'enterprise');
    const bUser = await member(api, b, ['enterprise_member']);
    const orgB = { id: b.organizationId };
    const userB = { id: bUser.userId };
    await api.get('/api/v1/organizations/{id}', { params: orgB, auth: a.auth, expect: 404 });
    await api.get('/api/v1/organizations/{id}', { params: { id: a.organizationId }, auth: a.auth, expect: 200 });
    await api.get('/api/v1/users/{id}', { params: userB, auth: a.auth, expect: 404 });
    await api.post('/api/v1/users/{id}/deactivate', { params: userB, auth: a.auth, expect: 404 });
    const own = await api.get('/api/v1/organizations', { auth: a.auth, expect: 200 });
    expect(own.body.items.map((o) => o.id)).toEqual([a.organizationId]);
    // the regulator sees everyone
    await api.get('/api/v1/organizations/{id}', { params: orgB, auth: reg.auth, expect: 200 });
    await api.get('/api/v1/users/{id}', { params: userB, auth: reg.auth, expect: 200 });
  });

  it('stops a deactivated user at once', async () => {
    const ent = await organization(api, reg, 'enterprise');
    const m = await member(api, ent, ['enterprise_member']);
    await api.get('/api/v1/auth/me', { auth: m.auth, expect: 200 });
    await api.post('/api/v1/users/{id}/deactivate', { params: { id: m.userId }, auth: ent.auth, expect: 200 });
    await api.get('/api/v1/auth/me', { auth: m.auth, expect: 401 });
  });

  it('issues API keys shown once, stored hashed, revocable, and scoped to their organization', async () => {
    const ent = await organization(api, reg, 'enterprise');
    const other = await organization(api, reg, 'enterprise');
    const created = await api.post('/api/v1/api-keys', { auth: ent.auth, body: { name: 'ERP', roles: ['enterprise_member'] }, expect: 201 });
    const key = created.body.key;
    expect(key).toMatch(/^szs_[0-9a-f]{12}_/);
    const listed = await api.get('/api/v1/api-keys', { auth: ent.auth, expect: 200 });
    expect(JSON.stringify(listed.body)).not.toContain(key);
    expect(listed.body).toMatchObject({ items: [{ id: created.body.id, name: 'ERP', revokedAt: null }], page: 1, pageSize: 20, total: 1 });
    expect((await api.get('/api/v1/api-keys', { query: { page: 2 }, auth: ent.auth, expect: 200 })).body).toMatchObject({ items: [], total: 1 });
    const byKey = { 'X-API-Key': key };
    const me = await api.get('/api/v1/auth/me', { auth: byKey, expect: 200 });
    expect(me.body).toMatchObject({ kind: 'api_key', organizationId: ent.organizationId, roles: ['enterprise_member'] });
    const params = { id: created.body.id };
    await api.post('/api/v1/api-keys/{id}/revoke', { params, auth: other.auth, expect: 404 });
    await api.post('/api/v1/api-keys/{id}/revoke', { params, auth: ent.auth, expect: 200 });
    await api.get('/api/v1/auth/me', { auth: byKey, expect: 401 });
    const stored = await login(api, ent.email);
    expect(stored.organizationId).toBe(ent.organizationId);
  });
});
