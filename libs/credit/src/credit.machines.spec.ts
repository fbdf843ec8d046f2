import { DomainError } from '@app/shared';
import {
  CREDIT_ACTION_STATUSES,
  CREDIT_APPLICATION_STATUSES,
  creditActionMachine,
  creditApplicationMachine,
  repairRefusal,
  RepairFacts,
  SERIOUS_LISTING_STATUSES,
  seriousListingMachine,
} from './credit.machines';

/** Walks every (state, action) pair of a machine against the expected `from>action>to` set. */
function walk<S extends string, A extends string>(machine: { actions: A[]; next(s: S, a: A): S }, states: readonly S[], allowed: string[]) {
  const table = new Map(allowed.map((t) => [t.split('>').slice(0, 2).join('>'), t.split('>')[2]]));
  return states.flatMap((from) => machine.actions.map((action) => [from, action, table.get(`${from}>${action}`)] as const));
}

describe('credit state machines', () => {
  it.each(walk(seriousListingMachine, SERIOUS_LISTING_STATUSES, ['listed>remove>removed']))('serious listing: %s, %s → %s', (from, action, to) => {
    if (to) expect(seriousListingMachine.next(from, action)).toBe(to);
    else expect(() => seriousListingMachine.next(from, action)).toThrow(DomainError);
  });

  it.each(walk(creditApplicationMachine, CREDIT_APPLICATION_STATUSES, ['pending>grant>granted', 'pending>refuse>refused']))(
    'credit application: %s, %s → %s',
    (from, action, to) => {
      if (to) expect(creditApplicationMachine.next(from, action)).toBe(to);
      else expect(() => creditApplicationMachine.next(from, action)).toThrow(DomainError);
    },
  );

  it.each(walk(creditActionMachine, CREDIT_ACTION_STATUSES, ['open>record>done', 'open>lapse>lapsed']))('credit action: %s, %s → %s', (from, action, to) => {
    if (to) expect(creditActionMachine.next(from, action)).toBe(to);
    else expect(() => creditActionMachine.next(from, action)).toThrow(DomainError);
  });

  it('names the state in a refused transition', () => {
    expect(() => creditApplicationMachine.next('granted', 'refuse')).toThrow("credit application is 'granted'");
  });
});

describe('credit repair rule', () => {
  const base: RepairFacts = { listingKind: 'serious_violation', removed: false, displayEnded: false, minimumDisplayUntil: '2027-11-20', today: '2026-12-01' };

  it('refuses a serious listing before its minimum display, and allows it from that day', () => {
    expect(repairRefusal(base)).toMatchObject({
      rule: 'repair_too_early',
      params: { from: '2027-11-20' },
      message: expect.stringContaining('from 2027-11-20'),
    });
    expect(repairRefusal({ ...base, today: '2027-11-19' })).not.toBeNull();
    expect(repairRefusal({ ...base, today: '2027-11-20' })).toBeNull();
  });

  it('allows an abnormal-operations listing once removed, not before', () => {
    expect(repairRefusal({ ...base, listingKind: 'abnormal_operations' })?.message).toContain('removed');
    expect(repairRefusal({ ...base, listingKind: 'abnormal_operations', removed: true })).toBeNull();
  });

  it('refuses a listing already hidden', () => {
    expect(repairRefusal({ ...base, today: '2028-01-01', displayEnded: true })?.message).toContain('no longer displayed');
  });
});
