import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ADMIN_ROLES, ApiKeysService, ApiKeyView, Auth, CreatedApiKeyView, CreateApiKeyDto, CurrentPrincipal, PersonAuth, Principal,
} from '@app/identity';

@ApiTags('identity')
@Controller('api/v1/api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Post()
  @PersonAuth(...ADMIN_ROLES)
  @ApiOperation({ summary: 'Create an API key for an integrator, with no more roles than yours; the key is in this answer only' })
  create(@CurrentPrincipal() caller: Principal, @Body() dto: CreateApiKeyDto): Promise<CreatedApiKeyView> {
    return this.keys.create(caller, dto);
  }

  @Get()
  @Auth(...ADMIN_ROLES)
  list(@CurrentPrincipal() caller: Principal): Promise<ApiKeyView[]> {
    return this.keys.list(caller);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @Auth(...ADMIN_ROLES)
  revoke(@CurrentPrincipal() caller: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<ApiKeyView> {
    return this.keys.revoke(caller, id);
  }
}
