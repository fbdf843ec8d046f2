import { Body, Controller, Get, Ip, Param, ParseUUIDPipe, Post, Query, HttpCode } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { CreateMisuseReportDto, MisuseReportQuery, MisuseReportReceipt, MisuseReportsService, MisuseReportStatusDto } from '@app/certification';
import { Auth, CurrentPrincipal, Principal, Public } from '@app/identity';
import { MisuseReportLimiter } from '../rate-limit/misuse-report-limiter';
import { RateLimited } from '../rate-limit/public-rate-limit.guard';

const HANDLERS = ['cb_admin', 'regulator'] as const;

@ApiTags('misuse reports')
@Controller('api/v1/misuse-reports')
export class MisuseReportsController {
  constructor(
    private readonly reports: MisuseReportsService,
    private readonly limiter: MisuseReportLimiter,
  ) {}

  @Post()
  @Public()
  @RateLimited()
  @ApiOperation({ summary: 'Report suspected misuse of a certificate or the mark (no login; a few per address per 10 minutes)' })
  @ApiCreatedResponse({ type: MisuseReportReceipt, description: 'the reference number to quote; the contact is never echoed' })
  @ApiTooManyRequestsResponse({ description: 'Too many reports from this address; Retry-After says when to try again' })
  async create(@Body() dto: CreateMisuseReportDto, @Ip() address: string): Promise<MisuseReportReceipt> {
    await this.limiter.consume(address);
    return this.reports.create(dto, address);
  }

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
