import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '@app/shared';
import { ACCESS_RULE, AccessRule } from './access.decorators';
import type { Principal } from './principal';
import { PrincipalResolver } from './principal.resolver';
import { personRequired } from './auth.service';
import { CONSOLE_HEADER, CONSOLE_HEADER_VALUE, sessionRequestAllowed, sessionTokenOf } from './console-session';

/** Global guard: denies by default; a route opens only through @Public() or @Auth(...). */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly resolver: PrincipalResolver,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [ctx.getHandler(), ctx.getClass()]);
    if (!rule) throw new DomainError('NO_ACCESS_RULE', 'this route has no access rule and is closed');
    if (rule.public) return true;

    const req = ctx.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
    const principal = await this.authenticate(req);
    req.principal = principal;
    if (rule.personOnly && principal.kind !== 'user') throw personRequired();
    if (rule.roles.length && !rule.roles.some((r) => principal.roles.includes(r))) {
      throw new DomainError('FORBIDDEN_ROLE', `this action needs one of the roles: ${rule.roles.join(', ')}`, {
        requiredRoles: rule.roles,
        yourRoles: principal.roles,
      });
    }
    return true;
  }

  private authenticate(req: FastifyRequest): Promise<Principal> {
    const apiKey = req.headers['x-api-key'];
    if (typeof apiKey === 'string' && apiKey) return this.resolver.fromApiKey(apiKey);
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) return this.resolver.fromBearer(auth.slice(7).trim());
    const session = sessionTokenOf(req);
    if (session) {
      if (!sessionRequestAllowed(req)) {
        throw new DomainError(
          'CROSS_SITE_REQUEST',
          `a change made with the console's session must carry the header ${CONSOLE_HEADER}: ${CONSOLE_HEADER_VALUE}`,
        );
      }
      return this.resolver.fromBearer(session);
    }
    throw new DomainError('UNAUTHENTICATED', 'log in and send "Authorization: Bearer <token>", or send "X-API-Key", or sign in to the console');
  }
}
