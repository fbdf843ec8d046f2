import { ApiProperty } from '@nestjs/swagger';
import { RISK_CLASSES, RiskClass } from './draw/inspection-draw';
import { InspectionOutcome, OUTCOMES, TARGET_KINDS, TargetKind } from './inspection.dto';
import { PLAN_STATUSES, PlanStatus } from './inspection-plan.machine';

export class MatterView {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'SZS-MARK-01' }) code: string;
  @ApiProperty() nameZh: string;
  @ApiProperty({ nullable: true, type: String }) nameEn: string | null;
  @ApiProperty() legalBasis: string;
  @ApiProperty({ enum: TARGET_KINDS, isArray: true }) targetKinds: TargetKind[];
  @ApiProperty() createdAt: Date;
}

export class InspectedEnterprise {
  @ApiProperty() id: string;
  @ApiProperty() nameZh: string;
  @ApiProperty({ nullable: true, type: String }) nameEn: string | null;
  @ApiProperty({ description: '统一社会信用代码' }) creditCode: string;
}

export class TargetView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: TARGET_KINDS }) kind: TargetKind;
  @ApiProperty({ description: 'the self-declaration, certificate or enterprise it stands for' }) subjectId: string;
  @ApiProperty({ description: "what it is, in a word: the declaration's product, the certificate number, the enterprise's name" }) label: string;
  @ApiProperty({ type: InspectedEnterprise }) enterprise: InspectedEnterprise;
  @ApiProperty({ enum: RISK_CLASSES }) riskClass: RiskClass;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class TargetSyncView {
  @ApiProperty({ description: 'targets added to the register' }) added: number;
}

export class InspectorConflictView {
  @ApiProperty() enterpriseId: string;
  @ApiProperty() enterpriseNameZh: string;
  @ApiProperty() reason: string;
  @ApiProperty() declaredAt: Date;
}

export class InspectorView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() unit: string;
  @ApiProperty() badgeNumber: string;
  @ApiProperty() active: boolean;
  @ApiProperty({ type: [InspectorConflictView] }) conflicts: InspectorConflictView[];
}

export class RatesView {
  @ApiProperty() A: number;
  @ApiProperty() B: number;
  @ApiProperty() C: number;
  @ApiProperty() D: number;
}

export class MatterRef {
  @ApiProperty() id: string;
  @ApiProperty() code: string;
  @ApiProperty() nameZh: string;
  @ApiProperty({ nullable: true, type: String }) nameEn: string | null;
}

export class InspectorRef {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() unit: string;
  @ApiProperty() badgeNumber: string;
}

export class InspectionFindingView {
  @ApiProperty() matterId: string;
  @ApiProperty() matterCode: string;
  @ApiProperty() text: string;
}

export class ResultView {
  @ApiProperty({ enum: OUTCOMES }) outcome: InspectionOutcome;
  @ApiProperty({ example: '2026-05-12' }) inspectedOn: string;
  @ApiProperty({ type: [String], description: 'ids of the drawn inspectors who were present' }) inspectorsPresent: string[];
  @ApiProperty({ type: [InspectionFindingView] }) findings: InspectionFindingView[];
  @ApiProperty() recordedAt: Date;
}

/** One drawn target: what it is, its inspectors and (once recorded, and for the public once published) its result. */
export class DrawnTargetView {
  @ApiProperty({ description: 'its place in the draw, from 1' }) position: number;
  @ApiProperty() targetId: string;
  @ApiProperty({ enum: TARGET_KINDS }) kind: TargetKind;
  @ApiProperty() subjectId: string;
  @ApiProperty() label: string;
  @ApiProperty({ type: InspectedEnterprise }) enterprise: InspectedEnterprise;
  @ApiProperty({ enum: RISK_CLASSES }) riskClass: RiskClass;
  @ApiProperty({ type: [InspectorRef] }) inspectors: InspectorRef[];
  @ApiProperty({ type: ResultView, nullable: true }) result: ResultView | null;
}

/** A plan as the regulator sees it (the seed stays null until the draw, even here). */
export class PlanView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() year: number;
  @ApiProperty({ enum: PLAN_STATUSES }) status: PlanStatus;
  @ApiProperty({ type: [MatterRef] }) matters: MatterRef[];
  @ApiProperty({ type: RatesView, description: 'sampling rate per risk class, whole percent' }) rates: RatesView;
  @ApiProperty() inspectorsPerTarget: number;
  @ApiProperty({ nullable: true, type: String, example: 'szs-inspection-draw/1' }) algorithm: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'SHA-256 of the seed, published at commit' }) commitment: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the 32-byte seed (hex), published only once drawn' }) seed: string | null;
  @ApiProperty({ nullable: true, type: String }) populationHash: string | null;
  @ApiProperty({ nullable: true, type: String }) inspectorsHash: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'targets in the frozen population' }) populationSize: number | null;
  @ApiProperty({ nullable: true, type: Date }) committedAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) drawnAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) resultsPublishedAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) closedAt: Date | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: [DrawnTargetView], description: 'the draw, in order (empty before it)' }) draw: DrawnTargetView[];
}

export class PopulationTargetView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: TARGET_KINDS }) kind: TargetKind;
  @ApiProperty() subjectId: string;
  @ApiProperty() enterpriseId: string;
  @ApiProperty({ enum: RISK_CLASSES }) riskClass: RiskClass;
}

export class PopulationInspectorView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() unit: string;
  @ApiProperty() badgeNumber: string;
  @ApiProperty({ type: [String], description: 'enterprises the inspector declared a conflict with (never drawn for them)' }) conflicts: string[];
}

export class DrawResultEntry {
  @ApiProperty() targetId: string;
  @ApiProperty({ enum: RISK_CLASSES }) riskClass: RiskClass;
  @ApiProperty({ type: [String] }) inspectorIds: string[];
}

/**
 * A plan as the public sees it from its commitment on: everything needed to re-run the draw
 * (docs/inspection-draw.md): the algorithm, the seed once drawn, the frozen population in the
 * published order, and the result; the results of the inspections once published.
 */
export class PublicPlanView extends PlanView {
  @ApiProperty({ type: [PopulationTargetView], description: 'the frozen population of targets (canonical form, hashed)' })
  population: PopulationTargetView[];
  @ApiProperty({ type: [PopulationInspectorView], description: 'the frozen population of inspectors (canonical form, hashed)' })
  inspectors: PopulationInspectorView[];
  @ApiProperty({ type: [DrawResultEntry], nullable: true, description: 'what drawInspection returned; null before the draw' })
  result: DrawResultEntry[] | null;
}

export class PublicPlanSummary {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() year: number;
  @ApiProperty({ enum: PLAN_STATUSES }) status: PlanStatus;
  @ApiProperty() commitment: string;
  @ApiProperty({ nullable: true, type: String }) seed: string | null;
  @ApiProperty() populationSize: number;
  @ApiProperty() drawnCount: number;
  @ApiProperty({ nullable: true, type: Number, description: 'nonconforming results, once published' }) nonconformingCount: number | null;
  @ApiProperty() committedAt: Date;
  @ApiProperty({ nullable: true, type: Date }) drawnAt: Date | null;
}

export class VerificationView {
  @ApiProperty({ example: 'szs-inspection-draw/1' }) algorithm: string;
  @ApiProperty({ description: 'the plan has been drawn (its seed is public)' }) drawn: boolean;
  @ApiProperty({ nullable: true, type: Boolean, description: 'SHA-256(seed) equals the commitment published before the draw' })
  commitmentMatches: boolean | null;
  @ApiProperty({ description: 'the published population hashes to the published hash' }) populationHashMatches: boolean;
  @ApiProperty() inspectorsHashMatches: boolean;
  @ApiProperty({ nullable: true, type: Boolean, description: 'the draw re-run from the published seed and population gives the recorded result' })
  drawMatches: boolean | null;
  @ApiProperty({ description: 'all of the above hold (false before the draw)' }) matches: boolean;
}

/** An inspection result as the credit record lists it for an enterprise (published results only). */
export class EnterpriseInspectionResult {
  @ApiProperty() planId: string;
  @ApiProperty() planName: string;
  @ApiProperty() year: number;
  @ApiProperty({ enum: TARGET_KINDS }) kind: TargetKind;
  @ApiProperty() label: string;
  @ApiProperty({ enum: OUTCOMES }) outcome: InspectionOutcome;
  @ApiProperty() inspectedOn: string;
  @ApiProperty({ type: [InspectionFindingView] }) findings: InspectionFindingView[];
}
