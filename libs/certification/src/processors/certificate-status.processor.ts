import { DataSource } from 'typeorm';
import { JobOf, OutboxProcessor, ProcessorOf } from '@app/queue';
import { CertificatesService } from '../certificates/certificates.service';

@ProcessorOf('certificate-status')
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
