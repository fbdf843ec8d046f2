import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { OutboxProcessor, workerOptions } from '@app/queue';
import { WebhooksService } from './webhooks.service';

type WebhookJob = { sequence?: string; deliveryId?: string; outboxId: string };

@Processor('webhooks', workerOptions())
export class WebhooksProcessor extends OutboxProcessor<WebhookJob> {
  constructor(
    db: DataSource,
    private readonly webhooks: WebhooksService,
  ) {
    super(db);
  }

  protected handle(job: Job<WebhookJob>) {
    if (job.name === 'fan-out') return this.webhooks.fanOut(job.data.sequence!, job.data.outboxId);
    const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    return this.webhooks.deliver(job.data.deliveryId!, job.data.outboxId, final);
  }
}
