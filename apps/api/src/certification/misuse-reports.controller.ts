import { Body, Controller, Get, Post, Query, HttpCode } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ComplaintsService, ComplaintView, MisuseReportQuery, MisuseReportsService, MisuseReportStatusDto, MisuseReportView } from '@app/certification';
import { Auth, CurrentPrincipal, Principal } from '@app/identity';
import { ApiErrors, Page, PageOf, UuidParam } from '@app/shared';

const HANDLERS = ['cb_admin', 'regulator'] as const;

/** Handling the misuse reports people submit (public/misuse-report-submission.controller.ts). */
@ApiTags('misuse reports')
@ApiErrors(503)
@Controller('api/v1/misuse-reports')
export class MisuseReportsController {
  constructor(
    private readonly reports: MisuseReportsService,
    private readonly complaints: ComplaintsService,
  ) {}

  @Get()
  @Auth(...HANDLERS)
  @ApiOperation({ summary: "Misuse reports: those routed to the caller's certification body; all of them for the regulator" })
  @ApiOkResponse({ type: PageOf(MisuseReportView) })
  @ApiErrors(400)
  list(@CurrentPrincipal() caller: Principal, @Query() q: MisuseReportQuery): Promise<Page<MisuseReportView>> {
    return this.reports.list(caller, q);
  }

  @Get(':id')
  @Auth(...HANDLERS)
  @ApiOperation({ summary: "A misuse report with the reporter's contact (404 when routed to another body)" })
  @ApiOkResponse({ type: MisuseReportView })
  @ApiErrors(400, 404)
  get(@CurrentPrincipal() caller: Principal, @UuidParam() id: string): Promise<MisuseReportView> {
    return this.reports.get(caller, id);
  }

  @Post(':id/status')
  @HttpCode(200)
  @Auth(...HANDLERS)
  @ApiOperation({ summary: 'Take a report into review, or close it (a closed report can be reviewed again)' })
  @ApiOkResponse({ type: MisuseReportView })
  @ApiErrors(400, 404, 409)
  status(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: MisuseReportStatusDto): Promise<MisuseReportView> {
    return this.reports.changeStatus(caller, id, dto);
  }

  @Post(':id/escalate')
  @HttpCode(201)
  @Auth(...HANDLERS)
  @ApiOperation({ summary: "Escalate a report to a complaint about its certificate, handled by the certificate's body (linked both ways)" })
  @ApiCreatedResponse({ type: ComplaintView })
  @ApiErrors(400, 404, 409, 422)
  escalate(@CurrentPrincipal() caller: Principal, @UuidParam() id: string): Promise<ComplaintView> {
    return this.complaints.escalateMisuseReport(caller, id);
  }
}
