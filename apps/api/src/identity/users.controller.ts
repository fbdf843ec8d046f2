import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ADMIN_ROLES,
  Auth,
  CreateUserDto,
  CurrentPrincipal,
  PasswordResetView,
  PersonAuth,
  Principal,
  SetRolesDto,
  UserQuery,
  UsersService,
  UserView,
} from '@app/identity';
import { ApiErrors, Page, PageOf, UuidParam } from '@app/shared';

@ApiTags('identity')
@ApiErrors(503)
@Controller('api/v1/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @PersonAuth(...ADMIN_ROLES)
  @ApiOperation({ summary: 'Add a user to your own organization (an e-mail is unique within an organization)' })
  @ApiCreatedResponse({ type: UserView })
  @ApiErrors(400, 409)
  create(@CurrentPrincipal() caller: Principal, @Body() dto: CreateUserDto): Promise<UserView> {
    return this.users.create(caller, dto);
  }

  @Get()
  @Auth(...ADMIN_ROLES)
  @ApiOperation({ summary: "Your organization's users (the regulator's: any organization's)" })
  @ApiOkResponse({ type: PageOf(UserView) })
  @ApiErrors(400)
  list(@CurrentPrincipal() caller: Principal, @Query() q: UserQuery): Promise<Page<UserView>> {
    return this.users.list(caller, q);
  }

  @Get(':id')
  @Auth(...ADMIN_ROLES)
  @ApiOperation({ summary: 'One user' })
  @ApiOkResponse({ type: UserView })
  @ApiErrors(400, 404)
  get(@CurrentPrincipal() caller: Principal, @UuidParam() id: string): Promise<UserView> {
    return this.users.get(caller, id);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @PersonAuth(...ADMIN_ROLES)
  @ApiOperation({ summary: 'Deactivate a user: their tokens, and the API keys they created, stop working at once' })
  @ApiOkResponse({ type: UserView })
  @ApiErrors(400, 404, 409, 422)
  deactivate(@CurrentPrincipal() caller: Principal, @UuidParam() id: string): Promise<UserView> {
    return this.users.deactivate(caller, id);
  }

  @Post(':id/reactivate')
  @HttpCode(200)
  @PersonAuth(...ADMIN_ROLES)
  @ApiOperation({ summary: 'Reactivate a user: they log in again; tokens from before the deactivation stay invalid' })
  @ApiOkResponse({ type: UserView })
  @ApiErrors(400, 404)
  reactivate(@CurrentPrincipal() caller: Principal, @UuidParam() id: string): Promise<UserView> {
    return this.users.reactivate(caller, id);
  }

  @Post(':id/reset-password')
  @HttpCode(200)
  @PersonAuth(...ADMIN_ROLES)
  @ApiOperation({ summary: "Give another user a generated password, answered this once; the user's tokens stop working" })
  @ApiOkResponse({ type: PasswordResetView })
  @ApiErrors(400, 404, 422)
  resetPassword(@CurrentPrincipal() caller: Principal, @UuidParam() id: string): Promise<PasswordResetView> {
    return this.users.resetPassword(caller, id);
  }

  @Put(':id/roles')
  @PersonAuth(...ADMIN_ROLES)
  @ApiOperation({ summary: "Replace a user's roles; the user's tokens stop working and they log in again" })
  @ApiOkResponse({ type: UserView })
  @ApiErrors(400, 404, 409, 422)
  setRoles(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: SetRolesDto): Promise<UserView> {
    return this.users.setRoles(caller, id, dto.roles);
  }

  @Post(':id/unlock')
  @HttpCode(200)
  @PersonAuth(...ADMIN_ROLES)
  @ApiOperation({ summary: "Lift the lock-out that failed logins put on the user's account" })
  @ApiOkResponse({ type: UserView })
  @ApiErrors(400, 404)
  unlock(@CurrentPrincipal() caller: Principal, @UuidParam() id: string): Promise<UserView> {
    return this.users.unlock(caller, id);
  }
}
