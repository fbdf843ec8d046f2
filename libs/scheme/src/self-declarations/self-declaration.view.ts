import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DECLARATION_STATUSES, DeclarationStatus } from '../scheme.machines';
import { EnterpriseRef, StandardRef } from '../scheme.views';

export class KeyIndicatorView {
  @ApiProperty() name: string;
  @ApiProperty() value: string;
  @ApiPropertyOptional() unit?: string;
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
