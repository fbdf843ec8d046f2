import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentPrincipal, Principal, Public } from '@app/identity';
import { RateLimited } from '../rate-limit/public-rate-limit.guard';
import {
  AbnormalOperationsService, AuthorizationQuery, AuthorizationsService, AuthorizationView, CreateAuthorizationDto, ListEnterpriseDto, ListingQuery,
  ListingView, PageOf, RemovalDto, RevocationDto, SelfDeclarationDetailView, SelfDeclarationDto, SelfDeclarationQuery, SelfDeclarationsService, SelfDeclarationView,
} from '@app/scheme';

const Id = () => Param('id', ParseUUIDPipe);
const ENTERPRISE = ['enterprise_admin', 'enterprise_member'] as const;

@ApiTags('scheme catalogue')
@Controller('api/v1/authorizations')
export class AuthorizationsController {
  constructor(private readonly authorizations: AuthorizationsService) {}

  @Post()
  @Auth('regulator')
  @ApiOperation({ summary: 'Authorize a certification body for a category, for a period (regulator)' })
  @ApiCreatedResponse({ type: AuthorizationView })
  create(@Body() dto: CreateAuthorizationDto): Promise<AuthorizationView> {
    return this.authorizations.create(dto);
  }

  @Get()
  @Auth()
  @ApiOperation({ summary: 'Which certification bodies may certify which category (filters: certificationBodyId, categoryCode, validOn=date)' })
  @ApiOkResponse({ type: PageOf(AuthorizationView) })
  list(@Query() q: AuthorizationQuery) {
    return this.authorizations.list(q);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @Auth('regulator')
  @ApiOperation({ summary: 'Revoke an authorization (regulator)' })
  @ApiOkResponse({ type: AuthorizationView })
  revoke(@Id() id: string, @Body() dto: RevocationDto): Promise<AuthorizationView> {
    return this.authorizations.revoke(id, dto.reason);
  }
}

@ApiTags('self-declarations')
@Controller('api/v1/self-declarations')
export class SelfDeclarationsController {
  constructor(private readonly declarations: SelfDeclarationsService) {}

  @Post()
  @Auth(...ENTERPRISE)
  @ApiOperation({ summary: 'Publicly declare the standard a product follows: version 1 of a new declaration (enterprise)' })
  @ApiCreatedResponse({ type: SelfDeclarationDetailView })
  declare(@CurrentPrincipal() caller: Principal, @Body() dto: SelfDeclarationDto): Promise<SelfDeclarationDetailView> {
    return this.declarations.declare(caller, dto);
  }

  @Post(':id/versions')
  @Auth(...ENTERPRISE)
  @ApiOperation({ summary: 'Publish the next version of your published declaration, which becomes superseded (enterprise)' })
  @ApiCreatedResponse({ type: SelfDeclarationDetailView })
  newVersion(@CurrentPrincipal() caller: Principal, @Id() id: string, @Body() dto: SelfDeclarationDto): Promise<SelfDeclarationDetailView> {
    return this.declarations.newVersion(caller, id, dto);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Auth(...ENTERPRISE)
  @ApiOperation({ summary: 'Withdraw your published declaration (enterprise)' })
  @ApiOkResponse({ type: SelfDeclarationDetailView })
  withdraw(@CurrentPrincipal() caller: Principal, @Id() id: string): Promise<SelfDeclarationDetailView> {
    return this.declarations.withdraw(caller, id);
  }

  @Get()
  @Public()
  @RateLimited()
  @ApiOperation({ summary: 'Public self-declarations, 自我声明公开 (filters: enterpriseId, standardId, status=published, q)' })
  @ApiOkResponse({ type: PageOf(SelfDeclarationView) })
  list(@Query() q: SelfDeclarationQuery) {
    return this.declarations.list(q);
  }

  @Get(':id')
  @Public()
  @RateLimited()
  @ApiOperation({ summary: 'One version of a public self-declaration, with the list of its versions' })
  @ApiOkResponse({ type: SelfDeclarationDetailView })
  get(@Id() id: string): Promise<SelfDeclarationDetailView> {
    return this.declarations.get(id);
  }
}

@ApiTags('abnormal operations')
@Controller('api/v1/abnormal-operations')
export class AbnormalOperationsController {
  constructor(private readonly listings: AbnormalOperationsService) {}

  @Post()
  @Auth('regulator')
  @ApiOperation({ summary: 'Put an enterprise on the abnormal-operations list (regulator)' })
  @ApiCreatedResponse({ type: ListingView })
  add(@CurrentPrincipal() caller: Principal, @Body() dto: ListEnterpriseDto): Promise<ListingView> {
    return this.listings.add(caller, dto);
  }

  @Post(':id/remove')
  @HttpCode(200)
  @Auth('regulator')
  @ApiOperation({ summary: 'Take an enterprise off the abnormal-operations list (regulator)' })
  @ApiOkResponse({ type: ListingView })
  remove(@CurrentPrincipal() caller: Principal, @Id() id: string, @Body() dto: RemovalDto): Promise<ListingView> {
    return this.listings.remove(caller, id, dto.reason);
  }

  @Get()
  @Public()
  @RateLimited()
  @ApiOperation({ summary: 'The public abnormal-operations list, 异常经营名录 (filters: status=listed, enterpriseId, q)' })
  @ApiOkResponse({ type: PageOf(ListingView) })
  list(@Query() q: ListingQuery) {
    return this.listings.list(q);
  }
}
