import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentPrincipal, Principal, Public } from '@app/identity';
import { RateLimited } from '../public/rate-limit/public-rate-limit.guard';
import { SelfDeclarationDetailView, SelfDeclarationDto, SelfDeclarationQuery, SelfDeclarationsService, SelfDeclarationView } from '@app/scheme';
import { ApiErrors, Page, PageOf, UuidParam } from '@app/shared';

const ENTERPRISE = ['enterprise_admin', 'enterprise_member'] as const;

@ApiTags('self-declarations')
@ApiErrors(503)
@Controller('api/v1/self-declarations')
export class SelfDeclarationsController {
  constructor(private readonly declarations: SelfDeclarationsService) {}

  @Post()
  @Auth(...ENTERPRISE)
  @ApiOperation({ summary: 'Publicly declare the standard a product follows: version 1 of a new declaration (enterprise)' })
  @ApiCreatedResponse({ type: SelfDeclarationDetailView })
  @ApiErrors(400)
  declare(@CurrentPrincipal() caller: Principal, @Body() dto: SelfDeclarationDto): Promise<SelfDeclarationDetailView> {
    return this.declarations.declare(caller, dto);
  }

  @Post(':id/versions')
  @Auth(...ENTERPRISE)
  @ApiOperation({ summary: 'Publish the next version of your published declaration, which becomes superseded (enterprise)' })
  @ApiCreatedResponse({ type: SelfDeclarationDetailView })
  @ApiErrors(400, 404, 409)
  newVersion(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: SelfDeclarationDto): Promise<SelfDeclarationDetailView> {
    return this.declarations.newVersion(caller, id, dto);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Auth(...ENTERPRISE)
  @ApiOperation({ summary: 'Withdraw your published declaration (enterprise)' })
  @ApiOkResponse({ type: SelfDeclarationDetailView })
  @ApiErrors(400, 404, 409)
  withdraw(@CurrentPrincipal() caller: Principal, @UuidParam() id: string): Promise<SelfDeclarationDetailView> {
    return this.declarations.withdraw(caller, id);
  }

  @Get()
  @Public()
  @RateLimited()
  @ApiOperation({ summary: 'Public self-declarations, 自我声明公开 (filters: enterpriseId, standardId, status=published, q)' })
  @ApiOkResponse({ type: PageOf(SelfDeclarationView) })
  @ApiErrors(400)
  list(@Query() q: SelfDeclarationQuery): Promise<Page<SelfDeclarationView>> {
    return this.declarations.list(q);
  }

  @Get(':id')
  @Public()
  @RateLimited()
  @ApiOperation({ summary: 'One version of a public self-declaration, with the list of its versions' })
  @ApiOkResponse({ type: SelfDeclarationDetailView })
  @ApiErrors(400, 404)
  get(@UuidParam() id: string): Promise<SelfDeclarationDetailView> {
    return this.declarations.get(id);
  }
}
