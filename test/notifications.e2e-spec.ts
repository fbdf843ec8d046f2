import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { simpleParser, ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { addWorkingDays, beijingToday, addDays, HolidaysService, ReminderSweeper } from '@app/notifications';
import { APP_CONFIG, AppConfig } from '@app/shared';
import { TestUser, member, regulator } from './support/actors';
import { acceptedApplication, acceptedDraft, auditedAndGranted, certifiedEnterprise, IssuedCertificate, plannedAudit } from './support/case';
import { startApi, TestApi } from './support/http';
import { declaringEnterprise, SchemeWorld, schemeWorld } from './support/scheme';
import { eventually, startWorker, WorkerProcess } from './support/worker';

const BASE = 'https://szs.test.example';

interface Received {
  to: string[];
  subject: string;
  text: string;
  messageId: string;
}

/** A real SMTP server on a free port (no auth, no TLS): every message it accepts, parsed. */
async function smtpSink() {
  const received: Received[] = [];
  let refuseNext = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail: ParsedMail) => {
          if (refuseNext > 0) {
            refuseNext--;
            const e = new Error('try again later') as Error & { responseCode: number };
            e.responseCode = 451;
            return callback(e);
          }
          const to = [mail.to ?? []].flat().flatMap((a) => a.value.map((v) => v.address ?? ''));
          received.push({ to, subject: mail.subject ?? '', text: mail.text ?? '', messageId: mail.messageId ?? '' });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** The next n messages are refused with a temporary failure (451). */
    refuse: (n: number) => (refuseNext = n),
    to: (email: string, subjectPart: string) => received.filter((m) => m.to.includes(email) && m.subject.includes(subjectPart)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('people told in time: e-mail over SMTP, the inbox, reminders and working days', () => {
  let api: TestApi;
  let db: DataSource;
  let smtp: Awaited<ReturnType<typeof smtpSink>>;
  let worker: WorkerProcess;
  let reg: TestUser;
  let world: SchemeWorld;
  let auditor: TestUser;
  let decider: TestUser;
  let cert: IssuedCertificate;
  let colleague: TestUser;

  const waitForMail = (email: string, subjectPart: string, what: string) => eventually(async () => smtp.to(email, subjectPart)[0], what);

  beforeAll(async () => {
    smtp = await smtpSink();
    api = await startApi();
    db = api.app.get(DataSource);
    worker = await startWorker('notifications', { SMTP_URL: smtp.url, PUBLIC_BASE_URL: BASE, JOB_BACKOFF_MS: '100' });
    reg = await regulator(api);
    world = await schemeWorld(api, reg);
    auditor = await member(api, world.cbAdmin, ['auditor']);
    decider = await member(api, world.cbAdmin, ['decision_maker']);
    cert = await certifiedEnterprise(api, reg, world, { nameZh: '深圳市通知测试电子有限公司', nameEn: 'Notify Test Electronics' }, { auditor, decider });
    colleague = await member(api, cert.ent, ['enterprise_member']);
  }, 120_000);
  afterAll(async () => {
    await worker?.stop();
    await api?.close();
    await smtp?.close();
  });

  it('e-mails the holder that its certificate was issued: subject zh first with the number, the link to the console page', async () => {
    const mail = await waitForMail(cert.ent.email, cert.number, 'the certificate-issued e-mail');
    const issued = smtp.to(cert.ent.email, '证书已颁发');
    expect(issued).toHaveLength(1);
    expect(issued[0].subject).toBe(`证书已颁发：${cert.number} / Certificate issued: ${cert.number}`);
    expect(issued[0].to).toEqual([cert.ent.email]);
    expect(issued[0].text).toContain(`${BASE}/console/certificates/${cert.id}`);
    expect(issued[0].text.indexOf('证书已颁发')).toBeLessThan(issued[0].text.indexOf('has been issued'));
    expect(mail.messageId).toMatch(/@szs\.test\.example>?$/);
    // The case's earlier events reached the enterprise (audit planned, decision) and the body (submission) too.
    await waitForMail(cert.ent.email, '审核已安排', 'the audit-planned e-mail');
    await waitForMail(cert.ent.email, '认证决定已作出', 'the decision e-mail');
    await waitForMail(world.reviewer.email, '收到认证申请', 'the submission e-mail to the reviewer');
    // Nobody else's: the decision maker and the auditor are not told of the submission.
    expect(smtp.to(decider.email, '收到认证申请')).toHaveLength(0);
  });

  it('shows the same messages in the inbox, newest first, with read and unread and the unread count', async () => {
    const inbox = await eventually(async () => {
      const res = await api.get('/api/v1/notifications', { auth: cert.ent.auth, expect: 200 });
      return res.body.items.some((n) => n.event === 'certificate_issued') ? res.body : undefined;
    }, 'the inbox to hold the certificate-issued message');
    const issued = inbox.items.find((n) => n.event === 'certificate_issued')!;
    expect(issued).toMatchObject({
      subject: `证书已颁发：${cert.number} / Certificate issued: ${cert.number}`,
      subjectNumber: cert.number,
      read: false,
      readAt: null,
    });
    expect(issued.link).toBe(`/console/certificates/${cert.id}`);
    expect(inbox.items.map((n) => n.event)).toEqual(expect.arrayContaining(['audit_planned', 'decision_made', 'certificate_issued']));
    const times = inbox.items.map((n) => new Date(n.createdAt).getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(inbox.unreadCount).toBe(inbox.total);

    const read = await api.post('/api/v1/notifications/{id}/read', { params: { id: issued.id }, auth: cert.ent.auth, expect: 200 });
    expect(read.body.read).toBe(true);
    const unreadOnly = await api.get('/api/v1/notifications', { query: { unread: true }, auth: cert.ent.auth, expect: 200 });
    expect(unreadOnly.body.items.map((n) => n.id)).not.toContain(issued.id);
    expect(unreadOnly.body.unreadCount).toBe(inbox.unreadCount - 1);
    const again = await api.post('/api/v1/notifications/{id}/unread', { params: { id: issued.id }, auth: cert.ent.auth, expect: 200 });
    expect(again.body).toMatchObject({ read: false, readAt: null });

    // Another person's message does not exist for the caller, whoever they are.
    await api.post('/api/v1/notifications/{id}/read', { params: { id: issued.id }, auth: colleague.auth, expect: 404 });
    await api.post('/api/v1/notifications/{id}/read', { params: { id: issued.id }, auth: reg.auth, expect: 404 });

    const all = await api.post('/api/v1/notifications/read-all', { auth: cert.ent.auth, expect: 200 });
    expect(all.body).toMatchObject({ marked: inbox.unreadCount, unreadCount: 0 });
    const none = await api.get('/api/v1/notifications', { query: { unread: true }, auth: cert.ent.auth, expect: 200 });
    expect(none.body).toMatchObject({ items: [], total: 0, unreadCount: 0 });
  });

  it('refuses an API key (no inbox), bad filters and bad ids, naming the field', async () => {
    const key = await api.post('/api/v1/api-keys', { auth: cert.ent.auth, body: { name: 'erp', roles: ['enterprise_admin'] }, expect: 201 });
    const byKey = await api.http().get('/api/v1/notifications').set({ 'X-API-Key': key.body.key });
    expect(byKey.status).toBe(403);
    expect(byKey.body.error).toBe('PERSON_REQUIRED');
    const badFilter = await api.http().get('/api/v1/notifications?unread=yes').set(cert.ent.auth);
    expect(badFilter.status).toBe(400);
    expect(badFilter.body.fields.map((f: { field: string }) => f.field)).toContain('unread');
    const unknown = await api.http().get('/api/v1/notifications?colour=red').set(cert.ent.auth);
    expect(unknown.status).toBe(400);
    expect((await api.http().post('/api/v1/notifications/not-a-uuid/read').set(cert.ent.auth)).status).toBe(400);
    expect((await api.http().get('/api/v1/notifications')).status).toBe(401);
  });

  it('tells the holder of a suspension with the public reason, and retries a delivery the SMTP server refused once', async () => {
    smtp.refuse(1);
    await api.post('/api/v1/certificates/{id}/suspend', {
      params: { id: cert.id },
      auth: decider.auth,
      body: { publicReason: 'nonconforming_product', privateNote: '抽检不合格' },
      expect: 200,
    });
    const mail = await waitForMail(cert.ent.email, '证书已暂停', 'the suspension e-mail');
    expect(mail.subject).toBe(`证书已暂停：${cert.number} / Certificate suspended: ${cert.number}`);
    expect(mail.text).toContain('nonconforming_product');
    expect(mail.text).not.toContain('抽检不合格'); // the private note stays with the body
    await waitForMail(colleague.email, '证书已暂停', 'the suspension e-mail to the colleague');
    const [refused] = await eventually(async () => {
      const rows = await db.query(`SELECT attempts, status, message_id FROM email_deliveries WHERE key LIKE $1 AND attempts > 1`, [
        `certificate:${cert.id}:event:%`,
      ]);
      return rows.length ? rows : undefined;
    }, 'the refused delivery to be retried');
    expect(refused).toMatchObject({ attempts: 2, status: 'sent' });
    expect(smtp.to(cert.ent.email, '证书已暂停')).toHaveLength(1);
    expect(smtp.to(colleague.email, '证书已暂停')).toHaveLength(1);
  });

  it('reminds before expiry exactly once per recipient, however often the sweep runs', async () => {
    const today = beijingToday();
    await db.query(`UPDATE certificates SET expires_on = $2::date WHERE id = $1`, [cert.id, addDays(today, 30)]);
    const sweeper = new ReminderSweeper(db, api.app.get<AppConfig>(APP_CONFIG));
    await sweeper.sweep(today);
    // The worker's own sweep runs every second too (FAST_WORKER_ENV): both see the same key.
    await sweeper.sweep(today);
    await waitForMail(cert.ent.email, '证书即将到期', 'the expiry reminder');
    await waitForMail(colleague.email, '证书即将到期', 'the expiry reminder to the colleague');
    await sweeper.sweep(today);
    // A later event, then: once its e-mail is in, any duplicate reminder would have been sent before it.
    await api.post('/api/v1/certificates/{id}/restore', { params: { id: cert.id }, auth: decider.auth, body: {}, expect: 200 });
    await waitForMail(cert.ent.email, '证书已恢复', 'the restoration e-mail');
    await waitForMail(colleague.email, '证书已恢复', 'the restoration e-mail to the colleague');
    for (const who of [cert.ent, colleague]) {
      const reminders = smtp.to(who.email, '证书即将到期');
      expect(reminders).toHaveLength(1);
      expect(reminders[0].subject).toBe(`证书即将到期：${cert.number} / Certificate expires soon: ${cert.number}`);
      expect(reminders[0].text).toContain(`${addDays(today, 30)}`);
      expect(reminders[0].text).toContain(`${BASE}/console/certificates/${cert.id}`);
    }
    const keys = await db.query(`SELECT key FROM reminders WHERE certificate_id = $1`, [cert.id]);
    expect(keys).toEqual([{ key: `expiry:${cert.id}:${addDays(today, 30)}:30` }]);
    // Seven days later the 7-day reminder is due; the 30-day one is not told again.
    await sweeper.sweep(addDays(today, 23));
    const [, sevenDays] = await eventually(async () => {
      const both = smtp.to(cert.ent.email, '证书即将到期');
      return both.length === 2 ? both : undefined;
    }, 'the 7-day reminder');
    expect(sevenDays.text).toContain('剩余 7 天');
  });

  it('reminds no one of what is settled: not the expiry of a renewed certificate, not the surveillance of a suspended one', async () => {
    const today = beijingToday();
    const sweeper = new ReminderSweeper(db, api.app.get<AppConfig>(APP_CONFIG));
    const keys = async (certificateId: string) =>
      (await db.query(`SELECT key FROM reminders WHERE certificate_id = $1 ORDER BY key`, [certificateId])).map((r: { key: string }) => r.key);
    const old = await certifiedEnterprise(
      api,
      reg,
      world,
      { nameZh: '深圳市续证提醒电子有限公司', nameEn: 'Renewal Reminder Electronics' },
      { auditor, decider },
    );
    // In the renewal window and not renewed yet: the 180-day reminder is due.
    await db.query(`UPDATE certificates SET expires_on = $2::date WHERE id = $1`, [old.id, addDays(today, 100)]);
    await sweeper.sweep(today);
    expect(await keys(old.id)).toEqual([`expiry:${old.id}:${addDays(today, 100)}:180`]);

    const renewal = await api.post('/api/v1/certificates/{id}/renewal', { params: { id: old.id }, auth: old.ent.auth, expect: 201 });
    await acceptedDraft(api, world, old.ent, renewal.body.id);
    await auditedAndGranted(api, world, old.ent, renewal.body.id, [auditor], decider);
    const successor = await eventually(async () => {
      const res = await api.get('/api/v1/certificates', { query: { applicationId: renewal.body.id }, auth: old.ent.auth, expect: 200 });
      return res.body.items[0]?.pdfReady ? res.body.items[0] : undefined;
    }, 'the renewing certificate');

    // Renewed, the old certificate reaches its 30- and 7-day thresholds untold: its successor continues it.
    await db.query(`UPDATE certificates SET expires_on = $2::date WHERE id = $1`, [old.id, addDays(today, 30)]);
    await sweeper.sweep(today);
    await sweeper.sweep(addDays(today, 23));
    expect(await keys(old.id)).toEqual([`expiry:${old.id}:${addDays(today, 100)}:180`]);

    // The successor's surveillance falls due within 30 days while it is suspended: not reminded; restored, it is.
    await db.query(`UPDATE certificates SET next_surveillance_due = $2::date WHERE id = $1`, [successor.id, addDays(today, 20)]);
    await api.post('/api/v1/certificates/{id}/suspend', {
      params: { id: successor.id },
      auth: decider.auth,
      body: { publicReason: 'nonconforming_product' },
      expect: 200,
    });
    await sweeper.sweep(today);
    expect(await keys(successor.id)).toEqual([]);
    await api.post('/api/v1/certificates/{id}/restore', { params: { id: successor.id }, auth: decider.auth, body: {}, expect: 200 });
    await sweeper.sweep(today);
    expect(await keys(successor.id)).toEqual([`surveillance:${successor.id}:${addDays(today, 20)}:30`]);
  });

  it('defaults a nonconformity to working days, tells the enterprise, and tells the auditors of the answer', async () => {
    const { admin: ent, declarationId } = await declaringEnterprise(api, reg, world);
    const applicationId = await acceptedApplication(api, world, ent, declarationId);
    const audit = await plannedAudit(api, world.cbAdmin, applicationId);
    expect(audit.auditorIds).toEqual([auditor.userId]); // the body's only auditor
    await api.post('/api/v1/audits/{id}/start', { params: { id: audit.id }, auth: auditor.auth, expect: 200 });
    const raised = await api.post('/api/v1/audits/{id}/nonconformities', {
      params: { id: audit.id },
      auth: auditor.auth,
      body: { grade: 'minor', description: '包装标识不完整' },
      expect: 201,
    });
    const today = beijingToday();
    const calendar = await api.app.get(HolidaysService).calendar(today, addDays(today, 90));
    const expected = addWorkingDays(today, 20, calendar);
    const nc = raised.body.nonconformities.at(-1)!;
    expect(nc.dueOn).toBe(expected);
    const mail = await waitForMail(ent.email, '审核发现不符合项', 'the nonconformity e-mail');
    expect(mail.text).toContain(expected);
    await api.post('/api/v1/nonconformities/{id}/answer', {
      params: { id: nc.id },
      auth: ent.auth,
      body: { correctiveAction: '已补充包装标识并培训包装工位人员' },
      expect: 200,
    });
    const answered = await waitForMail(auditor.email, '不符合项已回复', 'the answered e-mail to the auditor');
    expect(answered.text).toContain(`${BASE}/console/audits/${audit.id}`);
  });

  it('keeps the working-day calendar: read by anyone signed in, changed by the regulator only', async () => {
    const year = await api.get('/api/v1/holidays', { query: { year: '2026' }, auth: cert.ent.auth, expect: 200 });
    expect(year.body).toEqual(
      expect.arrayContaining([
        { date: '2026-10-01', kind: 'holiday', nameZh: '国庆节', nameEn: 'National Day' },
        { date: '2026-10-10', kind: 'workday', nameZh: '国庆节调休上班', nameEn: 'National Day (adjusted working day)' },
      ]),
    );
    const [{ d }] = await db.query(`SELECT add_working_days('2026-09-30', 3)::text AS d`);
    expect(d).toBe('2026-10-10');
    const put = await api.put('/api/v1/holidays/{date}', {
      params: { date: '2027-02-08' },
      auth: reg.auth,
      body: { kind: 'holiday', nameZh: '春节', nameEn: 'Spring Festival' },
      expect: 200,
    });
    expect(put.body).toEqual({ date: '2027-02-08', kind: 'holiday', nameZh: '春节', nameEn: 'Spring Festival' });
    await api.get('/api/v1/holidays/{date}', { params: { date: '2027-02-08' }, auth: cert.ent.auth, expect: 200 });
    const [{ next }] = await db.query(`SELECT add_working_days('2027-02-05', 1)::text AS next`);
    expect(next).toBe('2027-02-09'); // Friday → (weekend, the new holiday) → Tuesday
    await api.put('/api/v1/holidays/{date}', {
      params: { date: '2027-02-08' },
      auth: cert.ent.auth,
      body: { kind: 'holiday', nameZh: '春节', nameEn: 'Spring Festival' },
      expect: 403,
    });
    const badKind = await api.http().put('/api/v1/holidays/2027-02-09').set(reg.auth).send({ kind: 'party', nameZh: '春节', nameEn: 'x' });
    expect(badKind.status).toBe(400);
    expect(badKind.body.fields.map((f: { field: string }) => f.field)).toContain('kind');
    const badDate = await api.http().put('/api/v1/holidays/2027-02-30').set(reg.auth).send({ kind: 'holiday', nameZh: '春节', nameEn: 'x' });
    expect(badDate.status).toBe(400);
    expect(badDate.body.fields.map((f: { field: string }) => f.field)).toContain('date');
    const nul = await api.http().put('/api/v1/holidays/2027-02-09').set(reg.auth).send({ kind: 'holiday', nameZh: '春\u0000节', nameEn: 'x', extra: 1 });
    expect(nul.status).toBe(400);
    await api.delete('/api/v1/holidays/{date}', { params: { date: '2027-02-08' }, auth: reg.auth, expect: 204 });
    await api.get('/api/v1/holidays/{date}', { params: { date: '2027-02-08' }, auth: cert.ent.auth, expect: 404 });
    await api.delete('/api/v1/holidays/{date}', { params: { date: '2027-02-08' }, auth: reg.auth, expect: 404 });
  });

  describe('without SMTP_URL', () => {
    let inboxOnly: WorkerProcess;
    beforeAll(async () => {
      await worker.stop();
      inboxOnly = await startWorker('notifications-inbox-only', { SMTP_URL: '', PUBLIC_BASE_URL: BASE });
    });
    afterAll(() => inboxOnly?.stop());

    it('tells people in the inbox only, and the worker says so once', async () => {
      const before = smtp.received.length;
      await api.post('/api/v1/certificates/{id}/suspend', { params: { id: cert.id }, auth: decider.auth, body: { publicReason: 'other' }, expect: 200 });
      const suspended = await eventually(async () => {
        const res = await api.get('/api/v1/notifications', { query: { unread: true }, auth: colleague.auth, expect: 200 });
        return res.body.items.filter((n) => n.event === 'certificate_suspended').length === 2 ? res.body.items : undefined;
      }, 'the second suspension in the inbox');
      expect(suspended[0].subject).toContain(cert.number);
      const [row] = await db.query(`SELECT count(*)::int AS n FROM email_deliveries WHERE key = $1`, [
        (await db.query(`SELECT key FROM notifications WHERE id = $1`, [suspended[0].id]))[0].key,
      ]);
      expect(row.n).toBe(0);
      expect(smtp.received.length).toBe(before);
      const log = readFileSync(join(__dirname, 'logs', `${process.env.REDIS_PREFIX}-notifications-inbox-only.log`), 'utf8');
      expect(log.split('SMTP_URL is not set: notifications go to the in-app inbox only').length - 1).toBe(1);
    });
  });
});
