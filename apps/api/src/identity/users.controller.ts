import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ADMIN_ROLES, Auth, CreateUserDto, CurrentPrincipal, Principal, UserQuery, UsersService, UserView } from '@app/identity';

@ApiTags('identity')
@Controller('api/v1/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Auth(...ADMIN_ROLES)
  @ApiOperation({ summary: 'Add a user to your own organization' })
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
  @Auth(...ADMIN_ROLES)
  @ApiOperation({ summary: 'Deactivate a user: their tokens stop working at once' })
  deactivate(@CurrentPrincipal() caller: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<UserView> {
    return this.users.deactivate(caller, id);
  }
}
