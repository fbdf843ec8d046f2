import { ApiProperty } from '@nestjs/swagger';
import { EnterpriseRef } from '../scheme.views';
import { DECLARATION_STATUSES, DeclarationStatus } from '../scheme.machines';
import { DIRECTIONS, Direction } from '../self-declarations/declaration-rules';

/** A ranked declaration: who declared what value, when. */
export class RankedDeclarationView {
  @ApiProperty({ minimum: 1 }) rank: number;
  @ApiProperty() value: number;
  @ApiProperty() declarationId: string;
  @ApiProperty() seriesId: string;
  @ApiProperty() version: number;
  @ApiProperty({ enum: DECLARATION_STATUSES }) status: DeclarationStatus;
  @ApiProperty() productNameZh: string;
  @ApiProperty({ nullable: true, type: String }) productNameEn: string | null;
  @ApiProperty() publishedAt: Date;
  @ApiProperty({ type: EnterpriseRef }) enterprise: EnterpriseRef;
}

export class IndicatorRefView {
  @ApiProperty() requirementId: string;
  @ApiProperty({ example: '待机时间' }) indicator: string;
  @ApiProperty({ nullable: true, type: String }) unit: string | null;
  @ApiProperty({ enum: DIRECTIONS }) direction: Direction;
}

export class RankingView extends IndicatorRefView {
  @ApiProperty() categoryCode: string;
  @ApiProperty({ type: [RankedDeclarationView], description: 'best first; equal values by earlier publication' }) items: RankedDeclarationView[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ description: 'published declarations ranked' }) total: number;
}

export class FrontrunnerListView extends IndicatorRefView {
  @ApiProperty() id: string;
  @ApiProperty() year: number;
  @ApiProperty() categoryCode: string;
  @ApiProperty({ nullable: true, type: String }) categoryNameZh: string | null;
  @ApiProperty({ nullable: true, type: String }) categoryNameEn: string | null;
  @ApiProperty({ description: 'the rule: the top N ranked declarations' }) size: number;
  @ApiProperty({ description: 'how many published declarations were ranked' }) ranked: number;
  @ApiProperty() publishedAt: Date;
}

export class FrontrunnerListDetailView extends FrontrunnerListView {
  @ApiProperty({ type: [RankedDeclarationView], description: 'the frontrunners with the values recorded at publication' }) entries: RankedDeclarationView[];
}

export const CLAIM_PROBLEMS = ['declaration_withdrawn', 'declaration_superseded', 'value_not_met'] as const;
export type ClaimProblem = (typeof CLAIM_PROBLEMS)[number];

export class FrontrunnerClaimView {
  @ApiProperty() id: string;
  @ApiProperty({ type: FrontrunnerListView }) list: FrontrunnerListView;
  @ApiProperty() declarationId: string;
  @ApiProperty({ type: EnterpriseRef }) enterprise: EnterpriseRef;
  @ApiProperty() claimedAt: Date;
  @ApiProperty() listedRank: number;
  @ApiProperty() listedValue: number;
  @ApiProperty({ nullable: true, type: String, description: 'the published version of the series now, if any' }) currentDeclarationId: string | null;
  @ApiProperty({ nullable: true, type: Number }) currentValue: number | null;
  @ApiProperty({ description: 'checked now, against the current declaration' }) valid: boolean;
  @ApiProperty({ enum: CLAIM_PROBLEMS, isArray: true }) problems: ClaimProblem[];
}
