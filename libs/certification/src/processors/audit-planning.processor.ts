import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { OutboxProcessor, workerOptions } from '@app/queue';
import { AuditPlanner } from '../audits/audit-planner';

@Processor('audit-planning', workerOptions())
export class AuditPlanningProcessor extends OutboxProcessor<{ applicationId: string }> {
  constructor(
    db: DataSource,
    private readonly planner: AuditPlanner,
  ) {
    super(db);
  }

  protected handle(job: Job<{ applicationId: string; outboxId: string }>) {
    return this.planner.planInitialAudit(job.data.applicationId, job.data.outboxId);
  }
}
