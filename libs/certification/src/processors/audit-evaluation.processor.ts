import { DataSource } from 'typeorm';
import { JobOf, OutboxProcessor, ProcessorOf } from '@app/queue';
import { AuditsService } from '../audits/audits.service';

@ProcessorOf('audit-evaluation')
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
