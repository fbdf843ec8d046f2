import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentPrincipal, Principal } from '@app/identity';
import {
  AdvancednessEvaluationDto,
  AnswerCommentDto,
  CreateGroupStandardDto,
  GroupCodeView,
  GroupStandardNoteDto,
  GroupStandardQuery,
  GroupStandardRequirementsDto,
  GroupStandardsService,
  GroupStandardSummary,
  GroupStandardView,
  OpenCommentDto,
  PublishGroupStandardDto,
  RegisterGroupCodeDto,
} from '@app/scheme';
import { ApiErrors, Page, PageOf, UuidParam } from '@app/shared';

/**
 * An association's group standards (团体标准). The drafting work (proposal, requirements, comment
 * period, answers) is its members'; the decisions (立项, publication, the review's outcome) its
 * administrator's. The regulator reads everything and records advancedness evaluations.
 */
@ApiTags('group standards')
@ApiErrors(503)
@Controller('api/v1')
export class GroupStandardsController {
  constructor(private readonly groups: GroupStandardsService) {}

  @Post('group-codes')
  @Auth('association_admin')
  @ApiOperation({ summary: "Register the association's group code, once (unique on the platform)" })
  @ApiCreatedResponse({ type: GroupCodeView })
  @ApiErrors(400, 409)
  registerCode(@CurrentPrincipal() caller: Principal, @Body() dto: RegisterGroupCodeDto): Promise<GroupCodeView> {
    return this.groups.registerCode(caller, dto);
  }

  @Get('group-codes')
  @Auth('association_admin', 'association_member', 'regulator')
  @ApiOperation({ summary: "The association's group code; every association's for the regulator" })
  @ApiOkResponse({ type: [GroupCodeView] })
  codes(@CurrentPrincipal() caller: Principal): Promise<GroupCodeView[]> {
    return this.groups.codes(caller);
  }

  @Post('group-standards')
  @Auth('association_admin', 'association_member')
  @ApiOperation({ summary: 'Propose a group standard (needs the group code registered)' })
  @ApiCreatedResponse({ type: GroupStandardView })
  @ApiErrors(400, 422)
  propose(@CurrentPrincipal() caller: Principal, @Body() dto: CreateGroupStandardDto): Promise<GroupStandardView> {
    return this.groups.propose(caller, dto);
  }

  @Get('group-standards')
  @Auth('association_admin', 'association_member', 'regulator')
  @ApiOperation({ summary: "The association's group standards (all for the regulator); filters status, associationId, q (2 characters or more)" })
  @ApiOkResponse({ type: PageOf(GroupStandardSummary) })
  @ApiErrors(400)
  list(@CurrentPrincipal() caller: Principal, @Query() q: GroupStandardQuery): Promise<Page<GroupStandardSummary>> {
    return this.groups.list(caller, q);
  }

  @Get('group-standards/:id')
  @Auth('association_admin', 'association_member', 'regulator')
  @ApiOperation({ summary: 'A group standard with its requirements, history, comments (with commenter contacts) and evaluations' })
  @ApiOkResponse({ type: GroupStandardView })
  @ApiErrors(400, 404)
  get(@CurrentPrincipal() caller: Principal, @UuidParam() id: string): Promise<GroupStandardView> {
    return this.groups.get(caller, id);
  }

  @Put('group-standards/:id/requirements')
  @Auth('association_admin', 'association_member')
  @ApiOperation({ summary: 'Replace the requirements (clauses) of a draft, while drafting' })
  @ApiOkResponse({ type: GroupStandardView })
  @ApiErrors(400, 404, 409)
  requirements(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: GroupStandardRequirementsDto): Promise<GroupStandardView> {
    return this.groups.replaceRequirements(caller, id, dto.requirements);
  }

  @Post('group-standards/:id/approve')
  @HttpCode(200)
  @Auth('association_admin')
  @ApiOperation({ summary: '立项: approve the proposal as a project (announced publicly)' })
  @ApiOkResponse({ type: GroupStandardView })
  @ApiErrors(400, 404, 409)
  approve(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: GroupStandardNoteDto): Promise<GroupStandardView> {
    return this.groups.step(caller, id, 'approve', dto);
  }

  @Post('group-standards/:id/start-drafting')
  @HttpCode(200)
  @Auth('association_admin', 'association_member')
  @ApiOperation({ summary: 'Start drafting an approved project' })
  @ApiOkResponse({ type: GroupStandardView })
  @ApiErrors(400, 404, 409)
  startDrafting(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: GroupStandardNoteDto): Promise<GroupStandardView> {
    return this.groups.step(caller, id, 'start_drafting', dto);
  }

  @Post('group-standards/:id/open-comment')
  @HttpCode(200)
  @Auth('association_admin', 'association_member')
  @ApiOperation({ summary: '征求意见: open the draft for public comment from today, for commentDays (30 by default, 30–90)' })
  @ApiOkResponse({ type: GroupStandardView })
  @ApiErrors(400, 404, 409, 422)
  openComment(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: OpenCommentDto): Promise<GroupStandardView> {
    return this.groups.step(caller, id, 'open_comment', dto);
  }

  @Post('group-standards/:id/close-comment')
  @HttpCode(200)
  @Auth('association_admin', 'association_member')
  @ApiOperation({ summary: 'Close the comment period (after its last day, every comment answered) and start technical review' })
  @ApiOkResponse({ type: GroupStandardView })
  @ApiErrors(400, 404, 409, 422)
  closeComment(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: GroupStandardNoteDto): Promise<GroupStandardView> {
    return this.groups.step(caller, id, 'close_comment', dto);
  }

  @Post('group-standards/:id/return-to-drafting')
  @HttpCode(200)
  @Auth('association_admin', 'association_member')
  @ApiOperation({ summary: 'Technical review sends the draft back to drafting' })
  @ApiOkResponse({ type: GroupStandardView })
  @ApiErrors(400, 404, 409)
  returnToDrafting(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: GroupStandardNoteDto): Promise<GroupStandardView> {
    return this.groups.step(caller, id, 'return_to_drafting', dto);
  }

  @Post('group-standards/:id/publish')
  @HttpCode(200)
  @Auth('association_admin')
  @ApiOperation({ summary: '发布: publish (numbered T/<code> <seq>—<year>; a standards row is made; a revision supersedes the old version)' })
  @ApiOkResponse({ type: GroupStandardView })
  @ApiErrors(400, 404, 409, 422)
  publish(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: PublishGroupStandardDto): Promise<GroupStandardView> {
    return this.groups.step(caller, id, 'publish', dto);
  }

  @Post('group-standards/:id/start-review')
  @HttpCode(200)
  @Auth('association_admin', 'association_member')
  @ApiOperation({ summary: '复审: start the review of a published standard' })
  @ApiOkResponse({ type: GroupStandardView })
  @ApiErrors(400, 404, 409)
  startReview(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: GroupStandardNoteDto): Promise<GroupStandardView> {
    return this.groups.step(caller, id, 'start_review', dto);
  }

  @Post('group-standards/:id/confirm')
  @HttpCode(200)
  @Auth('association_admin')
  @ApiOperation({ summary: 'The review confirms the standard: it stays published, the review date is set' })
  @ApiOkResponse({ type: GroupStandardView })
  @ApiErrors(400, 404, 409)
  confirm(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: GroupStandardNoteDto): Promise<GroupStandardView> {
    return this.groups.step(caller, id, 'confirm', dto);
  }

  @Post('group-standards/:id/revise')
  @HttpCode(200)
  @Auth('association_admin')
  @ApiOperation({ summary: 'The review revises it: answers with the new version, in drafting; the old stays published until that is published' })
  @ApiOkResponse({ type: GroupStandardView, description: 'the new version' })
  @ApiErrors(400, 404, 409)
  revise(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: GroupStandardNoteDto): Promise<GroupStandardView> {
    return this.groups.step(caller, id, 'revise', dto);
  }

  @Post('group-standards/:id/withdraw')
  @HttpCode(200)
  @Auth('association_admin')
  @ApiOperation({ summary: '废止: the review withdraws it (its standards row too; certificates relying on it are flagged)' })
  @ApiOkResponse({ type: GroupStandardView })
  @ApiErrors(400, 404, 409)
  withdraw(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: GroupStandardNoteDto): Promise<GroupStandardView> {
    return this.groups.step(caller, id, 'withdraw', dto);
  }

  @Post('group-standards/:id/comments/:commentId/answer')
  @HttpCode(200)
  @Auth('association_admin', 'association_member')
  @ApiOperation({ summary: 'Answer a public comment (accepted / partly accepted / not accepted, with a reply), once' })
  @ApiOkResponse({ type: GroupStandardView })
  @ApiErrors(400, 404, 409)
  answer(
    @CurrentPrincipal() caller: Principal,
    @UuidParam() id: string,
    @UuidParam('commentId') commentId: string,
    @Body() dto: AnswerCommentDto,
  ): Promise<GroupStandardView> {
    return this.groups.answer(caller, id, commentId, dto);
  }

  @Post('group-standards/:id/evaluations')
  @Auth('regulator')
  @ApiOperation({ summary: '先进性评价: record the advancedness evaluation of a published group standard (regulator)' })
  @ApiCreatedResponse({ type: GroupStandardView })
  @ApiErrors(400, 404, 409)
  evaluate(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: AdvancednessEvaluationDto): Promise<GroupStandardView> {
    return this.groups.evaluate(caller, id, dto);
  }
}
