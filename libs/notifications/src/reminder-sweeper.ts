import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, PeriodicTask } from '@app/shared';
import type { NotificationRequest } from '@app/queue';
import { beijingToday } from './working-days';

/** Days before expires_on at which the holder is reminded (DESIGN: a 3-year certificate; renewal opens 6 months ahead). */
export const EXPIRY_REMINDER_DAYS = [180, 90, 30, 7] as const;
/** Days before next_surveillance_due at which the holder is reminded. */
export const SURVEILLANCE_REMINDER_DAYS = 30;
/** Certificates read per statement: big enough that 1,000,000 take few round trips, small enough for a short transaction. */
export const REMINDER_SWEEP_PAGE = 5000;

export interface SweepWindow {
  /** expiry_reminder or surveillance_reminder, and the threshold the key carries. */
  event: 'expiry_reminder' | 'surveillance_reminder';
  days: number;
  /** Days left (date - today) in (after, upTo]. */
  after: number;
  upTo: number;
}

/**
 * The windows of one sweep: a reminder is due while the days left are at most its threshold and
 * more than the next one, so a day missed by a stopped worker is still told once on the next run,
 * and a certificate already past a later threshold is not told the earlier one too.
 */
export function reminderWindows(): SweepWindow[] {
  const expiry = EXPIRY_REMINDER_DAYS.map((days, i) => ({ event: 'expiry_reminder' as const, days, after: EXPIRY_REMINDER_DAYS[i + 1] ?? -1, upTo: days }));
  return [...expiry, { event: 'surveillance_reminder', days: SURVEILLANCE_REMINDER_DAYS, after: -1, upTo: SURVEILLANCE_REMINDER_DAYS }];
}

export interface SweepResult {
  scanned: number;
  queued: number;
  statements: number;
}

/**
 * The daily reminder sweep (expiry at 180/90/30/7 days unless already renewed, surveillance 30 days
 * ahead while valid). It reads live certificates by keyset pages on the partial indexes, only those inside a window (a range on the
 * date), and per page writes the reminders (key `expiry:<certificateId>:<expiresOn>:<days>`, the
 * primary key of `reminders`) and their notify jobs in one statement: a key already there writes
 * nothing, so a second run the same day, or a run after a crash, tells nobody twice.
 */
@Injectable()
export class ReminderSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReminderSweeper.name);
  private readonly task = new PeriodicTask('reminder sweep', () => this.sweep(), this.logger);

  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start(this.config.SWEEP_INTERVAL_MS, true);
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** One sweep as of `today` (a Beijing date, YYYY-MM-DD); tests pass their own. */
  async sweep(today: string = beijingToday()): Promise<SweepResult> {
    const total = await sweepReminders((sql, params) => this.db.query(sql, params), today);
    if (total.queued) this.logger.log({ today, ...total }, 'reminders queued');
    return total;
  }
}

/** Runs one statement and answers its rows: the service's DataSource, or the bench's pg client. */
export type SqlRun = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

/** Every window, page by page on its index, until a page comes back short. */
export async function sweepReminders(run: SqlRun, today: string): Promise<SweepResult> {
  const total: SweepResult = { scanned: 0, queued: 0, statements: 0 };
  for (const w of reminderWindows()) {
    let after: KeysetPosition | null = null;
    for (;;) {
      const s = reminderPageStatement(today, w, after);
      const [page] = (await run(s.text, s.values)) as unknown as PageResult[];
      total.statements++;
      total.scanned += page.scanned;
      total.queued += page.queued;
      if (page.scanned < REMINDER_SWEEP_PAGE || !page.lastDate) break;
      after = { date: page.lastDate, id: page.lastId! };
    }
  }
  return total;
}

export interface KeysetPosition {
  date: string;
  id: string;
}

interface PageResult {
  scanned: number;
  queued: number;
  lastDate: string | null;
  lastId: string | null;
}

/** The date column a window reads, on its partial index (ix__certificates__expires_on, ix__certificates__next_surveillance_due). */
export const windowColumn = (w: SweepWindow) => (w.event === 'expiry_reminder' ? 'expires_on' : 'next_surveillance_due');

/**
 * The certificates of a window: live ones for expiry; valid ones only for surveillance (a suspended
 * certificate is not told of a routine due date: its suspension says what it must do).
 */
const windowStatus = (w: SweepWindow) => (w.event === 'expiry_reminder' ? `c.status IN ('valid', 'suspended')` : `c.status = 'valid'`);

/**
 * Which certificates `p` of a page are told: for expiry, those not renewed yet (a successor
 * continues one, so its renewal is done). Checked on the page, not in the window's WHERE: one probe
 * of the unique renews_certificate_id index per certificate of the page rather than per certificate
 * of the window each page re-reads.
 */
const toldOnPage = (w: SweepWindow) =>
  w.event === 'expiry_reminder' ? `NOT EXISTS (SELECT 1 FROM certificates successor WHERE successor.renews_certificate_id = p.id)` : 'TRUE';

/**
 * The certificates of a window after a keyset position: $1 today, $2/$3 the days-left range,
 * $4/$5 the position. Both the sweep and the bench's bare scan read through it.
 */
export function windowPageSql(w: SweepWindow, columns: string): string {
  const column = windowColumn(w);
  return `SELECT ${columns}
           FROM certificates c
          WHERE ${windowStatus(w)}
            AND c.${column} > $1::date + $2::int AND c.${column} <= $1::date + $3::int
            AND (c.${column}, c.id) > (coalesce($4::date, $1::date + $2::int), coalesce($5::uuid, '00000000-0000-0000-0000-000000000000'))
          ORDER BY c.${column}, c.id
          LIMIT ${REMINDER_SWEEP_PAGE}`;
}

/**
 * One page of a window in one statement: the page, its new reminder keys (a key already in
 * `reminders` writes nothing), and a notify job per new key, whose payload is a NotificationRequest
 * (job-contract.ts) built in SQL so that no certificate costs a round trip; its shape is pinned by
 * PAYLOAD_SHAPE below and by the notifications e2e suite reading the e-mail it causes.
 */
export function reminderPageStatement(today: string, w: SweepWindow, after: KeysetPosition | null): { text: string; values: unknown[] } {
  const column = windowColumn(w);
  const prefix = w.event === 'expiry_reminder' ? 'expiry' : 'surveillance';
  const dateParam = w.event === 'expiry_reminder' ? 'expiresOn' : 'dueOn';
  const text = `WITH page AS (${windowPageSql(w, `c.id, c.number, c.enterprise_id, c.${column} AS due`)}),
       fresh AS (
         INSERT INTO reminders (key, certificate_id)
         SELECT '${prefix}:' || p.id || ':' || to_char(p.due, 'YYYY-MM-DD') || ':' || $6::int, p.id FROM page p WHERE ${toldOnPage(w)}
         ON CONFLICT (key) DO NOTHING RETURNING key, certificate_id),
       queued AS (
         INSERT INTO outbox (queue, job_name, payload, organization_id)
         SELECT 'notifications', 'notify',
                jsonb_build_object(
                  'event', $7::text, 'key', f.key,
                  'audience', jsonb_build_array(jsonb_build_object('organizationId', p.enterprise_id, 'roles', $8::jsonb)),
                  'subjectNumber', p.number, 'link', '/console/certificates/' || p.id,
                  'params', jsonb_build_object('${dateParam}', to_char(p.due, 'YYYY-MM-DD'), 'daysLeft', p.due - $1::date, 'days', $6::int)),
                p.enterprise_id
           FROM fresh f JOIN page p ON p.id = f.certificate_id
         RETURNING 1)
       SELECT (SELECT count(*) FROM page)::int AS scanned, (SELECT count(*) FROM queued)::int AS queued,
              (SELECT to_char(due, 'YYYY-MM-DD') FROM page ORDER BY due DESC, id DESC LIMIT 1) AS "lastDate",
              (SELECT id FROM page ORDER BY due DESC, id DESC LIMIT 1) AS "lastId"`;
  return { text, values: [today, w.after, w.upTo, after?.date ?? null, after?.id ?? null, w.days, w.event, JSON.stringify(ENTERPRISE_ROLES)] };
}

/** The holder's people: who is reminded. */
const ENTERPRISE_ROLES = ['enterprise_admin', 'enterprise_member'];

/** What the SQL above builds, checked by the compiler against the job contract (keep the two in step). */
export const PAYLOAD_SHAPE: NotificationRequest = {
  event: 'expiry_reminder',
  key: 'expiry:<certificateId>:<expiresOn>:<days>',
  audience: [{ organizationId: '<enterpriseId>', roles: ENTERPRISE_ROLES }],
  subjectNumber: '<number>',
  link: '/console/certificates/<certificateId>',
  params: { expiresOn: 'YYYY-MM-DD', daysLeft: 0, days: 0 },
};
