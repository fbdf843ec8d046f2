import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ADMIN_ROLES, Auth, CreateUserDto, CurrentPrincipal, PasswordResetView, PersonAuth, Principal, SetRolesDto, UserQuery, UsersService,
  UserView,
} from '@app/identity';

@ApiTags('identity')
@Controller('api/v1/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @PersonAuth(...ADMIN_ROLES)
  @ApiOperation({ summary: 'Add a user to your own organization (an e-mail is unique within an organization)' })
  create(@CurrentPrincipal() caller: Principal, @Body() dto: CreateUserDto): Promise<UserView> {
    return this.users.create(caller, dto);
  }

  @Get()
  @Auth(...ADMIN_ROLES)
  list(@CurrentPrincipal() caller: Principal, @Query() q: UserQuery) {
    return this.users.list(caller, q);
  }

  @Get(':id')
  @Auth(...ADMIN_ROLES)
  get(@CurrentPrincipal() caller: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<UserView> {
    return this.users.get(caller, id);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @PersonAuth(...ADMIN_ROLES)
  @ApiOperation({ summary: 'Deactivate a user: their tokens, and the API keys they created, stop working at once' })
  deactivate(@CurrentPrincipal() caller: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<UserView> {
    return this.users.deactivate(caller, id);
  }

  @Post(':id/reactivate')
  @HttpCode(200)
  @PersonAuth(...ADMIN_ROLES)
  @ApiOperation({ summary: 'Reactivate a user: they log in again; tokens from before the deactivation stay invalid' })
  reactivate(@CurrentPrincipal() caller: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<UserView> {
    return this.users.reactivate(caller, id);
  }

  @Post(':id/reset-password')
  @HttpCode(200)
  @PersonAuth(...ADMIN_ROLES)
  @ApiOperation({ summary: "Give another user a generated password, answered this once; the user's tokens stop working" })
  resetPassword(@CurrentPrincipal() caller: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<PasswordResetView> {
    return this.users.resetPassword(caller, id);
  }

  @Put(':id/roles')
  @PersonAuth(...ADMIN_ROLES)
  @ApiOperation({ summary: "Replace a user's roles; the user's tokens stop working and they log in again" })
  setRoles(@CurrentPrincipal() caller: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SetRolesDto): Promise<UserView> {
    return this.users.setRoles(caller, id, dto.roles);
  }

  @Post(':id/unlock')
  @HttpCode(200)
  @PersonAuth(...ADMIN_ROLES)
  @ApiOperation({ summary: "Lift the lock-out that failed logins put on the user's account" })
  unlock(@CurrentPrincipal() caller: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<UserView> {
    return this.users.unlock(caller, id);
  }
}
