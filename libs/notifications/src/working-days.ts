/**
 * Working days in Beijing dates: Monday to Friday unless a public holiday, and a weekend day when
 * it is an adjusted working day (调休). The calendar is the `holidays` table; the SQL function
 * add_working_days (migration 1764192500000) applies the same rule inside queries.
 */
export type DayKind = 'holiday' | 'workday';

/** The days that differ from the weekday/weekend rule, by ISO date (YYYY-MM-DD). */
export type HolidayCalendar = ReadonlyMap<string, DayKind>;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date (no time, no zone: a Beijing date is just a date) as a UTC midnight, or an Error for a malformed one. */
function parse(date: string): Date {
  const m = ISO_DATE.exec(date);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : new Date(NaN);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date) throw new RangeError(`not a calendar date: "${date}"`);
  return d;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

export function isWorkingDay(date: string, calendar: HolidayCalendar): boolean {
  const kind = calendar.get(date);
  if (kind) return kind === 'workday';
  const weekday = parse(date).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The n-th working day after `date` (the day itself does not count); n = 0 gives the date back. */
export function addWorkingDays(date: string, n: number, calendar: HolidayCalendar = new Map()): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days to add must be a whole number of 0 or more, not ${n}`);
  const d = parse(date);
  let left = n;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (isWorkingDay(iso(d), calendar)) left--;
  }
  return iso(d);
}

/** Today's date in Beijing (Asia/Shanghai, UTC+8 all year: no daylight saving). */
export function beijingToday(now: Date = new Date()): string {
  return iso(new Date(now.getTime() + 8 * 3_600_000));
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const d = parse(date);
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
}
