import type { DataSource } from 'typeorm';
import { SHENZHEN_TODAY } from '@app/certification';

/** Today in Shenzhen, as the platform dates things (YYYY-MM-DD), read from the database it runs on. */
export async function shenzhenToday(db: DataSource): Promise<string> {
  const [{ d }] = await db.query(`SELECT ${SHENZHEN_TODAY}::text AS d`);
  return d;
}

/** The date `days` after `from` (YYYY-MM-DD), by PostgreSQL's date arithmetic as the platform's SQL does it. */
export async function daysAfter(db: DataSource, from: string, days: number): Promise<string> {
  const [{ d }] = await db.query(`SELECT ($1::date + $2::int)::text AS d`, [from, days]);
  return d;
}
