import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  ApplicationView,
  CertificateChangesService,
  CertificateEditionView,
  CertificatesService,
  CertificateView,
  ExtensionDto,
  ReissueDto,
  ScopeReductionDto,
  StandardTransitions,
} from '@app/certification';
import { Auth, CurrentPrincipal, Principal } from '@app/identity';
import { ApiErrors, UuidParam } from '@app/shared';

/** Renewal and changes of an issued certificate: the holder applies, the holder or its body reduces, the body re-issues. */
@ApiTags('certificates')
@ApiErrors(503)
@Controller('api/v1/certificates')
export class CertificateChangesController {
  constructor(
    private readonly changes: CertificateChangesService,
    private readonly certificates: CertificatesService,
    private readonly transitions: StandardTransitions,
  ) {}

  @Post(':id/renewal')
  @Auth('enterprise_admin')
  @ApiOperation({
    summary: 'Apply to renew: a draft renewal application (same entry, body and scope), from six months before expiry until the last valid day',
  })
  @ApiCreatedResponse({ type: ApplicationView })
  @ApiErrors(400, 404, 409, 422)
  renew(@CurrentPrincipal() caller: Principal, @UuidParam() id: string): Promise<ApplicationView> {
    return this.changes.applyForRenewal(caller, id);
  }

  @Post(':id/extension')
  @Auth('enterprise_admin')
  @ApiOperation({ summary: 'Apply to extend the scope: a draft extension application with the new products or models only' })
  @ApiCreatedResponse({ type: ApplicationView })
  @ApiErrors(400, 404, 409)
  extend(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: ExtensionDto): Promise<ApplicationView> {
    return this.changes.applyForExtension(caller, id, dto);
  }

  @Post(':id/scope-reduction')
  @HttpCode(200)
  @Auth('enterprise_admin', 'cb_admin', 'decision_maker')
  @ApiOperation({ summary: "Take models out of the scope (the holder's request or the body's decision); their mark grants end, their labels say why" })
  @ApiOkResponse({ type: CertificateView })
  @ApiErrors(400, 404, 409)
  async reduce(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: ScopeReductionDto): Promise<CertificateView> {
    await this.changes.reduce(caller, id, dto);
    return this.certificates.get(caller, id);
  }

  @Post(':id/reissue')
  @HttpCode(202)
  @Auth('cb_admin', 'decision_maker')
  @ApiOperation({ summary: 'Re-issue as the next edition (new PDF and QR token) after a change of the holder or the body; rendered by the worker' })
  @ApiAcceptedResponse({ type: CertificateView, description: 'the certificate as it is; its next edition follows shortly' })
  @ApiErrors(400, 404, 409)
  async reissue(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Body() dto: ReissueDto): Promise<CertificateView> {
    await this.changes.requestReissue(caller, id, dto);
    return this.certificates.get(caller, id);
  }

  @Post(':id/transition-audit')
  @HttpCode(202)
  @Auth('cb_admin')
  @ApiOperation({
    summary: "Plan the delta audit of a certificate whose standard was superseded: the new version's changed and added requirements",
  })
  @ApiAcceptedResponse({ type: CertificateView, description: 'the certificate; its audit is being planned' })
  @ApiErrors(400, 404, 409)
  async transitionAudit(@CurrentPrincipal() caller: Principal, @UuidParam() id: string): Promise<CertificateView> {
    await this.transitions.requestAudit(caller, id);
    return this.certificates.get(caller, id);
  }

  @Get(':id/editions')
  @Auth()
  @ApiOperation({ summary: "The certificate's editions, oldest first" })
  @ApiOkResponse({ type: [CertificateEditionView] })
  @ApiErrors(400, 404)
  editions(@CurrentPrincipal() caller: Principal, @UuidParam() id: string): Promise<CertificateEditionView[]> {
    return this.changes.listEditions(caller, id);
  }

  @Get(':id/editions/:edition/pdf')
  @Auth()
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'The PDF of one edition (a superseded one stays downloadable by the holder and the body)' })
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'the PDF, named after the certificate number and edition' })
  @ApiErrors(400, 404)
  async editionPdf(
    @CurrentPrincipal() caller: Principal,
    @UuidParam() id: string,
    @Param('edition', new ParseIntPipe({ errorHttpStatusCode: 400 })) edition: number,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { number, pdf } = await this.changes.editionPdf(caller, id, edition);
    void reply.header('Content-Type', 'application/pdf').header('Content-Disposition', `attachment; filename="${number}.pdf"`).send(pdf);
  }
}
