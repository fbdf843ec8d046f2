import type { Type as Class } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 100;

/** A calendar date in a query (`IsDateString` alone also lets a date-time through). */
export const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize: number = 20;

  get offset(): number {
    return (this.page - 1) * this.pageSize;
  }
}

/** The deepest page a public list answers: deep pages are for its search, not for walking (each costs an OFFSET scan). */
export const MAX_PUBLIC_LIST_PAGE = 50;

/** Paging of a public list: the page size capped as everywhere, the page number too. */
export class PublicPageQuery extends PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PUBLIC_LIST_PAGE, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PUBLIC_LIST_PAGE)
  declare page: number;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

const pages = new Map<Class<unknown>, Class<Page<unknown>>>();

/** The OpenAPI shape of a `Page<T>`, one class per item type (memoized: the document needs unique names). */
export function PageOf<T>(item: Class<T>): Class<Page<T>> {
  let page = pages.get(item);
  if (!page) {
    class PageView implements Page<T> {
      @ApiProperty({ type: [item] }) items: T[];
      @ApiProperty({ minimum: 1 }) page: number;
      @ApiProperty({ minimum: 1, maximum: MAX_PAGE_SIZE }) pageSize: number;
      @ApiProperty({ description: 'items matching the filters, over all pages' }) total: number;
    }
    Object.defineProperty(PageView, 'name', { value: `${item.name}Page` });
    page = PageView as Class<Page<unknown>>;
    pages.set(item, page);
  }
  return page as Class<Page<T>>;
}

export const pageOf = <T>(items: T[], total: number, q: PageQuery): Page<T> => ({
  items,
  page: q.page,
  pageSize: q.pageSize,
  total,
});

/** An ILIKE pattern that finds `text` anywhere, with the user's % and _ taken literally. */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, '\\$&')}%`;
