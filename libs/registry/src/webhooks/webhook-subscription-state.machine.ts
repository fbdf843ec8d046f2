import { StateMachine } from '@app/shared';

export const WEBHOOK_SUBSCRIPTION_STATES = ['active', 'paused', 'deactivated'] as const;
export type WebhookSubscriptionState = (typeof WEBHOOK_SUBSCRIPTION_STATES)[number];

/**
 * A subscription receives changes only while `active`. The worker pauses it when its deliveries
 * keep failing for good (so a dead receiver does not cost retries forever, and its owner sees
 * why); the owner resumes it; deactivation is final (subscribe again for a new secret).
 */
export const WEBHOOK_SUBSCRIPTION_TRANSITIONS = {
  pause: { from: ['active'], to: 'paused' },
  resume: { from: ['paused'], to: 'active' },
  deactivate: { from: ['active', 'paused'], to: 'deactivated' },
} as const;
export type WebhookSubscriptionAction = keyof typeof WEBHOOK_SUBSCRIPTION_TRANSITIONS;

export const webhookSubscriptionMachine = new StateMachine<WebhookSubscriptionState, WebhookSubscriptionAction>(
  'webhook subscription',
  WEBHOOK_SUBSCRIPTION_STATES,
  WEBHOOK_SUBSCRIPTION_TRANSITIONS,
);
