import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentPrincipal, Principal } from '@app/identity';
import { CreditActionQuery, CreditActionsService, CreditActionView, RecordCreditActionDto } from '@app/credit';
import { ApiErrors, Page, PageOf, UuidParam } from '@app/shared';

@ApiTags('credit')
@ApiErrors(503)
@Controller('api/v1/credit-actions')
export class CreditActionsController {
  constructor(private readonly actions: CreditActionsService) {}

  @Get()
  @Auth()
  @ApiOperation({ summary: "Credit actions: a body's to take, the holder's, all for the regulator (filters: status, overdue)" })
  @ApiOkResponse({ type: PageOf(CreditActionView) })
  @ApiErrors(400)
  list(@CurrentPrincipal() caller: Principal, @Query() q: CreditActionQuery): Promise<Page<CreditActionView>> {
    return this.actions.list(caller, q);
  }

  @Get(':id')
  @Auth()
  @ApiOperation({ summary: 'A credit action' })
  @ApiOkResponse({ type: CreditActionView })
  @ApiErrors(400, 404)
  get(@CurrentPrincipal() caller: Principal, @UuidParam() id: string): Promise<CreditActionView> {
    return this.actions.get(caller, id);
  }

  @Post(':id/record')
  @HttpCode(200)
  @Auth('cb_admin', 'decision_maker')
  @ApiOperation({ summary: 'Act on the certificate: suspend or withdraw it (its ordinary status change, public history and mark grants); the action closes' })
  @ApiOkResponse({ type: CreditActionView })
  @ApiErrors(400, 404, 409)
  record(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: RecordCreditActionDto): Promise<CreditActionView> {
    return this.actions.record(caller, id, dto);
  }
}
