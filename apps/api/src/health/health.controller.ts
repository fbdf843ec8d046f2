import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { Public } from '@app/identity';
import { REDIS } from '@app/persistence';
import { RateLimited } from '../rate-limit/public-rate-limit.guard';

async function probe(check: () => Promise<unknown>): Promise<{ status: 'up' | 'down'; error?: string }> {
  try {
    await Promise.race([check(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout after 2 s')), 2000))]);
    return { status: 'up' };
  } catch (e) {
    return { status: 'down', error: e instanceof Error ? e.message : String(e) };
  }
}

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly db: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Get()
  @Public()
  @RateLimited('local')
  @ApiOperation({ summary: 'Checks PostgreSQL and Redis; 503 when either is down' })
  async health(@Res({ passthrough: true }) reply: FastifyReply) {
    const [postgres, redis] = await Promise.all([probe(() => this.db.query('SELECT 1')), probe(() => this.redis.ping())]);
    const ok = postgres.status === 'up' && redis.status === 'up';
    reply.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'degraded', checks: { postgres, redis } };
  }
}
