import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig, PeriodicTask } from '@app/shared';
import { EvidenceFilesService } from './evidence-files.service';

/**
 * Removes evidence files left unattached for longer than EVIDENCE_UNATTACHED_HOURS (uploads never
 * used, test reports replaced on a finding), at start and then every SWEEP_INTERVAL_MS. Runs in
 * the workers that serve certificate-status, beside the certificate sweep.
 */
@Injectable()
export class EvidenceSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EvidenceSweeper.name);
  private readonly task = new PeriodicTask('evidence sweep', () => this.sweep(), this.logger);

  constructor(
    private readonly evidence: EvidenceFilesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start(this.config.SWEEP_INTERVAL_MS, true);
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** One round, in small transactions (SKIP LOCKED, so two workers share the work), until none is left. */
  async sweep(): Promise<number> {
    const before = new Date(Date.now() - this.config.EVIDENCE_UNATTACHED_HOURS * 3_600_000);
    let removed = 0;
    for (let n = await this.evidence.removeAbandoned(before); n > 0; n = await this.evidence.removeAbandoned(before)) removed += n;
    if (removed) this.logger.log({ removed }, 'evidence sweep');
    return removed;
  }
}
