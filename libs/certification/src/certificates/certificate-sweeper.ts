import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/shared';
import { CertificatesService } from './certificates.service';

/**
 * The safety net behind the scheduled expiry jobs: expires every certificate past its end date
 * and withdraws suspensions older than six months, at start and then periodically.
 */
@Injectable()
export class CertificateSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CertificateSweeper.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly certificates: CertificatesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const run = () => {
      this.running ??= this.sweep().finally(() => (this.running = undefined));
    };
    run();
    this.timer = setInterval(run, this.config.SWEEP_INTERVAL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  async sweep(): Promise<void> {
    try {
      const expired = await this.certificates.sweepExpired();
      const withdrawn = await this.certificates.sweepLongSuspensions();
      if (expired || withdrawn) this.logger.log({ expired, withdrawn }, 'certificate sweep');
    } catch (e) {
      this.logger.error(`certificate sweep failed: ${(e as Error).message}`);
    }
  }
}
