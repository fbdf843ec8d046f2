import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { REDIS } from '@app/persistence';
import { enqueue, planCertificateAudit } from '@app/queue';
import { addressPrefix, APP_CONFIG, AppConfig } from '@app/shared';

export interface Sighting {
  kind: 'certificate' | 'label';
  code: string;
  certificateId: string;
  certificationBodyId: string;
  certificateStatus: string;
  clientAddress: string;
}

const FLUSH_MS = 2000;

/** The network an address belongs to, as text: its /24 (IPv4, also when IPv4-mapped) or its /48 (IPv6). */
export const networkPrefix = (address: string): string => addressPrefix(address, 24, 48);

/** A network, not a person: the /24 of an IPv4 address or the /48 of an IPv6 one, hashed. */
export function networkOf(address: string): string {
  return createHash('sha256').update(networkPrefix(address)).digest('base64url').slice(0, 16);
}

/**
 * Counts every verification per code and raises counterfeit signals for the certification body:
 * a label code verified from many distinct networks within a window (one printed code copied onto
 * many products), or any code of a certificate that has ended. Distinct networks are counted in
 * Redis (HyperLogLog per code and window); counts are added up in memory and written to Postgres
 * every two seconds, so a verification costs one Redis round trip and no database write.
 */
@Injectable()
export class CounterfeitDetector implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(CounterfeitDetector.name);
  private pending = new Map<string, { kind: string; certificateId: string; n: number }>();
  /** Per Shanghai day, certification body and kind: the dashboard's history, which `verification_counts` (totals per code) cannot give. */
  private pendingDaily = new Map<string, { day: string; certificationBodyId: string; kind: string; n: number }>();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly db: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.flush(), FLUSH_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  /** Never fails the verification it observes: problems are logged. */
  async record(s: Sighting): Promise<void> {
    const seen = this.pending.get(s.code);
    if (seen) seen.n++;
    else this.pending.set(s.code, { kind: s.kind, certificateId: s.certificateId, n: 1 });
    // The day of the verification, not of the flush: a batch that straddles midnight counts each side on its day.
    const day = shanghaiDay(Date.now());
    const dailyKey = `${day}|${s.certificationBodyId}|${s.kind}`;
    const daily = this.pendingDaily.get(dailyKey);
    if (daily) daily.n++;
    else this.pendingDaily.set(dailyKey, { day, certificationBodyId: s.certificationBodyId, kind: s.kind, n: 1 });
    try {
      if (['withdrawn', 'cancelled', 'expired'].includes(s.certificateStatus)) {
        await this.raise(s, 'ended_certificate', null);
      }
      if (s.kind === 'label') {
        const window = Math.floor(Date.now() / 1000 / this.config.COUNTERFEIT_WINDOW_SECONDS);
        const key = `${this.config.REDIS_PREFIX}:verify:networks:${s.code}:${window}`;
        const result = await this.redis
          .multi()
          .pfadd(key, networkOf(s.clientAddress))
          .pfcount(key)
          .expire(key, this.config.COUNTERFEIT_WINDOW_SECONDS * 2)
          .exec();
        const networks = Number(result?.[1]?.[1] ?? 0);
        if (networks >= this.config.COUNTERFEIT_DISTINCT_NETWORKS) await this.raise(s, 'many_networks', networks);
      }
    } catch (e) {
      this.logger.warn(`could not record a verification of ${s.code}: ${(e as Error).message}`);
    }
  }

  /** One open signal per code and reason; Redis remembers for a window that it was raised, to spare the database. */
  private async raise(s: Sighting, reason: 'many_networks' | 'ended_certificate', networks: number | null): Promise<void> {
    const marker = `${this.config.REDIS_PREFIX}:verify:signalled:${reason}:${s.code}`;
    const first = await this.redis.set(marker, '1', 'EX', Math.min(this.config.COUNTERFEIT_WINDOW_SECONDS, 300), 'NX');
    if (!first) return;
    await this.db.transaction(async (tx) => {
      const [signal]: { id: string; raised: boolean }[] = await tx.query(
        `INSERT INTO counterfeit_signals (code, kind, reason, certificate_id, certification_body_id, distinct_networks)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (code, reason) WHERE status = 'open'
         DO UPDATE SET last_seen_at = now(), distinct_networks = greatest(counterfeit_signals.distinct_networks, EXCLUDED.distinct_networks)
         RETURNING id, xmax = 0 AS raised`,
        [s.code, s.kind, reason, s.certificateId, s.certificationBodyId, networks],
      );
      // A new signal is a risk signal for its certificate: an unannounced special audit, one per signal
      // (the planner ignores a certificate that has ended, as an ended_certificate signal's has).
      if (signal.raised && reason === 'many_networks') {
        await enqueue(
          tx,
          planCertificateAudit(
            { certificateId: s.certificateId, kind: 'special', trigger: 'counterfeit_signal', sourceId: signal.id, unannounced: true },
            s.certificationBodyId,
          ),
        );
      }
    });
  }

  /**
   * Writes the counts gathered since the last flush in one statement: the totals per code and the
   * day's totals per certification body, both or neither.
   */
  async flush(): Promise<void> {
    if (!this.pending.size) return;
    const batch = this.pending;
    const daily = [...this.pendingDaily.values()];
    this.pending = new Map();
    this.pendingDaily = new Map();
    const codes = [...batch.keys()];
    try {
      await this.db.query(
        `WITH codes AS (
           INSERT INTO verification_counts (code, kind, certificate_id, count)
           SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[], $4::bigint[])
           ON CONFLICT (code) DO UPDATE SET count = verification_counts.count + EXCLUDED.count, last_at = now()
         )
         INSERT INTO verification_daily_counts (day, certification_body_id, kind, count)
         SELECT * FROM unnest($5::date[], $6::uuid[], $7::text[], $8::bigint[])
         ON CONFLICT (day, certification_body_id, kind) DO UPDATE SET count = verification_daily_counts.count + EXCLUDED.count`,
        [
          codes,
          codes.map((c) => batch.get(c)!.kind),
          codes.map((c) => batch.get(c)!.certificateId),
          codes.map((c) => batch.get(c)!.n),
          daily.map((d) => d.day),
          daily.map((d) => d.certificationBodyId),
          daily.map((d) => d.kind),
          daily.map((d) => d.n),
        ],
      );
    } catch (e) {
      this.logger.warn(`could not write verification counts: ${(e as Error).message}`);
    }
  }
}

/** The calendar day in Shenzhen (UTC+8 all year: China keeps no daylight saving time), as YYYY-MM-DD. */
export function shanghaiDay(epochMs: number): string {
  return new Date(epochMs + 8 * 3600_000).toISOString().slice(0, 10);
}
