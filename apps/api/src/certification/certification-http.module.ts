import { Module } from '@nestjs/common';
import { CertificationModule } from '@app/certification';
import { AppealsController } from './appeals.controller';
import { ApplicationsController } from './applications.controller';
import { AuditorConflictsController } from './auditor-conflicts.controller';
import { AuditsController } from './audits.controller';
import { CertificatesController } from './certificates.controller';
import { CertificateChangesController } from './certificate-changes.controller';
import { ComplaintsController } from './complaints.controller';
import { EvidenceFilesController } from './evidence-files.controller';
import { MarkGrantsController } from './mark-grants.controller';
import { MisuseReportsController } from './misuse-reports.controller';
import { NonconformitiesController } from './nonconformities.controller';
import { RecognisedReportsController } from './recognised-reports.controller';

/** A certification case from application to certificate, mark grants and label codes, the handling of misuse reports, complaints and appeals. */
@Module({
  imports: [CertificationModule],
  controllers: [
    ApplicationsController,
    AuditsController,
    RecognisedReportsController,
    NonconformitiesController,
    AuditorConflictsController,
    CertificatesController,
    CertificateChangesController,
    MarkGrantsController,
    MisuseReportsController,
    ComplaintsController,
    AppealsController,
    EvidenceFilesController,
  ],
})
export class CertificationHttpModule {}
