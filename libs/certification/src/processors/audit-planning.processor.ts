import { DataSource } from 'typeorm';
import { JobOf, OutboxProcessor, ProcessorOf } from '@app/queue';
import { AuditPlanner } from '../audits/audit-planner';

@ProcessorOf('audit-planning')
export class AuditPlanningProcessor extends OutboxProcessor<'audit-planning'> {
  constructor(
    db: DataSource,
    private readonly planner: AuditPlanner,
  ) {
    super(db);
  }

  protected handle(job: JobOf<'audit-planning'>) {
    switch (job.name) {
      case 'plan-initial-audit':
        return this.planner.planInitialAudit(job.data.applicationId, job.data.outboxId);
      case 'plan-certificate-audit':
        return this.planner.planCertificateAudit(job.data, job.data.outboxId);
    }
  }
}
