import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Length, Matches } from 'class-validator';
import { PageQuery } from '@app/shared';
import { CATEGORY_CODE, CATEGORY_CODE_MESSAGE } from '../scheme.references';

export class CreateCategoryDto {
  @ApiProperty({ example: 'WATCHES' })
  @Matches(CATEGORY_CODE, { message: `code ${CATEGORY_CODE_MESSAGE}` })
  code: string;

  @ApiProperty({ example: '钟表' })
  @IsString()
  @Length(1, 100)
  nameZh: string;

  @ApiProperty({ example: 'Watches and clocks' })
  @IsString()
  @Length(1, 200)
  nameEn: string;

  @ApiProperty({ description: 'one of the categories the scheme is piloted on' })
  @IsBoolean()
  pilot: boolean;
}

export class UpdateCategoryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 100)
  nameZh?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 200)
  nameEn?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  pilot?: boolean;

  @ApiPropertyOptional({ description: 'false closes the category to new applications' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

/** Query strings arrive as text: 'true' and 'false' become booleans, anything else fails @IsBoolean. */
export const queryBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class CategoryQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  pilot?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  active?: boolean;
}
