import { ApiProperty, OmitType } from '@nestjs/swagger';
import { AGREEMENT_KINDS, AgreementKind } from './laboratory.dto';
import {
  AGREEMENT_STATUSES,
  AgreementStatus,
  LABORATORY_STATUSES,
  laboratoryMachine,
  LaboratoryStatus,
  PUBLIC_LABORATORY_STATUSES,
  PublicLaboratoryStatus,
} from './laboratory.machines';
import type { LaboratoryAction } from './laboratory.machines';

export class ScopeLineView {
  @ApiProperty() id: string;
  @ApiProperty() objectTested: string;
  @ApiProperty() parameterZh: string;
  @ApiProperty({ nullable: true, type: String }) parameterEn: string | null;
  @ApiProperty() standardCode: string;
  @ApiProperty({ nullable: true, type: String, description: 'null: the whole standard' }) clause: string | null;
  @ApiProperty({ nullable: true, type: String }) limits: string | null;
}

/** A period of suspension: a report dated from `from` up to the day before `until` is not backed by the laboratory. */
export class LaboratorySuspensionView {
  @ApiProperty({ type: String, format: 'date', description: 'the first day suspended' }) from: string;
  @ApiProperty({ nullable: true, type: String, format: 'date', description: 'the first day accredited again; null: still suspended' })
  until: string | null;
  @ApiProperty({ description: 'why CNAS suspended it' }) reason: string;
}

export class LaboratorySummary {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'L0235' }) cnasNumber: string;
  @ApiProperty() nameZh: string;
  @ApiProperty({ nullable: true, type: String }) nameEn: string | null;
  @ApiProperty() address: string;
  @ApiProperty({ type: String, format: 'date' }) accreditedFrom: string;
  @ApiProperty({ type: String, format: 'date' }) accreditedUntil: string;
  @ApiProperty({ enum: LABORATORY_STATUSES }) status: LaboratoryStatus;
  @ApiProperty({ description: 'how many scope lines it has' }) scopeLineCount: number;
}

export class LaboratoryView extends LaboratorySummary {
  @ApiProperty({ type: [ScopeLineView], description: 'in the order given' }) scopeLines: ScopeLineView[];
  @ApiProperty({ enum: laboratoryMachine.actions, isArray: true, description: 'what the regulator may do now' }) allowedActions: LaboratoryAction[];
  @ApiProperty({ type: [LaboratorySuspensionView], description: 'its suspensions, newest first' }) suspensions: LaboratorySuspensionView[];
}

/** A scope line as the public register shows it (no ids). */
export class PublicScopeLineView extends OmitType(ScopeLineView, ['id'] as const) {}

/** A laboratory as the public register shows it: found by its CNAS number, no internal ids or address. */
export class PublicLaboratorySummary {
  @ApiProperty({ example: 'L0235' }) cnasNumber: string;
  @ApiProperty() nameZh: string;
  @ApiProperty({ nullable: true, type: String }) nameEn: string | null;
  @ApiProperty({ type: String, format: 'date' }) accreditedFrom: string;
  @ApiProperty({ type: String, format: 'date' }) accreditedUntil: string;
  @ApiProperty({ enum: PUBLIC_LABORATORY_STATUSES }) status: PublicLaboratoryStatus;
}

export class PublicLaboratoryView extends PublicLaboratorySummary {
  @ApiProperty({ description: 'how many scope lines its accreditation has (read them page by page from …/scope-lines)' }) scopeLineCount: number;
  @ApiProperty({ type: [LaboratorySuspensionView], description: 'its suspensions, newest first: a report dated within one does not back a certification' })
  suspensions: LaboratorySuspensionView[];
}

export class LaboratoryImportView {
  @ApiProperty({ type: [String], description: 'CNAS numbers of the laboratories added' }) created: string[];
  @ApiProperty({ type: [String], description: 'CNAS numbers of the laboratories updated (their scope lines replaced by the file’s)' }) updated: string[];
  @ApiProperty({ description: 'scope lines written' }) scopeLines: number;
}

export class AgreementView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: AGREEMENT_KINDS }) kind: AgreementKind;
  @ApiProperty() party: string;
  @ApiProperty() region: string;
  @ApiProperty() scope: string;
  @ApiProperty({ type: String, format: 'date' }) validFrom: string;
  @ApiProperty({ nullable: true, type: String, format: 'date', description: 'null: until terminated' }) validUntil: string | null;
  @ApiProperty({ enum: AGREEMENT_STATUSES }) status: AgreementStatus;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}
