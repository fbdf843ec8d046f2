import { Identity1764190000000 } from './1764190000000-identity';
import { Scheme1764190100000 } from './1764190100000-scheme';
import { Applications1764190200000 } from './1764190200000-applications';
import { Outbox1764190300000 } from './1764190300000-outbox';
import { Audits1764190400000 } from './1764190400000-audits';
import { Certificates1764190500000 } from './1764190500000-certificates';
import { Registry1764190600000 } from './1764190600000-registry';
import { MisuseReports1764190700000 } from './1764190700000-misuse-reports';
import { CounterfeitSignals1764190800000 } from './1764190800000-counterfeit-signals';
import { Webhooks1764190900000 } from './1764190900000-webhooks';
import { CertificatePdfStorage1764191000000 } from './1764191000000-certificate-pdf-storage';
import { RegistrySearchWalk1764191100000 } from './1764191100000-registry-search-walk';
import { RegistryChangeNotify1764191200000 } from './1764191200000-registry-change-notify';
import { Credentials1764191400000 } from './1764191400000-credentials';
import { WebhookSubscriptionState1764191500000 } from './1764191500000-webhook-subscription-state';
import { LabelQuotas1764191600000 } from './1764191600000-label-quotas';
import { RegistrySearchFilters1764191700000 } from './1764191700000-registry-search-filters';
import { EvidenceFiles1764191800000 } from './1764191800000-evidence-files';
import { ConsoleReads1764191900000 } from './1764191900000-console-reads';
import { MisuseReportNote1764192000000 } from './1764192000000-misuse-report-note';
import { CertificateLifecycle1764192100000 } from './1764192100000-certificate-lifecycle';
import { Surveillance1764192200000 } from './1764192200000-surveillance';
import { CertificateChanges1764192300000 } from './1764192300000-certificate-changes';
import { ComplaintsAppeals1764192400000 } from './1764192400000-complaints-appeals';
import { Notifications1764192500000 } from './1764192500000-notifications';
import { ScopeReductionDecision1764192600000 } from './1764192600000-scope-reduction-decision';
import { SuspendedCertificatesIndex1764192700000 } from './1764192700000-suspended-certificates-index';
import { GroupStandards1764192800000 } from './1764192800000-group-standards';
import { Declarations1764192900000 } from './1764192900000-declarations';
import { Inspections1764193000000 } from './1764193000000-inspections';
import { Credit1764193100000 } from './1764193100000-credit';
import { Laboratories1764193200000 } from './1764193200000-laboratories';
import { PublicLists1764193300000 } from './1764193300000-public-lists';
import { RecognisedReportWithdrawal1764193400000 } from './1764193400000-recognised-report-withdrawal';
import { LaboratorySuspensions1764193400500 } from './1764193400500-laboratory-suspensions';

/** Every migration, in order. Listed explicitly so the built app, the CLI and the tests run the same set. */
export const migrations = [
  Identity1764190000000,
  Scheme1764190100000,
  Applications1764190200000,
  Outbox1764190300000,
  Audits1764190400000,
  Certificates1764190500000,
  Registry1764190600000,
  MisuseReports1764190700000,
  CounterfeitSignals1764190800000,
  Webhooks1764190900000,
  CertificatePdfStorage1764191000000,
  RegistrySearchWalk1764191100000,
  RegistryChangeNotify1764191200000,
  Credentials1764191400000,
  WebhookSubscriptionState1764191500000,
  LabelQuotas1764191600000,
  RegistrySearchFilters1764191700000,
  EvidenceFiles1764191800000,
  ConsoleReads1764191900000,
  MisuseReportNote1764192000000,
  CertificateLifecycle1764192100000,
  Surveillance1764192200000,
  CertificateChanges1764192300000,
  ComplaintsAppeals1764192400000,
  Notifications1764192500000,
  ScopeReductionDecision1764192600000,
  SuspendedCertificatesIndex1764192700000,
  GroupStandards1764192800000,
  Declarations1764192900000,
  Inspections1764193000000,
  Credit1764193100000,
  Laboratories1764193200000,
  PublicLists1764193300000,
  RecognisedReportWithdrawal1764193400000,
  LaboratorySuspensions1764193400500,
];
