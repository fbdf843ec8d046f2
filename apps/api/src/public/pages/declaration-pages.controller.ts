import { Controller, Get, Query, Res, UseFilters } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '@app/identity';
import { DeclarationDirectoryQuery, FrontrunnerListQuery, FrontrunnersService, MAX_DIRECTORY_PAGE, SelfDeclarationsService } from '@app/scheme';
import { UuidParam } from '@app/shared';
import { RateLimited } from '../rate-limit/public-rate-limit.guard';
import { DECLARATION_DICTIONARIES } from './declaration-i18n';
import { declarationDirectoryPage, declarationPage, DirectoryState, frontrunnerListPage, frontrunnerListsPage } from './declaration.view';
import { ApiHtmlPage, ApiHtmlPages } from './html-responses';
import { sendPage } from './layout';
import { Page, PageContext } from './page-context';
import { PageExceptionFilter } from './page-exception.filter';

const PAGE_SIZE = 20;
const pageNumber = (raw: unknown): number | null =>
  raw === undefined || raw === '' ? 1 : typeof raw === 'string' && /^\d{1,3}$/.test(raw) ? Number(raw) : null;

/** The self-declaration directory and the frontrunner lists for people (JSON: /api/v1/public/...). */
@ApiTags('public pages (HTML)')
@ApiHtmlPages()
@UseFilters(PageExceptionFilter)
@Controller()
export class DeclarationPagesController {
  constructor(
    private readonly declarations: SelfDeclarationsService,
    private readonly frontrunners: FrontrunnersService,
  ) {}

  @Get('declarations')
  @Public()
  @RateLimited('public', 'html')
  @ApiOperation({ summary: 'Self-declaration directory page: search (2+ characters) by enterprise, credit code, product or standard' })
  @ApiHtmlPage(200, 'The search form with the declarations found', { 400: 'the form again, the refused term marked' })
  async directory(@Page() ctx: PageContext, @Query() raw: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const t = DECLARATION_DICTIONARIES[ctx.lang];
    const q = typeof raw.q === 'string' ? raw.q.trim().slice(0, 100) : '';
    const flagged = raw.flagged === 'true';
    const page = pageNumber(raw.page);
    const state: DirectoryState = { q, flagged, page: page ?? 1, error: null, result: null };
    if (page === null || page < 1 || page > MAX_DIRECTORY_PAGE) state.error = t.badPage;
    else if (q && !/\S\S/u.test(q)) state.error = t.searchTooShort;
    else {
      const query = Object.assign(new DeclarationDirectoryQuery(), { q: q || undefined, flagged: flagged ? 'true' : undefined, page, pageSize: PAGE_SIZE });
      state.result = await this.declarations.directory(query);
    }
    return sendPage(reply, state.error ? 400 : 200, declarationDirectoryPage(ctx, state));
  }

  @Get('declarations/:id')
  @Public()
  @RateLimited('public', 'html')
  @ApiOperation({ summary: "A self-declaration's page: standards, flagged indicators, products, the commitment and the versions" })
  @ApiHtmlPage(200, 'The declaration', { 404: 'no declaration has this id' })
  async declaration(@Page() ctx: PageContext, @UuidParam() id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    return sendPage(reply, 200, declarationPage(ctx, await this.declarations.get(id)));
  }

  @Get('frontrunners')
  @Public()
  @RateLimited('public', 'html')
  @ApiOperation({ summary: 'The published frontrunner lists, newest first' })
  @ApiHtmlPage(200, 'The lists')
  async lists(@Page() ctx: PageContext, @Query('page') raw: unknown, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const page = Math.min(Math.max(pageNumber(raw) ?? 1, 1), 20);
    const lists = await this.frontrunners.lists(Object.assign(new FrontrunnerListQuery(), { page, pageSize: PAGE_SIZE }));
    return sendPage(reply, 200, frontrunnerListsPage(ctx, lists));
  }

  @Get('frontrunners/:id')
  @Public()
  @RateLimited('public', 'html')
  @ApiOperation({ summary: 'A frontrunner list with the values recorded at publication' })
  @ApiHtmlPage(200, 'The list', { 404: 'no list has this id' })
  async list(@Page() ctx: PageContext, @UuidParam() id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    return sendPage(reply, 200, frontrunnerListPage(ctx, await this.frontrunners.list(id)));
  }
}
