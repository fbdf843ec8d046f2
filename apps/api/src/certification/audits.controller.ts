import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AuditQuery,
  AuditsService,
  AuditSummary,
  AuditView,
  CertificateDecisionDto,
  CertificateDecisionView,
  RaiseNonconformityDto,
  RecordFindingDto,
  SurveillanceService,
} from '@app/certification';
import { Auth, CurrentPrincipal, Principal } from '@app/identity';
import { ApiErrors, Page, PageOf, UuidParam } from '@app/shared';

/** Evaluation: the audits of a case, their findings and nonconformities. */
@ApiTags('audits')
@ApiErrors(503)
@Controller('api/v1/audits')
export class AuditsController {
  constructor(
    private readonly audits: AuditsService,
    private readonly surveillance: SurveillanceService,
  ) {}

  @Get()
  @Auth()
  @ApiOperation({ summary: "Audits: a certification body's, an enterprise's own, all for the regulator; mine=true for an auditor's" })
  @ApiOkResponse({ type: PageOf(AuditSummary) })
  @ApiErrors(400)
  list(@CurrentPrincipal() caller: Principal, @Query() q: AuditQuery): Promise<Page<AuditSummary>> {
    return this.audits.list(caller, q);
  }

  @Get(':id')
  @Auth()
  @ApiOperation({ summary: 'An audit with its checklist (each requirement and its finding) and nonconformities' })
  @ApiOkResponse({ type: AuditView })
  @ApiErrors(400, 404)
  get(@CurrentPrincipal() caller: Principal, @UuidParam() id: string): Promise<AuditView> {
    return this.audits.get(caller, id);
  }

  @Post(':id/start')
  @HttpCode(200)
  @Auth('auditor')
  @ApiOperation({ summary: 'Start a planned audit (an assigned auditor)' })
  @ApiOkResponse({ type: AuditView })
  @ApiErrors(400, 404, 409)
  start(@CurrentPrincipal() caller: Principal, @UuidParam() id: string): Promise<AuditView> {
    return this.audits.start(caller, id);
  }

  @Put(':id/findings/:requirementId')
  @Auth('auditor')
  @ApiOperation({ summary: 'Record (or correct) the finding for one requirement, with its test report' })
  @ApiOkResponse({ type: AuditView })
  @ApiErrors(400, 404, 409, 422)
  recordFinding(
    @CurrentPrincipal() caller: Principal,
    @UuidParam() id: string,
    @UuidParam('requirementId') requirementId: string,
    @Body() dto: RecordFindingDto,
  ): Promise<AuditView> {
    return this.audits.recordFinding(caller, id, requirementId, dto);
  }

  @Post(':id/nonconformities')
  @Auth('auditor')
  @ApiOperation({ summary: 'Raise a nonconformity, for a requirement or the audit as a whole; answers the audit' })
  @ApiCreatedResponse({ type: AuditView })
  @ApiErrors(400, 404, 409)
  raiseNonconformity(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: RaiseNonconformityDto): Promise<AuditView> {
    return this.audits.raiseNonconformity(caller, id, dto);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Auth('auditor')
  @ApiOperation({ summary: 'Submit the audit for evaluation; refused (422) with the clauses that have no finding' })
  @ApiOkResponse({ type: AuditView })
  @ApiErrors(400, 404, 409, 422)
  submit(@CurrentPrincipal() caller: Principal, @UuidParam() id: string): Promise<AuditView> {
    return this.audits.submit(caller, id);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @Auth('auditor')
  @ApiOperation({ summary: 'Continue an audit whose evaluation required corrections' })
  @ApiOkResponse({ type: AuditView })
  @ApiErrors(400, 404, 409)
  resume(@CurrentPrincipal() caller: Principal, @UuidParam() id: string): Promise<AuditView> {
    return this.audits.resume(caller, id);
  }

  @Post(':id/certificate-decision')
  @HttpCode(200)
  @Auth('decision_maker')
  @ApiOperation({
    summary:
      'Decide on the certificate whose surveillance or special audit failed: suspend (surveillance_failed), reduce its scope (models), withdraw or maintain (a decision maker who was not an auditor on the audit)',
  })
  @ApiOkResponse({ type: CertificateDecisionView })
  @ApiErrors(400, 404, 409)
  certificateDecision(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: CertificateDecisionDto): Promise<CertificateDecisionView> {
    return this.surveillance.decide(caller, id, dto);
  }
}
