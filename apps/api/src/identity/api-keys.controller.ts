import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ADMIN_ROLES, ApiKeysService, ApiKeyView, Auth, CreatedApiKeyView, CreateApiKeyDto, CurrentPrincipal, PersonAuth, Principal } from '@app/identity';
import { ApiErrors, Page, PageOf, PageQuery, UuidParam } from '@app/shared';

@ApiTags('identity')
@ApiErrors(503)
@Controller('api/v1/api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Post()
  @PersonAuth(...ADMIN_ROLES)
  @ApiOperation({ summary: 'Create an API key for an integrator, with no more roles than yours; the key is in this answer only' })
  @ApiCreatedResponse({ type: CreatedApiKeyView })
  @ApiErrors(400)
  create(@CurrentPrincipal() caller: Principal, @Body() dto: CreateApiKeyDto): Promise<CreatedApiKeyView> {
    return this.keys.create(caller, dto);
  }

  @Get()
  @Auth(...ADMIN_ROLES)
  @ApiOperation({ summary: "Your organization's API keys, newest first (revoked ones included); never the keys themselves" })
  @ApiOkResponse({ type: PageOf(ApiKeyView) })
  @ApiErrors(400)
  list(@CurrentPrincipal() caller: Principal, @Query() q: PageQuery): Promise<Page<ApiKeyView>> {
    return this.keys.list(caller, q);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @Auth(...ADMIN_ROLES)
  @ApiOperation({ summary: 'Revoke an API key: it stops working at once (revoking it again changes nothing)' })
  @ApiOkResponse({ type: ApiKeyView })
  @ApiErrors(400, 404)
  revoke(@CurrentPrincipal() caller: Principal, @UuidParam() id: string): Promise<ApiKeyView> {
    return this.keys.revoke(caller, id);
  }
}
