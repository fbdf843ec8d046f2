import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, CreateOrganizationDto, CurrentPrincipal, OrganizationQuery, OrganizationsService, OrganizationView, Principal } from '@app/identity';
import { ApiErrors, Page, PageOf, UuidParam } from '@app/shared';

@ApiTags('identity')
@ApiErrors(503)
@Controller('api/v1/organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Post()
  @Auth('regulator')
  @ApiOperation({ summary: 'Register an organization (and optionally its first administrator)' })
  @ApiCreatedResponse({ type: OrganizationView })
  @ApiErrors(400, 409)
  create(@Body() dto: CreateOrganizationDto): Promise<OrganizationView> {
    return this.organizations.create(dto);
  }

  @Get()
  @Auth()
  @ApiOperation({ summary: 'Organizations: all for the regulator, otherwise only your own' })
  @ApiOkResponse({ type: PageOf(OrganizationView) })
  @ApiErrors(400)
  list(@CurrentPrincipal() caller: Principal, @Query() q: OrganizationQuery): Promise<Page<OrganizationView>> {
    return this.organizations.list(caller, q);
  }

  @Get(':id')
  @Auth()
  @ApiOperation({ summary: 'One organization: any for the regulator, otherwise only your own' })
  @ApiOkResponse({ type: OrganizationView })
  @ApiErrors(400, 404)
  get(@CurrentPrincipal() caller: Principal, @UuidParam() id: string): Promise<OrganizationView> {
    return this.organizations.get(caller, id);
  }
}
