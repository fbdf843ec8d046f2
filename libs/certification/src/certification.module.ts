import { Module } from '@nestjs/common';
import { TokenSigner } from '@app/documents';
import { RegistryModule } from '@app/registry';
import { SchemeModule } from '@app/scheme';
import { LaboratoriesModule } from '@app/laboratories';
import { APP_CONFIG, AppConfig } from '@app/shared';
import { ApplicationTransitions } from './applications/application-transitions';
import { ApplicationsService } from './applications/applications.service';
import { AuditPlanner } from './audits/audit-planner';
import { AuditsService } from './audits/audits.service';
import { RecognisedReportsService } from './audits/recognised-reports.service';
import { CertificateIssuer } from './certificates/certificate-issuer';
import { CertificateEditions } from './certificates/certificate-editions';
import { CertificateChangesService } from './certificates/certificate-changes.service';
import { StandardTransitions } from './certificates/standard-transition';
import { StandardWithdrawals } from './certificates/standard-withdrawal';
import { CertificatesService } from './certificates/certificates.service';
import { LabelGenerator } from './certificates/label-generator';
import { MarkGrantsService } from './certificates/mark-grants.service';
import { VerificationService } from './certificates/verification.service';
import { DecisionsService } from './decisions/decisions.service';
import { MisuseReportsService } from './misuse-reports/misuse-reports.service';
import { ComplaintsService } from './complaints/complaints.service';
import { AppealsService } from './appeals/appeals.service';
import { EvidenceFilesService } from './evidence/evidence-files.service';
import { EVIDENCE_STORE } from './evidence/evidence-store';
import { PostgresEvidenceStore } from './evidence/postgres-evidence-store';
import { StatisticsService } from './console/statistics.service';
import { WorklistService } from './console/worklist.service';
import { SurveillanceService } from './surveillance/surveillance.service';

const services = [
  ApplicationsService,
  AuditPlanner,
  AuditsService,
  RecognisedReportsService,
  DecisionsService,
  CertificateIssuer,
  CertificateEditions,
  CertificateChangesService,
  StandardTransitions,
  StandardWithdrawals,
  CertificatesService,
  SurveillanceService,
  MarkGrantsService,
  LabelGenerator,
  VerificationService,
  MisuseReportsService,
  ComplaintsService,
  AppealsService,
  EvidenceFilesService,
  WorklistService,
  StatisticsService,
];

@Module({
  imports: [SchemeModule, RegistryModule, LaboratoriesModule],
  providers: [
    ...services,
    ApplicationTransitions,
    // Evidence content lives in PostgreSQL; an object store would be bound here instead.
    { provide: EVIDENCE_STORE, useClass: PostgresEvidenceStore },
    // One signing key per process, from configuration (or the development key in STATE_DIR).
    { provide: TokenSigner, inject: [APP_CONFIG], useFactory: (c: AppConfig) => TokenSigner.fromConfig(c) },
  ],
  exports: [...services, TokenSigner],
})
export class CertificationModule {}
