import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { APP_CONFIG, AppConfig } from '@app/shared';

/** The channel a trigger on registry_entries notifies, with the certificate number, at every commit. */
export const REGISTRY_CHANNEL = 'registry_entry_changed';

/** The listener proves it is keeping up this often. */
const HEARTBEAT_MS = 150;
/** Kept well inside the promised second: two heartbeats, and room for a slow event loop. */
const SERVE_WHILE_DELIVERED_WITHIN_MS = 600;
const MAX_ENTRIES = 200_000;
/** A heartbeat unanswered this long means the connection is gone, error or not. */
const WATCHDOG_MS = 2000;
/** After a failed or lost connection, the next attempt waits at least this long. */
const RECONNECT_MS = 1000;

/**
 * The public registry entries verification reads, kept in memory and dropped the moment Postgres
 * says they changed (LISTEN/NOTIFY, sent by a trigger at commit).
 *
 * Why no answer shows an entry more than a second after a change to it committed: Postgres sends a listener its notifications
 * in commit order on the same connection as query results. When a heartbeat query completes,
 * every notification of a transaction committed before the previous heartbeat was sent has
 * therefore arrived (and been applied: node handles the socket's messages in order). The cache
 * answers only while that point is less than SERVE_WHILE_DELIVERED_WITHIN_MS old; a stalled or
 * lost listener makes every read go to the database until it is back, and a new connection
 * starts with an empty cache (what it missed while away is unknown). A read that overlapped a
 * notification is not kept: it may have seen the row before the change.
 */
@Injectable()
export class RegistryCache implements OnApplicationShutdown {
  private readonly logger = new Logger(RegistryCache.name);
  private readonly entries: LRUCache<string, { row: unknown }> | null;
  private listener?: Client;
  private connecting = false;
  private nextAttemptAt = 0;
  private stopped = false;
  private heartbeatTimer?: NodeJS.Timeout;
  private watchdog?: NodeJS.Timeout;
  /** Every commit before this moment has been delivered (performance.now() time). */
  private deliveredBefore = -Infinity;
  private lastNotificationAt = -Infinity;
  /** Changes when a connection is lost or made: a read begun under another generation is not kept. */
  private generation = 0;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const ttl = config.REGISTRY_CACHE_SECONDS * 1000;
    this.entries = ttl > 0 ? new LRUCache({ max: MAX_ENTRIES, ttl, ttlAutopurge: false }) : null;
  }

  /**
   * The entry for a certificate number, from memory when that is provably fresh, else from
   * `load`; with the moment the answer is known to be true as of.
   */
  async get<T>(number: string, load: () => Promise<T | undefined>): Promise<{ row: T | undefined; asOf: Date }> {
    if (!this.entries) return { asOf: new Date(), row: await load() };
    this.startListening();
    const now = performance.now();
    const usable = now - this.deliveredBefore < SERVE_WHILE_DELIVERED_WITHIN_MS;
    if (usable) {
      const hit = this.entries.get(number);
      if (hit) return { row: hit.row as T | undefined, asOf: new Date(Date.now() - (now - this.deliveredBefore)) };
    }
    const asOf = new Date();
    const generation = this.generation;
    const row = await load();
    if (usable && generation === this.generation && this.lastNotificationAt < now) this.entries.set(number, { row });
    return { row, asOf };
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.heartbeatTimer);
    clearTimeout(this.watchdog);
    await this.listener?.end().catch(() => undefined);
  }

  /**
   * Started by the first read, so processes that never verify (the worker) hold no connection;
   * after a failure the next read tries again, at most once per RECONNECT_MS.
   */
  private startListening(): void {
    if (this.listener || this.connecting || this.stopped || performance.now() < this.nextAttemptAt) return;
    this.connecting = true;
    this.nextAttemptAt = performance.now() + RECONNECT_MS;
    void this.connect().finally(() => (this.connecting = false));
  }

  private async connect(): Promise<void> {
    // A connect that hangs (the database unreachable) must not keep `connecting` set for ever.
    const client = new Client({
      connectionString: this.config.DATABASE_URL,
      application_name: 'szs-registry-cache',
      keepAlive: true,
      connectionTimeoutMillis: 2000,
    });
    client.on('error', (e) => this.lost(client, e.message));
    client.on('end', () => this.lost(client, 'connection closed'));
    client.on('notification', (n) => {
      this.lastNotificationAt = performance.now();
      if (n.payload) this.entries?.delete(n.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${REGISTRY_CHANNEL}`);
    } catch (e) {
      this.logger.warn(`registry cache listener could not start: ${(e as Error).message}; reading from the database`);
      await client.end().catch(() => undefined);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.entries?.clear(); // whatever changed while nobody listened is unknown
    this.generation++;
    this.listener = client;
    void this.heartbeat(client, performance.now());
  }

  /** Gives up on a connection: every read goes to the database until a new one has proved itself. */
  private lost(client: Client, why: string): void {
    if (this.listener !== client) return;
    this.logger.warn(`registry cache listener lost (${why}); reading from the database until it is back`);
    this.listener = undefined;
    this.generation++;
    this.deliveredBefore = -Infinity;
    clearTimeout(this.heartbeatTimer);
    clearTimeout(this.watchdog);
    void client.end().catch(() => undefined);
  }

  /** Each completed round trip proves delivery of every commit before the previous one was sent. */
  private async heartbeat(client: Client, previousSentAt: number): Promise<void> {
    if (this.listener !== client || this.stopped) return;
    const sentAt = performance.now();
    // A connection that stops answering without an error (a hung socket) must not keep the cache off for ever.
    this.watchdog = setTimeout(() => this.lost(client, `no heartbeat answer in ${WATCHDOG_MS} ms`), WATCHDOG_MS);
    try {
      await client.query('SELECT 1');
    } catch (e) {
      this.lost(client, (e as Error).message);
      return;
    } finally {
      clearTimeout(this.watchdog);
    }
    if (this.listener !== client || this.stopped) return;
    this.deliveredBefore = previousSentAt;
    this.heartbeatTimer = setTimeout(() => void this.heartbeat(client, sentAt), HEARTBEAT_MS);
  }
}
