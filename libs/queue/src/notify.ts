import type { NotificationRequest, OutboxMessage } from './job-contract';

/**
 * An event to tell people of, as outbox work: written in the transaction of the change it reports,
 * sent by the worker (inbox, and e-mail when SMTP_URL is set), never in the request.
 */
export const notify = (request: NotificationRequest, organizationId?: string | null): OutboxMessage<'notifications'> => ({
  queue: 'notifications',
  name: 'notify',
  payload: request,
  organizationId: organizationId ?? null,
});
