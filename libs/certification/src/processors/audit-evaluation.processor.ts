import { Processor } from '@nestjs/bullmq';
import { DataSource } from 'typeorm';
import { JobOf, OutboxProcessor, workerOptions } from '@app/queue';
import { AuditsService } from '../audits/audits.service';

@Processor('audit-evaluation', workerOptions())
export class AuditEvaluationProcessor extends OutboxProcessor<'audit-evaluation'> {
  constructor(
    db: DataSource,
    private readonly audits: AuditsService,
  ) {
    super(db);
  }

  protected handle(job: JobOf<'audit-evaluation'>) {
    return this.audits.evaluate(job.data.auditId, job.data.outboxId);
  }
}
