import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, IsUrl, Length } from 'class-validator';
import { Auth, CurrentPrincipal, Principal } from '@app/identity';
import { WebhooksService } from '@app/registry';

class SubscribeDto {
  @ApiProperty({ example: 'https://erp.example.cn/hooks/szs' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'url must be an http(s) URL' })
  url: string;

  @ApiPropertyOptional({ example: '门店验真系统' }) @IsOptional() @IsString() @Length(1, 200)
  description?: string;
}

/** Registry changes pushed to integrators, HMAC-signed. */
@ApiTags('public registry')
@Controller('api/v1/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @Auth()
  @ApiOperation({
    summary: 'Subscribe a URL to every registry change (the change feed items); the secret is in this answer only',
    description:
      'Each delivery is a POST of one change as JSON with `X-SZS-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`; ' +
      'answer 2xx within 10 s, or it is retried with backoff. Check the signature and that t is recent.',
  })
  subscribe(@CurrentPrincipal() caller: Principal, @Body() dto: SubscribeDto) {
    return this.webhooks.subscribe(caller, dto.url, dto.description);
  }

  @Get()
  @Auth()
  list(@CurrentPrincipal() caller: Principal) {
    return this.webhooks.list(caller);
  }

  @Get(':id/deliveries')
  @Auth()
  @ApiOperation({ summary: 'The delivery log of a subscription: status, attempts, last answer' })
  deliveries(@CurrentPrincipal() caller: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.webhooks.deliveries(caller, id);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @Auth()
  deactivate(@CurrentPrincipal() caller: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.webhooks.deactivate(caller, id);
  }
}
