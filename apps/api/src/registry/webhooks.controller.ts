import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { ADMIN_ROLES, Auth, CurrentPrincipal, Principal } from '@app/identity';
import { WebhookDeliveryView, WebhooksService, WebhookSubscriptionCreated, WebhookSubscriptionView } from '@app/registry';
import { ApiErrors, Page, PageOf, PageQuery, UuidParam } from '@app/shared';

class SubscribeDto {
  @ApiProperty({
    example: 'https://erp.example.cn/hooks/szs',
    description: 'https (http outside production); must resolve only to public addresses',
  })
  // Parsed and checked by the webhook address rules (WHATWG URL, the parser the delivery uses).
  @IsString()
  @MaxLength(2048)
  url: string;

  @ApiPropertyOptional({ example: '门店验真系统' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  description?: string;
}

/**
 * Registry changes pushed to integrators, HMAC-signed. Administrators only (users or API keys
 * holding an administrator role): a subscription makes the platform send requests on the
 * organization's behalf.
 */
@ApiTags('public registry')
@ApiErrors(503)
@Controller('api/v1/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @Auth(...ADMIN_ROLES)
  @ApiOperation({
    summary: 'Subscribe a URL to every registry change (the change feed items); the secret is in this answer only',
    description:
      'Each delivery is a POST of one change as JSON with `X-SZS-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`; ' +
      'answer 2xx within 10 s, or it is retried with backoff (redirects are not followed). Check the signature and that t is recent. ' +
      'The URL must be https in production and resolve only to public addresses (checked now and at every delivery); ' +
      'an organization holds at most WEBHOOK_MAX_SUBSCRIPTIONS active or paused subscriptions (409 LIMIT_REACHED).',
  })
  @ApiCreatedResponse({ type: WebhookSubscriptionCreated })
  @ApiErrors(400, 409)
  subscribe(@CurrentPrincipal() caller: Principal, @Body() dto: SubscribeDto): Promise<WebhookSubscriptionCreated> {
    return this.webhooks.subscribe(caller, dto.url, dto.description);
  }

  @Get()
  @Auth(...ADMIN_ROLES)
  @ApiOperation({ summary: "The organization's subscriptions with their state (active, paused with reason and time, deactivated)" })
  @ApiOkResponse({ type: PageOf(WebhookSubscriptionView) })
  @ApiErrors(400)
  list(@CurrentPrincipal() caller: Principal, @Query() q: PageQuery): Promise<Page<WebhookSubscriptionView>> {
    return this.webhooks.list(caller, q);
  }

  @Get(':id')
  @Auth(...ADMIN_ROLES)
  @ApiOperation({ summary: 'One subscription: state, consecutive failed deliveries, why and when it was paused' })
  @ApiOkResponse({ type: WebhookSubscriptionView })
  @ApiErrors(400, 404)
  get(@CurrentPrincipal() caller: Principal, @UuidParam() id: string): Promise<WebhookSubscriptionView> {
    return this.webhooks.get(caller, id);
  }

  @Get(':id/deliveries')
  @Auth(...ADMIN_ROLES)
  @ApiOperation({ summary: 'The delivery log of a subscription: status, attempts, last answer or error' })
  @ApiOkResponse({ type: PageOf(WebhookDeliveryView) })
  @ApiErrors(400, 404)
  deliveries(@CurrentPrincipal() caller: Principal, @UuidParam() id: string, @Query() q: PageQuery): Promise<Page<WebhookDeliveryView>> {
    return this.webhooks.deliveries(caller, id, q);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @Auth(...ADMIN_ROLES)
  @ApiOperation({
    summary: 'Resume a paused subscription (the failure count starts again at 0)',
    description: 'Changes made while it was paused are not sent: read them from GET /api/v1/registry/changes?after=<the last delivered sequence>.',
  })
  @ApiOkResponse({ type: WebhookSubscriptionView })
  @ApiErrors(400, 404, 409)
  resume(@CurrentPrincipal() caller: Principal, @UuidParam() id: string): Promise<WebhookSubscriptionView> {
    return this.webhooks.resume(caller, id);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @Auth(...ADMIN_ROLES)
  @ApiOperation({ summary: 'Stop a subscription for good' })
  @ApiOkResponse({ type: WebhookSubscriptionView })
  @ApiErrors(400, 404, 409)
  deactivate(@CurrentPrincipal() caller: Principal, @UuidParam() id: string): Promise<WebhookSubscriptionView> {
    return this.webhooks.deactivate(caller, id);
  }
}
