import { Processor } from '@nestjs/bullmq';
import { DataSource } from 'typeorm';
import { JobOf, OutboxProcessor, workerOptions } from '@app/queue';
import { CertificateIssuer } from '../certificates/certificate-issuer';

@Processor('certificate-issue', workerOptions())
export class CertificateIssueProcessor extends OutboxProcessor<'certificate-issue'> {
  constructor(
    db: DataSource,
    private readonly issuer: CertificateIssuer,
  ) {
    super(db);
  }

  protected handle(job: JobOf<'certificate-issue'>) {
    return this.issuer.issue(job.data.applicationId, job.data.outboxId);
  }
}
