import { Inject, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/shared';
import { JobOf, OutboxProcessor, ProcessorOf } from '@app/queue';
import { NotificationsService } from './notifications.service';

@ProcessorOf('notifications')
export class NotificationsProcessor extends OutboxProcessor<'notifications'> implements OnApplicationBootstrap {
  constructor(
    db: DataSource,
    private readonly notifications: NotificationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(db);
  }

  /** Said once per worker process, so an operator sees why no e-mail leaves. */
  onApplicationBootstrap(): void {
    if (!this.config.SMTP_URL) this.logger.warn('SMTP_URL is not set: notifications go to the in-app inbox only');
  }

  protected handle(job: JobOf<'notifications'>) {
    const { name } = job;
    switch (job.name) {
      case 'notify':
        return this.notifications.notify(job.data, job.data.outboxId);
      case 'send-email':
        return this.notifications.sendEmail(job.data.deliveryId, job.data.outboxId, job.attemptsMade + 1 >= (job.opts.attempts ?? 1));
      default:
        // A row written by another release: failing it leaves it visible in the jobs view.
        throw new Error(`the notifications queue has no job named "${name}"`);
    }
  }
}
