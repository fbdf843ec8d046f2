import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, HttpCode } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { MisuseReportQuery, MisuseReportsService, MisuseReportStatusDto } from '@app/certification';
import { Auth, CurrentPrincipal, Principal } from '@app/identity';

const HANDLERS = ['cb_admin', 'regulator'] as const;

/** Handling the misuse reports people submit (public/misuse-report-submission.controller.ts). */
@ApiTags('misuse reports')
@Controller('api/v1/misuse-reports')
export class MisuseReportsController {
  constructor(private readonly reports: MisuseReportsService) {}

  @Get()
  @Auth(...HANDLERS)
  @ApiOperation({ summary: "Misuse reports: those routed to the caller's certification body; all of them for the regulator" })
  list(@CurrentPrincipal() caller: Principal, @Query() q: MisuseReportQuery) {
    return this.reports.list(caller, q);
  }

  @Get(':id')
  @Auth(...HANDLERS)
  @ApiOperation({ summary: 'A misuse report with the reporter\'s contact (404 when routed to another body)' })
  get(@CurrentPrincipal() caller: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.reports.get(caller, id);
  }

  @Post(':id/status')
  @HttpCode(200)
  @Auth(...HANDLERS)
  @ApiOperation({ summary: 'Take a report into review, or close it (a closed report can be reviewed again)' })
  status(@CurrentPrincipal() caller: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: MisuseReportStatusDto) {
    return this.reports.changeStatus(caller, id, dto);
  }
}
