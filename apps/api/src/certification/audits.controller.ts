import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditQuery, AuditsService, RaiseNonconformityDto, RecordFindingDto } from '@app/certification';
import { Auth, CurrentPrincipal, Principal } from '@app/identity';

const Id = (name = 'id') => Param(name, ParseUUIDPipe);

/** Evaluation: the audits of a case, their findings and nonconformities. */
@ApiTags('audits')
@Controller('api/v1/audits')
export class AuditsController {
  constructor(private readonly audits: AuditsService) {}

  @Get()
  @Auth()
  @ApiOperation({ summary: "Audits: a certification body's, an enterprise's own, all for the regulator; mine=true for an auditor's" })
  list(@CurrentPrincipal() caller: Principal, @Query() q: AuditQuery) {
    return this.audits.list(caller, q);
  }

  @Get(':id')
  @Auth()
  @ApiOperation({ summary: 'An audit with its checklist (each requirement and its finding) and nonconformities' })
  get(@CurrentPrincipal() caller: Principal, @Id() id: string) {
    return this.audits.get(caller, id);
  }

  @Post(':id/start')
  @HttpCode(200)
  @Auth('auditor')
  start(@CurrentPrincipal() caller: Principal, @Id() id: string) {
    return this.audits.start(caller, id);
  }

  @Put(':id/findings/:requirementId')
  @Auth('auditor')
  @ApiOperation({ summary: 'Record (or correct) the finding for one requirement, with its test report' })
  recordFinding(@CurrentPrincipal() caller: Principal, @Id() id: string, @Id('requirementId') requirementId: string, @Body() dto: RecordFindingDto) {
    return this.audits.recordFinding(caller, id, requirementId, dto);
  }

  @Post(':id/nonconformities')
  @Auth('auditor')
  raiseNonconformity(@CurrentPrincipal() caller: Principal, @Id() id: string, @Body() dto: RaiseNonconformityDto) {
    return this.audits.raiseNonconformity(caller, id, dto);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Auth('auditor')
  @ApiOperation({ summary: 'Submit the audit for evaluation; refused (422) with the clauses that have no finding' })
  submit(@CurrentPrincipal() caller: Principal, @Id() id: string) {
    return this.audits.submit(caller, id);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @Auth('auditor')
  @ApiOperation({ summary: 'Continue an audit whose evaluation required corrections' })
  resume(@CurrentPrincipal() caller: Principal, @Id() id: string) {
    return this.audits.resume(caller, id);
  }
}
