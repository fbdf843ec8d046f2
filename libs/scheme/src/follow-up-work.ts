import type { OutboxMessage } from '@app/queue';

/*
 * The work the scheme context hands to the worker, written to the outbox in the change's own
 * transaction.
 */

/**
 * A standard superseded (or a page of its certificates done): the worker gives its live certificates
 * a transition deadline and the new version, a keyset page at a time.
 */
export const startStandardTransition = (standardId: string, after?: string): OutboxMessage<'certificate-status'> => ({
  queue: 'certificate-status',
  name: 'start-standard-transition',
  payload: after ? { standardId, after } : { standardId },
});

/**
 * A standard withdrawn (or a page of its certificates done): the worker flags its live
 * certificates (standard_withdrawn_at) and tells their bodies, a keyset page at a time.
 */
export const flagStandardWithdrawal = (standardId: string, after?: string): OutboxMessage<'certificate-status'> => ({
  queue: 'certificate-status',
  name: 'flag-standard-withdrawal',
  payload: after ? { standardId, after } : { standardId },
});
