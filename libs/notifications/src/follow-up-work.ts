import type { OutboxMessage } from '@app/queue';

/** An e-mail delivery the notify job wrote: the worker sends it over SMTP, with retries. */
export const sendEmail = (deliveryId: string, organizationId?: string | null): OutboxMessage<'notifications'> => ({
  queue: 'notifications',
  name: 'send-email',
  payload: { deliveryId },
  organizationId: organizationId ?? null,
});
