import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { OrganizationKind, Role } from '../roles';

/** Who is calling: a logged-in user or an integrator's API key, always of one organization. */
export interface Principal {
  kind: 'user' | 'api_key';
  userId: string | null;
  apiKeyId: string | null;
  organizationId: string;
  organizationKind: OrganizationKind;
  roles: Role[];
}

export const isRegulator = (p: Principal) => p.organizationKind === 'regulator';

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const req = ctx.switchToHttp().getRequest<{ principal?: Principal }>();
  if (!req.principal) throw new Error('CurrentPrincipal used on a route without authentication');
  return req.principal;
});
