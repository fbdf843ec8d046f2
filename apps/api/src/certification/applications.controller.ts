import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApplicationQuery,
  ApplicationsService,
  ApplicationSummary,
  ApplicationView,
  CreateApplicationDto,
  DecisionDto,
  DecisionsService,
  InfoAnswerDto,
  InfoRequestDto,
  ReasonDto,
  RequiredReasonDto,
  UpdateApplicationDto,
} from '@app/certification';
import { Auth, CurrentPrincipal, Principal } from '@app/identity';
import { ApiErrors, Page, PageOf, UuidParam } from '@app/shared';

const ENTERPRISE = ['enterprise_admin', 'enterprise_member'] as const;
const REVIEW = ['reviewer', 'cb_admin'] as const;

/** The certification case from the enterprise's draft to the certification body's review. */
@ApiTags('applications')
@ApiErrors(503)
@Controller('api/v1/applications')
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly decisions: DecisionsService,
  ) {}

  @Post()
  @Auth(...ENTERPRISE)
  @ApiOperation({ summary: 'Create a draft application (enterprise)' })
  @ApiCreatedResponse({ type: ApplicationView })
  @ApiErrors(400)
  create(@CurrentPrincipal() caller: Principal, @Body() dto: CreateApplicationDto): Promise<ApplicationView> {
    return this.applications.create(caller, dto);
  }

  @Get()
  @Auth()
  @ApiOperation({ summary: "Applications: an enterprise's own, those submitted to a certification body, all for the regulator" })
  @ApiOkResponse({ type: PageOf(ApplicationSummary) })
  @ApiErrors(400)
  list(@CurrentPrincipal() caller: Principal, @Query() q: ApplicationQuery): Promise<Page<ApplicationSummary>> {
    return this.applications.list(caller, q);
  }

  @Get(':id')
  @Auth()
  @ApiOperation({ summary: 'One application with its timeline and the actions you may take now' })
  @ApiOkResponse({ type: ApplicationView })
  @ApiErrors(400, 404)
  get(@CurrentPrincipal() caller: Principal, @UuidParam() id: string): Promise<ApplicationView> {
    return this.applications.get(caller, id);
  }

  @Patch(':id')
  @Auth(...ENTERPRISE)
  @ApiOperation({ summary: 'Edit a draft, or the scope while information is requested (enterprise)' })
  @ApiOkResponse({ type: ApplicationView })
  @ApiErrors(400, 404, 409)
  edit(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: UpdateApplicationDto): Promise<ApplicationView> {
    return this.applications.edit(caller, id, dto);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Auth(...ENTERPRISE)
  @ApiOperation({
    summary: 'Submit: checks the catalogue entry, standard, authorization and abnormal-operations list (enterprise)',
    description: 'A failed check is refused with 422 SUBMISSION_CHECK_FAILED; details.failedChecks names it.',
  })
  @ApiOkResponse({ type: ApplicationView })
  @ApiErrors(400, 404, 409, 422)
  submit(@CurrentPrincipal() caller: Principal, @UuidParam() id: string): Promise<ApplicationView> {
    return this.applications.submit(caller, id);
  }

  @Post(':id/answer')
  @HttpCode(200)
  @Auth(...ENTERPRISE)
  @ApiOperation({ summary: 'Answer an information request; the application goes back to submitted (enterprise)' })
  @ApiOkResponse({ type: ApplicationView })
  @ApiErrors(400, 404, 409, 422)
  answer(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: InfoAnswerDto): Promise<ApplicationView> {
    return this.applications.answerInfoRequest(caller, id, dto.message, dto.evidenceFileIds);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Auth(...ENTERPRISE)
  @ApiOperation({ summary: 'Withdraw the application, any time before a decision (enterprise)' })
  @ApiOkResponse({ type: ApplicationView })
  @ApiErrors(400, 404, 409)
  withdraw(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: ReasonDto): Promise<ApplicationView> {
    return this.applications.act(caller, id, 'withdraw', dto);
  }

  @Post(':id/take-into-review')
  @HttpCode(200)
  @Auth(...REVIEW)
  @ApiOperation({ summary: 'Take a submitted application into review (certification body)' })
  @ApiOkResponse({ type: ApplicationView })
  @ApiErrors(400, 404, 409)
  takeIntoReview(@CurrentPrincipal() caller: Principal, @UuidParam() id: string): Promise<ApplicationView> {
    return this.applications.takeIntoReview(caller, id);
  }

  @Post(':id/request-info')
  @HttpCode(200)
  @Auth(...REVIEW)
  @ApiOperation({ summary: 'Ask the enterprise for more information (certification body)' })
  @ApiOkResponse({ type: ApplicationView })
  @ApiErrors(400, 404, 409)
  requestInfo(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: InfoRequestDto): Promise<ApplicationView> {
    return this.applications.act(caller, id, 'request_info', { reason: dto.message });
  }

  @Post(':id/accept')
  @HttpCode(200)
  @Auth(...REVIEW)
  @ApiOperation({ summary: 'Accept the application for evaluation (certification body)' })
  @ApiOkResponse({ type: ApplicationView })
  @ApiErrors(400, 404, 409)
  accept(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: ReasonDto): Promise<ApplicationView> {
    return this.applications.act(caller, id, 'accept', dto);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Auth(...REVIEW)
  @ApiOperation({ summary: 'Reject the application, with the reason (certification body)' })
  @ApiOkResponse({ type: ApplicationView })
  @ApiErrors(400, 404, 409)
  reject(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: RequiredReasonDto): Promise<ApplicationView> {
    return this.applications.act(caller, id, 'reject', dto);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Auth('decision_maker')
  @ApiOperation({ summary: 'Grant or refuse certification, with the rationale (a decision maker who was not an auditor on the case)' })
  @ApiOkResponse({ type: ApplicationView })
  @ApiErrors(400, 404, 409)
  async decide(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: DecisionDto): Promise<ApplicationView> {
    await this.decisions.decide(caller, id, dto);
    return this.applications.get(caller, id);
  }
}
