import { DataSource } from 'typeorm';
import { JobOf, OutboxProcessor, ProcessorOf } from '@app/queue';
import { CertificateIssuer } from '../certificates/certificate-issuer';

@ProcessorOf('certificate-issue')
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
