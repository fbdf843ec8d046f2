import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { OutboxProcessor, workerOptions } from '@app/queue';
import { AuditsService } from '../audits/audits.service';

@Processor('audit-evaluation', workerOptions())
export class AuditEvaluationProcessor extends OutboxProcessor<{ auditId: string }> {
  constructor(
    db: DataSource,
    private readonly audits: AuditsService,
  ) {
    super(db);
  }

  protected handle(job: Job<{ auditId: string; outboxId: string }>) {
    return this.audits.evaluate(job.data.auditId, job.data.outboxId);
  }
}
