import { organization, PASSWORD, regulator, TestUser } from './support/actors';
import { startApi, TestApi } from './support/http';

/** The console's session (an HttpOnly cookie) and how the API serves the console's files. */
describe('console session and files', () => {
  let api: TestApi;
  let enterprise: TestUser;

  beforeAll(async () => {
    api = await startApi();
    const reg = await regulator(api);
    enterprise = await organization(api, reg, 'enterprise', '深圳市会话测试有限公司', 'Session Test Co.');
  });
  afterAll(() => api.close());

  const signIn = async () => {
    const res = await api.post('/api/v1/auth/session', { body: { email: enterprise.email, password: PASSWORD }, expect: 200 });
    const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    const cookie = setCookie.find((c) => c.startsWith('szs_session='));
    return { res, setCookie: cookie!, cookie: cookie!.split(';')[0] };
  };

  it('signs in with a cookie no script can read, that ends with the browser, and never answers the token', async () => {
    const { res, setCookie } = await signIn();
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).not.toMatch(/Expires|Max-Age/i);
    expect(JSON.stringify(res.body)).not.toContain(setCookie.split(';')[0].split('=')[1]);
    expect(res.body).toMatchObject({ organizationName: '深圳市会话测试有限公司', organizationNameEn: 'Session Test Co.', user: { email: enterprise.email } });
    expect(Date.parse(res.body.expiresAt)).toBeGreaterThan(Date.now());
  });

  it('answers who is signed in, and 401 without a session', async () => {
    const { cookie } = await signIn();
    const me = await api.get('/api/v1/auth/session', { auth: { Cookie: cookie }, expect: 200 });
    expect(me.body.user.organizationKind).toBe('enterprise');
    await api.get('/api/v1/auth/session', { expect: 401 });
    await api.get('/api/v1/auth/session', { auth: { Cookie: 'szs_session=forged.token.value' }, expect: 401 });
  });

  it('reads with the cookie, and changes only with the console header (a cross-site form cannot add it)', async () => {
    const { cookie } = await signIn();
    await api.get('/api/v1/applications', { auth: { Cookie: cookie }, expect: 200 });
    const refused = await api.post('/api/v1/api-keys', {
      auth: { Cookie: cookie },
      body: { name: 'from elsewhere', roles: ['enterprise_member'] },
      expect: 403,
    });
    expect(refused.body.error).toBe('CROSS_SITE_REQUEST');
    const keys = await api.get('/api/v1/api-keys', { auth: { Cookie: cookie }, expect: 200 });
    expect(keys.body.total).toBe(0);
    await api.post('/api/v1/api-keys', {
      auth: { Cookie: cookie, 'X-Requested-With': 'console' },
      body: { name: 'from the console', roles: ['enterprise_member'] },
      expect: 201,
    });
  });

  it('signs out by clearing the cookie', async () => {
    await signIn();
    const res = await api.delete('/api/v1/auth/session', { expect: 204 });
    expect(([] as string[]).concat(res.headers['set-cookie'] ?? []).join()).toMatch(/szs_session=;.*Expires=Thu, 01 Jan 1970/i);
  });

  it('refuses a session sign-in with bad input by field, and wrong passwords with 401', async () => {
    const bad = await api.http().post('/api/v1/auth/session').send({ email: 'not-an-email', password: 'x' }).expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field)).toContain('email');
    await api.post('/api/v1/auth/session', { body: { email: enterprise.email, password: 'Wrong-Password-1' }, expect: 401 });
  });

  it('serves the console: index.html uncached with a strict CSP and a fresh nonce, hashed assets cached for a year', async () => {
    const first = await api.http().get('/console/').expect(200);
    expect(first.headers['content-type']).toMatch(/text\/html/);
    expect(first.headers['cache-control']).toBe('no-cache');
    const csp = first.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    // Only style attributes may be inline; scripts and style sheets never.
    expect(csp.match(/[^;]*unsafe-inline[^;]*/g)).toEqual([" style-src-attr 'unsafe-inline'"]);
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    expect(first.text).toContain(`content="${nonce}"`);
    expect(first.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
    const second = await api.http().get('/console/applications/some-id').expect(200);
    expect(second.headers['content-security-policy']).not.toContain(nonce);

    const asset = /src="(\/console\/assets\/[^"]+\.js)"/.exec(first.text)![1];
    const js = await api.http().get(asset).expect(200);
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(js.headers['content-type']).toMatch(/javascript/);
    await api.http().get('/console/assets/index-00000000.js').expect(404);
    const traversal = await api.http().get('/console/assets/../../package.json');
    expect([403, 404]).toContain(traversal.status);
    expect(traversal.text).not.toContain('shenzhen-standard');
  });
});
