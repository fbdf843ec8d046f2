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
] as const;
export type Role = (typeof ROLES)[number];

/** Which roles a user of each kind of organization may hold. */
export const ROLES_BY_KIND: Record<OrganizationKind, readonly Role[]> = {
  regulator: ['regulator'],
  certification_body: ['reviewer', 'auditor', 'decision_maker', 'cb_admin'],
  enterprise: ['enterprise_admin', 'enterprise_member'],
  association: ['association_admin'],
};

/** Roles that manage their own organization's users and API keys. */
export const ADMIN_ROLES: readonly Role[] = ['regulator', 'cb_admin', 'enterprise_admin', 'association_admin'];
