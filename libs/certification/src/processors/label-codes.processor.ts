import { DataSource } from 'typeorm';
import { JobOf, OutboxProcessor, ProcessorOf } from '@app/queue';
import { LabelGenerator } from '../certificates/label-generator';

// Generating a batch is long and CPU-bound (signing): one at a time per worker process.
@ProcessorOf('label-codes', { concurrency: 1 })
export class LabelCodesProcessor extends OutboxProcessor<'label-codes'> {
  constructor(
    db: DataSource,
    private readonly generator: LabelGenerator,
  ) {
    super(db);
  }

  protected handle(job: JobOf<'label-codes'>) {
    return this.generator.generate(job.data.batchId, job.data.outboxId);
  }
}
