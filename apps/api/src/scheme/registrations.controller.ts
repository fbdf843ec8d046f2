import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentPrincipal, Principal, Public } from '@app/identity';
import {
  AbnormalOperationsService, AuthorizationQuery, AuthorizationsService, CreateAuthorizationDto, ListEnterpriseDto, ListingQuery,
  RevokeDto, SelfDeclarationDto, SelfDeclarationQuery, SelfDeclarationsService,
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
  create(@Body() dto: CreateAuthorizationDto) {
    return this.authorizations.create(dto);
  }

  @Get()
  @Auth()
  @ApiOperation({ summary: 'Which certification bodies may certify which category (validOn=date for those valid that day)' })
  list(@Query() q: AuthorizationQuery) {
    return this.authorizations.list(q);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @Auth('regulator')
  revoke(@Id() id: string, @Body() dto: RevokeDto) {
    return this.authorizations.revoke(id, dto.reason);
  }
}

@ApiTags('self-declarations')
@Controller('api/v1/self-declarations')
export class SelfDeclarationsController {
  constructor(private readonly declarations: SelfDeclarationsService) {}

  @Post()
  @Auth(...ENTERPRISE)
  @ApiOperation({ summary: 'Publicly declare the standard a product follows (enterprise)' })
  declare(@CurrentPrincipal() caller: Principal, @Body() dto: SelfDeclarationDto) {
    return this.declarations.declare(caller, dto);
  }

  @Post(':id/versions')
  @Auth(...ENTERPRISE)
  @ApiOperation({ summary: 'Publish a new version; the current one becomes superseded (enterprise)' })
  newVersion(@CurrentPrincipal() caller: Principal, @Id() id: string, @Body() dto: SelfDeclarationDto) {
    return this.declarations.newVersion(caller, id, dto);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Auth(...ENTERPRISE)
  withdraw(@CurrentPrincipal() caller: Principal, @Id() id: string) {
    return this.declarations.withdraw(caller, id);
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'Public self-declarations (自我声明公开)' })
  list(@Query() q: SelfDeclarationQuery) {
    return this.declarations.list(q);
  }

  @Get(':id')
  @Public()
  get(@Id() id: string) {
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
  list(@CurrentPrincipal() caller: Principal, @Body() dto: ListEnterpriseDto) {
    return this.listings.list(caller, dto);
  }

  @Post(':id/remove')
  @HttpCode(200)
  @Auth('regulator')
  remove(@CurrentPrincipal() caller: Principal, @Id() id: string, @Body() dto: RevokeDto) {
    return this.listings.remove(caller, id, dto.reason);
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'The public abnormal-operations list (异常经营名录)' })
  current(@Query() q: ListingQuery) {
    return this.listings.current(q);
  }
}
