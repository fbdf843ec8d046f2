import { Controller, Get, Param, Query, Res, UseFilters } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { validate } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { Public } from '@app/identity';
import { RegistrySearchQuery, RegistryService } from '@app/registry';
import { DomainError } from '@app/shared';
import { RateLimited } from '../rate-limit/public-rate-limit.guard';
import { RegistryCategories } from './registry-categories';
import { ApiHtmlPage, ApiHtmlPages } from './html-responses';
import { sendPage } from './layout';
import { Page, PageContext } from './page-context';
import { PageExceptionFilter } from './page-exception.filter';
import { registryRecordPage, RegistrySearchState, registrySearchPage } from './registry.view';

type SearchField = keyof RegistrySearchState['errors'];

/** The registry for people: search with filters and keyset pages, and each certificate's public record. */
@ApiTags('public pages (HTML)')
@ApiHtmlPages()
@UseFilters(PageExceptionFilter)
@Controller('registry')
export class RegistryPagesController {
  constructor(
    private readonly registry: RegistryService,
    private readonly categories: RegistryCategories,
  ) {}

  @Get()
  @Public()
  @RateLimited('public', 'html')
  @ApiOperation({ summary: 'Registry search page: text (2+ characters), category, status; newest first' })
  @ApiHtmlPage(200, 'The search form with the entries found', { 400: 'the form again, the refused filter marked' })
  async search(@Page() ctx: PageContext, @Query() raw: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const text = (k: string): string => (typeof raw[k] === 'string' ? (raw[k] as string).trim() : '');
    const [q, category, status, after, limit] = ['q', 'category', 'status', 'after', 'limit'].map(text);
    const categories = await this.categories.list();
    const state: RegistrySearchState = { q, category, status, errors: {}, categories, items: null, nextHref: null, paged: Boolean(after) };

    // The API's own query rules, with messages for people.
    const query = Object.assign(new RegistrySearchQuery(), {
      q: q || undefined,
      category: category || undefined,
      status: status || undefined,
      after: after || undefined,
      ...(limit ? { limit: Number(limit) } : {}),
    });
    for (const problem of await validate(query)) this.explain(ctx, state, problem.property as SearchField);
    if (!Object.keys(state.errors).length) {
      try {
        const page = await this.registry.search(query);
        state.items = page.items;
        state.nextHref = page.nextCursor ? ctx.href('/registry', { q, category, status, limit, after: page.nextCursor }) : null;
      } catch (e) {
        const field = e instanceof DomainError && e.code === 'VALIDATION_FAILED' ? e.fields?.[0]?.field : undefined;
        if (!field) throw e;
        this.explain(ctx, state, field as SearchField);
      }
    }
    return sendPage(reply, Object.keys(state.errors).length ? 400 : 200, registrySearchPage(ctx, state));
  }

  @Get(':number')
  @Public()
  @RateLimited('public', 'html')
  @ApiOperation({ summary: "A certificate's public record page with its status history" })
  @ApiHtmlPage(200, 'The record', { 404: 'no certificate has this number' })
  async record(@Page() ctx: PageContext, @Param('number') number: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const record = await this.registry.record(number.trim().toUpperCase().slice(0, 64));
    return sendPage(reply, 200, registryRecordPage(ctx, record));
  }

  private explain(ctx: PageContext, state: RegistrySearchState, field: SearchField | string): void {
    const t = ctx.t;
    if (field === 'q') state.errors.q = [...state.q].length > 100 ? t.errorText[400] : t.searchTooShort;
    else if (field === 'after') state.errors.after = t.badCursor;
    else if (field === 'category' || field === 'status' || field === 'limit') state.errors[field === 'limit' ? 'status' : field] = t.badFilter;
    else state.errors.q = t.errorText[400];
  }
}
