import { Processor } from '@nestjs/bullmq';
import { DataSource } from 'typeorm';
import { JobOf, OutboxProcessor, workerOptions } from '@app/queue';
import { AuditPlanner } from '../audits/audit-planner';

@Processor('audit-planning', workerOptions())
export class AuditPlanningProcessor extends OutboxProcessor<'audit-planning'> {
  constructor(
    db: DataSource,
    private readonly planner: AuditPlanner,
  ) {
    super(db);
  }

  protected handle(job: JobOf<'audit-planning'>) {
    return this.planner.planInitialAudit(job.data.applicationId, job.data.outboxId);
  }
}
