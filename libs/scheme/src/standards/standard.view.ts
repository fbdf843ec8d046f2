import { ApiProperty } from '@nestjs/swagger';
import { STANDARD_STATUSES, StandardStatus } from '../scheme.machines';
import { REQUIREMENT_KINDS, RequirementKind, Requirement, Standard, STANDARD_KINDS, StandardKind } from './standard.entity';

export class StandardSummary {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'SZDB/Z 0101' }) code: string;
  @ApiProperty({ example: '2026' }) version: string;
  @ApiProperty() titleZh: string;
  @ApiProperty({ nullable: true, type: String }) titleEn: string | null;
  @ApiProperty({ enum: STANDARD_KINDS }) kind: StandardKind;
  @ApiProperty() issuer: string;
  @ApiProperty({ nullable: true, type: String }) issuerOrganizationId: string | null;
  @ApiProperty({ enum: STANDARD_STATUSES }) status: StandardStatus;
  @ApiProperty({ nullable: true, type: String, example: '2026-01-15' }) publishedOn: string | null;
  @ApiProperty({ type: [String], example: ['ELECTRONICS'] }) categoryCodes: string[];

  static of(s: Standard, categoryCodes: string[]): StandardSummary {
    const { id, code, version, titleZh, titleEn, kind, issuer, issuerOrganizationId, status, publishedOn } = s;
    return { id, code, version, titleZh, titleEn, kind, issuer, issuerOrganizationId, status, publishedOn, categoryCodes };
  }
}

export class RequirementView {
  @ApiProperty() id: string;
  @ApiProperty({ example: '5.1' }) clause: string;
  @ApiProperty() textZh: string;
  @ApiProperty({ nullable: true, type: String }) textEn: string | null;
  @ApiProperty({ enum: REQUIREMENT_KINDS }) kind: RequirementKind;
  @ApiProperty({ nullable: true, type: String }) unit: string | null;
  @ApiProperty({ nullable: true, type: Number }) min: number | null;
  @ApiProperty({ nullable: true, type: Number }) max: number | null;
  @ApiProperty() critical: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'the test parameter laboratories are accredited for' }) parameterZh: string | null;
  @ApiProperty({ nullable: true, type: String }) parameterEn: string | null;

  static of(r: Requirement): RequirementView {
    const { id, clause, textZh, textEn, kind, unit, min, max, critical, parameterZh, parameterEn } = r;
    return { id, clause, textZh, textEn, kind, unit, min, max, critical, parameterZh, parameterEn };
  }
}

export class StandardView extends StandardSummary {
  @ApiProperty({ type: [RequirementView], description: 'in the order the standard gives them' }) requirements: RequirementView[];
}
