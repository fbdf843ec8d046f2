import { DataSource } from 'typeorm';
import { JobOf, OutboxProcessor, ProcessorOf } from '@app/queue';
import { CertificateIssuer } from '../certificates/certificate-issuer';
import { CertificateChangesService } from '../certificates/certificate-changes.service';

@ProcessorOf('certificate-issue')
export class CertificateIssueProcessor extends OutboxProcessor<'certificate-issue'> {
  constructor(
    db: DataSource,
    private readonly issuer: CertificateIssuer,
    private readonly changes: CertificateChangesService,
  ) {
    super(db);
  }

  protected handle(job: JobOf<'certificate-issue'>) {
    switch (job.name) {
      case 'issue-certificate':
        return this.issuer.issue(job.data.applicationId, job.data.outboxId);
      case 'reissue-certificate':
        return this.changes.reissue(job.data, job.data.outboxId);
    }
  }
}
