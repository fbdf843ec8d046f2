import { Processor } from '@nestjs/bullmq';
import { DataSource } from 'typeorm';
import { JobOf, OutboxProcessor, workerOptions } from '@app/queue';
import { CertificatesService } from '../certificates/certificates.service';

@Processor('certificate-status', workerOptions())
export class CertificateStatusProcessor extends OutboxProcessor<'certificate-status'> {
  constructor(
    db: DataSource,
    private readonly certificates: CertificatesService,
  ) {
    super(db);
  }

  protected handle(job: JobOf<'certificate-status'>) {
    return this.certificates.expire(job.data.certificateId, job.data.outboxId);
  }
}
