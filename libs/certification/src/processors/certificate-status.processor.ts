import { DataSource } from 'typeorm';
import { JobOf, OutboxProcessor, ProcessorOf } from '@app/queue';
import { StandardTransitions } from '../certificates/standard-transition';
import { StandardWithdrawals } from '../certificates/standard-withdrawal';
import { CertificatesService } from '../certificates/certificates.service';

@ProcessorOf('certificate-status')
export class CertificateStatusProcessor extends OutboxProcessor<'certificate-status'> {
  constructor(
    db: DataSource,
    private readonly certificates: CertificatesService,
    private readonly transitions: StandardTransitions,
    private readonly withdrawals: StandardWithdrawals,
  ) {
    super(db);
  }

  protected handle(job: JobOf<'certificate-status'>) {
    switch (job.name) {
      case 'expire-certificate':
        return this.certificates.expire(job.data.certificateId, job.data.outboxId);
      case 'start-standard-transition':
        return this.transitions.start(job.data.standardId, job.data.after, job.data.outboxId);
      case 'flag-standard-withdrawal':
        return this.withdrawals.flag(job.data.standardId, job.data.after, job.data.outboxId);
    }
  }
}
