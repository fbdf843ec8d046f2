import { Controller, Get, Param, Query, Res, UseFilters } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '@app/identity';
import { CreditRecordService, PublicSeriousListingQuery, SeriousViolationsService } from '@app/credit';
import { DomainError, MAX_PUBLIC_LIST_PAGE } from '@app/shared';
import { RateLimited } from '../public/rate-limit/public-rate-limit.guard';
import { creditPage, creditSearchPage } from '../public/pages/credit.view';
import { ApiHtmlPage, ApiHtmlPages } from '../public/pages/html-responses';
import { sendPage } from '../public/pages/layout';
import { Page, PageContext } from '../public/pages/page-context';
import { PageExceptionFilter } from '../public/pages/page-exception.filter';

/** Listings per page of the serious-violation list under the look-up form. */
const SERIOUS_PAGE_SIZE = 20;

/** The public credit page for people, in both languages: found by the enterprise's credit code. */
@ApiTags('public pages (HTML)')
@ApiHtmlPages()
@UseFilters(PageExceptionFilter)
@Controller('credit')
export class CreditPagesController {
  constructor(
    private readonly records: CreditRecordService,
    private readonly serious: SeriousViolationsService,
  ) {}

  @Get()
  @Public()
  @RateLimited('public', 'html')
  @ApiOperation({ summary: 'Credit look-up page: the form and the serious-violation list on display (?page=), and with ?code= the enterprise it names' })
  @ApiHtmlPage(200, 'The form, or the credit page of the enterprise found', {
    400: 'the form again, the code marked',
    404: 'the form again: no such enterprise',
  })
  async search(@Page() ctx: PageContext, @Query() raw: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const code = typeof raw.code === 'string' ? raw.code.trim().toUpperCase().slice(0, 40) : '';
    if (!code) {
      // A page number out of range is read as the nearest one: a hand-edited link still lands on a list.
      const asked = typeof raw.page === 'string' && /^\d{1,3}$/.test(raw.page) ? Number(raw.page) : 1;
      const page = Math.min(Math.max(asked, 1), MAX_PUBLIC_LIST_PAGE);
      return sendPage(
        reply,
        200,
        creditSearchPage(
          ctx,
          { code, error: null },
          await this.serious.listPublic(Object.assign(new PublicSeriousListingQuery(), { page, pageSize: SERIOUS_PAGE_SIZE })),
        ),
      );
    }
    try {
      return sendPage(reply, 200, creditPage(ctx, await this.records.publicPage(code)));
    } catch (e) {
      if (!(e instanceof DomainError) || (e.code !== 'VALIDATION_FAILED' && e.code !== 'NOT_FOUND')) throw e;
      const invalid = e.code === 'VALIDATION_FAILED';
      return sendPage(reply, invalid ? 400 : 404, creditSearchPage(ctx, { code, error: invalid ? 'invalid' : 'notFound' }));
    }
  }

  @Get(':creditCode')
  @Public()
  @RateLimited('public', 'html')
  @ApiOperation({ summary: "An enterprise's public credit page: the listings in force that are displayed, and its certificates" })
  @ApiHtmlPage(200, 'The credit page', { 400: 'not a credit code', 404: 'no enterprise has this credit code' })
  async page(@Page() ctx: PageContext, @Param('creditCode') creditCode: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    return sendPage(reply, 200, creditPage(ctx, await this.records.publicPage(creditCode.slice(0, 40))));
  }
}
