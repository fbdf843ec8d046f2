import { Module } from '@nestjs/common';
import { CertificationModule } from '@app/certification';
import { ApplicationsController } from './applications.controller';
import { AuditorConflictsController } from './auditor-conflicts.controller';
import { AuditsController } from './audits.controller';
import { CertificatesController } from './certificates.controller';
import { CertificateChangesController } from './certificate-changes.controller';
import { EvidenceFilesController } from './evidence-files.controller';
import { MarkGrantsController } from './mark-grants.controller';
import { MisuseReportsController } from './misuse-reports.controller';
import { NonconformitiesController } from './nonconformities.controller';

/** A certification case from application to certificate, mark grants and label codes, and the handling of misuse reports. */
@Module({
  imports: [CertificationModule],
  controllers: [
    ApplicationsController,
    AuditsController,
    NonconformitiesController,
    AuditorConflictsController,
    CertificatesController,
    CertificateChangesController,
    MarkGrantsController,
    MisuseReportsController,
    EvidenceFilesController,
  ],
})
export class CertificationHttpModule {}
