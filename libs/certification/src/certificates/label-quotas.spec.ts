import { httpStatusOf } from '@app/shared';
import { labelQuotaRefusal, startOfShanghaiDay } from './label-quotas';

const quotas = { perGrant: 1000, perDay: 500, inProgress: 2 };
const noon = new Date('2026-11-30T04:00:00Z'); // 12:00 in Shenzhen

describe('label code quotas', () => {
  it('lets an order through that fits every quota, up to the limits exactly', () => {
    expect(labelQuotaRefusal(quotas, { grantCodes: 0, dayCodes: 0, batchesInProgress: 0 }, 500, noon)).toBeNull();
    expect(labelQuotaRefusal(quotas, { grantCodes: 900, dayCodes: 400, batchesInProgress: 1 }, 100, noon)).toBeNull();
  });

  it("refuses past the grant's total with 422, naming the quota, the limit and what is used", () => {
    const e = labelQuotaRefusal(quotas, { grantCodes: 950, dayCodes: 0, batchesInProgress: 0 }, 51, noon)!;
    expect(httpStatusOf(e.code)).toBe(422);
    expect(e.details).toEqual({ quota: 'LABEL_CODES_PER_GRANT', limit: 1000, used: 950, requested: 51 });
    expect(e.message).toContain('LABEL_CODES_PER_GRANT');
  });

  it('refuses a batch past the number in progress with 429 and Retry-After', () => {
    const e = labelQuotaRefusal(quotas, { grantCodes: 0, dayCodes: 0, batchesInProgress: 2 }, 1, noon)!;
    expect(httpStatusOf(e.code)).toBe(429);
    expect(e.details).toMatchObject({ quota: 'LABEL_BATCHES_IN_PROGRESS', limit: 2, used: 2 });
    expect(e.details!.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('refuses past the daily quota until the next midnight in Beijing', () => {
    const e = labelQuotaRefusal(quotas, { grantCodes: 0, dayCodes: 450, batchesInProgress: 0 }, 51, noon)!;
    expect(httpStatusOf(e.code)).toBe(429);
    expect(e.details).toEqual({ quota: 'LABEL_CODES_PER_DAY', limit: 500, used: 450, requested: 51, retryAfterSeconds: 12 * 3600 });
  });

  it('starts the day at 00:00 China Standard Time (16:00 UTC the day before)', () => {
    expect(startOfShanghaiDay(noon).toISOString()).toBe('2026-11-29T16:00:00.000Z');
    expect(startOfShanghaiDay(new Date('2026-11-30T15:59:59Z')).toISOString()).toBe('2026-11-29T16:00:00.000Z');
    expect(startOfShanghaiDay(new Date('2026-11-30T16:00:00Z')).toISOString()).toBe('2026-11-30T16:00:00.000Z');
  });
});
