import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AppealQuery, AppealsService, AppealView, AssignAppealDto, DecideAppealDto, LodgeAppealDto } from '@app/certification';
import { Auth, CurrentPrincipal, Principal } from '@app/identity';
import { ApiErrors, Page, PageOf, UuidParam } from '@app/shared';

/** Appeals by an enterprise against its certification body's decisions. */
@ApiTags('appeals')
@ApiErrors(503)
@Controller('api/v1/appeals')
export class AppealsController {
  constructor(private readonly appeals: AppealsService) {}

  @Post()
  @Auth('enterprise_admin')
  @ApiOperation({
    summary:
      'Appeal the latest refusal or rejection of an application, or suspension, scope reduction or withdrawal of a certificate (within APPEAL_PERIOD_DAYS; 422 after)',
  })
  @ApiCreatedResponse({ type: AppealView })
  @ApiErrors(400, 404, 409, 422)
  lodge(@CurrentPrincipal() caller: Principal, @Body() dto: LodgeAppealDto): Promise<AppealView> {
    return this.appeals.lodge(caller, dto);
  }

  @Get()
  @Auth('enterprise_admin', 'enterprise_member', 'cb_admin', 'decision_maker', 'regulator')
  @ApiOperation({ summary: "Appeals: the enterprise's own, those against the caller's body, all for the regulator" })
  @ApiOkResponse({ type: PageOf(AppealView) })
  @ApiErrors(400)
  list(@CurrentPrincipal() caller: Principal, @Query() q: AppealQuery): Promise<Page<AppealView>> {
    return this.appeals.list(caller, q);
  }

  @Get(':id')
  @Auth('enterprise_admin', 'enterprise_member', 'cb_admin', 'decision_maker', 'regulator')
  @ApiOperation({ summary: 'An appeal with its timeline' })
  @ApiOkResponse({ type: AppealView })
  @ApiErrors(400, 404)
  get(@CurrentPrincipal() caller: Principal, @UuidParam() id: string): Promise<AppealView> {
    return this.appeals.get(caller, id);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @Auth('cb_admin')
  @ApiOperation({ summary: 'Name who considers the appeal: a decision maker or cb_admin who took no part in the decision (403 naming the rule otherwise)' })
  @ApiOkResponse({ type: AppealView })
  @ApiErrors(400, 404, 409)
  assign(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: AssignAppealDto): Promise<AppealView> {
    return this.appeals.assign(caller, id, dto);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Auth('decision_maker', 'cb_admin')
  @ApiOperation({ summary: 'Decide the appeal (by the person assigned, not involved in the decision); upheld reverses the decision' })
  @ApiOkResponse({ type: AppealView })
  @ApiErrors(400, 404, 409)
  decide(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: DecideAppealDto): Promise<AppealView> {
    return this.appeals.decide(caller, id, dto);
  }
}
