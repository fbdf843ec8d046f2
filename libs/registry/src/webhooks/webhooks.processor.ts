import { DataSource } from 'typeorm';
import { JobOf, OutboxProcessor, ProcessorOf } from '@app/queue';
import { WebhooksService } from './webhooks.service';

@ProcessorOf('webhooks')
export class WebhooksProcessor extends OutboxProcessor<'webhooks'> {
  constructor(
    db: DataSource,
    private readonly webhooks: WebhooksService,
  ) {
    super(db);
  }

  protected handle(job: JobOf<'webhooks'>) {
    const { name } = job;
    switch (job.name) {
      case 'fan-out':
        return this.webhooks.fanOut(job.data.sequence, job.data.outboxId);
      case 'deliver':
        return this.webhooks.deliver(job.data.deliveryId, job.data.outboxId, job.attemptsMade + 1 >= (job.opts.attempts ?? 1));
      default:
        // A row written by another release: failing it leaves it visible in the jobs view.
        throw new Error(`the webhooks queue has no job named "${name}"`);
    }
  }
}
