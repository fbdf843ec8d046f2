import { Body, Controller, Ip, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { CreateMisuseReportDto, MisuseReportReceipt, MisuseReportsService } from '@app/certification';
import { Public } from '@app/identity';
import { ApiErrors } from '@app/shared';
import { MisuseReportLimiter } from './rate-limit/misuse-report-limiter';
import { RateLimited } from './rate-limit/public-rate-limit.guard';

/** Anyone may report suspected misuse; the reports are handled by staff (certification/misuse-reports.controller.ts). */
@ApiTags('misuse reports')
@ApiErrors(503)
@Controller('api/v1/misuse-reports')
export class MisuseReportSubmissionController {
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
  @ApiErrors(400)
  async create(@Body() dto: CreateMisuseReportDto, @Ip() address: string): Promise<MisuseReportReceipt> {
    await this.limiter.consume(address);
    return this.reports.create(dto, address);
  }
}
