import { addDays, addWorkingDays, beijingToday, HolidayCalendar, isWorkingDay } from './working-days';

// The State Council's 2026 schedule around National Day: 10-01..07 off, Sunday 09-20 and Saturday 10-10 worked.
const CALENDAR: HolidayCalendar = new Map([
  ['2026-09-20', 'workday'],
  ['2026-09-25', 'holiday'],
  ['2026-09-26', 'holiday'],
  ['2026-09-27', 'holiday'],
  ...['01', '02', '03', '04', '05', '06', '07'].map((d) => [`2026-10-${d}`, 'holiday'] as const),
  ['2026-10-10', 'workday'],
]);

describe('working days (Beijing dates, weekends and the holiday table)', () => {
  it('counts Monday to Friday and skips the weekend', () => {
    expect(addWorkingDays('2026-11-27', 1)).toBe('2026-11-30'); // Friday → Monday
    expect(addWorkingDays('2026-11-28', 1)).toBe('2026-11-30'); // Saturday → Monday
    expect(addWorkingDays('2026-11-30', 5)).toBe('2026-12-07');
  });

  it('gives the date itself for zero days', () => {
    expect(addWorkingDays('2026-11-28', 0)).toBe('2026-11-28');
  });

  it('skips public holidays and counts the adjusted working days (调休)', () => {
    expect(isWorkingDay('2026-09-20', CALENDAR)).toBe(true); // a Sunday worked
    expect(isWorkingDay('2026-10-01', CALENDAR)).toBe(false);
    expect(isWorkingDay('2026-10-10', CALENDAR)).toBe(true); // a Saturday worked
    // Thursday 09-24 + 1 → 09-28 (the Mid-Autumn Friday to Sunday are off).
    expect(addWorkingDays('2026-09-24', 1, CALENDAR)).toBe('2026-09-28');
    // Wednesday 09-30 + 1 → Thursday 10-08; + 3 → Saturday 10-10 (worked), not Monday 10-12.
    expect(addWorkingDays('2026-09-30', 1, CALENDAR)).toBe('2026-10-08');
    expect(addWorkingDays('2026-09-30', 3, CALENDAR)).toBe('2026-10-10');
    // Friday 09-18 + 1 → Sunday 09-20, a working day.
    expect(addWorkingDays('2026-09-18', 1, CALENDAR)).toBe('2026-09-20');
  });

  it('crosses months and years', () => {
    expect(addWorkingDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addWorkingDays('2026-12-31', 1, new Map([['2027-01-01', 'holiday']]))).toBe('2027-01-04');
  });

  it('refuses a malformed date or a negative count', () => {
    expect(() => addWorkingDays('2026-02-30', 1)).toThrow(/not a calendar date/);
    expect(() => addWorkingDays('2026-11-30', -1)).toThrow(/0 or more/);
    expect(() => addWorkingDays('2026-11-30', 1.5)).toThrow(/whole number/);
  });

  it("takes Beijing's date, eight hours ahead of UTC", () => {
    expect(beijingToday(new Date('2026-11-30T15:59:59Z'))).toBe('2026-11-30');
    expect(beijingToday(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12-01');
    expect(addDays('2026-12-31', 30)).toBe('2027-01-30');
  });
});
