import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DECLARATION_STATUSES, DeclarationStatus } from '../scheme.machines';
import { EnterpriseRef, StandardRef } from '../scheme.views';
import { STANDARD_KINDS, StandardKind } from '../standards/standard.entity';
import { FLAG_KINDS, FlagKind } from './declaration-rules';

export class KeyIndicatorView {
  @ApiProperty() name: string;
  @ApiProperty() value: string;
  @ApiPropertyOptional() unit?: string;
  @ApiPropertyOptional() testMethod?: string;
  @ApiPropertyOptional({ description: "the national standard's requirement it corresponds to" }) requirementId?: string;
}

export class AppliedStandardView {
  @ApiProperty({ nullable: true, type: String, description: "null for the enterprise's own standard declared in place" }) standardId: string | null;
  @ApiProperty({ enum: STANDARD_KINDS }) kind: StandardKind;
  @ApiProperty() code: string;
  @ApiProperty({ nullable: true, type: String }) version: string | null;
  @ApiProperty() titleZh: string;
  @ApiProperty({ nullable: true, type: String }) titleEn: string | null;
}

export class DeclaredProductView {
  @ApiProperty() name: string;
  @ApiProperty() brand: string;
  @ApiProperty() model: string;
  @ApiPropertyOptional() barcode?: string;
  @ApiPropertyOptional() specification?: string;
}

/** What the 2024 rules flag on an indicator, computed when the version was published. */
export class IndicatorFlagView {
  @ApiProperty({
    enum: FLAG_KINDS,
    description: 'weaker: the value is below (above) the national minimum (maximum); missing: no indicator for a measured national requirement',
  })
  kind: FlagKind;
  @ApiProperty() requirementId: string;
  @ApiProperty({ example: 'GB 4943.1-2022' }) standardCode: string;
  @ApiProperty() clause: string;
  @ApiProperty() requirement: string;
  @ApiProperty({ nullable: true, type: String, example: '≥ 80 h' }) bound: string | null;
  @ApiProperty({ nullable: true, type: String }) indicator: string | null;
  @ApiProperty({ nullable: true, type: Number }) value: number | null;
}

/** The signed commitment as the public sees it: the role that signed, never the person or contacts. */
export class CommitmentView {
  @ApiProperty() text: string;
  @ApiProperty({ example: 'enterprise_admin' }) signerRole: string;
  @ApiProperty() signedAt: Date;
  @ApiProperty({ description: 'SHA-256 (hex) of the declaration content and commitment text as signed (canonical JSON)' }) contentHash: string;
}

/** A self-declaration as the public sees it: no contacts, no author. */
export class SelfDeclarationView {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'shared by every version of this declaration' }) seriesId: string;
  @ApiProperty({ minimum: 1 }) version: number;
  @ApiProperty({ enum: DECLARATION_STATUSES }) status: DeclarationStatus;
  @ApiProperty() productNameZh: string;
  @ApiProperty({ nullable: true, type: String }) productNameEn: string | null;
  @ApiProperty({ type: [String] }) models: string[];
  @ApiProperty({ type: [KeyIndicatorView] }) keyIndicators: KeyIndicatorView[];
  @ApiProperty() publishedAt: Date;
  @ApiProperty({ type: EnterpriseRef }) enterprise: EnterpriseRef;
  @ApiProperty({ type: StandardRef }) standard: StandardRef;
  @ApiProperty({ nullable: true, type: String }) categoryCode: string | null;
  @ApiProperty({ type: [AppliedStandardView], description: 'every standard applied, standardId first' }) standards: AppliedStandardView[];
  @ApiProperty({ type: [DeclaredProductView] }) products: DeclaredProductView[];
  @ApiProperty({ type: [IndicatorFlagView], description: 'flags computed at publication (publication is allowed but flagged)' }) flags: IndicatorFlagView[];
  @ApiProperty({ type: CommitmentView, nullable: true, description: 'null only for declarations published before commitments were required' })
  commitment: CommitmentView | null;
}

export class DeclarationVersionRef {
  @ApiProperty() id: string;
  @ApiProperty() version: number;
  @ApiProperty({ enum: DECLARATION_STATUSES }) status: DeclarationStatus;
  @ApiProperty() publishedAt: Date;
}

export class SelfDeclarationDetailView extends SelfDeclarationView {
  @ApiProperty({ type: [DeclarationVersionRef], description: 'every version of the series, oldest first' }) versions: DeclarationVersionRef[];
}
