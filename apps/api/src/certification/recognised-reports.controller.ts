import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PresentRecognisedReportDto, RecognisedReportsService, RecognisedReportView, RefuseRecognisedReportDto } from '@app/certification';
import { Auth, CurrentPrincipal, Principal } from '@app/identity';
import { ApiErrors, UuidParam } from '@app/shared';

/** Recognised results (互认): reports presented by the enterprise under a recognition agreement, answered by the audit's auditors. */
@ApiTags('audits')
@ApiErrors(503)
@Controller('api/v1')
export class RecognisedReportsController {
  constructor(private readonly reports: RecognisedReportsService) {}

  @Post('audits/:id/recognised-reports')
  @Auth('enterprise_admin', 'enterprise_member')
  @ApiOperation({
    summary: 'Present a recognised report for a requirement of your audit (enterprise), for the auditor to accept in place of a new test',
    description: 'While the audit is planned or in progress; the agreement must be in force and valid on the report date (400 on reportDate otherwise).',
  })
  @ApiCreatedResponse({ type: RecognisedReportView })
  @ApiErrors(400, 404, 409)
  present(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: PresentRecognisedReportDto): Promise<RecognisedReportView> {
    return this.reports.present(caller, id, dto);
  }

  @Get('audits/:id/recognised-reports')
  @Auth()
  @ApiOperation({ summary: "An audit's recognised reports, the newest first (its enterprise, its body, the regulator)" })
  @ApiOkResponse({ type: [RecognisedReportView] })
  @ApiErrors(400, 404)
  list(@CurrentPrincipal() caller: Principal, @UuidParam() id: string): Promise<RecognisedReportView[]> {
    return this.reports.list(caller, id);
  }

  @Post('recognised-reports/:id/accept')
  @HttpCode(200)
  @Auth('auditor')
  @ApiOperation({ summary: "Accept a recognised report (an assigned auditor, audit in progress): it becomes the requirement's finding, marked recognised" })
  @ApiOkResponse({ type: RecognisedReportView })
  @ApiErrors(400, 404, 409)
  accept(@CurrentPrincipal() caller: Principal, @UuidParam() id: string): Promise<RecognisedReportView> {
    return this.reports.accept(caller, id);
  }

  @Post('recognised-reports/:id/refuse')
  @HttpCode(200)
  @Auth('auditor')
  @ApiOperation({ summary: 'Refuse a recognised report with the reason (an assigned auditor): the requirement needs a test' })
  @ApiOkResponse({ type: RecognisedReportView })
  @ApiErrors(400, 404, 409)
  refuse(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: RefuseRecognisedReportDto): Promise<RecognisedReportView> {
    return this.reports.refuse(caller, id, dto.reason);
  }

  @Post('recognised-reports/:id/withdraw')
  @HttpCode(200)
  @Auth('enterprise_admin', 'enterprise_member')
  @ApiOperation({
    summary: 'Withdraw a recognised report the auditor has not answered (the enterprise, audit planned or in progress): its requirement is free for another',
  })
  @ApiOkResponse({ type: RecognisedReportView })
  @ApiErrors(400, 404, 409)
  withdraw(@CurrentPrincipal() caller: Principal, @UuidParam() id: string): Promise<RecognisedReportView> {
    return this.reports.withdraw(caller, id);
  }
}
