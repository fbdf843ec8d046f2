import { DomainError } from '@app/shared';

/** The limits on label codes, from the configuration (LABEL_CODES_PER_GRANT, LABEL_CODES_PER_DAY, LABEL_BATCHES_IN_PROGRESS). */
export interface LabelQuotas {
  perGrant: number;
  perDay: number;
  inProgress: number;
}

/** What an enterprise has ordered: under this mark grant in all, today (Beijing time), and batches not yet generated. */
export interface LabelUsage {
  grantCodes: number;
  dayCodes: number;
  batchesInProgress: number;
}

const DAY_MS = 86_400_000;
/** China Standard Time is UTC+8 all year (no daylight saving): the day starts at 16:00 UTC. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** When today began in Asia/Shanghai. */
export function startOfShanghaiDay(now: Date): Date {
  const local = now.getTime() + SHANGHAI_OFFSET_MS;
  return new Date(local - (local % DAY_MS) - SHANGHAI_OFFSET_MS);
}

/** A batch of 100,000 codes takes the worker about 5 s: a client told to wait this long usually finds one done. */
const IN_PROGRESS_RETRY_AFTER_SECONDS = 30;

/**
 * Why an order of `quantity` codes is refused, or null. Every refusal names the quota, its limit,
 * what is used and what was asked. The grant's total is final for that grant (422: waiting does
 * not help); the daily quota and the batches in progress free up with time (429 with Retry-After:
 * the next Beijing midnight, or a batch's generation).
 */
export function labelQuotaRefusal(quotas: LabelQuotas, usage: LabelUsage, quantity: number, now: Date): DomainError | null {
  if (usage.grantCodes + quantity > quotas.perGrant) {
    return new DomainError(
      'QUOTA_EXHAUSTED',
      `LABEL_CODES_PER_GRANT: a mark grant may issue at most ${quotas.perGrant} label codes; ${usage.grantCodes} are ordered, ${quantity} more would pass it`,
      { quota: 'LABEL_CODES_PER_GRANT', limit: quotas.perGrant, used: usage.grantCodes, requested: quantity },
    );
  }
  if (usage.batchesInProgress >= quotas.inProgress) {
    return new DomainError(
      'QUOTA_EXCEEDED',
      `LABEL_BATCHES_IN_PROGRESS: at most ${quotas.inProgress} label batches may be generating at once; ${usage.batchesInProgress} are; try again in ${IN_PROGRESS_RETRY_AFTER_SECONDS} s`,
      {
        quota: 'LABEL_BATCHES_IN_PROGRESS',
        limit: quotas.inProgress,
        used: usage.batchesInProgress,
        requested: 1,
        retryAfterSeconds: IN_PROGRESS_RETRY_AFTER_SECONDS,
      },
    );
  }
  if (usage.dayCodes + quantity > quotas.perDay) {
    const retryAfterSeconds = Math.max(1, Math.ceil((startOfShanghaiDay(now).getTime() + DAY_MS - now.getTime()) / 1000));
    return new DomainError(
      'QUOTA_EXCEEDED',
      `LABEL_CODES_PER_DAY: an enterprise may order at most ${quotas.perDay} label codes a day (Beijing time); ${usage.dayCodes} are ordered today, ${quantity} more would pass it; the quota renews at midnight, in ${retryAfterSeconds} s`,
      { quota: 'LABEL_CODES_PER_DAY', limit: quotas.perDay, used: usage.dayCodes, requested: quantity, retryAfterSeconds },
    );
  }
  return null;
}
