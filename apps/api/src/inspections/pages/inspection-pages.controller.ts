import { Controller, Get, Query, Res, UseFilters } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '@app/identity';
import { InspectionPlansService, MAX_PUBLIC_PAGE, PublicPlanQuery } from '@app/inspections';
import { fieldError, UuidParam } from '@app/shared';
import { ApiHtmlPage, ApiHtmlPages } from '../../public/pages/html-responses';
import { sendPage } from '../../public/pages/layout';
import { Page, PageContext } from '../../public/pages/page-context';
import { PageExceptionFilter } from '../../public/pages/page-exception.filter';
import { RateLimited } from '../../public/rate-limit/public-rate-limit.guard';
import { inspectionListPage, inspectionPlanPage } from './inspection-pages.view';

/** 一公开 for people: the plans with their commitment and seed, each draw re-run on the page, the published results. */
@ApiTags('public pages (HTML)')
@ApiHtmlPages()
@UseFilters(PageExceptionFilter)
@Controller('inspections')
export class InspectionPagesController {
  constructor(private readonly plans: InspectionPlansService) {}

  @Get()
  @Public()
  @RateLimited('public', 'html')
  @ApiOperation({ summary: 'Random inspection plans (?year=, ?page=), newest year first' })
  @ApiHtmlPage(200, 'The list', { 400: 'a year or page that is not a number in range' })
  async list(@Page() ctx: PageContext, @Query() raw: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const year = typeof raw.year === 'string' ? raw.year.trim() : '';
    const page = typeof raw.page === 'string' ? raw.page.trim() : '1';
    if (year && !/^(20\d\d|2100)$/.test(year)) throw fieldError('VALIDATION_FAILED', 'year', 'must be a year from 2000 to 2100');
    if (!/^[1-9]\d{0,2}$/.test(page) || Number(page) > MAX_PUBLIC_PAGE)
      throw fieldError('VALIDATION_FAILED', 'page', `must be a page number from 1 to ${MAX_PUBLIC_PAGE}`);
    const q = Object.assign(new PublicPlanQuery(), { page: Number(page), pageSize: 20, year: year ? Number(year) : undefined });
    return sendPage(reply, 200, inspectionListPage(ctx, await this.plans.listPublic(q), year));
  }

  @Get(':id')
  @Public()
  @RateLimited('public', 'html')
  @ApiOperation({ summary: 'A random inspection plan: commitment, seed, the draw re-run, the results once published' })
  @ApiHtmlPage(200, 'The plan', { 400: 'not a plan id', 404: 'no published plan has this id' })
  async plan(@Page() ctx: PageContext, @UuidParam() id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const plan = await this.plans.getPublic(id);
    return sendPage(reply, 200, inspectionPlanPage(ctx, plan, this.plans.verdictOf(plan)));
  }
}
