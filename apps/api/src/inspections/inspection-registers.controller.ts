import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth } from '@app/identity';
import {
  AddTargetDto,
  CreateInspectorDto,
  CreateMatterDto,
  DeclareInspectorConflictDto,
  InspectionRegisterService,
  InspectorView,
  MatterView,
  SyncTargetsDto,
  TargetQuery,
  TargetSyncView,
  TargetView,
  UpdateInspectorDto,
} from '@app/inspections';
import { ApiErrors, Page, PageOf, PageQuery, UuidParam } from '@app/shared';

/** The regulator's registers of random inspections: matters (随机抽查事项清单), targets (检查对象名录库), inspectors (执法检查人员名录库). */
@ApiTags('inspections')
@ApiErrors(503)
@Controller('api/v1')
export class InspectionRegistersController {
  constructor(private readonly registers: InspectionRegisterService) {}

  @Post('inspection-matters')
  @Auth('regulator')
  @ApiOperation({ summary: 'Add an inspectable matter to the checklist (regulator)' })
  @ApiCreatedResponse({ type: MatterView })
  @ApiErrors(400, 409)
  createMatter(@Body() dto: CreateMatterDto): Promise<MatterView> {
    return this.registers.createMatter(dto);
  }

  @Get('inspection-matters')
  @Auth('regulator')
  @ApiOperation({ summary: 'The checklist of inspectable matters, by code (regulator)' })
  @ApiOkResponse({ type: PageOf(MatterView) })
  @ApiErrors(400)
  listMatters(@Query() q: PageQuery): Promise<Page<MatterView>> {
    return this.registers.listMatters(q);
  }

  @Post('inspection-targets')
  @Auth('regulator')
  @ApiOperation({
    summary: 'Register a platform row as an inspection target, or set its risk class (regulator)',
    description:
      'kind declaration: a published self-declaration; certificate: a valid or suspended certificate; holder: an enterprise. Any other id is a 400 on subjectId.',
  })
  @ApiCreatedResponse({ type: TargetView })
  @ApiErrors(400)
  addTarget(@Body() dto: AddTargetDto): Promise<TargetView> {
    return this.registers.addTarget(dto);
  }

  @Post('inspection-targets/sync')
  @HttpCode(200)
  @Auth('regulator')
  @ApiOperation({ summary: 'Load every live row of a kind not yet registered, at a starting risk class (regulator)' })
  @ApiOkResponse({ type: TargetSyncView })
  @ApiErrors(400)
  syncTargets(@Body() dto: SyncTargetsDto): Promise<TargetSyncView> {
    return this.registers.syncTargets(dto.kind, dto.riskClass);
  }

  @Get('inspection-targets')
  @Auth('regulator')
  @ApiOperation({ summary: 'The target register (filters: kind, riskClass, enterpriseId) (regulator)' })
  @ApiOkResponse({ type: PageOf(TargetView) })
  @ApiErrors(400)
  listTargets(@Query() q: TargetQuery): Promise<Page<TargetView>> {
    return this.registers.listTargets(q);
  }

  @Post('inspectors')
  @Auth('regulator')
  @ApiOperation({ summary: 'Register a law-enforcement inspector (regulator)' })
  @ApiCreatedResponse({ type: InspectorView })
  @ApiErrors(400, 409)
  createInspector(@Body() dto: CreateInspectorDto): Promise<InspectorView> {
    return this.registers.createInspector(dto);
  }

  @Get('inspectors')
  @Auth('regulator')
  @ApiOperation({ summary: 'The inspector register with declared conflicts (regulator)' })
  @ApiOkResponse({ type: PageOf(InspectorView) })
  @ApiErrors(400)
  listInspectors(@Query() q: PageQuery): Promise<Page<InspectorView>> {
    return this.registers.listInspectors(q);
  }

  @Patch('inspectors/:id')
  @Auth('regulator')
  @ApiOperation({ summary: "Change an inspector's name, unit or active flag (regulator)" })
  @ApiOkResponse({ type: InspectorView })
  @ApiErrors(400, 404)
  updateInspector(@UuidParam() id: string, @Body() dto: UpdateInspectorDto): Promise<InspectorView> {
    return this.registers.updateInspector(id, dto);
  }

  @Post('inspectors/:id/conflicts')
  @HttpCode(200)
  @Auth('regulator')
  @ApiOperation({ summary: 'Record a conflict an inspector declared with an enterprise: never drawn for its targets (regulator)' })
  @ApiOkResponse({ type: InspectorView })
  @ApiErrors(400, 404, 409)
  declareConflict(@UuidParam() id: string, @Body() dto: DeclareInspectorConflictDto): Promise<InspectorView> {
    return this.registers.declareConflict(id, dto);
  }
}
