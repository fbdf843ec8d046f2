export const ORGANIZATION_KINDS = ['enterprise', 'certification_body', 'regulator', 'association'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const ROLES = [
  'regulator',
  'reviewer',
  'auditor',
  'decision_maker',
  'cb_admin',
  'enterprise_admin',
  'enterprise_member',
  'association_admin',
  'association_member',
] as const;
export type Role = (typeof ROLES)[number];

/** Which roles a user of each kind of organization may hold. */
export const ROLES_BY_KIND: Record<OrganizationKind, readonly Role[]> = {
  regulator: ['regulator'],
  certification_body: ['reviewer', 'auditor', 'decision_maker', 'cb_admin'],
  enterprise: ['enterprise_admin', 'enterprise_member'],
  association: ['association_admin', 'association_member'],
};

/** Roles that manage their own organization's users and API keys. */
export const ADMIN_ROLES: readonly Role[] = ['regulator', 'cb_admin', 'enterprise_admin', 'association_admin'];

/**
 * Roles whose powers another role includes: every route open to an enterprise (or association) member is
 * open to its administrator. Used where "no more than a person holds" is checked (an API key's roles).
 */
const INCLUDED_ROLES: Partial<Record<Role, readonly Role[]>> = {
  enterprise_admin: ['enterprise_member'],
  association_admin: ['association_member'],
};

/** The roles a holder of `roles` may hand on: their own and those their roles include. */
export function rolesCoveredBy(roles: readonly Role[]): Role[] {
  return [...new Set(roles.flatMap((r) => [r, ...(INCLUDED_ROLES[r] ?? [])]))];
}
