import { StateMachine } from '@app/shared';
import type { MarkGrantStatus } from './mark-grant-status.machine';

export const CERTIFICATE_STATUSES = ['valid', 'suspended', 'withdrawn', 'cancelled', 'expired'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

/**
 * National certificate statuses: 有效 valid, 暂停 suspended, 撤销 withdrawn, 注销 cancelled (at the
 * holder's request), 过期 expired. Every change lands in the certificate's public history.
 */
export const CERTIFICATE_TRANSITIONS = {
  suspend: { from: ['valid'], to: 'suspended' },
  restore: { from: ['suspended'], to: 'valid' },
  withdraw: { from: ['valid', 'suspended'], to: 'withdrawn' },
  cancel: { from: ['valid', 'suspended'], to: 'cancelled' },
  expire: { from: ['valid', 'suspended'], to: 'expired' },
  // A withdrawal is final but for one way back: an appeal against it upheld (appeals.service.ts).
  reinstate: { from: ['withdrawn'], to: 'valid' },
} as const;
export type CertificateAction = keyof typeof CERTIFICATE_TRANSITIONS;

export const certificateMachine = new StateMachine<CertificateStatus, CertificateAction>('certificate', CERTIFICATE_STATUSES, CERTIFICATE_TRANSITIONS);

/** Public reason categories for a suspension or withdrawal (the private note stays with the CB). */
export const PUBLIC_REASONS = [
  'surveillance_failed',
  'surveillance_not_performed',
  'nonconforming_product',
  'misuse_of_mark',
  'holder_request',
  'suspension_not_lifted',
  'appeal_upheld',
  'transition_not_completed',
  'other',
] as const;
export type PublicReason = (typeof PUBLIC_REASONS)[number];

/** What happens to the certificate's mark grants when it changes. */
export const GRANT_FOLLOWS: Record<CertificateAction, { from: MarkGrantStatus[]; to: MarkGrantStatus } | null> = {
  suspend: { from: ['granted'], to: 'suspended' },
  restore: { from: ['suspended'], to: 'granted' },
  withdraw: { from: ['requested', 'granted', 'suspended'], to: 'revoked' },
  cancel: { from: ['requested', 'granted', 'suspended'], to: 'revoked' },
  expire: { from: ['requested', 'granted', 'suspended'], to: 'revoked' },
  // A revoked grant stays revoked: which of them the withdrawal ended is not recorded, and label
  // codes that answered "revoked" must not silently turn valid again. The holder asks anew.
  reinstate: null,
};
