import { Controller, Get, Param, Query, Res, UseFilters } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { Public } from '@app/identity';
import { PublicLaboratoriesService, PublicLaboratoryQuery, PublicScopeLineQuery } from '@app/laboratories';
import { DomainError, MAX_PUBLIC_LIST_PAGE, type Page as ResultPage } from '@app/shared';
import { ApiHtmlPage, ApiHtmlPages } from '../public/pages/html-responses';
import { LABORATORY_DICTIONARIES } from '../public/pages/laboratory-i18n';
import { LaboratoryDirectoryState, laboratoryDirectoryPage, laboratoryPage, ScopeSearchState } from '../public/pages/laboratory.view';
import { sendPage } from '../public/pages/layout';
import { Page, PageContext } from '../public/pages/page-context';
import { PageExceptionFilter } from '../public/pages/page-exception.filter';
import { RateLimited } from '../public/rate-limit/public-rate-limit.guard';

/** Laboratories, and scope lines, per page of the register's pages. */
const PAGE_SIZE = 20;

const textOf = (raw: Record<string, unknown>, key: string): string => (typeof raw[key] === 'string' ? (raw[key] as string).trim() : '');

/** The page asked for; one that is not a number or out of range is read as the nearest, so a hand-edited link still lands on a list. */
const pageAsked = (raw: Record<string, unknown>): number => {
  const text = textOf(raw, 'page');
  return Math.min(Math.max(/^\d{1,3}$/.test(text) ? Number(text) : 1, 1), MAX_PUBLIC_LIST_PAGE);
};

/** A page of a list; past its last page (the list shrank, or the link was edited), its last page instead of an empty one. */
async function nearestPage<T>(asked: number, read: (page: number) => Promise<ResultPage<T>>): Promise<ResultPage<T>> {
  const found = await read(asked);
  const last = Math.min(MAX_PUBLIC_LIST_PAGE, Math.ceil(found.total / found.pageSize));
  return found.items.length || last < 1 || asked <= last ? found : read(last);
}

/** The laboratory register for people (JSON: /api/v1/public/laboratories): the directory and a page per laboratory with its scope. */
@ApiTags('public pages (HTML)')
@ApiHtmlPages()
@UseFilters(PageExceptionFilter)
@Controller('laboratories')
export class LaboratoryPagesController {
  constructor(private readonly laboratories: PublicLaboratoriesService) {}

  @Get()
  @Public()
  @RateLimited('public', 'html')
  @ApiOperation({ summary: 'Laboratory register (检测实验室名录): name or CNAS number (2+ characters), status; 20 a page by Chinese name' })
  @ApiHtmlPage(200, 'The search form with the laboratories found', { 400: 'the form again, the refused field marked' })
  async directory(@Page() ctx: PageContext, @Query() raw: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const t = LABORATORY_DICTIONARIES[ctx.lang];
    const [q, status] = [textOf(raw, 'q'), textOf(raw, 'status')];
    const state: LaboratoryDirectoryState = { q, status, errors: {}, found: null };
    // Only the filters given: an empty one means "any", not a value to check.
    const given = Object.fromEntries(Object.entries({ q, status }).filter(([, v]) => v));
    const query = plainToInstance(PublicLaboratoryQuery, { ...given, pageSize: PAGE_SIZE });
    for (const problem of await validate(query)) {
      if (problem.property === 'q') state.errors.q = q.length > 100 ? t.searchTooLong : t.searchTooShort;
      else state.errors.status = t.badFilter;
    }
    if (!Object.keys(state.errors).length) {
      try {
        state.found = await nearestPage(pageAsked(raw), (page) => this.laboratories.list(Object.assign(query, { page })));
      } catch (e) {
        // The service's own rule on the text (two characters side by side, not spaces): the field marked, as the DTO's.
        if (!(e instanceof DomainError && e.fields?.some((f) => f.field === 'q'))) throw e;
        state.errors.q = t.searchTooShort;
      }
    }
    return sendPage(reply, Object.keys(state.errors).length ? 400 : 200, laboratoryDirectoryPage(ctx, state));
  }

  @Get(':cnasNumber')
  @Public()
  @RateLimited('public', 'html')
  @ApiOperation({ summary: "A laboratory's page: its accreditation and its scope lines, 20 a page, searchable (?q=: object, parameter or standard)" })
  @ApiParam({ name: 'cnasNumber', example: 'L0235', description: '"CNAS L0235" and "l0235" are the same number' })
  @ApiHtmlPage(200, 'The laboratory', {
    400: 'not a CNAS number, or a scope search refused (the form again, the field marked)',
    404: 'no laboratory of the register has this number (withdrawn ones have left it)',
  })
  async laboratory(
    @Page() ctx: PageContext,
    @Param('cnasNumber') cnasNumber: string,
    @Query() raw: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const t = LABORATORY_DICTIONARIES[ctx.lang];
    const lab = await this.laboratories.get(cnasNumber);
    const q = textOf(raw, 'q');
    const state: ScopeSearchState = { q, error: null, lines: null };
    const query = plainToInstance(PublicScopeLineQuery, { ...(q ? { q } : {}), pageSize: PAGE_SIZE });
    if ((await validate(query)).length) state.error = t.searchTooLong;
    else state.lines = await nearestPage(pageAsked(raw), (page) => this.laboratories.scopeLines(lab.cnasNumber, Object.assign(query, { page })));
    return sendPage(reply, state.error ? 400 : 200, laboratoryPage(ctx, lab, state));
  }
}
