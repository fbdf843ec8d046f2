import { Controller, Get, Header, Ip, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { JwksView, TokenSigner } from '@app/documents';
import { TokenVerificationResult, VerificationResult, VerificationService } from '@app/certification';
import { ApiErrors } from '@app/shared';
import { Public } from '@app/identity';
import { NotRateLimited, RateLimited } from './rate-limit/public-rate-limit.guard';

@ApiTags('public verification')
@Controller()
export class VerificationController {
  constructor(
    private readonly verification: VerificationService,
    private readonly signer: TokenSigner,
  ) {}

  @Get('api/v1/verify/:code')
  @Public()
  @RateLimited()
  @ApiOperation({
    summary: 'Verify a certificate number or a label code',
    description: 'valid | suspended | withdrawn | cancelled | expired | unknown, or invalid when the check character is wrong',
  })
  @ApiOkResponse({ type: VerificationResult, description: 'an answer about any input: a code not found is `unknown`, not a 404' })
  @ApiErrors(503)
  verify(@Param('code') code: string, @Ip() ip: string): Promise<VerificationResult> {
    return this.verification.verify(code.slice(0, 64), ip);
  }

  @Get('api/v1/verify/token/:token')
  @Public()
  @RateLimited()
  @ApiOperation({ summary: 'Verify the signed token of a QR code: invalid when forged or altered, else the live status' })
  @ApiOkResponse({ type: TokenVerificationResult })
  @ApiErrors(503)
  verifyToken(@Param('token') token: string, @Ip() ip: string): Promise<TokenVerificationResult> {
    return this.verification.verifyToken(token, ip);
  }

  @Get('.well-known/jwks.json')
  @Public()
  @NotRateLimited('answered from memory (the keys are loaded at start), and cached by clients for 5 minutes')
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({ summary: 'Public keys (Ed25519) that sign the tokens in certificate and label QR codes' })
  @ApiOkResponse({ type: JwksView })
  jwks(): JwksView {
    return this.signer.jwks();
  }
}
