import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditsService, CorrectiveActionDto, NonconformityEntry, NonconformityQuery, NonconformityView, ReopenDto } from '@app/certification';
import { Auth, CurrentPrincipal, Principal } from '@app/identity';
import { ApiErrors, Page, PageOf, UuidParam } from '@app/shared';

@ApiTags('audits')
@ApiErrors(503)
@Controller('api/v1/nonconformities')
export class NonconformitiesController {
  constructor(private readonly audits: AuditsService) {}

  @Get()
  @Auth()
  @ApiOperation({ summary: "Nonconformities: an enterprise's own, a certification body's, all for the regulator; the soonest due first" })
  @ApiOkResponse({ type: PageOf(NonconformityEntry) })
  @ApiErrors(400)
  list(@CurrentPrincipal() caller: Principal, @Query() q: NonconformityQuery): Promise<Page<NonconformityEntry>> {
    return this.audits.listNonconformities(caller, q);
  }

  @Post(':id/answer')
  @HttpCode(200)
  @Auth('enterprise_admin', 'enterprise_member')
  @ApiOperation({ summary: 'Answer a nonconformity with the corrective action taken (enterprise)' })
  @ApiOkResponse({ type: NonconformityView })
  @ApiErrors(400, 404, 409, 422)
  answer(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: CorrectiveActionDto): Promise<NonconformityView> {
    return this.audits.answerNonconformity(caller, id, dto);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Auth('auditor')
  @ApiOperation({ summary: 'Accept the corrective action and close the nonconformity (an assigned auditor)' })
  @ApiOkResponse({ type: NonconformityView })
  @ApiErrors(400, 404, 409)
  close(@CurrentPrincipal() caller: Principal, @UuidParam() id: string): Promise<NonconformityView> {
    return this.audits.closeNonconformity(caller, id);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @Auth('auditor')
  @ApiOperation({ summary: 'Send the corrective action back: not enough' })
  @ApiOkResponse({ type: NonconformityView })
  @ApiErrors(400, 404, 409)
  reopen(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: ReopenDto): Promise<NonconformityView> {
    return this.audits.reopenNonconformity(caller, id, dto.reason);
  }
}
