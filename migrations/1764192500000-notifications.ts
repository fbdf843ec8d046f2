import { MigrationInterface, QueryRunner } from 'typeorm';

/** PRC public holidays and adjusted working days (调休) as published; 2026 is the State Council's notice of 2025-11-04. */
const HOLIDAYS_2026: [string, string, 'holiday' | 'workday', string, string][] = [
  ['2026-01-01', '2026-01-03', 'holiday', '元旦', "New Year's Day"],
  ['2026-01-04', '2026-01-04', 'workday', '元旦调休上班', "New Year's Day (adjusted working day)"],
  ['2026-02-14', '2026-02-14', 'workday', '春节调休上班', 'Spring Festival (adjusted working day)'],
  ['2026-02-15', '2026-02-23', 'holiday', '春节', 'Spring Festival'],
  ['2026-02-28', '2026-02-28', 'workday', '春节调休上班', 'Spring Festival (adjusted working day)'],
  ['2026-04-04', '2026-04-06', 'holiday', '清明节', 'Qingming Festival'],
  ['2026-05-01', '2026-05-05', 'holiday', '劳动节', 'Labour Day'],
  ['2026-05-09', '2026-05-09', 'workday', '劳动节调休上班', 'Labour Day (adjusted working day)'],
  ['2026-06-19', '2026-06-21', 'holiday', '端午节', 'Dragon Boat Festival'],
  ['2026-09-20', '2026-09-20', 'workday', '国庆节调休上班', 'National Day (adjusted working day)'],
  ['2026-09-25', '2026-09-27', 'holiday', '中秋节', 'Mid-Autumn Festival'],
  ['2026-10-01', '2026-10-07', 'holiday', '国庆节', 'National Day'],
  ['2026-10-10', '2026-10-10', 'workday', '国庆节调休上班', 'National Day (adjusted working day)'],
  // 2027's schedule is not published yet: only the statutory fixed-date holidays (国务院《全国年节及纪念日放假办法》);
  // the lunar ones and the 调休 are the regulator's to add through PUT /api/v1/holidays/{date} once announced.
  ['2027-01-01', '2027-01-01', 'holiday', '元旦', "New Year's Day"],
  ['2027-05-01', '2027-05-02', 'holiday', '劳动节', 'Labour Day'],
  ['2027-10-01', '2027-10-03', 'holiday', '国庆节', 'National Day'],
];

/**
 * People told in time (issue 11): the in-app inbox (one row per user and event key), the e-mail
 * deliveries (one per address and event key, sent by their own jobs), the reminders the daily sweep
 * has already enqueued (so a re-run writes nothing), and the working-day calendar.
 */
export class Notifications1764192500000 implements MigrationInterface {
  name = 'Notifications1764192500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL CONSTRAINT fk__notifications__user_id REFERENCES users (id),
        event text NOT NULL,
        key text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        link text NOT NULL,
        subject_number text,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        -- a retried job or a repeated event tells nobody twice
        CONSTRAINT uq__notifications__key UNIQUE (user_id, key)
      )`);
    await q.query(`CREATE INDEX ix__notifications__user_id ON notifications (user_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX ix__notifications__unread ON notifications (user_id) WHERE read_at IS NULL`);
    await q.query(`
      CREATE TABLE email_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        recipient text NOT NULL CONSTRAINT ck__email_deliveries__recipient CHECK (length(recipient) <= 254 AND recipient !~ '[\\r\\n]'),
        user_id uuid CONSTRAINT fk__email_deliveries__user_id REFERENCES users (id),
        event text NOT NULL,
        key text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CONSTRAINT ck__email_deliveries__status CHECK (status IN ('pending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        message_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX uq__email_deliveries__key ON email_deliveries (lower(recipient), key)`);
    await q.query(`
      CREATE TABLE reminders (
        key text PRIMARY KEY,
        certificate_id uuid NOT NULL CONSTRAINT fk__reminders__certificate_id REFERENCES certificates (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE holidays (
        day date PRIMARY KEY,
        kind text NOT NULL CONSTRAINT ck__holidays__kind CHECK (kind IN ('holiday', 'workday')),
        name_zh text NOT NULL,
        name_en text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `COMMENT ON TABLE holidays IS 'PRC public holidays and adjusted working days (调休, a weekend day worked): what makes a working day besides the weekend'`,
    );
    for (const [from, to, kind, zh, en] of HOLIDAYS_2026) {
      await q.query(
        `INSERT INTO holidays (day, kind, name_zh, name_en) SELECT d::date, $3, $4, $5 FROM generate_series($1::date, $2::date, interval '1 day') d`,
        [from, to, kind, zh, en],
      );
    }
    // The same rule as addWorkingDays (working-days.ts): a weekday unless a holiday, a weekend day only when a 调休 workday.
    await q.query(`
      CREATE FUNCTION is_working_day(d date) RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT coalesce((SELECT h.kind = 'workday' FROM holidays h WHERE h.day = d), extract(isodow FROM d) < 6)
      $$`);
    // n working days after d (d itself not counted); n = 0 gives d. It looks 3n + 30 days ahead: more than
    // the longest published run of holidays needs, and a bounded walk (NULL beyond it) rather than an endless one.
    await q.query(`
      CREATE FUNCTION add_working_days(d date, n integer) RETURNS date LANGUAGE sql STABLE AS $$
        SELECT CASE WHEN n <= 0 THEN d ELSE (
          SELECT x.day FROM (
            SELECT (d + i) AS day, row_number() OVER (ORDER BY i) AS k
              FROM generate_series(1, n * 3 + 30) i WHERE is_working_day(d + i)
          ) x WHERE x.k = n) END
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION add_working_days(date, integer)`);
    await q.query(`DROP FUNCTION is_working_day(date)`);
    await q.query(`DROP TABLE holidays`);
    await q.query(`DROP TABLE reminders`);
    await q.query(`DROP TABLE email_deliveries`);
    await q.query(`DROP TABLE notifications`);
  }
}
