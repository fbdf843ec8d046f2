import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  CertificateQuery,
  CertificatesService,
  CertificateSummary,
  CertificateView,
  RestoreDto,
  StatusChangeDto,
  SurveillanceService,
  VoluntarySuspensionDto,
} from '@app/certification';
import { Auth, CurrentPrincipal, Principal } from '@app/identity';
import { ApiErrors, Page, PageOf, UuidParam } from '@app/shared';

const CB_STATUS_ROLES = ['cb_admin', 'decision_maker'] as const;

@ApiTags('certificates')
@ApiErrors(503)
@Controller('api/v1/certificates')
export class CertificatesController {
  constructor(
    private readonly certificates: CertificatesService,
    private readonly surveillance: SurveillanceService,
  ) {}

  @Get()
  @Auth()
  @ApiOperation({ summary: "Certificates: the holder's, the issuing body's, all for the regulator" })
  @ApiOkResponse({ type: PageOf(CertificateSummary) })
  @ApiErrors(400)
  list(@CurrentPrincipal() caller: Principal, @Query() q: CertificateQuery): Promise<Page<CertificateSummary>> {
    return this.certificates.list(caller, q);
  }

  @Get(':id')
  @Auth()
  @ApiOperation({ summary: 'A certificate with its history and mark grants' })
  @ApiOkResponse({ type: CertificateView })
  @ApiErrors(400, 404)
  get(@CurrentPrincipal() caller: Principal, @UuidParam() id: string): Promise<CertificateView> {
    return this.certificates.get(caller, id);
  }

  @Get(':id/pdf')
  @Auth()
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'Download the certificate document (PDF, Chinese and English, with the verification QR code)' })
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'the PDF, as an attachment named after the certificate number' })
  @ApiErrors(400, 404, 422)
  async pdf(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Res() reply: FastifyReply): Promise<void> {
    const { number, pdf } = await this.certificates.pdf(caller, id);
    void reply.header('Content-Type', 'application/pdf').header('Content-Disposition', `attachment; filename="${number}.pdf"`).send(pdf);
  }

  @Post(':id/suspend')
  @HttpCode(200)
  @Auth(...CB_STATUS_ROLES)
  @ApiOperation({ summary: 'Suspend (public reason category, private note); its mark grants are suspended with it' })
  @ApiOkResponse({ type: CertificateView })
  @ApiErrors(400, 404, 409)
  suspend(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: StatusChangeDto): Promise<CertificateView> {
    return this.certificates.change(caller, id, 'suspend', dto);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @Auth(...CB_STATUS_ROLES)
  @ApiOperation({
    summary:
      'Lift a suspension; its suspended mark grants are granted again. After a failed or missed surveillance: once a later surveillance or special audit passed, or by a decision maker who records why',
  })
  @ApiOkResponse({ type: CertificateView })
  @ApiErrors(400, 404, 409, 422)
  restore(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: RestoreDto): Promise<CertificateView> {
    return this.certificates.change(caller, id, 'restore', dto);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Auth(...CB_STATUS_ROLES)
  @ApiOperation({ summary: 'Withdraw (撤销); its mark grants are revoked' })
  @ApiOkResponse({ type: CertificateView })
  @ApiErrors(400, 404, 409)
  withdraw(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: StatusChangeDto): Promise<CertificateView> {
    return this.certificates.change(caller, id, 'withdraw', dto);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Auth('enterprise_admin')
  @ApiOperation({ summary: "Cancel at the holder's request (注销); its mark grants are revoked" })
  @ApiOkResponse({ type: CertificateView })
  @ApiErrors(400, 404, 409)
  cancel(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: RestoreDto): Promise<CertificateView> {
    return this.certificates.change(caller, id, 'cancel', dto);
  }

  @Post(':id/voluntary-suspension')
  @HttpCode(200)
  @Auth('enterprise_admin')
  @ApiOperation({
    summary:
      "Suspend at the holder's request until a date (public reason holder_request); the body restores it on request, and it is withdrawn if not restored by then",
  })
  @ApiOkResponse({ type: CertificateView })
  @ApiErrors(400, 404, 409)
  voluntarySuspension(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: VoluntarySuspensionDto): Promise<CertificateView> {
    return this.surveillance.voluntarySuspension(caller, id, dto);
  }
}
