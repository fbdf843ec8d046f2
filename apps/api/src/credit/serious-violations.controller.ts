import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentPrincipal, Principal } from '@app/identity';
import { RemovalDto } from '@app/scheme';
import { SeriousListingDto, SeriousListingQuery, SeriousListingView, SeriousViolationsService } from '@app/credit';
import { ApiErrors, Page, PageOf, UuidParam } from '@app/shared';

@ApiTags('credit')
@ApiErrors(503)
@Controller('api/v1/serious-violations')
export class SeriousViolationsController {
  constructor(private readonly listings: SeriousViolationsService) {}

  @Post()
  @Auth('regulator')
  @ApiOperation({
    summary:
      'Put an enterprise on the serious-violation list, 严重违法失信名单 (regulator): new applications are refused, and each valid certificate goes to its body for action within 5 working days',
  })
  @ApiCreatedResponse({ type: SeriousListingView })
  @ApiErrors(400, 409)
  add(@CurrentPrincipal() caller: Principal, @Body() dto: SeriousListingDto): Promise<SeriousListingView> {
    return this.listings.add(caller, dto);
  }

  @Post(':id/remove')
  @HttpCode(200)
  @Auth('regulator')
  @ApiOperation({ summary: 'Take an enterprise off the serious-violation list (regulator); its credit actions stay' })
  @ApiOkResponse({ type: SeriousListingView })
  @ApiErrors(400, 404, 409)
  remove(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: RemovalDto): Promise<SeriousListingView> {
    return this.listings.remove(caller, id, dto.reason);
  }

  @Get()
  @Auth('regulator')
  @ApiOperation({ summary: 'The serious-violation listings (regulator; filters: status=listed, enterpriseId)' })
  @ApiOkResponse({ type: PageOf(SeriousListingView) })
  @ApiErrors(400)
  list(@Query() q: SeriousListingQuery): Promise<Page<SeriousListingView>> {
    return this.listings.list(q);
  }

  @Get(':id')
  @Auth('regulator')
  @ApiOperation({ summary: 'A serious-violation listing with its decision and credit actions count (regulator)' })
  @ApiOkResponse({ type: SeriousListingView })
  @ApiErrors(400, 404)
  get(@UuidParam() id: string): Promise<SeriousListingView> {
    return this.listings.get(id);
  }
}
