import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig, PeriodicTask } from '@app/shared';
import { CertificatesService } from './certificates.service';
import { SurveillanceService } from '../surveillance/surveillance.service';

/**
 * The safety net behind the scheduled expiry jobs: expires every certificate past its end date
 * and withdraws suspensions older than six months, at start and then periodically; and the daily
 * surveillance sweep (run as often: a round is idempotent and cheap when nothing is due).
 */
@Injectable()
export class CertificateSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CertificateSweeper.name);
  private readonly task = new PeriodicTask('certificate sweep', () => this.sweep(), this.logger);

  constructor(
    private readonly certificates: CertificatesService,
    private readonly surveillance: SurveillanceService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start(this.config.SWEEP_INTERVAL_MS, true);
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /**
   * One round: expire what is past its end date, withdraw suspensions older than six months, suspend
   * overdue standard transitions, keep the surveillance plan.
   */
  async sweep(): Promise<void> {
    const expired = await this.certificates.sweepExpired();
    const withdrawn = await this.certificates.sweepLongSuspensions();
    const transitionsOverdue = await this.certificates.sweepTransitionDeadlines();
    if (expired || withdrawn || transitionsOverdue) this.logger.log({ expired, withdrawn, transitionsOverdue }, 'certificate sweep');
    await this.surveillance.sweep();
  }
}
