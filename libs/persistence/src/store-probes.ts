import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { REDIS } from './redis.module';

/** Whether a store answered, and if not, why (a timeout, or the driver's error). */
export interface StoreCheck {
  status: 'up' | 'down';
  error?: string;
}

/** How long a health probe waits for a store: a load balancer must get its answer quickly. */
const PROBE_TIMEOUT_MS = 2000;

async function probe(check: () => Promise<unknown>): Promise<StoreCheck> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`timeout after ${PROBE_TIMEOUT_MS / 1000} s`)), PROBE_TIMEOUT_MS))),
    ]);
    return { status: 'up' };
  } catch (e) {
    return { status: 'down', error: e instanceof Error ? e.message : String(e) };
  } finally {
    clearTimeout(timer);
  }
}

/** One round trip to each store, both at once, each bounded by a short timeout (for /health). */
@Injectable()
export class StoreProbes {
  constructor(
    private readonly db: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async check(): Promise<{ postgres: StoreCheck; redis: StoreCheck }> {
    const [postgres, redis] = await Promise.all([probe(() => this.db.query('SELECT 1')), probe(() => this.redis.ping())]);
    return { postgres, redis };
  }
}
