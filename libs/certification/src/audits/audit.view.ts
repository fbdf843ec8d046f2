import { ApiProperty, OmitType } from '@nestjs/swagger';
import { RequirementView } from '@app/scheme';
import { EvidenceFileRef } from '../evidence/evidence-file.view';
import { APPLICATION_STATUSES, ApplicationStatus } from '../applications/application-status.machine';
import {
  AUDIT_KINDS,
  AUDIT_OUTCOMES,
  AUDIT_STATUSES,
  AuditKind,
  AuditOutcome,
  auditMachine,
  AuditStatus,
  NONCONFORMITY_STATUSES,
  NonconformityStatus,
} from './audit-status.machine';

import { CERTIFICATE_DECISION_OUTCOMES, CertificateDecisionOutcome } from '../surveillance/surveillance.dto';

type AuditAction = (typeof auditMachine.actions)[number];

export class AuditApplicationRef {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'SZS-A-2026-000001' }) number: string;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status: ApplicationStatus;
}

export class AuditEnterpriseRef {
  @ApiProperty() id: string;
  @ApiProperty() nameZh: string;
}

export class AuditCertificateRef {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'SZS-2026-000001-6' }) number: string;
}

export const AUDIT_TRIGGERS = [
  'application',
  'schedule',
  'complaint',
  'misuse_report',
  'counterfeit_signal',
  'abnormal_operations',
  'transition',
  'scope_extension',
  'renewal',
  'appeal',
  'inspection',
] as const;
export type AuditTrigger = (typeof AUDIT_TRIGGERS)[number];

export class AssignedAuditor {
  @ApiProperty() id: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ description: 'the lead auditor of the audit' }) lead: boolean;
}

export class AuditSummary {
  @ApiProperty() id: string;
  @ApiProperty({ enum: AUDIT_KINDS }) kind: AuditKind;
  @ApiProperty({ enum: AUDIT_STATUSES }) status: AuditStatus;
  @ApiProperty({ nullable: true, type: String, enum: AUDIT_OUTCOMES, description: 'set by the evaluation' }) outcome: AuditOutcome | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date',
    example: '2026-04-10',
    description: 'null for the enterprise while an unannounced audit has not started',
  })
  plannedOn: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) startedAt: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) submittedAt: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) evaluatedAt: Date | null;
  @ApiProperty({ type: AuditApplicationRef }) application: AuditApplicationRef;
  @ApiProperty({ type: AuditEnterpriseRef }) enterprise: AuditEnterpriseRef;
  @ApiProperty({ type: [AssignedAuditor], description: 'the lead first' }) auditors: AssignedAuditor[];
  @ApiProperty({ nullable: true, type: AuditCertificateRef, description: 'the issued certificate a surveillance or special audit checks' })
  certificate: AuditCertificateRef | null;
  @ApiProperty({ enum: AUDIT_TRIGGERS, description: "why it was planned: 'application' for an application's audit, 'schedule' for surveillance" })
  trigger: (typeof AUDIT_TRIGGERS)[number];
  @ApiProperty({ nullable: true, type: Number, description: "a surveillance audit's cycle (1, 2...)" }) cycle: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'date', description: "a surveillance audit's due date" }) dueOn: string | null;
  @ApiProperty({ description: 'the enterprise is not told the date before it starts' }) unannounced: boolean;
}

/** The certificate decision a failed surveillance or special audit received. */
export class AuditCertificateDecision {
  @ApiProperty({ enum: CERTIFICATE_DECISION_OUTCOMES }) outcome: CertificateDecisionOutcome;
  @ApiProperty({ nullable: true, type: [String], description: 'the models a reduce_scope decision took out; null for the other outcomes' })
  models: string[] | null;
  @ApiProperty() rationale: string;
  @ApiProperty({ type: String, format: 'date-time' }) decidedAt: Date;
}

/** A finding that rests on a recognised report (互认) instead of a test by a registered laboratory. */
export class FindingRecognition {
  @ApiProperty() recognisedReportId: string;
  @ApiProperty() agreementId: string;
  @ApiProperty({ enum: ['ilac_mra', 'hk_macao', 'scheme_certificate'] }) agreementKind: string;
  @ApiProperty({ description: 'the other party of the agreement' }) agreementParty: string;
  @ApiProperty({ description: 'who issued the report' }) issuingBody: string;
}

/** The result recorded for one requirement, with the test report it rests on. */
export class FindingView {
  @ApiProperty({ nullable: true, type: Number, description: 'for a measured requirement, in its unit' }) measuredValue: number | null;
  @ApiProperty({ description: 'computed from the bounds for a measured requirement' }) passed: boolean;
  @ApiProperty({ nullable: true, type: String }) laboratoryName: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'CNAS L0235' }) cnasNumber: string | null;
  @ApiProperty({ nullable: true, type: String }) reportNumber: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date', description: 'null for findings recorded before report dates were asked' })
  reportDate: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the registered laboratory of the report (null for a recognised report)' })
  laboratoryId: string | null;
  @ApiProperty({ nullable: true, type: FindingRecognition, description: 'set when the finding is a recognised report the auditor accepted' })
  recognised: FindingRecognition | null;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) recordedAt: string;
  @ApiProperty({ type: [EvidenceFileRef], description: 'the test report files' }) evidenceFiles: EvidenceFileRef[];
}

/** One requirement of the standard, and its finding once recorded. */
export class ChecklistItem extends OmitType(RequirementView, ['id'] as const) {
  @ApiProperty() requirementId: string;
  @ApiProperty({ nullable: true, type: FindingView, description: 'null until recorded' }) finding: FindingView | null;
}

export class NonconformityView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['major', 'minor'] }) grade: 'major' | 'minor';
  @ApiProperty({ enum: NONCONFORMITY_STATUSES }) status: NonconformityStatus;
  @ApiProperty({ description: 'with each reopening reason appended' }) description: string;
  @ApiProperty({ type: String, format: 'date', description: 'to be corrected by' }) dueOn: string;
  @ApiProperty({ nullable: true, type: String }) correctiveAction: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) answeredAt: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) closedAt: Date | null;
  @ApiProperty({ nullable: true, type: String, description: 'the clause of the requirement concerned, if any' }) clause: string | null;
  @ApiProperty({ type: [EvidenceFileRef], description: 'evidence of the corrective action, from every answer' }) evidenceFiles: EvidenceFileRef[];
}

/** A nonconformity in a list across audits: with the audit, case and enterprise it belongs to. */
export class NonconformityEntry extends NonconformityView {
  @ApiProperty() auditId: string;
  @ApiProperty({ type: AuditApplicationRef }) application: AuditApplicationRef;
  @ApiProperty({ type: AuditEnterpriseRef }) enterprise: AuditEnterpriseRef;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class AuditView extends AuditSummary {
  @ApiProperty({ nullable: true, type: [String], description: 'why the evaluation came to its outcome' }) outcomeReasons: string[] | null;
  @ApiProperty({
    type: [ChecklistItem],
    description:
      "the requirements it checks, in the standard's order: every one, or a surveillance's reduced checklist (every critical one and a rotation of the others)",
  })
  checklist: ChecklistItem[];
  @ApiProperty({ type: [NonconformityView], description: 'oldest first' }) nonconformities: NonconformityView[];
  @ApiProperty({ enum: auditMachine.actions, isArray: true, description: 'actions the caller may take now (assigned auditors only)' })
  allowedActions: AuditAction[];
  @ApiProperty({
    nullable: true,
    type: AuditCertificateDecision,
    description: 'a failed audit of a certificate awaits one (POST :id/certificate-decision) while null',
  })
  certificateDecision: AuditCertificateDecision | null;
}

/** A declared conflict of interest: the auditor is never assigned to audits of the enterprise. */
export class AuditorConflictView {
  @ApiProperty() id: string;
  @ApiProperty() auditorId: string;
  @ApiProperty() enterpriseId: string;
  @ApiProperty() reason: string;
  @ApiProperty({ type: String, format: 'date-time' }) declaredAt: Date;
}

export class AuditorConflictEntry extends AuditorConflictView {
  @ApiProperty() auditorName: string;
  @ApiProperty() enterpriseNameZh: string;
}
