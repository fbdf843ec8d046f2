import { Body, Controller, Get, Ip, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { Public } from '@app/identity';
import { GroupStandardsService, PublicCommentDto, PublicGroupStandardQuery } from '@app/scheme';
import { DomainError, UuidParam } from '@app/shared';
import { CommentLimiter } from '../rate-limit/misuse-report-limiter';
import { RateLimited } from '../rate-limit/public-rate-limit.guard';
import { GROUP_STANDARD_DICTIONARIES } from './group-standard-i18n';
import { COMMENT_FIELDS, CommentFormState, commentThanksPage, DirectoryState, directoryPage, groupStandardPage } from './group-standard.view';
import { ApiHtmlPage, ApiHtmlPages } from './html-responses';
import { sendPage } from './layout';
import { Page, PageContext } from './page-context';
import { PageExceptionFilter } from './page-exception.filter';

/** The group standards directory for people (JSON: /api/v1/public/group-standards), a page per standard, and the comment form. */
@ApiTags('public pages (HTML)')
@ApiHtmlPages()
@UseFilters(PageExceptionFilter)
@Controller('group-standards')
export class GroupStandardPagesController {
  constructor(
    private readonly groups: GroupStandardsService,
    private readonly limiter: CommentLimiter,
  ) {}

  @Get()
  @Public()
  @RateLimited('public', 'html')
  @ApiOperation({ summary: 'Group standards directory: text (2+ characters), status, association; newest first, paged' })
  @ApiHtmlPage(200, 'The search form with the standards found', { 400: 'the form again, the refused filter marked' })
  async directory(@Page() ctx: PageContext, @Query() raw: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const t = GROUP_STANDARD_DICTIONARIES[ctx.lang];
    const text = (k: string): string => (typeof raw[k] === 'string' ? (raw[k] as string).trim() : '');
    const [q, status, associationId, page] = ['q', 'status', 'associationId', 'page'].map(text);
    const associations = (await this.groups.publicAssociations()).map((a) => ({
      id: a.id,
      name: `${a.groupCode} ${ctx.lang === 'en' ? (a.nameEn ?? a.nameZh) : a.nameZh}`,
    }));
    // Only the filters given: an absent one must leave the query's default (page 1), not overwrite it with undefined.
    const given = Object.fromEntries(Object.entries({ q, status, associationId, page }).filter(([, v]) => v));
    const query = plainToInstance(PublicGroupStandardQuery, given, { enableImplicitConversion: true });
    const state: DirectoryState = { q, status, associationId, page: 1, errors: {}, associations, items: null, total: 0, pageSize: query.pageSize };
    for (const problem of await validate(query)) {
      if (problem.property === 'q') state.errors.q = t.searchTooShort;
      else state.errors.status = t.badFilter;
    }
    if (!Object.keys(state.errors).length) {
      const found = await this.groups.listPublic(query);
      Object.assign(state, { items: found.items, total: found.total, page: query.page });
    }
    return sendPage(reply, Object.keys(state.errors).length ? 400 : 200, directoryPage(ctx, state));
  }

  @Get(':id')
  @Public()
  @RateLimited('public', 'html')
  @ApiOperation({ summary: "A group standard's page: facts, clauses once out for comment, history, comments and answers, and the comment form while open" })
  @ApiHtmlPage(200, 'The standard', { 400: 'not an id', 404: 'no public group standard has this id' })
  async standard(@Page() ctx: PageContext, @UuidParam() id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    return sendPage(reply, 200, groupStandardPage(ctx, await this.groups.getPublic(id)));
  }

  @Post(':id/comments')
  @Public()
  @RateLimited('public', 'html')
  @ApiOperation({ summary: 'Sends the comment form (application/x-www-form-urlencoded: clause, text, name, email); counted per address' })
  @ApiHtmlPage(201, 'The acknowledgement', { 400: 'the form again, each refused field marked', 404: 'no public group standard has this id' })
  async comment(
    @Page() ctx: PageContext,
    @UuidParam() id: string,
    @Body() body: unknown,
    @Ip() address: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const t = GROUP_STANDARD_DICTIONARIES[ctx.lang];
    const standard = await this.groups.getPublic(id);
    const raw = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
    const values: CommentFormState['values'] = {};
    for (const f of COMMENT_FIELDS) if (typeof raw[f] === 'string' && raw[f].trim()) values[f] = raw[f].trim();
    const refuse = (fields: string[]): string => {
      const errors: CommentFormState['errors'] = {};
      for (const f of fields) if ((COMMENT_FIELDS as readonly string[]).includes(f)) errors[f as (typeof COMMENT_FIELDS)[number]] = t.problems[f];
      return sendPage(reply, 400, groupStandardPage(ctx, standard, { values, errors }));
    };
    const dto = plainToInstance(PublicCommentDto, values);
    const problems = (await validate(dto)).map((p) => p.property);
    if (problems.length) return refuse(problems);
    await this.limiter.consume(address);
    try {
      return sendPage(reply, 201, commentThanksPage(ctx, standard, await this.groups.comment(id, dto)));
    } catch (e) {
      if (e instanceof DomainError && e.fields?.length) return refuse(e.fields.map((f) => f.field));
      // Outside the comment period: the page again, saying so.
      if (e instanceof DomainError && e.code === 'ILLEGAL_TRANSITION') return sendPage(reply, 409, groupStandardPage(ctx, standard, null, true));
      throw e;
    }
  }
}
