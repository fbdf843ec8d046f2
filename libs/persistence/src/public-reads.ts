import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import { APP_CONFIG, AppConfig, BUSY_RETRY_AFTER_SECONDS, DomainError } from '@app/shared';
import { SESSION_OPTIONS } from './database';

/** A public request waits at most this long for a free connection of the public pool. */
const ACQUIRE_TIMEOUT_MS = 1000;

/** What a query builder hands over to be run elsewhere (TypeORM's getQueryAndParameters()). */
export interface SqlSource {
  getQueryAndParameters(): [string, unknown[]];
}

/**
 * The connections that serve reads anyone may ask for without logging in (registry, verification,
 * pages, self-declarations, abnormal operations): a pool of their own, so a flood of public reads
 * cannot take the connections logged-in work needs, and whose sessions carry
 * `statement_timeout = PUBLIC_STATEMENT_TIMEOUT_MS`, so no public statement (a slow plan, a wait
 * for a lock) holds a connection longer. A statement cancelled by the timeout (SQLSTATE 57014)
 * answers 503 with Retry-After through the error filter; a request that finds every connection
 * busy for a second answers the same. The pool opens connections only when a public read comes.
 */
@Injectable()
export class PublicReads implements OnApplicationShutdown {
  private readonly pool: Pool;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.pool = new Pool({
      connectionString: config.DATABASE_URL,
      max: config.PUBLIC_DB_POOL_SIZE,
      connectionTimeoutMillis: ACQUIRE_TIMEOUT_MS,
      // Sent in the startup packet: set for the whole session, no extra round trip per statement.
      statement_timeout: config.PUBLIC_STATEMENT_TIMEOUT_MS,
      application_name: 'szs-public-reads',
      options: SESSION_OPTIONS, // as every session of the platform (the search statement's plan must not be JIT-compiled)
      keepAlive: true,
    });
    // An idle connection that the server drops must not crash the process; the next query reconnects.
    this.pool.on('error', () => undefined);
  }

  /** Rows of one statement. */
  async query<T = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
    return (await this.run(() => this.pool.query(text, values))).rows as T[];
  }

  /** A named prepared statement: planned once per connection, for the hottest reads (verification). */
  async prepared<T = Record<string, unknown>>(name: string, text: string, values: unknown[]): Promise<T[]> {
    return (await this.run(() => this.pool.query({ name, text, values }))).rows as T[];
  }

  /** The raw rows of a TypeORM query builder, run on this pool. */
  rows<T = Record<string, unknown>>(qb: SqlSource): Promise<T[]> {
    const [text, values] = qb.getQueryAndParameters();
    return this.query<T>(text, values);
  }

  private async run<R>(query: () => Promise<R>): Promise<R> {
    try {
      return await query();
    } catch (e) {
      // pg's pool gives up waiting for a connection with a plain Error: every connection is busy.
      if (e instanceof Error && !('code' in e) && /timeout exceeded when trying to connect/.test(e.message)) {
        throw new DomainError('SERVICE_UNAVAILABLE', `the public registry is busy; try again in ${BUSY_RETRY_AFTER_SECONDS} s`, {
          retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS,
        });
      }
      throw e;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
