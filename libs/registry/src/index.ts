export * from './registry.module';
export * from './registry.service';
export * from './registry-entry.view';
export * from './registry-search';
export * from './registry-cache';
export * from './registry.dto';
export * from './registry-writer';
export * from './certificate-record';
export * from './export-format';
export * from './counterfeit-detector';
export * from './counterfeit-signals.service';
export * from './counterfeit-signal.view';
export * from './webhooks/webhooks.service';
export * from './webhooks/webhook.view';
export * from './webhooks/webhook-signature';
export * from './webhooks/webhook-address';
export * from './webhooks/webhook-client';
export * from './webhooks/webhook-subscription-state.machine';
export * from './webhooks/webhooks.processor';
import { WebhooksProcessor } from './webhooks/webhooks.processor';

/** The registry context's BullMQ processors, by queue; only the worker app provides them. */
export const REGISTRY_PROCESSORS = { webhooks: [WebhooksProcessor] };
