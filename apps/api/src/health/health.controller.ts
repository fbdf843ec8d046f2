import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import ipaddr from 'ipaddr.js';
import { PrincipalResolver, Public } from '@app/identity';
import { StoreProbes } from '@app/persistence';
import { SERVICE_RETRY_AFTER_SECONDS } from '@app/shared';
import { RateLimited } from '../public/rate-limit/public-rate-limit.guard';
import { HealthView } from './health.view';

/**
 * Whether the client is on this machine. request.ip is the address after TRUST_PROXY: a request
 * relayed by a proxy that runs on loopback is the proxy's client, not a local caller.
 */
export function isLoopback(address: string | undefined): boolean {
  if (!address || !ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'loopback';
}

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly stores: StoreProbes,
    private readonly principals: PrincipalResolver,
  ) {}

  @Get()
  @Public()
  @RateLimited('local')
  @ApiOperation({
    summary: 'Checks PostgreSQL and Redis: {status: ok|down}, 503 when either is down',
    description: "Which dependency is down and why (`checks`) only for the regulator's token or key, or a caller on the machine itself.",
  })
  @ApiOkResponse({ type: HealthView, description: 'PostgreSQL and Redis answer' })
  @ApiServiceUnavailableResponse({ type: HealthView, description: 'PostgreSQL or Redis is down (Retry-After)' })
  async health(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<HealthView> {
    const { postgres, redis } = await this.stores.check();
    const ok = postgres.status === 'up' && redis.status === 'up';
    reply.status(ok ? 200 : 503);
    if (!ok) reply.header('retry-after', String(SERVICE_RETRY_AFTER_SECONDS));
    const status: HealthView['status'] = ok ? 'ok' : 'down';
    // Error messages name hosts, ports and versions: an attacker's map, so only for operators.
    return (await this.maySeeDetails(req, postgres.status === 'up')) ? { status, checks: { postgres, redis } } : { status };
  }

  private async maySeeDetails(req: FastifyRequest, databaseUp: boolean): Promise<boolean> {
    if (isLoopback(req.ip)) return true;
    // Credentials are checked in the database: when it is away they cannot be, and the answer stays public.
    if (!databaseUp) return false;
    const principal = await this.principals.optional(req.headers);
    return principal?.roles.includes('regulator') ?? false;
  }
}
