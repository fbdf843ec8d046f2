import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentPrincipal, Principal } from '@app/identity';
import { CreatePlanDto, InspectionPlansService, PlanQuery, PlanView, RecordResultDto } from '@app/inspections';
import { ApiErrors, Page, PageOf, UuidParam } from '@app/shared';

/** Random inspection plans as the regulator runs them: draft, commit, draw, results, close. */
@ApiTags('inspections')
@ApiErrors(503)
@Controller('api/v1/inspection-plans')
export class InspectionPlansController {
  constructor(private readonly plans: InspectionPlansService) {}

  @Post()
  @Auth('regulator')
  @ApiOperation({ summary: 'Draft a plan: matters, sampling rate per risk class, inspectors per target (regulator)' })
  @ApiCreatedResponse({ type: PlanView })
  @ApiErrors(400)
  create(@CurrentPrincipal() caller: Principal, @Body() dto: CreatePlanDto): Promise<PlanView> {
    return this.plans.create(caller, dto);
  }

  @Get()
  @Auth('regulator')
  @ApiOperation({ summary: 'Plans, newest first (filters: status, year) (regulator)' })
  @ApiOkResponse({ type: PageOf(PlanView) })
  @ApiErrors(400)
  list(@Query() q: PlanQuery): Promise<Page<PlanView>> {
    return this.plans.list(q);
  }

  @Get(':id')
  @Auth('regulator')
  @ApiOperation({ summary: 'A plan with its draw and the results recorded so far (the seed only once drawn) (regulator)' })
  @ApiOkResponse({ type: PlanView })
  @ApiErrors(400, 404)
  get(@UuidParam() id: string): Promise<PlanView> {
    return this.plans.get(id);
  }

  @Post(':id/commit')
  @HttpCode(200)
  @Auth('regulator')
  @ApiOperation({
    summary: 'Commit: a secret 32-byte seed, its SHA-256 and the frozen population published (regulator)',
    description: '409 unless draft; 422 naming the target when some target could not get enough inspectors free of conflict.',
  })
  @ApiOkResponse({ type: PlanView })
  @ApiErrors(400, 404, 409, 422)
  commit(@UuidParam() id: string): Promise<PlanView> {
    return this.plans.commit(id);
  }

  @Post(':id/draw')
  @HttpCode(200)
  @Auth('regulator')
  @ApiOperation({ summary: 'Draw targets and inspectors from the committed seed, which is published (regulator)' })
  @ApiOkResponse({ type: PlanView })
  @ApiErrors(400, 404, 409, 422)
  draw(@UuidParam() id: string): Promise<PlanView> {
    return this.plans.drawPlan(id);
  }

  @Post(':id/results/:targetId')
  @HttpCode(200)
  @Auth('regulator')
  @ApiOperation({
    summary: 'Record the result of one drawn target (regulator)',
    description: 'Nonconforming on a certified product: the certificate’s body is told and a special audit is planned.',
  })
  @ApiOkResponse({ type: PlanView })
  @ApiErrors(400, 404, 409)
  recordResult(
    @CurrentPrincipal() caller: Principal,
    @UuidParam() id: string,
    @UuidParam('targetId') targetId: string,
    @Body() dto: RecordResultDto,
  ): Promise<PlanView> {
    return this.plans.recordResult(caller, id, targetId, dto);
  }

  @Post(':id/publish-results')
  @HttpCode(200)
  @Auth('regulator')
  @ApiOperation({ summary: 'Publish the results, every drawn target’s recorded (regulator)' })
  @ApiOkResponse({ type: PlanView })
  @ApiErrors(400, 404, 409, 422)
  publishResults(@UuidParam() id: string): Promise<PlanView> {
    return this.plans.publishResults(id);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Auth('regulator')
  @ApiOperation({ summary: 'Close a plan whose results are published (regulator)' })
  @ApiOkResponse({ type: PlanView })
  @ApiErrors(400, 404, 409)
  close(@UuidParam() id: string): Promise<PlanView> {
    return this.plans.close(id);
  }
}
