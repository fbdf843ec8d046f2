import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentPrincipal, Principal } from '@app/identity';
import {
  CreditApplicationDto,
  CreditApplicationQuery,
  CreditApplicationsService,
  CreditApplicationView,
  GrantCreditApplicationDto,
  RefuseCreditApplicationDto,
} from '@app/credit';
import { ApiErrors, Page, PageOf, UuidParam } from '@app/shared';

@ApiTags('credit')
@ApiErrors(503)
@Controller('api/v1/credit-applications')
export class CreditApplicationsController {
  constructor(private readonly applications: CreditApplicationsService) {}

  @Post()
  @Auth('enterprise_admin')
  @ApiOperation({
    summary: 'Apply about an own listing: removal from the abnormal-operations list, or credit repair (信用修复); the regulator decides within 7 days',
  })
  @ApiCreatedResponse({ type: CreditApplicationView })
  @ApiErrors(400, 404, 409, 422)
  submit(@CurrentPrincipal() caller: Principal, @Body() dto: CreditApplicationDto): Promise<CreditApplicationView> {
    return this.applications.submit(caller, dto);
  }

  @Get()
  @Auth('regulator', 'enterprise_admin', 'enterprise_member')
  @ApiOperation({ summary: "Credit applications: the enterprise's own, all for the regulator (filters: status, kind, overdue)" })
  @ApiOkResponse({ type: PageOf(CreditApplicationView) })
  @ApiErrors(400)
  list(@CurrentPrincipal() caller: Principal, @Query() q: CreditApplicationQuery): Promise<Page<CreditApplicationView>> {
    return this.applications.list(caller, q);
  }

  @Get(':id')
  @Auth('regulator', 'enterprise_admin', 'enterprise_member')
  @ApiOperation({ summary: 'A credit application and its state' })
  @ApiOkResponse({ type: CreditApplicationView })
  @ApiErrors(400, 404)
  get(@CurrentPrincipal() caller: Principal, @UuidParam() id: string): Promise<CreditApplicationView> {
    return this.applications.get(caller, id);
  }

  @Post(':id/grant')
  @HttpCode(200)
  @Auth('regulator')
  @ApiOperation({ summary: 'Grant (regulator): a removal takes the listing off the list; a repair ends its public display' })
  @ApiOkResponse({ type: CreditApplicationView })
  @ApiErrors(400, 404, 409, 422)
  grant(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: GrantCreditApplicationDto): Promise<CreditApplicationView> {
    return this.applications.grant(caller, id, dto);
  }

  @Post(':id/refuse')
  @HttpCode(200)
  @Auth('regulator')
  @ApiOperation({ summary: 'Refuse with a reason (regulator); the enterprise is told' })
  @ApiOkResponse({ type: CreditApplicationView })
  @ApiErrors(400, 404, 409)
  refuse(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: RefuseCreditApplicationDto): Promise<CreditApplicationView> {
    return this.applications.refuse(caller, id, dto);
  }
}
