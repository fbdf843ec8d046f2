import { DataSource } from 'typeorm';
import { refreshRegistryEntries } from '@app/registry';
import { TestUser } from './support/actors';
import type { components } from './support/api-types';
import {
  acceptedChangeAudit,
  auditedAndGranted,
  certificateOf,
  certifiedEnterprise,
  grantWithLabels,
  IssuedCertificate,
  recordAllFindings,
  schemeWithTeam,
} from './support/case';
import { startApi, TestApi } from './support/http';
import { COMMITMENT, MODELS, productScope, SchemeWorld } from './support/scheme';
import { eventually, startWorker, WorkerProcess } from './support/worker';
import { shenzhenToday } from './support/dates';

type Answer = components['schemas']['TokenVerificationResult'];

/** A step waits on the worker several times (planning, evaluation, issue): more than jest's default on a busy machine. */
const STEP = 90_000;
type PublicRecord = components['schemas']['RegistryRecordView'];

/**
 * The three years of one certificate (issue 11's first Done-when): issued → surveillance 1 passed →
 * scope extended → surveillance 2 failed → suspended → corrected → restored → renewal granted before
 * expiry → the new certificate continues it. At each step: its public record and the codes printed
 * at issue (the certificate's QR, a label of a model that stays in scope), as anyone scanning them
 * sees them. Everything goes through HTTP and the worker; time passes by moving the certificate's own
 * dates back (today stays today), as the surveillance and renewal suites move it.
 */
describe('a certificate through its three years', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let db: DataSource;
  let reg: TestUser;
  let world: SchemeWorld;
  let auditors: TestUser[];
  let decider: TestUser;
  let cert: IssuedCertificate;
  let today: string;
  /** What was printed at issue: the certificate's QR token (edition 1) and a label of HQ-X1, which stays in scope throughout. */
  let qrToken: string;
  let label: string;
  /** The due date of the cycle the second surveillance audits (the failed one, then its follow-up). */
  let secondDue: string;
  let failedAuditId: string;
  /** The self-declaration the extension came with: it declares every model of the extended scope. */
  let extensionDeclarationId: string;
  let renewal: { id: string; number: string; expiresOn: string };

  const lead = (auditorIds: string[]) => auditors.find((a) => a.userId === auditorIds[0])!;
  const record = async (number = cert.number): Promise<PublicRecord> =>
    (await api.get('/api/v1/registry/certificates/{number}', { params: { number }, expect: 200 })).body;
  const events = (r: PublicRecord) => r.history.map((h) => (h.publicReason ? `${h.event}:${h.publicReason}` : h.event));
  const plusMonths = async (date: string, months: number): Promise<string> =>
    (await db.query(`SELECT ($1::date + make_interval(months => $2))::date::text AS d`, [date, months]))[0].d;

  /** The answer to a scan of `code` (a QR token or a label code) once it shows what `ready` waits for: answers are fresh within a second. */
  async function scan(kind: 'qr' | 'label', ready: (a: Answer) => boolean, what: string): Promise<Answer> {
    return eventually(async () => {
      const res =
        kind === 'qr'
          ? await api.get('/api/v1/verify/token/{token}', { params: { token: qrToken }, expect: 200 })
          : await api.get('/api/v1/verify/{code}', { params: { code: label }, expect: 200 });
      const answer = res.body as Answer;
      return ready(answer) ? answer : undefined;
    }, what);
  }

  /**
   * Time passes for the certificate: its dates move back together so that `column` falls `inDays`
   * from today. The registry entry is re-recorded with the writer every certificate change uses.
   */
  async function timePasses(id: string, column: 'next_surveillance_due' | 'expires_on', inDays: number): Promise<void> {
    await db.query(
      `UPDATE certificates c
          SET issued_on = c.issued_on - s.d, expires_on = c.expires_on - s.d,
              next_surveillance_due = c.next_surveillance_due - s.d, last_surveillance_on = c.last_surveillance_on - s.d
         FROM (SELECT ${column} - ($2::date + $3::int) AS d FROM certificates WHERE id = $1) s
        WHERE c.id = $1`,
      [id, today, inDays],
    );
    await refreshRegistryEntries(db, [id]);
  }

  /** The worker plans the certificate's `n`th surveillance audit once its due date is within the horizon. */
  async function surveillanceAudit(n: number) {
    return eventually(async () => {
      const { body } = await api.get('/api/v1/audits', { query: { certificateId: cert.id, kind: 'surveillance' }, auth: world.cbAdmin.auth, expect: 200 });
      return body.items.find((a) => a.cycle === n);
    }, `surveillance audit ${n}`);
  }

  /** Its lead carries out the audit: every finding with its test report, the critical measured one `passing` or 10 below its minimum. */
  async function performed(audit: { id: string; auditors: { id: string }[] }, passing: boolean, nonconformity?: string) {
    const by = lead(audit.auditors.map((a) => a.id));
    await api.post('/api/v1/audits/{id}/start', { params: { id: audit.id }, auth: by.auth, expect: 200 });
    await recordAllFindings(api, by, audit.id, (r) => (passing ? r.min! : r.min! - 10));
    if (nonconformity) {
      const { body } = await api.get('/api/v1/audits/{id}', { params: { id: audit.id }, auth: by.auth, expect: 200 });
      const measured = body.checklist.find((r) => r.kind === 'measured')!;
      await api.post('/api/v1/audits/{id}/nonconformities', {
        params: { id: audit.id },
        auth: by.auth,
        body: { requirementId: measured.requirementId, grade: 'major', description: nonconformity },
        expect: 201,
      });
    }
    await api.post('/api/v1/audits/{id}/submit', { params: { id: audit.id }, auth: by.auth, expect: 200 });
    return eventually(async () => {
      const { body } = await api.get('/api/v1/audits/{id}', { params: { id: audit.id }, auth: by.auth, expect: 200 });
      return body.status === 'evaluated' ? body : undefined;
    }, 'the audit to be evaluated');
  }

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker('certificate-life');
    db = api.app.get(DataSource);
    ({ reg, world, auditors, decider } = await schemeWithTeam(api));
    // A non-critical requirement besides the two critical ones: what a surveillance or an extension may leave out.
    await db.query(
      `INSERT INTO requirements (standard_id, position, clause, text_zh, kind, critical) VALUES ($1, 10, '6.1', '包装标识完整', 'pass_fail', false)`,
      [world.standardId],
    );
    today = await shenzhenToday(db);
  }, 120_000);
  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  it(
    'is issued: valid, edition 1, its first surveillance due a year on; its QR and a label answer valid',
    async () => {
      cert = await certifiedEnterprise(
        api,
        reg,
        world,
        { nameZh: '深圳三年电子有限公司', nameEn: 'Shenzhen Three Years Electronics' },
        { auditor: auditors[0], decider },
      );
      [{ token: qrToken }] = await db.query(`SELECT token FROM certificates WHERE id = $1`, [cert.id]);
      [label] = (await grantWithLabels(api, world, cert, ['HQ-X1'])).codes;

      const issued = await record();
      expect(issued).toMatchObject({ status: 'valid', issuedOn: today });
      expect(issued.lifecycle).toEqual({
        edition: 1,
        surveillance: { intervalMonths: 12, lastOn: null, lastOutcome: null, nextDue: await plusMonths(today, 12) },
        renews: null,
        renewedBy: null,
        transition: null,
      });
      expect(events(issued)).toEqual(['issue']);
      const qr = await scan('qr', (a) => a.status === 'valid', 'the QR to answer valid');
      expect(qr).toMatchObject({ token: 'genuine', kind: 'certificate', certificate: { number: cert.number, status: 'valid' } });
      expect(qr.supersededBy).toBeUndefined();
      expect(qr.renewedBy).toBeUndefined();
      expect(await scan('label', (a) => a.status === 'valid', 'the label to answer valid')).toMatchObject({
        kind: 'label',
        certificate: { number: cert.number },
        markGrant: { status: 'granted' },
      });
    },
    STEP,
  );

  it(
    'passes its first surveillance eleven months on: the record shows the date, "passed" and the next due date a year later',
    async () => {
      await timePasses(cert.id, 'next_surveillance_due', 30);
      const audit = await surveillanceAudit(1);
      const evaluated = await performed(audit, true);
      expect(evaluated.outcome).toBe('passed');

      const passed = await record();
      expect(passed.status).toBe('valid');
      expect(passed.lifecycle.surveillance).toEqual({ intervalMonths: 12, lastOn: today, lastOutcome: 'passed', nextDue: await plusMonths(audit.dueOn!, 12) });
      expect(events(passed)).toEqual(['issue', 'surveillance_passed']);
      const qr = await scan('qr', (a) => a.certificate?.lifecycle.surveillance.lastOutcome === 'passed', 'the QR to show the passed surveillance');
      expect(qr).toMatchObject({ status: 'valid', certificate: { lifecycle: { surveillance: { lastOn: today } } } });
    },
    STEP,
  );

  it(
    'extends its scope to a new model: a reduced evaluation, edition 2; the QR of edition 1 answers "superseded by edition 2" with the current record',
    async () => {
      const declaration = await api.post('/api/v1/self-declarations', {
        auth: cert.ent.auth,
        expect: 201,
        body: {
          standardId: world.standardId,
          productNameZh: '智能手机',
          productNameEn: 'Smartphone',
          models: [...MODELS, 'HQ-X2'],
          keyIndicators: [],
          commitment: COMMITMENT,
        },
      });
      const draft = await api.post('/api/v1/certificates/{id}/extension', {
        params: { id: cert.id },
        auth: cert.ent.auth,
        body: { scope: productScope(['HQ-X2']), selfDeclarationId: declaration.body.id },
        expect: 201,
      });
      extensionDeclarationId = declaration.body.id;
      const audit = await acceptedChangeAudit(api, world, cert.ent, draft.body.id);
      expect(audit.checklist.map((r) => r.clause)).toEqual(['5.1', '5.2']); // the critical and measured ones: not 6.1
      await auditedAndGranted(api, world, cert.ent, draft.body.id, auditors, decider);

      const extended = await eventually(async () => {
        const r = await record();
        return r.lifecycle.edition === 2 ? r : undefined;
      }, 'the extended certificate re-issued as edition 2');
      expect(extended.status).toBe('valid');
      expect(extended.scope.products?.flatMap((p) => p.models)).toEqual([...MODELS, 'HQ-X2']);
      expect(events(extended)).toEqual(['issue', 'surveillance_passed', 'scope_extended']);
      expect(extended.history.at(-1)?.details).toMatchObject({ models: ['HQ-X2'], edition: 2 });
      // The surveillance plan is the certificate's, not the extension's: unchanged.
      expect(extended.lifecycle.surveillance).toMatchObject({ lastOn: today, lastOutcome: 'passed' });

      const qr = await scan('qr', (a) => a.supersededBy?.edition === 2, 'the old QR to say it is superseded');
      expect(qr).toMatchObject({ token: 'genuine', status: 'valid', certificate: { number: cert.number, lifecycle: { edition: 2 } } });
      expect(qr.message).toContain('superseded by edition 2');
      expect(qr.certificate?.scope.products?.flatMap((p) => p.models)).toContain('HQ-X2');
      expect((await api.http().get(`/v/${qrToken}`).expect(200)).text).toContain('已被第 2 版取代');
      expect(await scan('label', (a) => a.status === 'valid', 'the label to answer valid')).toMatchObject({ markGrant: { status: 'granted' } });
    },
    STEP,
  );

  it(
    'fails its second surveillance a year later, with a major nonconformity: the record shows "failed", still valid, awaiting a decision',
    async () => {
      await timePasses(cert.id, 'next_surveillance_due', 30);
      const audit = await surveillanceAudit(2);
      secondDue = audit.dueOn!;
      failedAuditId = audit.id;
      const evaluated = await performed(audit, false, '抽样样品待机时间低于标准要求');
      expect(evaluated).toMatchObject({ outcome: 'failed', certificateDecision: null });
      expect(evaluated.nonconformities).toEqual([expect.objectContaining({ grade: 'major', status: 'open', clause: '5.1' })]);

      const failed = await record();
      expect(failed.status).toBe('valid');
      // A failed cycle is not done: the due date stays where it was.
      expect(failed.lifecycle.surveillance).toEqual({ intervalMonths: 12, lastOn: today, lastOutcome: 'failed', nextDue: secondDue });
      expect(events(failed).slice(-1)).toEqual(['surveillance_failed']);
      const qr = await scan('qr', (a) => a.certificate?.lifecycle.surveillance.lastOutcome === 'failed', 'the QR to show the failed surveillance');
      expect(qr.status).toBe('valid');
    },
    STEP,
  );

  it(
    'is suspended by an independent decision maker (surveillance_failed): its old QR and label answer suspended',
    async () => {
      const { body } = await api.post('/api/v1/audits/{id}/certificate-decision', {
        params: { id: failedAuditId },
        auth: decider.auth,
        body: { outcome: 'suspend', rationale: '监督抽样检测关键指标不合格' },
        expect: 200,
      });
      expect(body.certificate).toMatchObject({ id: cert.id, status: 'suspended' });

      const suspended = await record();
      expect(suspended.status).toBe('suspended');
      expect(suspended.history.at(-1)).toMatchObject({ event: 'suspend', status: 'suspended', publicReason: 'surveillance_failed' });
      expect(JSON.stringify(suspended)).not.toContain('监督抽样检测关键指标不合格'); // the rationale is not public
      const qr = await scan('qr', (a) => a.status === 'suspended', 'the old QR to answer suspended');
      expect(qr).toMatchObject({ token: 'genuine', supersededBy: { edition: 2 }, certificate: { number: cert.number, status: 'suspended' } });
      const byLabel = await scan('label', (a) => a.status === 'suspended', 'the label to answer suspended');
      expect(byLabel.markGrant?.status).toBe('suspended');
      // Why, on the public record the QR page links to, in both languages.
      expect((await api.http().get(`/registry/${cert.number}`).expect(200)).text).toContain('监督审核未通过');
      expect((await api.http().get(`/registry/${cert.number}`).query({ lang: 'en' }).expect(200)).text).toContain('Surveillance audit failed');
    },
    STEP,
  );

  it(
    'is corrected: the holder answers the nonconformity with its corrective action, the auditor closes it; still suspended',
    async () => {
      const { body: audit } = await api.get('/api/v1/audits/{id}', { params: { id: failedAuditId }, auth: cert.ent.auth, expect: 200 });
      const [nc] = audit.nonconformities;
      const answered = await api.post('/api/v1/nonconformities/{id}/answer', {
        params: { id: nc.id },
        auth: cert.ent.auth,
        body: { correctiveAction: '更换电池供应商，全部库存复检，附检测报告' },
        expect: 200,
      });
      expect(answered.body).toMatchObject({ status: 'answered', correctiveAction: '更换电池供应商，全部库存复检，附检测报告' });
      const closed = await api.post('/api/v1/nonconformities/{id}/close', {
        params: { id: nc.id },
        auth: lead(audit.auditors.map((a) => a.id)).auth,
        expect: 200,
      });
      expect(closed.body.status).toBe('closed');
      // Corrected on paper is not yet restored: that takes a passed audit (or a decision maker's recorded decision).
      const refused = await api.post('/api/v1/certificates/{id}/restore', { params: { id: cert.id }, auth: world.cbAdmin.auth, body: {}, expect: 422 });
      expect(refused.body.message).toContain('surveillance_failed');
      expect((await record()).status).toBe('suspended');
    },
    STEP,
  );

  it(
    'is restored after its follow-up surveillance passes: valid again, the cycle done, its QR and label valid again',
    async () => {
      // The decision closed the failed audit; the cycle is still due, so the worker plans the follow-up.
      const followUp = await surveillanceAudit(3);
      expect(followUp.dueOn).toBe(secondDue);
      expect((await performed(followUp, true)).outcome).toBe('passed');
      const passedWhileSuspended = await record();
      expect(passedWhileSuspended.status).toBe('suspended');
      expect(passedWhileSuspended.history.at(-1)).toMatchObject({ event: 'surveillance_passed', status: 'suspended' });

      const { body } = await api.post('/api/v1/certificates/{id}/restore', { params: { id: cert.id }, auth: world.cbAdmin.auth, body: {}, expect: 200 });
      expect(body.status).toBe('valid');

      const restored = await record();
      expect(restored.status).toBe('valid');
      expect(restored.lifecycle.surveillance).toEqual({ intervalMonths: 12, lastOn: today, lastOutcome: 'passed', nextDue: await plusMonths(secondDue, 12) });
      expect(events(restored)).toEqual([
        'issue',
        'surveillance_passed',
        'scope_extended',
        'surveillance_failed',
        'suspend:surveillance_failed',
        'surveillance_passed',
        'restore',
      ]);
      const qr = await scan('qr', (a) => a.status === 'valid', 'the old QR to answer valid again');
      expect(qr).toMatchObject({ supersededBy: { edition: 2 }, certificate: { number: cert.number, status: 'valid' } });
      expect(await scan('label', (a) => a.status === 'valid', 'the label to answer valid again')).toMatchObject({ markGrant: { status: 'granted' } });
    },
    STEP,
  );

  it(
    'is renewed within six months of expiry: reviewed, fully audited, granted before expiry; the new certificate continues it without a gap',
    async () => {
      await timePasses(cert.id, 'expires_on', 100);
      const [{ expiresOn: oldExpiry }] = await db.query(`SELECT expires_on::text AS "expiresOn" FROM certificates WHERE id = $1`, [cert.id]);
      const draft = await api.post('/api/v1/certificates/{id}/renewal', { params: { id: cert.id }, auth: cert.ent.auth, expect: 201 });
      expect(draft.body).toMatchObject({ kind: 'renewal', certificateId: cert.id, status: 'draft' });
      // The renewal covers what the certificate covers now, the extension's model included, on the declaration that declares it.
      expect(draft.body.scope.products?.flatMap((p) => p.models)).toEqual([...MODELS, 'HQ-X2']);
      expect(draft.body.selfDeclarationId).toBe(extensionDeclarationId);
      const audit = await acceptedChangeAudit(api, world, cert.ent, draft.body.id);
      expect(audit.kind).toBe('renewal');
      expect(audit.checklist.map((r) => r.clause)).toEqual(['5.1', '5.2', '6.1']); // the full checklist
      await auditedAndGranted(api, world, cert.ent, draft.body.id, auditors, decider);
      const issued = await certificateOf(api, cert.ent, draft.body.id);
      renewal = { id: issued.id, number: issued.number, expiresOn: issued.expiresOn };

      // No gap: dated today, while the old one is still valid, and running three years from the old one's last day.
      expect(issued.issuedOn).toBe(today);
      expect(renewal.expiresOn).toBe(await plusMonths(oldExpiry, 36));
      const renewing = await record(renewal.number);
      expect(renewing).toMatchObject({ status: 'valid', issuedOn: today, expiresOn: renewal.expiresOn });
      expect(renewing.lifecycle).toMatchObject({ edition: 1, renews: cert.number, renewedBy: null });
      expect(renewing.lifecycle.surveillance).toEqual({ intervalMonths: 12, lastOn: null, lastOutcome: null, nextDue: await plusMonths(today, 12) });
      expect(renewing.scope.products?.flatMap((p) => p.models)).toEqual([...MODELS, 'HQ-X2']);
      expect(events(renewing)).toEqual(['issue']);

      const renewed = await record();
      expect(renewed).toMatchObject({ status: 'valid', expiresOn: oldExpiry, lifecycle: { renewedBy: renewal.number, renews: null } });
      // Its surveillance plan ended with the renewal's full audit: no audit is announced for it any more (the successor's is).
      expect(renewed.lifecycle.surveillance).toMatchObject({ lastOutcome: 'passed', nextDue: null });
      expect(renewed.history.at(-1)).toMatchObject({ event: 'renewed', status: 'valid', details: { renewedBy: renewal.number } });

      // The codes printed at issue answer with the current certificate of the lineage.
      const qr = await scan('qr', (a) => a.renewedBy === renewal.number, 'the old QR to name the renewing certificate');
      expect(qr).toMatchObject({ token: 'genuine', status: 'valid', currentCertificate: { number: renewal.number, status: 'valid' } });
      expect(qr.message).toContain(`renewed by certificate ${renewal.number}`);
      const page = await api.http().get(`/v/${qrToken}`).expect(200);
      expect(page.text).toContain(`/registry/${renewal.number}`);
      const byLabel = await scan('label', (a) => a.certificate?.number === renewal.number, 'the label to answer with the renewing certificate');
      expect(byLabel).toMatchObject({ status: 'valid', markGrant: { status: 'granted' } });
    },
    STEP,
  );

  it(
    'continues it past the old expiry: the old QR and label answer with the new certificate, the old one shown expired, never valid',
    async () => {
      await timePasses(cert.id, 'expires_on', -1);
      const qr = await scan('qr', (a) => a.certificate?.status === 'expired', 'the old certificate to expire');
      expect(qr).toMatchObject({
        token: 'genuine',
        status: 'valid', // the current certificate's status: the product is covered by it
        certificate: { number: cert.number, status: 'expired' },
        renewedBy: renewal.number,
        currentCertificate: { number: renewal.number, status: 'valid' },
      });
      const byLabel = await scan('label', (a) => a.status === 'valid', 'the label to answer valid');
      expect(byLabel).toMatchObject({ certificate: { number: renewal.number, status: 'valid' }, markGrant: { status: 'granted' } });
      // Typed by its number, the old certificate answers as itself: expired, naming the current one.
      const byNumber = await api.get('/api/v1/verify/{code}', { params: { code: cert.number }, expect: 200 });
      expect(byNumber.body).toMatchObject({ status: 'expired', renewedBy: renewal.number, currentCertificate: { number: renewal.number, status: 'valid' } });

      const ended = await record();
      expect(ended.status).toBe('expired');
      expect(events(ended)).toEqual([
        'issue',
        'surveillance_passed',
        'scope_extended',
        'surveillance_failed',
        'suspend:surveillance_failed',
        'surveillance_passed',
        'restore',
        'renewed',
        'expire',
      ]);
      expect(await record(renewal.number)).toMatchObject({ status: 'valid', lifecycle: { renews: cert.number, renewedBy: null } });
    },
    STEP,
  );
});
