import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, Min } from 'class-validator';
import { PageQuery } from '@app/shared';
import { DIRECTIONS, Direction } from '../self-declarations/declaration-rules';

const CATEGORY = /^[A-Z][A-Z0-9_]{1,31}$/;
/** Rankings are read a page at a time; deeper than this is not a ranking anyone reads. */
export const MAX_RANKING_PAGE = 20;

/** Offset pages with a bounded depth: rankings and lists are read from the top. */
class ShallowPageQuery extends PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_RANKING_PAGE, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_RANKING_PAGE)
  declare page: number;
}

export class RankingQuery extends ShallowPageQuery {
  @ApiProperty({ example: 'ELECTRONICS' })
  @IsString()
  @Matches(CATEGORY)
  categoryCode: string;

  @ApiProperty({ description: "the national standard's measured requirement the indicator is tied to" })
  @IsUUID()
  requirementId: string;

  @ApiPropertyOptional({ enum: DIRECTIONS, description: "which values are better; by default from the requirement's bound (a minimum: higher)" })
  @IsOptional()
  @IsIn(DIRECTIONS)
  direction?: Direction;
}

export class FrontrunnerListDto {
  @ApiProperty({ example: 2026 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiProperty({ example: 'ELECTRONICS' })
  @IsString()
  @Matches(CATEGORY)
  categoryCode: string;

  @ApiProperty()
  @IsUUID()
  requirementId: string;

  @ApiPropertyOptional({ enum: DIRECTIONS })
  @IsOptional()
  @IsIn(DIRECTIONS)
  direction?: Direction;

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 5, description: 'the rule: the top N ranked declarations become frontrunners' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  size?: number;
}

export class FrontrunnerListQuery extends ShallowPageQuery {
  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ example: 'ELECTRONICS' })
  @IsOptional()
  @IsString()
  @Matches(CATEGORY)
  categoryCode?: string;
}

export class FrontrunnerClaimDto {
  @ApiProperty()
  @IsUUID()
  listId: string;

  @ApiProperty({ description: 'your declaration the claim rests on (the one on the list or its current version)' })
  @IsUUID()
  declarationId: string;
}
