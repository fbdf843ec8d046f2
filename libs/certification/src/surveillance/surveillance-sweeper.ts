import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig, PeriodicTask } from '@app/shared';
import { SurveillanceService } from './surveillance.service';

/**
 * The surveillance sweep on the worker's timer (SWEEP_INTERVAL_MS): a daily job in substance, run
 * more often because a round is idempotent and cheap when nothing is due.
 */
@Injectable()
export class SurveillanceSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SurveillanceSweeper.name);
  private readonly task = new PeriodicTask('surveillance sweep', () => this.surveillance.sweep(), this.logger);

  constructor(
    private readonly surveillance: SurveillanceService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start(this.config.SWEEP_INTERVAL_MS, true);
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}
