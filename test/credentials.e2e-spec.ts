import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { AuthService } from '@app/identity';
import { TestUser, login, member, organization, PASSWORD, regulator } from './support/actors';
import { startApi, TestApi } from './support/http';

const MAX_FAILURES = 3;

/** Lock-out, token version, password change and reset, roles, reactivation, API key rules, e-mails per organization. */
describe('credentials', () => {
  let api: TestApi;
  let reg: TestUser;
  const saved = { ...process.env };

  beforeAll(async () => {
    // The per-address limits are far away, so any refusal below comes from the per-account count.
    Object.assign(process.env, {
      LOGIN_MAX_ATTEMPTS: '100',
      LOGIN_ACCOUNT_MAX_FAILURES: String(MAX_FAILURES),
      LOGIN_LOCKOUT_SECONDS: '600',
      REDIS_PREFIX: `${saved.REDIS_PREFIX}:credentials`,
    });
    api = await startApi();
    reg = await regulator(api);
  });
  afterAll(async () => {
    process.env = saved;
    await api?.close();
  });

  const loginAs = <S extends number>(expect: S, email: string, password: string, organizationId?: string) =>
    api.post('/api/v1/auth/login', { body: { email, password, ...(organizationId ? { organizationId } : {}) }, expect });
  /** Raw on purpose: guesses sent together or in a loop, whose answer (401 or 429) the test counts instead of fixing. */
  const guess = (email: string, password: string, organizationId?: string) =>
    api
      .http()
      .post('/api/v1/auth/login')
      .send({ email, password, ...(organizationId ? { organizationId } : {}) });
  const me = <S extends number>(auth: Record<string, string>, expect: S) => api.get('/api/v1/auth/me', { auth, expect });
  const unique = () => randomBytes(4).toString('hex');

  describe('lock-out per account', () => {
    it('locks an account after failures from many addresses; even the right password then answers 429 with Retry-After', async () => {
      const ent = await organization(api, reg, 'enterprise');
      const m = await member(api, ent, ['enterprise_member']);
      const auth = api.app.get(AuthService);
      // Each failure from its own address: no per-address count reaches its limit.
      for (let i = 0; i < MAX_FAILURES; i++) {
        await expect(auth.login(m.email, `wrong-${i}`, `203.0.113.${i + 1}`)).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
      }
      const res = await loginAs(429, m.email, PASSWORD);
      expect(res.body.error).toBe('ACCOUNT_LOCKED');
      expect(res.body.message).toMatch(/account is locked/);
      expect(res.body.message).toMatch(/administrator/);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(500);
      // an address never seen before is refused just the same
      await expect(auth.login(m.email, PASSWORD, '198.51.100.9')).rejects.toMatchObject({ code: 'ACCOUNT_LOCKED' });
    });

    it('lets no more than the limit of guesses through when they are sent all at once', async () => {
      const ent = await organization(api, reg, 'enterprise');
      const m = await member(api, ent, ['enterprise_member']);
      const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => guess(m.email, `wrong-${i}`)));
      const statuses = answers.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 401)).toHaveLength(MAX_FAILURES);
      expect(statuses.filter((s) => s === 429)).toHaveLength(10 - MAX_FAILURES);
    });

    it('lets an administrator of the organization, or the regulator, unlock it; another organization gets 404', async () => {
      const ent = await organization(api, reg, 'enterprise');
      const other = await organization(api, reg, 'enterprise');
      const m = await member(api, ent, ['enterprise_member']);
      const lock = async () => {
        for (let i = 0; i < MAX_FAILURES; i++) await loginAs(401, m.email, `wrong-${i}`);
        await loginAs(429, m.email, PASSWORD);
      };
      await lock();
      await api.post('/api/v1/users/{id}/unlock', { params: { id: m.userId }, auth: other.auth, expect: 404 });
      await loginAs(429, m.email, PASSWORD);
      await api.post('/api/v1/users/{id}/unlock', { params: { id: m.userId }, auth: ent.auth, expect: 200 });
      await loginAs(200, m.email, PASSWORD);
      await lock();
      await api.post('/api/v1/users/{id}/unlock', { params: { id: m.userId }, auth: reg.auth, expect: 200 });
      await loginAs(200, m.email, PASSWORD);
    });

    it('lets an operator unlock an e-mail from the command line (the way back in when every regulator account is locked)', async () => {
      const locked = reg.email;
      for (let i = 0; i < MAX_FAILURES; i++) await loginAs(401, locked, `wrong-${i}`);
      await loginAs(429, locked, PASSWORD);
      const script = join(__dirname, '..', 'dist', 'scripts', 'unlock.js');
      const run = spawnSync(process.execPath, [script, locked.toUpperCase()], { env: process.env, encoding: 'utf8', timeout: 20_000 });
      expect({ status: run.status, stdout: run.stdout.trim() }).toEqual({
        status: 0,
        stdout: `Lifted the login lock-out of ${locked} (its failed attempts are forgotten).`,
      });
      await loginAs(200, locked, PASSWORD);
      const usage = spawnSync(process.execPath, [script], { env: process.env, encoding: 'utf8', timeout: 20_000 });
      expect({ status: usage.status, stderr: usage.stderr.trim() }).toEqual({
        status: 1,
        stderr: 'Usage: node dist/scripts/unlock.js <e-mail address of the locked account>',
      });
    });

    it("does not let an administrator clear another organization's lock through an account with the same e-mail", async () => {
      const victimOrg = await organization(api, reg, 'enterprise');
      const victim = await member(api, victimOrg, ['enterprise_member']);
      const attacker = await organization(api, reg, 'enterprise');
      const shadow = await api.post('/api/v1/users', {
        auth: attacker.auth,
        body: { email: victim.email, displayName: 'shadow', password: 'Shadow-Password-2026', roles: ['enterprise_member'] },
        expect: 201,
      });
      // Guess, then log in to the shadow account (which forgets the failures) or unlock it, again and again.
      let locked: { status: number; body: { error: string; message: string } } | undefined;
      for (let cycle = 0; cycle < 3 * MAX_FAILURES && !locked; cycle++) {
        for (let i = 0; i < MAX_FAILURES - 1 && !locked; i++) {
          const res = await guess(victim.email, `guess-${cycle}-${i}`);
          if (res.status === 429) locked = res;
          else expect(res.status).toBe(401);
        }
        if (cycle % 2) await guess(victim.email, 'Shadow-Password-2026', attacker.organizationId);
        else await api.post('/api/v1/users/{id}/unlock', { params: { id: shadow.body.id }, auth: attacker.auth, expect: 200 });
      }
      expect(locked?.body).toMatchObject({ error: 'ACCOUNT_LOCKED', message: expect.stringMatching(/regulator/) });
      await api.post('/api/v1/users/{id}/unlock', { params: { id: shadow.body.id }, auth: attacker.auth, expect: 200 });
      await loginAs(429, victim.email, PASSWORD);
      await api.post('/api/v1/users/{id}/unlock', { params: { id: victim.userId }, auth: reg.auth, expect: 200 });
      await loginAs(200, victim.email, PASSWORD);
    }, 120_000); // two argon2 verifications per guess

    it('forgets the failures of an account when it logs in', async () => {
      const ent = await organization(api, reg, 'enterprise');
      const m = await member(api, ent, ['enterprise_member']);
      for (let round = 0; round < 3; round++) {
        for (let i = 0; i < MAX_FAILURES - 1; i++) await loginAs(401, m.email, `wrong-${i}`);
        await loginAs(200, m.email, PASSWORD);
      }
    });

    it('counts and locks an unknown e-mail exactly like a known one', async () => {
      const unknown = `nobody-${unique()}@test.szs`;
      for (let i = 0; i < MAX_FAILURES; i++) {
        const res = await loginAs(401, unknown, `wrong-${i}`);
        expect(res.body.error).toBe('INVALID_CREDENTIALS');
      }
      const res = await loginAs(429, unknown, PASSWORD);
      expect(res.body.error).toBe('ACCOUNT_LOCKED');
    });

    it('counts a wrong current password of a password change towards the lock-out', async () => {
      const ent = await organization(api, reg, 'enterprise');
      const m = await member(api, ent, ['enterprise_member']);
      for (let i = 0; i < MAX_FAILURES; i++) {
        await api.post('/api/v1/auth/password', { auth: m.auth, body: { currentPassword: `wrong-${i}`, newPassword: 'Another-Password-1' }, expect: 400 });
      }
      await loginAs(429, m.email, PASSWORD);
      const res = await api.post('/api/v1/auth/password', {
        auth: m.auth,
        body: { currentPassword: PASSWORD, newPassword: 'Another-Password-1' },
        expect: 429,
      });
      expect(res.body.error).toBe('ACCOUNT_LOCKED');
    });
  });

  describe('password change and token version', () => {
    it('changes the password, answers a fresh token and stops the tokens issued before at once', async () => {
      const ent = await organization(api, reg, 'enterprise');
      const m = await member(api, ent, ['enterprise_member']);
      const second = await login(api, m.email);
      const res = await api.post('/api/v1/auth/password', { auth: m.auth, body: { currentPassword: PASSWORD, newPassword: 'New-Password-2026' }, expect: 200 });
      const fresh = { Authorization: `Bearer ${res.body.accessToken}` };
      for (const old of [m.auth, second.auth]) {
        const refused = await me(old, 401);
        expect(refused.body.message).toMatch(/log in again/);
      }
      await me(fresh, 200);
      await loginAs(401, m.email, PASSWORD);
      await loginAs(200, m.email, 'New-Password-2026');
    });

    it('refuses a wrong current password, a short new one and an unchanged one, naming the field', async () => {
      const ent = await organization(api, reg, 'enterprise');
      const m = await member(api, ent, ['enterprise_member']);
      const change = (body: { currentPassword: string; newPassword: string }) => api.post('/api/v1/auth/password', { auth: m.auth, body, expect: 400 });
      expect((await change({ currentPassword: 'not-it-at-all', newPassword: 'New-Password-2026' })).body.fields?.[0]?.field).toBe('currentPassword');
      expect((await change({ currentPassword: PASSWORD, newPassword: 'short' })).body.fields?.[0]?.field).toBe('newPassword');
      expect((await change({ currentPassword: PASSWORD, newPassword: 'x'.repeat(201) })).body.fields?.[0]?.field).toBe('newPassword');
      const same = await change({ currentPassword: PASSWORD, newPassword: PASSWORD });
      expect(same.body.fields?.[0]).toMatchObject({
        field: 'newPassword',
        reasons: [expect.stringMatching(/differ/)],
        rules: [{ rule: 'differsFromCurrent' }],
      });
      await me(m.auth, 200);
    });

    it("resets another user's password to a generated one shown once; their tokens stop at once", async () => {
      const ent = await organization(api, reg, 'enterprise');
      const other = await organization(api, reg, 'enterprise');
      const m = await member(api, ent, ['enterprise_member']);
      await api.post('/api/v1/users/{id}/reset-password', { params: { id: m.userId }, auth: other.auth, expect: 404 });
      const res = await api.post('/api/v1/users/{id}/reset-password', { params: { id: m.userId }, auth: ent.auth, expect: 200 });
      expect(res.body.user).toMatchObject({ id: m.userId });
      expect(res.body.password).toMatch(/^[A-Za-z0-9_-]{24}$/);
      expect((await me(m.auth, 401)).body.message).toMatch(/log in again/);
      await loginAs(401, m.email, PASSWORD);
      await loginAs(200, m.email, res.body.password);
      // the regulator may reset anyone's; nobody resets their own this way
      await api.post('/api/v1/users/{id}/reset-password', { params: { id: m.userId }, auth: reg.auth, expect: 200 });
      await api.post('/api/v1/users/{id}/reset-password', { params: { id: ent.userId }, auth: ent.auth, expect: 422 });
    });

    it('keeps tokens from before a deactivation dead after the reactivation; the user logs in again', async () => {
      const ent = await organization(api, reg, 'enterprise');
      const m = await member(api, ent, ['enterprise_member']);
      await api.post('/api/v1/users/{id}/deactivate', { params: { id: m.userId }, auth: ent.auth, expect: 200 });
      await me(m.auth, 401);
      await loginAs(401, m.email, PASSWORD);
      const res = await api.post('/api/v1/users/{id}/reactivate', { params: { id: m.userId }, auth: ent.auth, expect: 200 });
      expect(res.body.active).toBe(true);
      await me(m.auth, 401);
      const again = await login(api, m.email);
      await me(again.auth, 200);
    });

    it('scopes reactivation to the organization', async () => {
      const ent = await organization(api, reg, 'enterprise');
      const other = await organization(api, reg, 'enterprise');
      const m = await member(api, ent, ['enterprise_member']);
      await api.post('/api/v1/users/{id}/deactivate', { params: { id: m.userId }, auth: ent.auth, expect: 200 });
      await api.post('/api/v1/users/{id}/reactivate', { params: { id: m.userId }, auth: other.auth, expect: 404 });
      await api.post('/api/v1/users/{id}/reactivate', { params: { id: m.userId }, auth: reg.auth, expect: 200 });
    });
  });

  describe('roles', () => {
    it("changes a user's roles; tokens issued before stop at once and a new login carries the new roles", async () => {
      const ent = await organization(api, reg, 'enterprise');
      const m = await member(api, ent, ['enterprise_member']);
      const res = await api.put('/api/v1/users/{id}/roles', { params: { id: m.userId }, auth: ent.auth, body: { roles: ['enterprise_admin'] }, expect: 200 });
      expect(res.body.roles).toEqual(['enterprise_admin']);
      expect((await me(m.auth, 401)).body.message).toMatch(/log in again/);
      const again = await login(api, m.email);
      expect((await me(again.auth, 200)).body.roles).toEqual(['enterprise_admin']);
    });

    it('refuses roles the organization kind cannot hold, naming roles; another organization gets 404', async () => {
      const ent = await organization(api, reg, 'enterprise');
      const other = await organization(api, reg, 'enterprise');
      const m = await member(api, ent, ['enterprise_member']);
      const res = await api.put('/api/v1/users/{id}/roles', { params: { id: m.userId }, auth: ent.auth, body: { roles: ['auditor'] }, expect: 400 });
      expect(res.body.fields?.[0]?.field).toBe('roles');
      // the regulator is held to the user's organization kind, not its own
      await api.put('/api/v1/users/{id}/roles', { params: { id: m.userId }, auth: reg.auth, body: { roles: ['regulator'] }, expect: 400 });
      await api.put('/api/v1/users/{id}/roles', { params: { id: m.userId }, auth: other.auth, body: { roles: ['enterprise_admin'] }, expect: 404 });
      await api.put('/api/v1/users/{id}/roles', { params: { id: m.userId }, auth: ent.auth, body: { roles: [] }, expect: 400 });
    });

    it('keeps an administrator from demoting themselves and an organization from losing its last administrator', async () => {
      const ent = await organization(api, reg, 'enterprise');
      const self = await api.put('/api/v1/users/{id}/roles', {
        params: { id: ent.userId },
        auth: ent.auth,
        body: { roles: ['enterprise_member'] },
        expect: 422,
      });
      expect(self.body.message).toMatch(/your own administrator role/);
      const last = await api.put('/api/v1/users/{id}/roles', {
        params: { id: ent.userId },
        auth: reg.auth,
        body: { roles: ['enterprise_member'] },
        expect: 409,
      });
      expect(last.body).toMatchObject({ error: 'LAST_ADMINISTRATOR', details: { state: 'last_active_administrator' } });
      // with a second administrator, one may demote the other
      const second = await member(api, ent, ['enterprise_admin']);
      await api.put('/api/v1/users/{id}/roles', { params: { id: ent.userId }, auth: second.auth, body: { roles: ['enterprise_member'] }, expect: 200 });
    });

    it('keeps the last administrator through deactivations too, even when two administrators deactivate each other at once', async () => {
      const ent = await organization(api, reg, 'enterprise');
      const last = await api.post('/api/v1/users/{id}/deactivate', { params: { id: ent.userId }, auth: reg.auth, expect: 409 });
      expect(last.body).toMatchObject({ error: 'LAST_ADMINISTRATOR' });
      const second = await member(api, ent, ['enterprise_admin']);
      const both = await Promise.all([
        // raw: two administrators deactivating each other at once; which one wins is not known in advance
        api.http().post(`/api/v1/users/${second.userId}/deactivate`).set(ent.auth),
        api.http().post(`/api/v1/users/${ent.userId}/deactivate`).set(second.auth),
      ]);
      // One wins; the other is refused, because of the last-administrator rule or because the winner's deactivation ended its caller's token.
      expect(both.map((r) => r.status).sort()).toEqual([200, expect.any(Number)]);
      expect([401, 409]).toContain(both.map((r) => r.status).sort()[1]);
      const admins = await api.get('/api/v1/users', { query: { organizationId: ent.organizationId, role: 'enterprise_admin' }, auth: reg.auth, expect: 200 });
      expect(admins.body.items.filter((u: { active: boolean }) => u.active)).toHaveLength(1);
    });
  });

  describe('API keys', () => {
    it('cannot manage people or keys: 403 saying a person must be logged in', async () => {
      const ent = await organization(api, reg, 'enterprise');
      const m = await member(api, ent, ['enterprise_member']);
      const key = (await api.post('/api/v1/api-keys', { auth: ent.auth, body: { name: 'ERP', roles: ['enterprise_admin'] }, expect: 201 })).body.key;
      const asKey = { 'X-API-Key': key };
      const user = { email: `by-key-${unique()}@test.szs`, displayName: 'x', password: PASSWORD, roles: ['enterprise_member' as const] };
      const asKeyOn = { params: { id: m.userId }, auth: asKey, expect: 403 } as const;
      const refusals = [
        api.post('/api/v1/users', { auth: asKey, body: user, expect: 403 }),
        api.post('/api/v1/api-keys', { auth: asKey, body: { name: 'child', roles: ['enterprise_admin'] }, expect: 403 }),
        api.post('/api/v1/users/{id}/reset-password', asKeyOn),
        api.put('/api/v1/users/{id}/roles', { ...asKeyOn, body: { roles: ['enterprise_admin'] } }),
        api.post('/api/v1/users/{id}/unlock', asKeyOn),
        api.post('/api/v1/users/{id}/deactivate', asKeyOn),
        api.post('/api/v1/users/{id}/reactivate', asKeyOn),
        api.post('/api/v1/auth/password', { auth: asKey, body: { currentPassword: PASSWORD, newPassword: 'New-Password-2026' }, expect: 403 }),
      ];
      for (const res of await Promise.all(refusals)) {
        expect(res.status).toBe(403);
        expect(res.body).toMatchObject({ error: 'PERSON_REQUIRED', message: expect.stringMatching(/needs a person logged in/) });
      }
      // reading stays open to keys
      await api.get('/api/v1/users/{id}', { params: { id: m.userId }, auth: asKey, expect: 200 });
      await me(m.auth, 200);
    });

    it('refuses a key with a role its creator does not hold, naming roles', async () => {
      const cb = await organization(api, reg, 'certification_body');
      const res = await api.post('/api/v1/api-keys', { auth: cb.auth, body: { name: 'x', roles: ['decision_maker'] }, expect: 400 });
      expect(res.body.fields?.[0]).toMatchObject({ field: 'roles', reasons: [expect.stringMatching(/decision_maker/)] });
      const auditor = await member(api, cb, ['cb_admin', 'auditor']);
      await api.post('/api/v1/api-keys', { auth: auditor.auth, body: { name: 'x', roles: ['auditor'] }, expect: 201 });
    });

    it('stops working at once when its creator is deactivated', async () => {
      const ent = await organization(api, reg, 'enterprise');
      const second = await member(api, ent, ['enterprise_admin']);
      const key = (await api.post('/api/v1/api-keys', { auth: second.auth, body: { name: 'ERP', roles: ['enterprise_member'] }, expect: 201 })).body.key;
      await me({ 'X-API-Key': key }, 200);
      await api.post('/api/v1/users/{id}/deactivate', { params: { id: second.userId }, auth: ent.auth, expect: 200 });
      expect((await me({ 'X-API-Key': key }, 401)).body.message).toMatch(/deactivated/);
    });
  });

  describe('e-mails per organization', () => {
    it("answers a second organization's administrator for an address used elsewhere exactly like a fresh one", async () => {
      const a = await organization(api, reg, 'enterprise');
      const b = await organization(api, reg, 'enterprise');
      const shared = `consultant-${unique()}@test.szs`;
      const body = (email: string) => ({ email, displayName: '顾问', password: PASSWORD, roles: ['enterprise_member' as const] });
      await api.post('/api/v1/users', { auth: a.auth, body: body(shared), expect: 201 });
      const inB = await api.post('/api/v1/users', { auth: b.auth, body: body(shared.toUpperCase()), expect: 201 });
      const fresh = await api.post('/api/v1/users', { auth: b.auth, body: body(`fresh-${unique()}@test.szs`), expect: 201 });
      expect(Object.keys(inB.body).sort()).toEqual(Object.keys(fresh.body).sort());
      // within one organization an e-mail is still unique
      const dup = await api.post('/api/v1/users', { auth: b.auth, body: body(shared), expect: 409 });
      expect(dup.body.fields?.[0]?.field).toBe('email');
    });

    it('logs in to the one account the password opens, and asks for organizationId when it opens two', async () => {
      const a = await organization(api, reg, 'enterprise');
      const b = await organization(api, reg, 'enterprise');
      const shared = `consultant-${unique()}@test.szs`;
      const create = (admin: TestUser, password: string) =>
        api.post('/api/v1/users', { auth: admin.auth, body: { email: shared, displayName: '顾问', password, roles: ['enterprise_member'] }, expect: 201 });
      await create(a, PASSWORD);
      await create(b, 'B-Password-2026');
      expect((await loginAs(200, shared, PASSWORD)).body.user.organizationId).toBe(a.organizationId);
      expect((await loginAs(200, shared, 'B-Password-2026')).body.user.organizationId).toBe(b.organizationId);

      const c = await organization(api, reg, 'enterprise');
      await create(c, PASSWORD);
      const ambiguous = await loginAs(400, shared, PASSWORD);
      expect(ambiguous.body.fields?.[0]?.field).toBe('organizationId');
      expect(JSON.stringify(ambiguous.body)).not.toContain(a.organizationId);
      expect(JSON.stringify(ambiguous.body)).not.toContain(c.organizationId);
      expect((await loginAs(200, shared, PASSWORD, c.organizationId)).body.user.organizationId).toBe(c.organizationId);
      await loginAs(401, shared, PASSWORD, b.organizationId);
    });
  });
});

/** The per-address limit is for guessing: many people behind one address (an office's NAT) still log in. */
describe('login limit per address', () => {
  let api: TestApi;
  const saved = { ...process.env };

  beforeAll(async () => {
    // 2 per (address, e-mail) and 20 per address in the window.
    Object.assign(process.env, { LOGIN_MAX_ATTEMPTS: '2', REDIS_PREFIX: `${saved.REDIS_PREFIX}:login-per-address` });
    api = await startApi();
  });
  afterAll(async () => {
    process.env = saved;
    await api?.close();
  });

  it("does not count attempts the address limits refused towards the account's lock-out", async () => {
    const reg = await regulator(api);
    const ent = await organization(api, reg, 'enterprise');
    const auth = api.app.get(AuthService);
    // 2 failures per (address, e-mail) here, the account's lock-out at 20: from one address, 2 guesses
    // reach the password and 20 more are refused by the address limits without reaching it.
    const statuses: string[] = [];
    for (let i = 0; i < 22; i++)
      statuses.push(
        await auth.login(ent.email, `wrong-${i}`, '192.0.2.200').then(
          () => 'ok',
          (e) => e.code,
        ),
      );
    expect(statuses.slice(0, 2)).toEqual(['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS']);
    expect(new Set(statuses.slice(2))).toEqual(new Set(['RATE_LIMITED']));
    // So the account is not locked: its owner logs in from elsewhere.
    await expect(auth.login(ent.email, PASSWORD, '198.51.100.20')).resolves.toMatchObject({ tokenType: 'Bearer' });
  });

  it('counts failures, not successful logins, so one address logs in more people than its limit', async () => {
    const reg = await regulator(api);
    const ent = await organization(api, reg, 'enterprise');
    const people = [ent];
    for (let i = 0; i < 12; i++) people.push(await member(api, ent, ['enterprise_member']));
    // With the regulator's, the admin's and each member's first login, 27 successes from 127.0.0.1 in one window.
    for (const p of people) await login(api, p.email);
    const failures: number[] = [];
    // raw: the answers are counted (401 until the address limit, then 429), not fixed in advance
    for (let i = 0; i < 21; i++)
      failures.push(
        (
          await api
            .http()
            .post('/api/v1/auth/login')
            .send({ email: `nobody-${i}@test.szs`, password: 'wrong-password' })
        ).status,
      );
    expect(failures.slice(0, 18).every((s) => s === 401)).toBe(true);
    expect(failures.at(-1)).toBe(429);
  }, 90_000);
});
