import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { OutboxProcessor, workerOptions } from '@app/queue';
import { CertificateIssuer } from '../certificates/certificate-issuer';

@Processor('certificate-issue', workerOptions())
export class CertificateIssueProcessor extends OutboxProcessor<{ applicationId: string }> {
  constructor(
    db: DataSource,
    private readonly issuer: CertificateIssuer,
  ) {
    super(db);
  }

  protected handle(job: Job<{ applicationId: string; outboxId: string }>) {
    return this.issuer.issue(job.data.applicationId, job.data.outboxId);
  }
}
