import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ComplaintLookupDto, ComplaintReceipt, ComplaintsService, ComplaintStatusView, CreateComplaintDto } from '@app/certification';
import { Public } from '@app/identity';
import { ApiErrors } from '@app/shared';
import { ComplaintLimiter } from './rate-limit/misuse-report-limiter';
import { RateLimited } from './rate-limit/public-rate-limit.guard';

/** Anyone may complain, without login; staff handle complaints at certification/complaints.controller.ts. */
@ApiTags('complaints')
@ApiErrors(503)
@Controller('api/v1/public/complaints')
export class ComplaintSubmissionController {
  constructor(
    private readonly complaints: ComplaintsService,
    private readonly limiter: ComplaintLimiter,
  ) {}

  @Post()
  @Public()
  @RateLimited()
  @ApiOperation({ summary: 'Complain about a certified product, a holder or a certification body (no login; a few per address per 10 minutes)' })
  @ApiCreatedResponse({ type: ComplaintReceipt, description: 'the reference to quote, with the e-mail, to look the complaint up' })
  @ApiTooManyRequestsResponse({ description: 'Too many complaints from this address; Retry-After says when to try again' })
  @ApiErrors(400)
  async create(@Body() dto: CreateComplaintDto, @Ip() address: string): Promise<ComplaintReceipt> {
    await this.limiter.consume(address);
    return this.complaints.create(dto, { kind: 'public' });
  }

  @Post('lookup')
  @HttpCode(200)
  @Public()
  @RateLimited()
  @ApiOperation({ summary: "Where a complaint stands, by its reference and the complainant's e-mail (a POST: the address stays out of URLs and logs)" })
  @ApiOkResponse({ type: ComplaintStatusView })
  @ApiTooManyRequestsResponse({ description: 'Too many look-ups from this address' })
  @ApiErrors(400, 404)
  async lookup(@Body() dto: ComplaintLookupDto, @Ip() address: string): Promise<ComplaintStatusView> {
    await this.limiter.consume(address);
    return this.complaints.lookup(dto);
  }
}
