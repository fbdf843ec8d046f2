import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiForbiddenResponse, ApiSecurity, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ErrorBodyView } from '@app/shared';
import type { Role } from '../roles';

export const ACCESS_RULE = 'szs:access-rule';
export type AccessRule = { public: true } | { public: false; roles: readonly Role[]; personOnly?: boolean };

/**
 * An open route: no credentials needed. Everything else is closed unless a rule says who.
 * Its OpenAPI security is the empty requirement ([{}]: nothing to present), declared rather than
 * left out, so a route the document shows without security is one that has no rule at all.
 */
export const Public = () => applyDecorators(SetMetadata(ACCESS_RULE, { public: true } satisfies AccessRule), ApiSecurity({}));

/** Whether an operation's OpenAPI security asks for credentials (an empty requirement asks for none). */
export const requiresCredentials = (security: readonly Record<string, unknown>[] | undefined): boolean =>
  Boolean(security?.some((requirement) => Object.keys(requirement).length > 0));

/**
 * Who may call a route: any of the roles given, or any authenticated caller when none are.
 * The same decorator writes the OpenAPI security, so docs and checks cannot drift.
 */
export const Auth = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ACCESS_RULE, { public: false, roles } satisfies AccessRule),
    ApiBearerAuth('bearer'),
    ApiSecurity('api-key'),
    ApiCookieAuth('session'),
    ApiUnauthorizedResponse({ description: 'No or invalid credentials', type: ErrorBodyView }),
    ApiForbiddenResponse({ description: roles.length ? `Needs one of the roles: ${roles.join(', ')}` : 'Forbidden', type: ErrorBodyView }),
  );

/**
 * Like Auth, for managing people and credentials (users, API keys, passwords, roles, locks):
 * only a person logged in may call it, never an API key, so a leaked integrator's key cannot
 * mint itself users, keys or passwords. The OpenAPI security lists the bearer token and the console's session.
 */
export const PersonAuth = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ACCESS_RULE, { public: false, roles, personOnly: true } satisfies AccessRule),
    ApiBearerAuth('bearer'),
    ApiCookieAuth('session'),
    ApiUnauthorizedResponse({ description: 'No or invalid credentials', type: ErrorBodyView }),
    ApiForbiddenResponse({
      description: `Needs a person logged in (not an API key)${roles.length ? ` with one of the roles: ${roles.join(', ')}` : ''}`,
      type: ErrorBodyView,
    }),
  );
