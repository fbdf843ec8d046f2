import { DataSource } from 'typeorm';
import { CertificatesService, SurveillanceService } from '@app/certification';
import { TestUser, member, regulator } from './support/actors';
import { certifiedEnterprise, grantWithLabels, IssuedCertificate, TEST_REPORT } from './support/case';
import { PUBLIC_FILING_QUOTAS, startApi, TestApi } from './support/http';
import { MODELS, SchemeWorld, schemeWorld } from './support/scheme';
import { eventually, startWorker, WorkerProcess } from './support/worker';
import { daysAfter, shenzhenToday } from './support/dates';

/**
 * Surveillance of issued certificates (issue 11): the plan, the sweep, the reduced checklist, the
 * outcome on the public record, the certificate decision after a failure, a missed surveillance,
 * voluntary suspension, and risk signals bringing a special audit. Time moves by the certificates'
 * dates (SQL) and by the sweep's `today`, never by sleeping.
 */
describe('surveillance', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let db: DataSource;
  let sweep: SurveillanceService;
  let certificates: CertificatesService;
  let reg: TestUser;
  let world: SchemeWorld;
  /** Both auditors of the body: every audit's team. One may also decide, to be refused on its own audit. */
  let auditorDecider: TestUser;
  let auditor: TestUser;
  let decider: TestUser;
  let today: string;
  let n = 0;

  const certified = (): Promise<IssuedCertificate> =>
    certifiedEnterprise(api, reg, world, { nameZh: `监督测试企业${++n}`, nameEn: `Surveillance Test ${n}` }, { auditor, decider });
  const byId = (id: string) => [auditor, auditorDecider].find((a) => a.userId === id)!;
  const addDays = (days: number, from = today): Promise<string> => daysAfter(db, from, days);
  const setDue = (certificateId: string, due: string) => db.query(`UPDATE certificates SET next_surveillance_due = $2 WHERE id = $1`, [certificateId, due]);
  const certificate = async (id: string, who: TestUser = world.cbAdmin) =>
    (await api.get('/api/v1/certificates/{id}', { params: { id }, auth: who.auth, expect: 200 })).body;
  const audits = async (certificateId: string, kind: 'surveillance' | 'special', who: TestUser = world.cbAdmin) =>
    (await api.get('/api/v1/audits', { query: { certificateId, kind }, auth: who.auth, expect: 200 })).body.items;
  const cycle = async (certificateId: string, n: number) => (await audits(certificateId, 'surveillance')).find((a) => a.cycle === n)!;
  /** raw: a decision body outside the contract (an unknown outcome, a reduction without its models), refused with 400. */
  const refusedDecision = (auditId: string, body: Record<string, unknown>) =>
    api.http().post(`/api/v1/audits/${auditId}/certificate-decision`).set(decider.auth).send(body).expect(400);
  const record = async (number: string) => (await api.get('/api/v1/registry/certificates/{number}', { params: { number }, expect: 200 })).body;

  /** Waits for the worker to plan the certificate's `count`th audit of `kind`, and returns it. */
  async function planned(certificateId: string, kind: 'surveillance' | 'special', count = 1) {
    const list = await eventually(async () => {
      const items = await audits(certificateId, kind);
      return items.length >= count ? items : undefined;
    }, `${kind} audit ${count} of the certificate`);
    expect(list).toHaveLength(count);
    // the newest: a later surveillance cycle, or the special audit (planned on the same day, so not by date)
    return [...list].sort((a, b) => (a.cycle ?? 0) - (b.cycle ?? 0)).at(-1)!;
  }

  /** The lead performs the audit: every checklist item with a report, `passing` or with the critical measured value too low. */
  async function perform(auditId: string, passing: boolean) {
    const { body: audit } = await api.get('/api/v1/audits/{id}', { params: { id: auditId }, auth: world.cbAdmin.auth, expect: 200 });
    const lead = byId(audit.auditors[0].id);
    if (audit.status === 'planned') await api.post('/api/v1/audits/{id}/start', { params: { id: auditId }, auth: lead.auth, expect: 200 });
    for (const r of audit.checklist) {
      const body = r.kind === 'measured' ? { ...TEST_REPORT, measuredValue: passing ? r.min! : r.min! - 10 } : { ...TEST_REPORT, passed: true };
      await api.put('/api/v1/audits/{id}/findings/{requirementId}', {
        params: { id: auditId, requirementId: r.requirementId },
        auth: lead.auth,
        body,
        expect: 200,
      });
    }
    await api.post('/api/v1/audits/{id}/submit', { params: { id: auditId }, auth: lead.auth, expect: 200 });
    return eventually(async () => {
      const { body } = await api.get('/api/v1/audits/{id}', { params: { id: auditId }, auth: lead.auth, expect: 200 });
      return body.status === 'evaluated' ? body : undefined;
    }, 'the audit to be evaluated');
  }

  beforeAll(async () => {
    api = await startApi(PUBLIC_FILING_QUOTAS);
    worker = await startWorker('surveillance');
    db = api.app.get(DataSource);
    sweep = api.app.get(SurveillanceService);
    certificates = api.app.get(CertificatesService);
    reg = await regulator(api);
    world = await schemeWorld(api, reg);
    // Two non-critical requirements besides the two critical ones: a surveillance checks the critical and one of these in turn.
    await db.query(
      `INSERT INTO requirements (standard_id, position, clause, text_zh, kind, critical)
       VALUES ($1, 10, '6.1', '包装标识完整', 'pass_fail', false), ($1, 11, '6.2', '说明书齐全', 'pass_fail', false)`,
      [world.standardId],
    );
    auditorDecider = await member(api, world.cbAdmin, ['auditor', 'decision_maker']);
    auditor = await member(api, world.cbAdmin, ['auditor']);
    decider = await member(api, world.cbAdmin, ['decision_maker']);
    today = await shenzhenToday(db);
  });
  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  describe('a certificate through two surveillance cycles', () => {
    let cert: IssuedCertificate;
    const leads: string[] = [];

    beforeAll(async () => {
      cert = await certified();
    });

    it('is issued with the surveillance plan of its catalogue entry: every 12 months, the first due a year after issue', async () => {
      const view = await certificate(cert.id, cert.ent);
      expect(view.surveillance).toMatchObject({ intervalMonths: 12, lastOn: null, lastOutcome: null });
      const [{ due }] = await db.query(`SELECT ($1::date + interval '12 months')::date::text AS due`, [view.issuedOn]);
      expect(view.surveillance.nextDue).toBe(due);
      expect(view.audits.map((a: { kind: string }) => a.kind)).toEqual(['initial']);
      leads.push((await api.get('/api/v1/audits/{id}', { params: { id: view.audits[0].id }, auth: world.cbAdmin.auth, expect: 200 })).body.auditors[0].id);
      expect((await record(cert.number)).lifecycle.surveillance).toMatchObject({ intervalMonths: 12, nextDue: due, lastOn: null });
    });

    it('plans nothing while the due date is beyond the horizon, then one surveillance audit with a reduced checklist once it is within', async () => {
      expect((await sweep.sweep(today)).planned).toBe(0);
      const due = await addDays(20);
      await setDue(cert.id, due);
      await sweep.sweep(today);
      await sweep.sweep(today); // a second round (the worker's too) asks nothing more
      const audit = await planned(cert.id, 'surveillance');
      expect(audit).toMatchObject({ kind: 'surveillance', trigger: 'schedule', cycle: 1, dueOn: due, unannounced: false, status: 'planned' });
      expect(audit.certificate).toEqual({ id: cert.id, number: cert.number });
      const { body: detail } = await api.get('/api/v1/audits/{id}', { params: { id: audit.id }, auth: world.cbAdmin.auth, expect: 200 });
      const clauses = detail.checklist.map((c: { clause: string }) => c.clause);
      expect(clauses).toEqual(['5.1', '5.2', '6.1']);
      expect(await audits(cert.id, 'surveillance')).toHaveLength(1);
      // the holder sees it (an announced audit, with its date)
      expect((await audits(cert.id, 'surveillance', cert.ent))[0].plannedOn).toEqual(expect.any(String));
    });

    it('refuses a finding off the reduced checklist and one without its test report', async () => {
      const [audit] = await audits(cert.id, 'surveillance');
      const lead = byId(audit.auditors[0].id);
      await api.post('/api/v1/audits/{id}/start', { params: { id: audit.id }, auth: lead.auth, expect: 200 });
      const [off] = await db.query(`SELECT id FROM requirements WHERE standard_id = $1 AND clause = '6.2'`, [world.standardId]);
      const refused = await api.put('/api/v1/audits/{id}/findings/{requirementId}', {
        params: { id: audit.id, requirementId: off.id },
        auth: lead.auth,
        body: { ...TEST_REPORT, passed: true },
        expect: 404,
      });
      expect(refused.body.message).toContain('checklist');
      const [on] = await db.query(`SELECT id FROM requirements WHERE standard_id = $1 AND clause = '6.1'`, [world.standardId]);
      // raw: a body without the test report's laboratory, outside the contract on purpose
      const noReport = await api
        .http()
        .put(`/api/v1/audits/${audit.id}/findings/${on.id}`)
        .set(lead.auth)
        .send({ passed: true, cnasNumber: TEST_REPORT.cnasNumber, reportNumber: TEST_REPORT.reportNumber, reportDate: TEST_REPORT.reportDate })
        .expect(400);
      expect(noReport.body.fields.map((f: { field: string }) => f.field)).toEqual(['laboratoryName']);
      // submitting with findings missing names the checklist's clauses only
      const missing = await api.post('/api/v1/audits/{id}/submit', { params: { id: audit.id }, auth: lead.auth, expect: 422 });
      expect(missing.body.details?.['missingClauses']).toEqual(['5.1', '5.2', '6.1']);
    });

    it('passes cycle 1: the public record shows the date, "passed" and the next due date a year on', async () => {
      const [audit] = await audits(cert.id, 'surveillance');
      leads.push(audit.auditors[0].id);
      const evaluated = await perform(audit.id, true);
      expect(evaluated.outcome).toBe('passed');
      const due = audit.dueOn;
      const [{ next }] = await db.query(`SELECT ($1::date + interval '12 months')::date::text AS next`, [due]);
      const publicRecord = await record(cert.number);
      expect(publicRecord.lifecycle.surveillance).toMatchObject({ lastOn: today, lastOutcome: 'passed', nextDue: next });
      expect(publicRecord.history.map((h: { event: string }) => h.event)).toEqual(['issue', 'surveillance_passed']);
      expect(publicRecord.status).toBe('valid');
      expect((await certificate(cert.id, cert.ent)).surveillance).toMatchObject({ lastOn: today, lastOutcome: 'passed', nextDue: next });
    });

    it('fails cycle 2 (a new lead: never the same one three times running), publicly, and awaits a certificate decision', async () => {
      await setDue(cert.id, await addDays(15));
      await sweep.sweep(today);
      const audit = await planned(cert.id, 'surveillance', 2);
      expect(audit.cycle).toBe(2);
      leads.push(audit.auditors[0].id);
      expect(new Set(leads).size).toBeGreaterThan(1);
      const { body: detail } = await api.get('/api/v1/audits/{id}', { params: { id: audit.id }, auth: world.cbAdmin.auth, expect: 200 });
      expect(detail.checklist.map((c: { clause: string }) => c.clause)).toEqual(['5.1', '5.2', '6.2']);
      const evaluated = await perform(audit.id, false);
      expect(evaluated).toMatchObject({ outcome: 'failed', certificateDecision: null });
      const publicRecord = await record(cert.number);
      expect(publicRecord.lifecycle.surveillance).toMatchObject({ lastOn: today, lastOutcome: 'failed' });
      expect(publicRecord.status).toBe('valid');
      expect(publicRecord.history.at(-1)?.event).toBe('surveillance_failed');
      // no new surveillance audit while the failed one awaits its decision
      await sweep.sweep(today);
      expect(await audits(cert.id, 'surveillance')).toHaveLength(2);
    });

    it('refuses the decision to its own auditor (impartiality), to the holder, and a bad outcome', async () => {
      const audit = await cycle(cert.id, 2);
      expect(audit.auditors.map((a: { id: string }) => a.id)).toContain(auditorDecider.userId);
      const params = { id: audit.id };
      const own = await api.post('/api/v1/audits/{id}/certificate-decision', {
        params,
        auth: auditorDecider.auth,
        body: { outcome: 'suspend', rationale: '监督检测不合格' },
        expect: 403,
      });
      expect(own.body.error).toBe('DECISION_NOT_INDEPENDENT');
      expect(own.body.message).toContain('impartiality');
      await api.post('/api/v1/audits/{id}/certificate-decision', {
        params,
        auth: cert.ent.auth,
        body: { outcome: 'maintain', rationale: '已整改' },
        expect: 403,
      });
      const bad = await refusedDecision(audit.id, { outcome: 'cancel', rationale: '注销证书' });
      expect(bad.body.fields.map((f: { field: string }) => f.field)).toEqual(['outcome']);
      // a passed audit awaits no decision
      const passed = await cycle(cert.id, 1);
      const notFailed = await api.post('/api/v1/audits/{id}/certificate-decision', {
        params: { id: passed.id },
        auth: decider.auth,
        body: { outcome: 'suspend', rationale: '通过的也暂停' },
        expect: 409,
      });
      expect(notFailed.body.message).toContain("'evaluated (passed)'");
      // another body's decision maker does not see the audit
      const otherWorld = await schemeWorld(api, reg);
      const stranger = await member(api, otherWorld.cbAdmin, ['decision_maker']);
      await api.post('/api/v1/audits/{id}/certificate-decision', { params, auth: stranger.auth, body: { outcome: 'suspend', rationale: '越权' }, expect: 404 });
      expect((await certificate(cert.id)).status).toBe('valid');
    });

    it("suspends on an independent decision maker's decision (surveillance_failed), once", async () => {
      const audit = await cycle(cert.id, 2);
      const { body } = await api.post('/api/v1/audits/{id}/certificate-decision', {
        params: { id: audit.id },
        auth: decider.auth,
        body: { outcome: 'suspend', rationale: '监督抽样检测关键指标不合格' },
        expect: 200,
      });
      expect(body).toMatchObject({ auditId: audit.id, outcome: 'suspend', decidedBy: decider.userId, certificate: { id: cert.id, status: 'suspended' } });
      const verified = await api.get('/api/v1/verify/{code}', { params: { code: cert.number }, expect: 200 });
      expect(verified.body.status).toBe('suspended');
      const publicRecord = await record(cert.number);
      expect(publicRecord.history.at(-1)).toMatchObject({ event: 'suspend', status: 'suspended', publicReason: 'surveillance_failed' });
      const again = await api.post('/api/v1/audits/{id}/certificate-decision', {
        params: { id: audit.id },
        auth: decider.auth,
        body: { outcome: 'withdraw', rationale: '再次决定' },
        expect: 409,
      });
      expect(again.body.error).toBe('ILLEGAL_TRANSITION');
      const { body: detail } = await api.get('/api/v1/audits/{id}', { params: { id: audit.id }, auth: world.cbAdmin.auth, expect: 200 });
      expect(detail.certificateDecision).toMatchObject({ outcome: 'suspend' });
      // the cycle is still due: a follow-up surveillance audit is planned, the way back to valid
      await sweep.sweep(today);
      expect(await planned(cert.id, 'surveillance', 3)).toMatchObject({ cycle: 3, dueOn: audit.dueOn });
    });

    it('is restored only on evidence: not by the body alone, but by a decision maker who records why', async () => {
      const refused = await api.post('/api/v1/certificates/{id}/restore', { params: { id: cert.id }, auth: world.cbAdmin.auth, body: {}, expect: 422 });
      expect(refused.body.message).toContain('surveillance_failed');
      await api.post('/api/v1/certificates/{id}/restore', {
        params: { id: cert.id },
        auth: auditorDecider.auth,
        body: { privateNote: '整改证据已核实' },
        expect: 403,
      });
      const { body } = await api.post('/api/v1/certificates/{id}/restore', {
        params: { id: cert.id },
        auth: decider.auth,
        body: { privateNote: '整改证据已核实，样品复检合格' },
        expect: 200,
      });
      expect(body.status).toBe('valid');
      expect(body.audits.map((a: { kind: string; cycle: number | null }) => `${a.kind}:${a.cycle ?? ''}`)).toEqual([
        'initial:',
        'surveillance:1',
        'surveillance:2',
        'surveillance:3',
      ]);
    });
  });

  describe('a scope reduced on a failed surveillance', () => {
    let cert: IssuedCertificate;
    let audit: { id: string; dueOn: string | null };
    /** Label codes printed under a grant of the model to be taken out, and under one of both models. */
    const labels = { removed: '', kept: '' };
    const decide = <S extends 200 | 400 | 403 | 409>(
      who: TestUser,
      body: { outcome: 'reduce_scope' | 'suspend'; models?: string[]; rationale: string },
      expect: S,
    ) => api.post('/api/v1/audits/{id}/certificate-decision', { params: { id: audit.id }, auth: who.auth, body, expect });

    beforeAll(async () => {
      cert = await certified();
      [labels.removed] = (await grantWithLabels(api, world, cert, ['HQ-X1'])).codes;
      [labels.kept] = (await grantWithLabels(api, world, cert, MODELS)).codes;
      await setDue(cert.id, await addDays(10));
      await sweep.sweep(today);
      audit = await planned(cert.id, 'surveillance');
      expect((await perform(audit.id, false)).outcome).toBe('failed');
    });

    it('refuses a reduction without models, models with another outcome, models not in the scope, every model, and its own auditor', async () => {
      const none = await refusedDecision(audit.id, { outcome: 'reduce_scope', rationale: '缩小范围' });
      expect(none.body.fields.map((f: { field: string }) => f.field)).toEqual(['models']);
      const stray = await decide(decider, { outcome: 'suspend', models: ['HQ-X1'], rationale: '暂停并缩小范围' }, 400);
      expect(stray.body.fields).toEqual([{ field: 'models', reasons: [expect.stringContaining('only a reduce_scope decision')] }]);
      const unknown = await decide(decider, { outcome: 'reduce_scope', models: ['HQ-NOPE'], rationale: '缩小范围' }, 400);
      expect(unknown.body.fields).toEqual([{ field: 'models', reasons: [expect.stringContaining('HQ-NOPE')] }]);
      const all = await decide(decider, { outcome: 'reduce_scope', models: MODELS, rationale: '全部型号不合格' }, 400);
      expect(all.body.fields).toEqual([{ field: 'models', reasons: [expect.stringContaining('is a withdrawal')] }]);
      const own = await decide(auditorDecider, { outcome: 'reduce_scope', models: ['HQ-X1'], rationale: '缩小范围' }, 403);
      expect(own.body.error).toBe('DECISION_NOT_INDEPENDENT');
      // nothing was decided or changed
      const view = await certificate(cert.id);
      expect(view.scope.products?.flatMap((p: { models: string[] }) => p.models)).toEqual(MODELS);
      expect((await api.get('/api/v1/audits/{id}', { params: { id: audit.id }, auth: world.cbAdmin.auth, expect: 200 })).body.certificateDecision).toBeNull();
    });

    it('takes the failing model out as a scope reduction does: its grant ends, its label says why, the record is public, once', async () => {
      const { body } = await decide(decider, { outcome: 'reduce_scope', models: ['HQ-X1'], rationale: '型号 HQ-X1 抽样检测不合格' }, 200);
      expect(body).toMatchObject({ auditId: audit.id, outcome: 'reduce_scope', models: ['HQ-X1'], certificate: { id: cert.id, status: 'valid' } });

      const publicRecord = await record(cert.number);
      expect(publicRecord.status).toBe('valid');
      expect(publicRecord.history.at(-1)).toMatchObject({
        event: 'scope_reduced',
        status: 'valid',
        publicReason: 'surveillance_failed',
        details: { models: ['HQ-X1'] },
      });
      // what is left is maintained: the failed cycle is closed and the plan moves a year on
      const [{ next }] = await db.query(`SELECT ($1::date + interval '12 months')::date::text AS next`, [audit.dueOn]);
      expect(publicRecord.lifecycle.surveillance).toMatchObject({ lastOutcome: 'failed', nextDue: next });

      const removed = await api.get('/api/v1/verify/{code}', { params: { code: labels.removed }, expect: 200 });
      expect(removed.body).toMatchObject({ kind: 'label', status: 'withdrawn', markGrant: { status: 'revoked' } });
      expect(removed.body.message).toBe(`model HQ-X1 was removed from certificate ${cert.number}'s scope on ${today}: this mark no longer certifies it`);
      const kept = await api.get('/api/v1/verify/{code}', { params: { code: labels.kept }, expect: 200 });
      expect(kept.body).toMatchObject({ status: 'valid', markGrant: { status: 'granted' } });

      const view = await certificate(cert.id);
      expect(view.scope.products?.flatMap((p: { models: string[] }) => p.models)).toEqual(['HQ-X1 Pro']);
      const { body: detail } = await api.get('/api/v1/audits/{id}', { params: { id: audit.id }, auth: world.cbAdmin.auth, expect: 200 });
      expect(detail.certificateDecision).toMatchObject({ outcome: 'reduce_scope', models: ['HQ-X1'] });
      // the worker re-issues it as its next edition
      await eventually(
        async () => ((await db.query(`SELECT edition FROM certificates WHERE id = $1`, [cert.id]))[0].edition === 2 ? true : undefined),
        'the reduced certificate re-issued',
      );

      const again = await decide(decider, { outcome: 'suspend', rationale: '再次决定' }, 409);
      expect(again.body).toMatchObject({ error: 'ILLEGAL_TRANSITION', details: { state: 'decided' } });
      expect(again.body.message).toContain('reduce_scope');
    });

    it('is appealable as a scope reduction, and not to be considered by the decision maker who took it', async () => {
      const appeal = await api
        .http()
        .post('/api/v1/appeals')
        .set(cert.ent.auth)
        .send({ certificateId: cert.id, grounds: '抽样的 HQ-X1 样品并非量产批次，请重新判定。' })
        .expect(201);
      expect(appeal.body.decision).toMatchObject({ kind: 'certificate', action: 'scope_reduced' });
      const involved = await api
        .http()
        .post(`/api/v1/appeals/${appeal.body.id}/assign`)
        .set(world.cbAdmin.auth)
        .send({ handlerId: decider.userId })
        .expect(403);
      expect(involved.body.error).toBe('APPEAL_NOT_IMPARTIAL');
    });
  });

  it('suspends a certificate whose surveillance was not performed by its due date plus the grace (the worker, once)', async () => {
    const cert = await certified();
    await setDue(cert.id, await addDays(-10));
    // by the data's today nothing is missed yet (10 days < 30 of grace), but the audit is planned
    await sweep.sweep(today);
    await planned(cert.id, 'surveillance');
    expect((await certificate(cert.id)).status).toBe('valid');
    // the worker's own sweep suspends it once the grace has passed
    await setDue(cert.id, await addDays(-31));
    const suspended = await eventually(async () => {
      const view = await certificate(cert.id);
      return view.status === 'suspended' ? view : undefined;
    }, 'the worker to suspend the certificate');
    expect(suspended.history.at(-1)).toMatchObject({ action: 'suspend', publicReason: 'surveillance_not_performed' });
    const [{ actor }] = await db.query(`SELECT actor_user_id AS actor FROM certificate_events WHERE certificate_id = $1 ORDER BY id DESC LIMIT 1`, [cert.id]);
    expect(actor).toBeNull();
    expect((await sweep.sweep(today)).suspended).toBe(0);
    const history = (await certificate(cert.id)).history.filter((h: { action: string }) => h.action === 'suspend');
    expect(history).toHaveLength(1);
  });

  it('lets the holder suspend its certificate for a while, within the limit, and withdraws it when not restored by then', async () => {
    const cert = await certified();
    const params = { id: cert.id };
    const body = (until: string) => ({ until, reason: '生产线搬迁' });
    const ask = (until: string, who: TestUser, expect: 400 | 403 | 404 | 409) =>
      api.post('/api/v1/certificates/{id}/voluntary-suspension', { params, auth: who.auth, body: body(until), expect });
    const tooLong = await ask(await addDays(181), cert.ent, 400);
    expect(tooLong.body.fields?.[0]?.field).toBe('until');
    expect(tooLong.body.message).toContain('180 days');
    expect((await ask(today, cert.ent, 400)).body.fields?.[0]?.field).toBe('until');
    // raw: not a date
    const notDate = await api
      .http()
      .post(`/api/v1/certificates/${cert.id}/voluntary-suspension`)
      .set(cert.ent.auth)
      .send({ until: '2026-13-45', reason: '搬迁' })
      .expect(400);
    expect(notDate.body.fields[0].field).toBe('until');
    await ask(await addDays(30), world.cbAdmin, 403);
    const other = await certified();
    await ask(await addDays(30), other.ent, 404);

    const until = await addDays(90);
    const { body: suspended } = await api.post('/api/v1/certificates/{id}/voluntary-suspension', {
      params,
      auth: cert.ent.auth,
      body: body(until),
      expect: 200,
    });
    expect(suspended.status).toBe('suspended');
    expect(suspended.surveillance.suspensionEndsOn).toBe(until);
    expect(suspended.history.at(-1)).toMatchObject({ action: 'suspend', publicReason: 'holder_request' });
    const again = await ask(until, cert.ent, 409);
    expect(again.body.message).toContain('suspended');

    // on its last day it stands; the day after its end, not restored: withdrawn (time moved by the data)
    await db.query(`UPDATE certificates SET suspension_ends_on = $2 WHERE id = $1`, [cert.id, today]);
    expect((await sweep.sweep(today)).withdrawn).toBe(0);
    await db.query(`UPDATE certificates SET suspension_ends_on = $2 WHERE id = $1`, [cert.id, await addDays(-1)]);
    await sweep.sweep(today); // (the worker's round may come first: either withdraws it, once)
    const ended = await certificate(cert.id);
    expect(ended.status).toBe('withdrawn');
    expect(ended.history.at(-1)).toMatchObject({ action: 'withdraw', publicReason: 'suspension_not_lifted' });
    expect(ended.history.filter((h) => h.action === 'withdraw')).toHaveLength(1);
  });

  it('withdraws a suspension not lifted within 6 months (the sweep, once), not one younger', async () => {
    const cert = await certified();
    await api.post('/api/v1/certificates/{id}/suspend', {
      params: { id: cert.id },
      auth: decider.auth,
      body: { publicReason: 'nonconforming_product' },
      expect: 200,
    });
    const suspendedFor = (age: string) => db.query(`UPDATE certificates SET suspended_at = now() - $2::interval WHERE id = $1`, [cert.id, age]);
    // time moved by the data: a day short of 6 months it stands, a day past them it is withdrawn
    await suspendedFor('6 months -1 day');
    await certificates.sweepLongSuspensions();
    expect((await certificate(cert.id)).status).toBe('suspended');
    await suspendedFor('6 months 1 day');
    await certificates.sweepLongSuspensions(); // (the worker's round may come first: either withdraws it, once)
    expect(await certificates.sweepLongSuspensions()).toBe(0);
    const ended = await certificate(cert.id);
    expect(ended.status).toBe('withdrawn');
    expect(ended.history.at(-1)).toMatchObject({ action: 'withdraw', publicReason: 'suspension_not_lifted' });
    expect(ended.history.filter((h) => h.action === 'withdraw')).toHaveLength(1);
  });

  it("restores a voluntary suspension early on the holder's request (the body restores)", async () => {
    const cert = await certified();
    await api.post('/api/v1/certificates/{id}/voluntary-suspension', {
      params: { id: cert.id },
      auth: cert.ent.auth,
      body: { until: await addDays(60), reason: '停产检修' },
      expect: 200,
    });
    const { body } = await api.post('/api/v1/certificates/{id}/restore', { params: { id: cert.id }, auth: world.cbAdmin.auth, body: {}, expect: 200 });
    expect(body.status).toBe('valid');
    expect(body.surveillance.suspensionEndsOn).toBeNull();
  });

  it('brings an unannounced special audit forward for a misuse report taken into review, its date hidden from the holder', async () => {
    const cert = await certified();
    const { body: receipt } = await api.post('/api/v1/misuse-reports', {
      body: { code: cert.number, description: '市场上发现未获证型号使用标志' },
      expect: 201,
    });
    expect(receipt.certificateNumber).toBe(cert.number);
    const [{ id: reportId }] = await db.query(`SELECT id FROM misuse_reports WHERE reference = $1`, [receipt.reference]);
    await api.post('/api/v1/misuse-reports/{id}/status', { params: { id: reportId }, auth: world.cbAdmin.auth, body: { status: 'reviewing' }, expect: 200 });
    const audit = await planned(cert.id, 'special');
    expect(audit).toMatchObject({ trigger: 'misuse_report', unannounced: true, cycle: null, plannedOn: expect.any(String) });
    const { body: seen } = await api.get('/api/v1/audits/{id}', { params: { id: audit.id }, auth: cert.ent.auth, expect: 200 });
    expect(seen.plannedOn).toBeNull();
    expect(seen.checklist).toHaveLength(4);
    expect((await certificate(cert.id, cert.ent)).audits.find((a: { id: string }) => a.id === audit.id)?.plannedOn).toBeNull();
    // reviewed again after closing: still one special audit for this report
    await api.post('/api/v1/misuse-reports/{id}/status', { params: { id: reportId }, auth: world.cbAdmin.auth, body: { status: 'closed' }, expect: 200 });
    await api.post('/api/v1/misuse-reports/{id}/status', { params: { id: reportId }, auth: world.cbAdmin.auth, body: { status: 'reviewing' }, expect: 200 });
    // This certificate's own planning jobs done (another test's job, retrying elsewhere, is not this test's business).
    await eventually(
      async () =>
        (
          await db.query(`SELECT 1 FROM outbox WHERE completed_at IS NULL AND job_name = 'plan-certificate-audit' AND payload->>'certificateId' = $1`, [
            cert.id,
          ])
        ).length
          ? undefined
          : true,
      "the certificate's planning jobs",
    );
    expect(await audits(cert.id, 'special')).toHaveLength(1);
    // once started, the holder sees the date
    const lead = byId(audit.auditors[0].id);
    await api.post('/api/v1/audits/{id}/start', { params: { id: audit.id }, auth: lead.auth, expect: 200 });
    expect((await api.get('/api/v1/audits/{id}', { params: { id: audit.id }, auth: cert.ent.auth, expect: 200 })).body.plannedOn).toEqual(expect.any(String));
  });

  it('brings a special audit of each live certificate of a holder placed on the abnormal-operations list', async () => {
    const cert = await certified();
    const [{ enterprise_id: enterpriseId }] = await db.query(`SELECT enterprise_id FROM certificates WHERE id = $1`, [cert.id]);
    await api.post('/api/v1/abnormal-operations', { auth: reg.auth, body: { enterpriseId, reason: '未按标准组织生产' }, expect: 201 });
    const audit = await planned(cert.id, 'special');
    expect(audit).toMatchObject({ trigger: 'abnormal_operations', unannounced: true });
  });

  it("plans no surveillance due after the certificate's last day: the renewal audit is that year's check", async () => {
    const cert = await certified();
    const due = await addDays(10);
    // The last cycle of its validity: one interval on would fall after it has expired.
    await db.query(`UPDATE certificates SET next_surveillance_due = $2, expires_on = $2::date + 300 WHERE id = $1`, [cert.id, due]);
    await sweep.sweep(today);
    const audit = await planned(cert.id, 'surveillance');
    expect((await perform(audit.id, true)).outcome).toBe('passed');
    expect((await certificate(cert.id)).surveillance).toMatchObject({ lastOn: today, lastOutcome: 'passed', nextDue: null });
    expect((await record(cert.number)).lifecycle.surveillance).toMatchObject({ lastOutcome: 'passed', nextDue: null });
    await sweep.sweep(await addDays(400));
    expect(await audits(cert.id, 'surveillance')).toHaveLength(1);
  });

  it('refuses unknown audit filters and gives the catalogue entry its surveillance interval', async () => {
    // raw: a kind outside the contract
    const bad = await api.http().get('/api/v1/audits?kind=yearly').set(world.cbAdmin.auth).expect(400);
    expect(bad.body.fields[0].field).toBe('kind');
    const { body: entry } = await api.get('/api/v1/catalogue/entries/{id}', { params: { id: world.entryId }, auth: reg.auth, expect: 200 });
    expect(entry.surveillanceIntervalMonths).toBe(12);
    const { body: batch } = await api.post('/api/v1/catalogue/batches', {
      auth: reg.auth,
      expect: 201,
      body: { number: `S-${Date.now()}`, titleZh: '监督周期测试目录' },
    });
    const entryBody = {
      categoryCode: world.categoryCode,
      kind: 'product' as const,
      nameZh: '半年监督产品',
      evaluationRules: '每 6 个月监督一次',
      standardIds: [world.standardId],
    };
    const { body: six } = await api.post('/api/v1/catalogue/batches/{id}/entries', {
      params: { id: batch.id },
      auth: reg.auth,
      body: { ...entryBody, surveillanceIntervalMonths: 6 },
      expect: 201,
    });
    expect(six.surveillanceIntervalMonths).toBe(6);
    // raw: out of range
    const zero = await api
      .http()
      .post(`/api/v1/catalogue/batches/${batch.id}/entries`)
      .set(reg.auth)
      .send({ ...entryBody, surveillanceIntervalMonths: 0 })
      .expect(400);
    expect(zero.body.fields[0].field).toBe('surveillanceIntervalMonths');
  });
});
