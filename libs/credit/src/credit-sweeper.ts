import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig, PeriodicTask } from '@app/shared';
import { CreditActionsService } from './credit-actions.service';
import { CreditApplicationsService } from './credit-applications.service';

/**
 * The daily credit sweep, run as often as the other sweeps (a round is idempotent and cheap when
 * nothing is due): credit actions done on the certificate's own route are closed, overdue ones
 * remind the body and escalate to the regulator, undecided applications past 7 days are flagged.
 */
@Injectable()
export class CreditSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CreditSweeper.name);
  private readonly task = new PeriodicTask('credit sweep', () => this.sweep(), this.logger);

  constructor(
    private readonly actions: CreditActionsService,
    private readonly applications: CreditApplicationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start(this.config.SWEEP_INTERVAL_MS, true);
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** One round as of `today` (a Shenzhen date, YYYY-MM-DD; tests pass their own). */
  async sweep(today?: string): Promise<{ handedOver: number; closed: number; lapsed: number; escalated: number; applicationsFlagged: number }> {
    const actions = await this.actions.sweep(today);
    const applicationsFlagged = await this.applications.sweepOverdue(today);
    if (actions.handedOver || actions.closed || actions.lapsed || actions.escalated || applicationsFlagged)
      this.logger.log({ ...actions, applicationsFlagged }, 'credit sweep');
    return { ...actions, applicationsFlagged };
  }
}
