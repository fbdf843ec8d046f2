import { Injectable } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { DataSource } from 'typeorm';
import { DATE_ONLY, fieldError, notFound } from '@app/shared';
import { DayKind, HolidayCalendar } from './working-days';

const KINDS: DayKind[] = ['holiday', 'workday'];
/** No control characters in a name (it is shown in the console and in exports). */
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const PLAIN = /^[^\u0000-\u001f\u007f]*$/;

export class HolidayDto {
  @ApiProperty({ enum: KINDS, description: 'holiday: a day off (even a weekday); workday: an adjusted working day (调休, even a weekend day)' })
  @IsIn(KINDS)
  kind: DayKind;

  @ApiProperty({ example: '国庆节' })
  @IsString()
  @Length(1, 100)
  @Matches(PLAIN, { message: 'nameZh must not contain control characters' })
  nameZh: string;

  @ApiProperty({ example: 'National Day' })
  @IsString()
  @Length(1, 100)
  @Matches(PLAIN, { message: 'nameEn must not contain control characters' })
  nameEn: string;
}

export class HolidayQuery {
  @ApiPropertyOptional({ example: '2026', description: 'the year to list (default: this year and the next)' })
  @IsOptional()
  @Matches(/^\d{4}$/, { message: 'year must be four digits' })
  year?: string;
}

export class HolidayView {
  @ApiProperty({ type: String, format: 'date', example: '2026-10-01' }) date: string;
  @ApiProperty({ enum: KINDS }) kind: DayKind;
  @ApiProperty() nameZh: string;
  @ApiProperty() nameEn: string;
}

const HOLIDAY_VIEW = `SELECT to_char(day, 'YYYY-MM-DD') AS date, kind, name_zh AS "nameZh", name_en AS "nameEn" FROM holidays`;

/** The working-day calendar: the days that differ from Monday-to-Friday, kept by the regulator. */
@Injectable()
export class HolidaysService {
  constructor(private readonly db: DataSource) {}

  list(year?: string): Promise<HolidayView[]> {
    const from = year ? `${year}-01-01` : null;
    return this.db.query(
      `${HOLIDAY_VIEW} WHERE day >= coalesce($1::date, date_trunc('year', (now() AT TIME ZONE 'Asia/Shanghai'))::date)
                      AND day < coalesce($1::date + interval '1 year', date_trunc('year', (now() AT TIME ZONE 'Asia/Shanghai')) + interval '2 years')
        ORDER BY day`,
      [from],
    );
  }

  async get(date: string): Promise<HolidayView> {
    const [row] = await this.db.query(`${HOLIDAY_VIEW} WHERE day = $1::date`, [checkDate(date)]);
    if (!row) throw notFound('holiday', date);
    return row;
  }

  /** Adds or replaces the day (the published schedule may be corrected). */
  async put(date: string, dto: HolidayDto): Promise<HolidayView> {
    await this.db.query(
      `INSERT INTO holidays (day, kind, name_zh, name_en) VALUES ($1::date, $2, $3, $4)
       ON CONFLICT (day) DO UPDATE SET kind = EXCLUDED.kind, name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en, updated_at = now()`,
      [checkDate(date), dto.kind, dto.nameZh, dto.nameEn],
    );
    return this.get(date);
  }

  async remove(date: string): Promise<void> {
    const [gone] = await this.db.query(`WITH d AS (DELETE FROM holidays WHERE day = $1::date RETURNING day) SELECT day FROM d`, [checkDate(date)]);
    if (!gone) throw notFound('holiday', date);
  }

  /** The calendar between two dates, for addWorkingDays. */
  async calendar(from: string, to: string): Promise<HolidayCalendar> {
    const rows: { date: string; kind: DayKind }[] = await this.db.query(`${HOLIDAY_VIEW} WHERE day BETWEEN $1::date AND $2::date`, [from, to]);
    return new Map(rows.map((r) => [r.date, r.kind]));
  }
}

/** A real calendar date in the path, or a 400 naming `date`. */
function checkDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (!DATE_ONLY.test(date) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date) {
    throw fieldError('VALIDATION_FAILED', 'date', 'must be a calendar date YYYY-MM-DD');
  }
  return date;
}
