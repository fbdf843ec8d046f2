import { randomBytes } from 'node:crypto';
import { creditCodeCheckCharacter, OrganizationKind, OrganizationsService, Role } from '@app/identity';
import type { TestApi } from './http';

export const PASSWORD = 'Test-Password-2026';

/** A fresh, valid unified social credit code (GB 32100-2015), different on every call. */
export function newCreditCode(): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const bytes = randomBytes(9);
  let body = '';
  for (const b of bytes) body += alphabet[b % alphabet.length];
  const first17 = `91440300${body}`;
  return first17 + creditCodeCheckCharacter(first17);
}

export interface TestUser {
  token: string;
  userId: string;
  organizationId: string;
  email: string;
  auth: { Authorization: string };
}

export async function login(api: TestApi, email: string, password = PASSWORD): Promise<TestUser> {
  const res = await api.post('/api/v1/auth/login', { body: { email, password }, expect: 200 });
  return {
    token: res.body.accessToken,
    userId: res.body.user.id,
    organizationId: res.body.user.organizationId,
    email,
    auth: { Authorization: `Bearer ${res.body.accessToken}` },
  };
}

const unique = () => randomBytes(4).toString('hex');

/** The regulator is bootstrapped through the service (no one can create it over HTTP). */
export async function regulator(api: TestApi): Promise<TestUser> {
  const tag = unique();
  const email = `regulator-${tag}@test.szs`;
  await api.app.get(OrganizationsService).create({
    kind: 'regulator',
    nameZh: `深圳市市场监督管理局${tag}`,
    nameEn: 'Shenzhen Administration for Market Regulation',
    creditCode: newCreditCode(),
    address: '深圳市福田区深南大道7010号',
    admin: { email, displayName: '监管员', password: PASSWORD },
  });
  return login(api, email);
}

/** An organization created by the regulator over HTTP, with its admin logged in. */
export async function organization(api: TestApi, reg: TestUser, kind: OrganizationKind, nameZh?: string, nameEn?: string): Promise<TestUser> {
  const tag = unique();
  const email = `${kind}-admin-${tag}@test.szs`;
  await api.post('/api/v1/organizations', {
    auth: reg.auth,
    expect: 201,
    body: {
      kind,
      nameZh: nameZh ?? `测试${kind === 'enterprise' ? '企业' : '机构'}${tag}有限公司`,
      nameEn: nameEn ?? `Test ${kind} ${tag}`,
      creditCode: newCreditCode(),
      address: '深圳市南山区科技园',
      contactEmail: `contact-${tag}@test.szs`,
      admin: { email, displayName: 'Admin', password: PASSWORD },
    },
  });
  return login(api, email);
}

/** Another user of the admin's organization, with the given roles. */
export async function member(api: TestApi, admin: TestUser, roles: Role[]): Promise<TestUser> {
  const email = `${roles.join('-')}-${unique()}@test.szs`;
  await api.post('/api/v1/users', { auth: admin.auth, expect: 201, body: { email, displayName: roles.join(' '), password: PASSWORD, roles } });
  return login(api, email);
}
