import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { OutboxProcessor, workerOptions } from '@app/queue';
import { LabelGenerator } from '../certificates/label-generator';

// Generating a batch is long and CPU-bound (signing): one at a time per worker process.
@Processor('label-codes', { ...workerOptions(), concurrency: 1 })
export class LabelCodesProcessor extends OutboxProcessor<{ batchId: string }> {
  constructor(
    db: DataSource,
    private readonly generator: LabelGenerator,
  ) {
    super(db);
  }

  protected handle(job: Job<{ batchId: string; outboxId: string }>) {
    return this.generator.generate(job.data.batchId, job.data.outboxId);
  }
}
