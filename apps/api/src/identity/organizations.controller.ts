import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  Auth, CreateOrganizationDto, CurrentPrincipal, OrganizationQuery, OrganizationsService, OrganizationView, Principal,
} from '@app/identity';

@ApiTags('identity')
@Controller('api/v1/organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Post()
  @Auth('regulator')
  @ApiOperation({ summary: 'Register an organization (and optionally its first administrator)' })
  create(@Body() dto: CreateOrganizationDto): Promise<OrganizationView> {
    return this.organizations.create(dto);
  }

  @Get()
  @Auth()
  @ApiOperation({ summary: 'Organizations: all for the regulator, otherwise only your own' })
  list(@CurrentPrincipal() caller: Principal, @Query() q: OrganizationQuery) {
    return this.organizations.list(caller, q);
  }

  @Get(':id')
  @Auth()
  get(@CurrentPrincipal() caller: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<OrganizationView> {
    return this.organizations.get(caller, id);
  }
}
