import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentPrincipal, Principal } from '@app/identity';
import {
  FrontrunnerClaimDto,
  FrontrunnerClaimView,
  FrontrunnerListDetailView,
  FrontrunnerListDto,
  FrontrunnerListQuery,
  FrontrunnersService,
} from '@app/scheme';
import { ApiErrors, Page, PageOf, UuidParam } from '@app/shared';

const ENTERPRISE = ['enterprise_admin', 'enterprise_member'] as const;

@ApiTags('frontrunners')
@ApiErrors(503)
@Controller('api/v1')
export class FrontrunnersController {
  constructor(private readonly frontrunners: FrontrunnersService) {}

  @Post('frontrunner-lists')
  @Auth('regulator')
  @ApiOperation({ summary: "Publish a year's frontrunner list (领跑者) of a category and indicator: the top N of the ranking, values recorded (regulator)" })
  @ApiCreatedResponse({ type: FrontrunnerListDetailView })
  @ApiErrors(400, 409, 422)
  publish(@CurrentPrincipal() caller: Principal, @Body() dto: FrontrunnerListDto): Promise<FrontrunnerListDetailView> {
    return this.frontrunners.publish(caller, dto);
  }

  @Post('frontrunner-claims')
  @Auth(...ENTERPRISE)
  @ApiOperation({ summary: 'Claim a place on a frontrunner list with your declaration; the claim is checked against your current declaration (enterprise)' })
  @ApiCreatedResponse({ type: FrontrunnerClaimView })
  @ApiErrors(400, 404, 422)
  claim(@CurrentPrincipal() caller: Principal, @Body() dto: FrontrunnerClaimDto): Promise<FrontrunnerClaimView> {
    return this.frontrunners.claim(caller, dto);
  }

  @Get('frontrunner-claims')
  @Auth(...ENTERPRISE, 'regulator')
  @ApiOperation({ summary: "Your enterprise's frontrunner claims, each checked now (the regulator: every claim)" })
  @ApiOkResponse({ type: PageOf(FrontrunnerClaimView) })
  @ApiErrors(400)
  claims(@CurrentPrincipal() caller: Principal, @Query() q: FrontrunnerListQuery): Promise<Page<FrontrunnerClaimView>> {
    return this.frontrunners.claims(caller, q);
  }

  @Get('frontrunner-claims/:id')
  @Auth(...ENTERPRISE, 'regulator')
  @ApiOperation({ summary: 'A frontrunner claim checked against the current declaration: valid, or the problems' })
  @ApiOkResponse({ type: FrontrunnerClaimView })
  @ApiErrors(400, 404)
  getClaim(@CurrentPrincipal() caller: Principal, @UuidParam() id: string): Promise<FrontrunnerClaimView> {
    return this.frontrunners.getClaim(caller, id);
  }
}
