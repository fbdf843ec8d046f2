import { PAYLOAD_SHAPE, reminderPageStatement, reminderWindows } from './reminder-sweeper';

describe('the reminder windows', () => {
  const windows = reminderWindows();
  const due = (event: string, daysLeft: number) => windows.filter((w) => w.event === event && daysLeft > w.after && daysLeft <= w.upTo).map((w) => w.days);

  it('tells exactly one expiry reminder for any number of days left up to 180, the latest threshold passed', () => {
    expect(due('expiry_reminder', 181)).toEqual([]);
    expect(due('expiry_reminder', 180)).toEqual([180]);
    expect(due('expiry_reminder', 91)).toEqual([180]);
    expect(due('expiry_reminder', 90)).toEqual([90]);
    // A worker down on day 30 still tells the 30-day reminder on day 29 — and never the 90-day one then.
    expect(due('expiry_reminder', 29)).toEqual([30]);
    expect(due('expiry_reminder', 7)).toEqual([7]);
    expect(due('expiry_reminder', 0)).toEqual([7]);
    expect(due('expiry_reminder', -1)).toEqual([]);
  });

  it('reminds of surveillance 30 days ahead down to the due day', () => {
    expect(due('surveillance_reminder', 31)).toEqual([]);
    expect(due('surveillance_reminder', 30)).toEqual([30]);
    expect(due('surveillance_reminder', 0)).toEqual([30]);
  });

  it('keys each reminder by certificate, date and threshold, and sends the holder the notify job the contract describes', () => {
    const s = reminderPageStatement('2026-12-01', windows[2], null);
    expect(s.text).toContain(`'expiry:' || p.id || ':' || to_char(p.due, 'YYYY-MM-DD') || ':' || $6::int`);
    expect(s.values).toEqual(['2026-12-01', 7, 30, null, null, 30, 'expiry_reminder', JSON.stringify(['enterprise_admin', 'enterprise_member'])]);
    expect(PAYLOAD_SHAPE.audience).toEqual([{ organizationId: '<enterpriseId>', roles: ['enterprise_admin', 'enterprise_member'] }]);
  });
});
