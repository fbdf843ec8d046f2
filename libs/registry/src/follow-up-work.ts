import type { OutboxMessage } from '@app/queue';

/*
 * The work the registry context hands to the worker, each beside the change that causes it.
 * Every registry enqueue builds its message here. Written to the outbox in the change's own
 * transaction.
 */

/** A certificate change recorded (change-feed `sequence`): the worker makes one delivery per active webhook subscription. */
export const fanOutChange = (sequence: string): OutboxMessage<'webhooks'> => ({
  queue: 'webhooks',
  name: 'fan-out',
  payload: { sequence },
});

/** A delivery created by the fan-out: the worker POSTs it to the subscriber, with retries. */
export const deliverWebhook = (deliveryId: string): OutboxMessage<'webhooks'> => ({
  queue: 'webhooks',
  name: 'deliver',
  payload: { deliveryId },
});
