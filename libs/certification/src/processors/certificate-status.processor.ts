import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { OutboxProcessor, workerOptions } from '@app/queue';
import { CertificatesService } from '../certificates/certificates.service';

@Processor('certificate-status', workerOptions())
export class CertificateStatusProcessor extends OutboxProcessor<{ certificateId: string }> {
  constructor(
    db: DataSource,
    private readonly certificates: CertificatesService,
  ) {
    super(db);
  }

  protected handle(job: Job<{ certificateId: string; outboxId: string }>) {
    return this.certificates.expire(job.data.certificateId, job.data.outboxId);
  }
}
