import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentPrincipal, Principal, Public } from '@app/identity';
import { RateLimited } from '../public/rate-limit/public-rate-limit.guard';
import { AbnormalOperationsService, ListEnterpriseDto, ListingQuery, ListingView, RemovalDto } from '@app/scheme';
import { ApiErrors, Page, PageOf, UuidParam } from '@app/shared';

@ApiTags('abnormal operations')
@ApiErrors(503)
@Controller('api/v1/abnormal-operations')
export class AbnormalOperationsController {
  constructor(private readonly listings: AbnormalOperationsService) {}

  @Post()
  @Auth('regulator')
  @ApiOperation({ summary: 'Put an enterprise on the abnormal-operations list (regulator)' })
  @ApiCreatedResponse({ type: ListingView })
  @ApiErrors(400, 409)
  add(@CurrentPrincipal() caller: Principal, @Body() dto: ListEnterpriseDto): Promise<ListingView> {
    return this.listings.add(caller, dto);
  }

  @Post(':id/remove')
  @HttpCode(200)
  @Auth('regulator')
  @ApiOperation({ summary: 'Take an enterprise off the abnormal-operations list (regulator)' })
  @ApiOkResponse({ type: ListingView })
  @ApiErrors(400, 404, 409)
  remove(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: RemovalDto): Promise<ListingView> {
    return this.listings.remove(caller, id, dto.reason);
  }

  @Get()
  @Public()
  @RateLimited()
  @ApiOperation({ summary: 'The public abnormal-operations list, 异常经营名录 (filters: status=listed, enterpriseId, q)' })
  @ApiOkResponse({ type: PageOf(ListingView) })
  @ApiErrors(400)
  list(@Query() q: ListingQuery): Promise<Page<ListingView>> {
    return this.listings.list(q);
  }
}
