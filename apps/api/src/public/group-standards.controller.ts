import { Body, Controller, Get, Ip, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { Public } from '@app/identity';
import { GroupStandardsService, GroupStandardSummary, GroupStandardView, PublicCommentDto, PublicCommentReceipt, PublicGroupStandardQuery } from '@app/scheme';
import { ApiErrors, Page, PageOf, UuidParam } from '@app/shared';
import { CommentLimiter } from './rate-limit/misuse-report-limiter';
import { RateLimited } from './rate-limit/public-rate-limit.guard';

/** The public directory of group standards, and comments on drafts out for comment (no login). */
@ApiTags('group standards')
@ApiErrors(503)
@Controller('api/v1/public/group-standards')
export class PublicGroupStandardsController {
  constructor(
    private readonly groups: GroupStandardsService,
    private readonly limiter: CommentLimiter,
  ) {}

  @Get()
  @Public()
  @RateLimited()
  @ApiOperation({ summary: 'Group standards past proposal: filters status, associationId, q (any 2 characters of number or titles); paged' })
  @ApiOkResponse({ type: PageOf(GroupStandardSummary) })
  @ApiErrors(400)
  list(@Query() q: PublicGroupStandardQuery): Promise<Page<GroupStandardSummary>> {
    return this.groups.listPublic(q);
  }

  @Get(':id')
  @Public()
  @RateLimited()
  @ApiOperation({
    summary: 'A group standard with its history, comment period, comments and answers (no commenter data), and the draft text once out for comment',
  })
  @ApiOkResponse({ type: GroupStandardView })
  @ApiErrors(400, 404)
  get(@UuidParam() id: string): Promise<GroupStandardView> {
    return this.groups.getPublic(id);
  }

  @Post(':id/comments')
  @Public()
  @RateLimited()
  @ApiOperation({ summary: 'Comment on a clause of a draft during its comment period (no login; a few per address per 10 minutes)' })
  @ApiCreatedResponse({ type: PublicCommentReceipt })
  @ApiTooManyRequestsResponse({ description: 'Too many comments from this address; Retry-After says when to try again' })
  @ApiErrors(400, 404, 409)
  async comment(@UuidParam() id: string, @Body() dto: PublicCommentDto, @Ip() address: string): Promise<PublicCommentReceipt> {
    await this.limiter.consume(address);
    return this.groups.comment(id, dto);
  }
}
