import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth } from '@app/identity';
import { AuthorizationQuery, AuthorizationsService, AuthorizationView, CreateAuthorizationDto, RevocationDto } from '@app/scheme';
import { ApiErrors, Page, PageOf, UuidParam } from '@app/shared';

@ApiTags('scheme catalogue')
@ApiErrors(503)
@Controller('api/v1/authorizations')
export class AuthorizationsController {
  constructor(private readonly authorizations: AuthorizationsService) {}

  @Post()
  @Auth('regulator')
  @ApiOperation({ summary: 'Authorize a certification body for a category, for a period (regulator)' })
  @ApiCreatedResponse({ type: AuthorizationView })
  @ApiErrors(400)
  create(@Body() dto: CreateAuthorizationDto): Promise<AuthorizationView> {
    return this.authorizations.create(dto);
  }

  @Get()
  @Auth()
  @ApiOperation({ summary: 'Which certification bodies may certify which category (filters: certificationBodyId, categoryCode, validOn=date)' })
  @ApiOkResponse({ type: PageOf(AuthorizationView) })
  @ApiErrors(400)
  list(@Query() q: AuthorizationQuery): Promise<Page<AuthorizationView>> {
    return this.authorizations.list(q);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @Auth('regulator')
  @ApiOperation({ summary: 'Revoke an authorization (regulator)' })
  @ApiOkResponse({ type: AuthorizationView })
  @ApiErrors(400, 404, 409)
  revoke(@UuidParam() id: string, @Body() dto: RevocationDto): Promise<AuthorizationView> {
    return this.authorizations.revoke(id, dto.reason);
  }
}
