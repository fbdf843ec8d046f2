import { ApiProperty } from '@nestjs/swagger';
import { WEBHOOK_SUBSCRIPTION_STATES, WebhookSubscriptionState } from './webhook-subscription-state.machine';

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed', 'skipped'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** A subscription as its organization sees it; the secret is never in it (see WebhookSubscriptionCreated). */
export class WebhookSubscriptionView {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'https://erp.example.cn/hooks/szs', description: 'as it is used (WHATWG-normalized)' }) url: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ enum: WEBHOOK_SUBSCRIPTION_STATES }) state: WebhookSubscriptionState;
  @ApiProperty({ description: "state is 'active': changes are being sent" }) active: boolean;
  @ApiProperty({ description: 'deliveries in a row that failed after every attempt; the subscription pauses at WEBHOOK_PAUSE_AFTER_FAILURES' })
  consecutiveFailures: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) pausedAt: Date | null;
  @ApiProperty({ nullable: true, type: String, description: 'why the worker paused it' }) pausedReason: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class WebhookSubscriptionCreated extends WebhookSubscriptionView {
  @ApiProperty({ example: 'whsec_…', description: 'the HMAC key of the signatures: shown in this answer only, keep it' }) secret: string;
}

/** One change sent (or to be sent) to a subscription, with its last attempt. */
export class WebhookDeliveryView {
  @ApiProperty({ description: 'also sent as the X-SZS-Delivery header' }) id: string;
  @ApiProperty({ example: '1042', description: 'the change feed sequence number of the change delivered' }) sequence: string;
  @ApiProperty({ enum: WEBHOOK_DELIVERY_STATUSES, description: 'skipped: not sent because the subscription was not active' })
  status: WebhookDeliveryStatus;
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true, type: Number, description: "the receiver's HTTP status at the last attempt" }) lastStatusCode: number | null;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) deliveredAt: Date | null;
}
