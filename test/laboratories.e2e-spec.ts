import type request from 'supertest';
import { DataSource } from 'typeorm';
import { TestUser, member, organization, regulator } from './support/actors';
import type { components } from './support/api-types';
import { acceptedApplication, plannedAudit, TEST_REPORT } from './support/case';
import { shenzhenToday, daysAfter } from './support/dates';
import { startApi, TestApi } from './support/http';
import { declaringEnterprise, SchemeWorld, schemeWorld } from './support/scheme';
import { eventually, startWorker, WorkerProcess } from './support/worker';

type LaboratoryView = components['schemas']['LaboratoryView'];
type AuditView = components['schemas']['AuditView'];

const fieldsOf = (res: request.Response) => res.body.fields?.map((f: { field: string }) => f.field);

/** A laboratory's record as the regulator adds it; `over` changes what a test is about. */
const laboratory = (cnasNumber: string, over: Partial<components['schemas']['CreateLaboratoryDto']> = {}): components['schemas']['CreateLaboratoryDto'] => ({
  cnasNumber,
  nameZh: `深圳华测检测认证股份有限公司${cnasNumber}`,
  nameEn: `Shenzhen CTI Testing ${cnasNumber}`,
  address: '深圳市宝安区新安街道兴东社区华测检测大楼',
  accreditedFrom: '2021-03-01',
  accreditedUntil: '2033-02-28',
  scopeLines: [{ objectTested: '移动电话', parameterZh: '电磁兼容', standardCode: 'GB/T 9254.1', limits: '30 MHz–6 GHz' }],
  ...over,
});

describe('laboratories and recognised results', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let db: DataSource;
  let reg: TestUser;
  let world: SchemeWorld;
  let ent: TestUser;
  let declarationId: string;
  let otherEnt: TestUser;
  let otherAuditor: TestUser;
  let auditors: TestUser[];
  let lead: TestUser;
  let colleague: TestUser;
  let audit: AuditView;
  let standardCode: string;

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker('laboratories');
    db = api.app.get(DataSource);
    reg = await regulator(api);
    world = await schemeWorld(api, reg);
    auditors = [await member(api, world.cbAdmin, ['auditor']), await member(api, world.cbAdmin, ['auditor'])];
    ({ admin: ent, declarationId } = await declaringEnterprise(api, reg, world));
    otherEnt = await organization(api, reg, 'enterprise');
    otherAuditor = await member(api, await organization(api, reg, 'certification_body'), ['auditor']);
    standardCode = (await api.get('/api/v1/standards/{id}', { params: { id: world.standardId }, auth: reg.auth, expect: 200 })).body.code;
    const applicationId = await acceptedApplication(api, world, ent, declarationId);
    const planned = await plannedAudit(api, world.cbAdmin, applicationId);
    lead = auditors.find((a) => a.userId === planned.auditorIds[0])!;
    // The planner assigns one auditor of the body: the other is a colleague not on this audit.
    colleague = auditors.find((a) => !planned.auditorIds.includes(a.userId)) ?? (await member(api, world.cbAdmin, ['auditor']));
    audit = (await api.get('/api/v1/audits/{id}', { params: { id: planned.id }, auth: lead.auth, expect: 200 })).body;
  }, 120_000);
  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  const requirement = (clause: string) => audit.checklist.find((c) => c.clause === clause)!;
  const add = async (body: components['schemas']['CreateLaboratoryDto']): Promise<LaboratoryView> =>
    (await api.post('/api/v1/laboratories', { auth: reg.auth, body, expect: 201 })).body;
  const raw = (method: 'post' | 'put' | 'patch', path: string, who: TestUser, body: unknown) =>
    api
      .http()
      [method](path)
      .set(who.auth)
      .send(body as object);

  describe('the register', () => {
    it('adds a laboratory with its CNAS number normalised, and finds it by a 2-character term of its name or scope', async () => {
      const lab = await add(laboratory('CNAS L1001', { nameZh: '深圳市电子产品质量检测中心' }));
      expect(lab).toMatchObject({ cnasNumber: 'L1001', status: 'accredited', scopeLineCount: 1, allowedActions: ['suspend', 'withdraw', 'edit'] });
      expect(lab.scopeLines).toEqual([
        {
          id: expect.any(String),
          objectTested: '移动电话',
          parameterZh: '电磁兼容',
          parameterEn: null,
          standardCode: 'GB/T 9254.1',
          clause: null,
          limits: '30 MHz–6 GHz',
        },
      ]);
      // Every signed-in user reads the register: the enterprise as well as the body.
      const byName = await api.get('/api/v1/laboratories', { auth: ent.auth, query: { q: '电子' }, expect: 200 });
      expect(byName.body.items.map((l) => l.cnasNumber)).toContain('L1001');
      const byParameter = await api.get('/api/v1/laboratories', { auth: lead.auth, query: { q: '兼容' }, expect: 200 });
      expect(byParameter.body.items.map((l) => l.cnasNumber)).toContain('L1001');
      const byNumber = await api.get('/api/v1/laboratories', { auth: lead.auth, query: { q: 'l1001' }, expect: 200 });
      expect(byNumber.body.items.map((l) => l.cnasNumber)).toEqual(['L1001']);
      expect((await api.get('/api/v1/laboratories/{id}', { params: { id: lab.id }, auth: ent.auth, expect: 200 })).body).toEqual(lab);
    });

    it('refuses a second laboratory with the same number in another written form (409), and anyone but the regulator (403)', async () => {
      const dup = await api.post('/api/v1/laboratories', { auth: reg.auth, body: laboratory('L1001'), expect: 409 });
      expect(fieldsOf(dup)).toEqual(['cnasNumber']);
      for (const who of [ent, lead, world.cbAdmin]) {
        await api.post('/api/v1/laboratories', { auth: who.auth, body: laboratory('L1009'), expect: 403 });
      }
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM laboratories WHERE cnas_number = 'L1009'`);
      expect(n).toBe(0);
    });

    it('refuses bad input naming the field: the number, an unknown field, a wrong type, a NUL character, overlong text, dates the wrong way round', async () => {
      const cases: [unknown, string][] = [
        [laboratory('CNAS 0235'), 'cnasNumber'],
        [laboratory('L12345'), 'cnasNumber'],
        [{ ...laboratory('L1008'), website: 'https://example.com' }, 'website'],
        [{ ...laboratory('L1008'), accreditedFrom: 20210301 }, 'accreditedFrom'],
        [laboratory('L1008', { nameZh: '深圳\u0000检测' }), 'nameZh'],
        [laboratory('L1008', { address: '深'.repeat(301) }), 'address'],
        [laboratory('L1008', { accreditedFrom: '2030-01-01', accreditedUntil: '2029-12-31' }), 'accreditedUntil'],
        [laboratory('L1008', { scopeLines: [{ objectTested: '手机', parameterZh: '', standardCode: 'GB 4943.1' }] }), 'scopeLines[0].parameterZh'],
      ];
      for (const [body, field] of cases) {
        const res = await raw('post', '/api/v1/laboratories', reg, body).expect(400);
        expect(fieldsOf(res)).toContain(field);
      }
      expect((await db.query(`SELECT 1 FROM laboratories WHERE cnas_number = 'L1008'`)).length).toBe(0);
    });

    it('suspends, reinstates and withdraws as CNAS does; a withdrawn laboratory is not edited (409 naming the state); unknown ids are 404', async () => {
      const lab = await add(laboratory('L1007'));
      expect(lab.suspensions).toEqual([]);
      const path = { id: lab.id };
      const suspension = { from: '2025-09-01', reason: 'CNAS 监督评审发现重大不符合项' };
      for (const who of [ent, lead, world.cbAdmin]) {
        await api.post('/api/v1/laboratories/{id}/suspend', { params: path, auth: who.auth, body: suspension, expect: 403 });
      }
      const suspended = (await api.post('/api/v1/laboratories/{id}/suspend', { params: path, auth: reg.auth, body: suspension, expect: 200 })).body;
      expect(suspended).toMatchObject({ status: 'suspended', allowedActions: ['reinstate', 'withdraw', 'edit'] });
      expect(suspended.suspensions).toEqual([{ from: '2025-09-01', until: null, reason: 'CNAS 监督评审发现重大不符合项' }]);
      const [recorded] = await db.query(`SELECT recorded_by FROM laboratory_suspensions WHERE laboratory_id = $1`, [lab.id]);
      expect(recorded.recorded_by).toBe(reg.userId);
      const again = await api.post('/api/v1/laboratories/{id}/suspend', { params: path, auth: reg.auth, body: suspension, expect: 409 });
      expect(again.body.message).toContain("'suspended'");
      await api.post('/api/v1/laboratories/{id}/reinstate', { params: path, auth: ent.auth, body: { from: '2025-10-01' }, expect: 403 });
      // The first day accredited again comes after the suspension's first day, and has happened.
      const tomorrow = await daysAfter(db, await shenzhenToday(db), 1);
      for (const from of ['2025-09-01', '2025-08-31', tomorrow, '2025-13-01']) {
        const res = await raw('post', `/api/v1/laboratories/${lab.id}/reinstate`, reg, { from }).expect(400);
        expect(fieldsOf(res)).toEqual(['from']);
      }
      const notAfter = await raw('post', `/api/v1/laboratories/${lab.id}/reinstate`, reg, { from: '2025-09-01' }).expect(400);
      expect(notAfter.body.fields[0].rules).toEqual([{ rule: 'afterField', params: { other: 'suspendedFrom', value: '2025-09-01' } }]);
      expect(fieldsOf(await raw('post', `/api/v1/laboratories/${lab.id}/reinstate`, reg, {}).expect(400))).toEqual(['from']);
      const reinstated = (await api.post('/api/v1/laboratories/{id}/reinstate', { params: path, auth: reg.auth, body: { from: '2025-10-01' }, expect: 200 }))
        .body;
      expect(reinstated.status).toBe('accredited');
      expect(reinstated.suspensions).toEqual([{ from: '2025-09-01', until: '2025-10-01', reason: 'CNAS 监督评审发现重大不符合项' }]);
      await api.post('/api/v1/laboratories/{id}/reinstate', { params: path, auth: reg.auth, body: { from: '2025-10-02' }, expect: 409 });
      // A new suspension may not start within the one that ended: the periods never overlap.
      const overlap = await raw('post', `/api/v1/laboratories/${lab.id}/suspend`, reg, { from: '2025-09-30', reason: '再次暂停' }).expect(400);
      expect(overlap.body.fields).toEqual([
        expect.objectContaining({ field: 'from', rules: [{ rule: 'notBeforeField', params: { other: 'previousSuspensionUntil', value: '2025-10-01' } }] }),
      ]);
      const second = (
        await api.post('/api/v1/laboratories/{id}/suspend', { params: path, auth: reg.auth, body: { from: '2025-11-03', reason: '再次暂停' }, expect: 200 })
      ).body;
      expect(second.suspensions.map((p) => [p.from, p.until])).toEqual([
        ['2025-11-03', null],
        ['2025-09-01', '2025-10-01'],
      ]);
      await api.post('/api/v1/laboratories/{id}/reinstate', { params: path, auth: reg.auth, body: { from: '2025-11-20' }, expect: 200 });
      const added = await api.post('/api/v1/laboratories/{id}/scope-lines', {
        params: path,
        auth: reg.auth,
        body: { scopeLines: [{ objectTested: '移动电话', parameterZh: '比吸收率', parameterEn: 'SAR', standardCode: 'GB/T 28447', clause: '6' }] },
        expect: 200,
      });
      expect(added.body.scopeLines.map((s) => s.parameterZh)).toEqual(['电磁兼容', '比吸收率']);
      await api.delete('/api/v1/laboratories/{id}/scope-lines/{lineId}', {
        params: { id: lab.id, lineId: added.body.scopeLines[0].id },
        auth: reg.auth,
        expect: 200,
      });
      await api.post('/api/v1/laboratories/{id}/withdraw', { params: path, auth: reg.auth, expect: 200 });
      const edit = await api.patch('/api/v1/laboratories/{id}', { params: path, auth: reg.auth, body: { address: '深圳市福田区' }, expect: 409 });
      expect(edit.body.message).toContain("'withdrawn'");
      await api.post('/api/v1/laboratories/{id}/scope-lines', {
        params: path,
        auth: reg.auth,
        body: { scopeLines: [{ objectTested: '手机', parameterZh: '噪声', standardCode: 'GB 1' }] },
        expect: 409,
      });
      const missing = '00000000-0000-4000-8000-000000000000';
      await api.get('/api/v1/laboratories/{id}', { params: { id: missing }, auth: reg.auth, expect: 404 });
      await api.post('/api/v1/laboratories/{id}/suspend', {
        params: { id: missing },
        auth: reg.auth,
        body: { from: '2025-09-01', reason: '暂停认可' },
        expect: 404,
      });
      await api.http().get('/api/v1/laboratories/not-a-uuid').set(reg.auth).expect(400);
      await api.http().get('/api/v1/laboratories').expect(401);
    });

    it('refuses a suspension with bad input naming the field: no or a malformed or future day, a short or long reason, an unknown field', async () => {
      const lab = await add(laboratory('L1010'));
      const tomorrow = await daysAfter(db, await shenzhenToday(db), 1);
      const cases: [unknown, string][] = [
        [{ reason: '暂停认可' }, 'from'],
        [{ from: '2025-02-30', reason: '暂停认可' }, 'from'],
        [{ from: '20250901', reason: '暂停认可' }, 'from'],
        [{ from: tomorrow, reason: '暂停认可' }, 'from'],
        [{ from: '2025-09-01' }, 'reason'],
        [{ from: '2025-09-01', reason: '停' }, 'reason'],
        [{ from: '2025-09-01', reason: '停'.repeat(501) }, 'reason'],
        [{ from: '2025-09-01', reason: '暂停认可', until: '2025-12-01' }, 'until'],
      ];
      for (const [body, field] of cases) {
        const res = await raw('post', `/api/v1/laboratories/${lab.id}/suspend`, reg, body).expect(400);
        expect(fieldsOf(res)).toContain(field);
      }
      const future = await raw('post', `/api/v1/laboratories/${lab.id}/suspend`, reg, { from: tomorrow, reason: '暂停认可' }).expect(400);
      expect(future.body.fields[0].rules).toEqual([{ rule: 'notFuture' }]);
      // Nothing was written: still accredited, no period.
      expect((await api.get('/api/v1/laboratories/{id}', { params: { id: lab.id }, auth: reg.auth, expect: 200 })).body).toMatchObject({
        status: 'accredited',
        suspensions: [],
      });
      // A withdrawn laboratory is not suspended (409 naming the state).
      await api.post('/api/v1/laboratories/{id}/withdraw', { params: { id: lab.id }, auth: reg.auth, expect: 200 });
      const withdrawn = await api.post('/api/v1/laboratories/{id}/suspend', {
        params: { id: lab.id },
        auth: reg.auth,
        body: { from: '2025-09-01', reason: '暂停认可' },
        expect: 409,
      });
      expect(withdrawn.body.message).toContain("'withdrawn'");
    });
  });

  describe('a finding’s test report', () => {
    beforeAll(async () => {
      await api.post('/api/v1/audits/{id}/start', { params: { id: audit.id }, auth: lead.auth, expect: 200 });
      // L1002: accredited, but for another product's parameters only.
      await add(laboratory('L1002'));
      // L1003: accredited for the standard until 2025-06-30, before the report date.
      await add(
        laboratory('L1003', {
          accreditedFrom: '2019-07-01',
          accreditedUntil: '2025-06-30',
          scopeLines: [{ objectTested: '手机', parameterZh: '待机时间', standardCode }],
        }),
      );
      // L1004: accredited for the parameter by a method standard (not the Shenzhen specification's clause).
      await add(laboratory('L1004', { scopeLines: [{ objectTested: '移动电话', parameterZh: '待机时间', standardCode: 'YD/T 1539', clause: '5.3' }] }));
      // L1005: accredited for clause 5.2 of the specification itself, written with other spacing and case.
      await add(
        laboratory('L1005', {
          scopeLines: [{ objectTested: '移动电话', parameterZh: '跌落', standardCode: `  ${standardCode.toLowerCase().replace(' ', '   ')} `, clause: '5.2' }],
        }),
      );
    });

    const record = (clause: string, body: Record<string, unknown>, expect: number) =>
      raw('put', `/api/v1/audits/${audit.id}/findings/${requirement(clause).requirementId}`, lead, body).expect(expect);

    it('refuses a laboratory not accredited for the parameter: 400 naming the laboratory and the parameter', async () => {
      const res = await record('5.1', { ...TEST_REPORT, cnasNumber: 'CNAS L1002', measuredValue: 80 }, 400);
      expect(fieldsOf(res)).toEqual(['cnasNumber']);
      expect(res.body.fields[0].reasons[0]).toContain('L1002');
      expect(res.body.fields[0].reasons[0]).toContain('待机时间');
      // 5.2 is the specification's clause, which L1004's scope (YD/T 1539, 待机时间) does not cover either.
      const other = await record('5.2', { ...TEST_REPORT, cnasNumber: 'L1004', passed: true }, 400);
      expect(other.body.fields[0].reasons[0]).toMatch(/L1004.*跌落试验/);
    });

    it('refuses a laboratory whose accreditation ended before the report date, one not in the register, and one withdrawn', async () => {
      const expired = await record('5.1', { ...TEST_REPORT, cnasNumber: 'L1003', measuredValue: 80 }, 400);
      expect(fieldsOf(expired)).toEqual(['cnasNumber']);
      expect(expired.body.fields[0].reasons[0]).toContain('was not accredited on 2025-08-15');
      expect(expired.body.fields[0].reasons[0]).toContain('待机时间');
      // The same laboratory, for a report from within its accreditation, is accepted.
      await record('5.1', { ...TEST_REPORT, cnasNumber: 'L1003', reportDate: '2025-06-30', measuredValue: 80 }, 200);
      const unknown = await record('5.1', { ...TEST_REPORT, cnasNumber: 'L1999', measuredValue: 80 }, 400);
      expect(unknown.body.fields[0].reasons[0]).toContain('not in the laboratory register');
      const withdrawn = await add(laboratory('L1011', { scopeLines: [{ objectTested: '手机', parameterZh: '待机时间', standardCode }] }));
      await api.post('/api/v1/laboratories/{id}/withdraw', { params: { id: withdrawn.id }, auth: reg.auth, expect: 200 });
      const refused = await record('5.1', { ...TEST_REPORT, cnasNumber: 'L1011', measuredValue: 80 }, 400);
      expect(fieldsOf(refused)).toEqual(['cnasNumber']);
      expect(refused.body.fields[0].reasons[0]).toMatch(/L1011.*withdrawn.*待机时间/);
    });

    it('judges a suspended laboratory by the report date: one before the suspension stands, one within it is refused, also once reinstated', async () => {
      const lab = await add(laboratory('L1006', { scopeLines: [{ objectTested: '手机', parameterZh: '待机时间', standardCode }] }));
      const path = { id: lab.id };
      await api.post('/api/v1/laboratories/{id}/suspend', { params: path, auth: reg.auth, body: { from: '2025-09-01', reason: 'CNAS 暂停认可' }, expect: 200 });
      // TEST_REPORT is dated 2025-08-15, before the suspension: accepted while the laboratory is suspended now.
      const before = await record('5.1', { ...TEST_REPORT, cnasNumber: 'L1006', measuredValue: 80 }, 200);
      expect((before.body as AuditView).checklist.find((c) => c.clause === '5.1')!.finding).toMatchObject({
        cnasNumber: 'CNAS L1006',
        laboratoryId: lab.id,
        reportDate: '2025-08-15',
      });
      // Its first day is within it; so is any day of an open suspension.
      for (const reportDate of ['2025-09-01', '2025-10-15']) {
        const within = await record('5.1', { ...TEST_REPORT, cnasNumber: 'L1006', reportDate, measuredValue: 80 }, 400);
        expect(fieldsOf(within)).toEqual(['cnasNumber']);
        expect(within.body.fields[0].reasons[0]).toContain(`L1006`);
        expect(within.body.fields[0].reasons[0]).toContain(`was suspended on ${reportDate} (suspended since 2025-09-01)`);
        expect(within.body.fields[0].reasons[0]).toContain('待机时间');
      }
      await api.post('/api/v1/laboratories/{id}/reinstate', { params: path, auth: reg.auth, body: { from: '2025-10-20' }, expect: 200 });
      // Reinstated: a report from within the period stays refused; one from the first day accredited again stands.
      const stillRefused = await record('5.1', { ...TEST_REPORT, cnasNumber: 'L1006', reportDate: '2025-10-19', measuredValue: 80 }, 400);
      expect(fieldsOf(stillRefused)).toEqual(['cnasNumber']);
      expect(stillRefused.body.fields[0].reasons[0]).toContain('suspended from 2025-09-01, accredited again from 2025-10-20');
      await record('5.1', { ...TEST_REPORT, cnasNumber: 'L1006', reportDate: '2025-10-20', measuredValue: 80 }, 200);
    });

    it('needs the report date, not after today', async () => {
      const { reportDate: _omitted, ...undated } = TEST_REPORT;
      expect(fieldsOf(await record('5.1', { ...undated, measuredValue: 80 }, 400))).toEqual(['reportDate']);
      const tomorrow = await daysAfter(db, await shenzhenToday(db), 1);
      expect(fieldsOf(await record('5.1', { ...TEST_REPORT, reportDate: tomorrow, measuredValue: 80 }, 400))).toEqual(['reportDate']);
      expect(fieldsOf(await record('5.1', { ...TEST_REPORT, reportDate: '2025-02-30', measuredValue: 80 }, 400))).toEqual(['reportDate']);
    });

    it('accepts an accredited laboratory, matched by parameter or by standard and clause, and records the register’s laboratory', async () => {
      const byParameter = await record('5.1', { ...TEST_REPORT, laboratoryName: '华测', cnasNumber: 'l1004', measuredValue: 80 }, 200);
      const finding = (byParameter.body as AuditView).checklist.find((c) => c.clause === '5.1')!.finding!;
      const l1004 = (await api.get('/api/v1/laboratories', { auth: lead.auth, query: { q: 'L1004' }, expect: 200 })).body.items[0];
      expect(finding).toMatchObject({
        measuredValue: 80,
        passed: true,
        laboratoryName: l1004.nameZh,
        cnasNumber: 'CNAS L1004',
        laboratoryId: l1004.id,
        reportDate: '2025-08-15',
        recognised: null,
      });
      await record('5.2', { ...TEST_REPORT, cnasNumber: 'CNAS L1005', passed: true }, 200);
      // The enterprise sees the same finding.
      const seen = (await api.get('/api/v1/audits/{id}', { params: { id: audit.id }, auth: ent.auth, expect: 200 })).body;
      expect(seen.checklist.find((c) => c.clause === '5.2')!.finding).toMatchObject({ cnasNumber: 'CNAS L1005', passed: true });
    });
  });

  describe('recognised reports (互认)', () => {
    let hkas: components['schemas']['AgreementView'];
    let lapsed: components['schemas']['AgreementView'];
    let presented: components['schemas']['RecognisedReportView'];
    // A second person of the enterprise: every user of it is told of an answer, not only the one who presented.
    let entMember: TestUser;
    const present = (who: TestUser, body: Record<string, unknown>, expect: number) =>
      raw('post', `/api/v1/audits/${audit.id}/recognised-reports`, who, body).expect(expect);
    const report = (clause: string, over: Record<string, unknown> = {}) => ({
      requirementId: requirement(clause).requirementId,
      agreementId: hkas.id,
      issuingBody: 'SGS Hong Kong Limited',
      reportNumber: 'HK-2025-0042',
      reportDate: '2025-09-01',
      ...over,
    });

    beforeAll(async () => {
      entMember = await member(api, ent, ['enterprise_member']);
      hkas = (
        await api.post('/api/v1/recognition-agreements', {
          auth: reg.auth,
          body: {
            kind: 'hk_macao',
            party: 'HKAS 香港认可处',
            region: '中国香港',
            scope: '电子电气产品检测报告',
            validFrom: '2024-01-01',
            validUntil: '2030-12-31',
          },
          expect: 201,
        })
      ).body;
      lapsed = (
        await api.post('/api/v1/recognition-agreements', {
          auth: reg.auth,
          body: { kind: 'ilac_mra', party: 'A2LA', region: '美国', scope: '电子产品检测', validFrom: '2020-01-01', validUntil: '2024-12-31' },
          expect: 201,
        })
      ).body;
    });

    it('lets only the regulator record agreements, with its refusals', async () => {
      const body = { kind: 'ilac_mra' as const, party: 'UKAS', region: '英国', scope: '检测报告', validFrom: '2025-01-01' };
      await api.post('/api/v1/recognition-agreements', { auth: ent.auth, body, expect: 403 });
      expect(fieldsOf(await raw('post', '/api/v1/recognition-agreements', reg, { ...body, kind: 'bilateral' }).expect(400))).toEqual(['kind']);
      expect(fieldsOf(await raw('post', '/api/v1/recognition-agreements', reg, { ...body, validUntil: '2024-12-31' }).expect(400))).toEqual(['validUntil']);
      const list = await api.get('/api/v1/recognition-agreements', { auth: lead.auth, query: { kind: 'hk_macao' }, expect: 200 });
      expect(list.body.items.map((a) => a.id)).toContain(hkas.id);
    });

    it('refuses a report under an agreement not valid on its date, and bad input naming the field', async () => {
      const res = await present(ent, report('5.2', { agreementId: lapsed.id, passed: true }), 400);
      expect(fieldsOf(res)).toEqual(['reportDate']);
      expect(res.body.fields[0].reasons[0]).toContain('A2LA');
      expect(fieldsOf(await present(ent, report('5.2', { passed: true, measuredValue: 1 }), 400))).toEqual(['measuredValue']);
      expect(fieldsOf(await present(ent, report('5.1'), 400))).toEqual(['measuredValue']);
      expect(fieldsOf(await present(ent, report('5.2', { passed: true, lab: 'x' }), 400))).toEqual(['lab']);
      expect(fieldsOf(await present(ent, report('5.2', { passed: 'yes' }), 400))).toEqual(['passed']);
      expect(fieldsOf(await present(ent, report('5.2', { passed: true, issuingBody: 'SGS\u0000' }), 400))).toEqual(['issuingBody']);
      expect(fieldsOf(await present(ent, report('5.2', { passed: true, agreementId: '00000000-0000-4000-8000-000000000000' }), 400))).toEqual(['agreementId']);
      expect(fieldsOf(await present(ent, report('5.2', { passed: true, requirementId: '00000000-0000-4000-8000-000000000000' }), 400))).toEqual([
        'requirementId',
      ]);
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM recognised_reports WHERE audit_id = $1`, [audit.id]);
      expect(n).toBe(0);
    });

    it('is presented by the enterprise of the audit only: another enterprise 404, the body 403; one at a time per requirement (409)', async () => {
      await present(otherEnt, report('5.2', { passed: true }), 404);
      await present(world.cbAdmin, report('5.2', { passed: true }), 403);
      presented = (await present(ent, report('5.2', { passed: true }), 201)).body;
      expect(presented).toMatchObject({
        auditId: audit.id,
        clause: '5.2',
        status: 'presented',
        passed: true,
        agreement: { id: hkas.id, kind: 'hk_macao', party: 'HKAS 香港认可处' },
      });
      await present(ent, report('5.2', { passed: true }), 409);
      await api.get('/api/v1/audits/{id}/recognised-reports', { params: { id: audit.id }, auth: otherEnt.auth, expect: 404 });
      const listed = await api.get('/api/v1/audits/{id}/recognised-reports', { params: { id: audit.id }, auth: lead.auth, expect: 200 });
      expect(listed.body.map((r) => r.id)).toEqual([presented.id]);
    });

    it('is accepted by the assigned auditor only, and becomes the finding shown as recognised under its agreement', async () => {
      const params = { id: presented.id };
      await api.post('/api/v1/recognised-reports/{id}/accept', { params, auth: otherAuditor.auth, expect: 404 });
      await api.post('/api/v1/recognised-reports/{id}/accept', { params, auth: colleague.auth, expect: 403 });
      await api.post('/api/v1/recognised-reports/{id}/accept', { params, auth: ent.auth, expect: 403 });
      const accepted = await api.post('/api/v1/recognised-reports/{id}/accept', { params, auth: lead.auth, expect: 200 });
      expect(accepted.body).toMatchObject({ status: 'accepted', decidedAt: expect.any(String) });
      const again = await api.post('/api/v1/recognised-reports/{id}/accept', { params, auth: lead.auth, expect: 409 });
      expect(again.body.message).toContain("'accepted'");
      for (const who of [ent, lead]) {
        const seen = (await api.get('/api/v1/audits/{id}', { params: { id: audit.id }, auth: who.auth, expect: 200 })).body;
        expect(seen.checklist.find((c) => c.clause === '5.2')!.finding).toMatchObject({
          passed: true,
          reportNumber: 'HK-2025-0042',
          reportDate: '2025-09-01',
          laboratoryId: null,
          recognised: {
            recognisedReportId: presented.id,
            agreementId: hkas.id,
            agreementKind: 'hk_macao',
            agreementParty: 'HKAS 香港认可处',
            issuingBody: 'SGS Hong Kong Limited',
          },
        });
      }
    });

    it('is withdrawn by its enterprise while unanswered, freeing its clause; never by the body or another enterprise', async () => {
      const wrong = (await present(ent, report('5.1', { measuredValue: 91, reportNumber: 'HK-2025-0041' }), 201)).body;
      const params = { id: wrong.id };
      await api.post('/api/v1/recognised-reports/{id}/withdraw', { params, auth: otherEnt.auth, expect: 404 });
      await api.post('/api/v1/recognised-reports/{id}/withdraw', { params, auth: lead.auth, expect: 403 });
      await api.post('/api/v1/recognised-reports/{id}/withdraw', { params, auth: world.cbAdmin.auth, expect: 403 });
      await raw('post', '/api/v1/recognised-reports/not-an-id/withdraw', ent, {}).expect(400);
      const withdrawn = await api.post('/api/v1/recognised-reports/{id}/withdraw', { params, auth: entMember.auth, expect: 200 });
      expect(withdrawn.body).toMatchObject({ status: 'withdrawn', decidedAt: null, refusalReason: null });
      expect(withdrawn.body.withdrawnAt).toEqual(expect.any(String));
      // Final: neither withdrawn again nor answered (409 naming the state).
      const again = await api.post('/api/v1/recognised-reports/{id}/withdraw', { params, auth: ent.auth, expect: 409 });
      expect(again.body.details).toMatchObject({ state: 'withdrawn' });
      await api.post('/api/v1/recognised-reports/{id}/accept', { params, auth: lead.auth, expect: 409 });
      // An answered report is not withdrawn: 5.2's was accepted above.
      const answered = await api.post('/api/v1/recognised-reports/{id}/withdraw', { params: { id: presented.id }, auth: ent.auth, expect: 409 });
      expect(answered.body.details).toMatchObject({ state: 'accepted' });
      const listed = await api.get('/api/v1/audits/{id}/recognised-reports', { params: { id: audit.id }, auth: lead.auth, expect: 200 });
      expect(listed.body.find((r) => r.id === wrong.id)).toMatchObject({ status: 'withdrawn' });
    });

    it('is refused with a reason by the auditor; under a terminated agreement none is presented', async () => {
      const second = (await present(ent, report('5.1', { measuredValue: 96, reportNumber: 'HK-2025-0043' }), 201)).body;
      expect(fieldsOf(await raw('post', `/api/v1/recognised-reports/${second.id}/refuse`, lead, {}).expect(400))).toEqual(['reason']);
      const refused = await api.post('/api/v1/recognised-reports/{id}/refuse', {
        params: { id: second.id },
        auth: lead.auth,
        body: { reason: '报告检测方法与本规范第5.1条不一致' },
        expect: 200,
      });
      expect(refused.body).toMatchObject({ status: 'refused', refusalReason: '报告检测方法与本规范第5.1条不一致', measuredValue: 96, passed: null });
      await api.post('/api/v1/recognised-reports/{id}/accept', { params: { id: second.id }, auth: lead.auth, expect: 409 });
      // The finding of 5.1 is still the laboratory's.
      const seen = (await api.get('/api/v1/audits/{id}', { params: { id: audit.id }, auth: ent.auth, expect: 200 })).body;
      expect(seen.checklist.find((c) => c.clause === '5.1')!.finding).toMatchObject({ cnasNumber: 'CNAS L1004', recognised: null });

      await api.post('/api/v1/recognition-agreements/{id}/terminate', { params: { id: hkas.id }, auth: ent.auth, expect: 403 });
      await api.post('/api/v1/recognition-agreements/{id}/terminate', { params: { id: hkas.id }, auth: reg.auth, expect: 200 });
      await api.post('/api/v1/recognition-agreements/{id}/terminate', { params: { id: hkas.id }, auth: reg.auth, expect: 409 });
      expect(fieldsOf(await present(ent, report('5.1', { measuredValue: 96 }), 400))).toEqual(['agreementId']);
    });

    it('tells the assigned auditor of each report presented and the enterprise’s users of each answer, once each, and nobody else', async () => {
      // Three reports presented (5.2 accepted, 5.1 withdrawn, 5.1 again refused), the refusals above that wrote nothing: six events, all sent.
      // This audit's reports only: other suites of the run (the console's) present reports in the same database.
      const sent = await eventually(async () => {
        const [row] = await db.query(
          `SELECT count(*)::int AS n, count(*) FILTER (WHERE completed_at IS NULL)::int AS pending
             FROM outbox
            WHERE queue = 'notifications' AND payload->>'key' LIKE 'recognised-report:%'
              AND split_part(payload->>'key', ':', 2) IN (SELECT id::text FROM recognised_reports WHERE audit_id = $1)`,
          [audit.id],
        );
        return row.n > 0 && row.pending === 0 ? row.n : undefined;
      }, 'the recognised-report notifications to be sent');
      expect(sent).toBe(6);
      const told = async (who: TestUser, event: string) =>
        (await api.get('/api/v1/notifications', { query: { pageSize: 100 }, auth: who.auth, expect: 200 })).body.items.filter((n) => n.event === event);

      const presentedTo = await told(lead, 'recognised_report_presented');
      expect(presentedTo).toHaveLength(3);
      expect(new Set(presentedTo.map((n) => n.link))).toEqual(new Set([`/console/audits/${audit.id}`]));
      expect(presentedTo.filter((n) => n.body.includes('5.2') && n.body.includes('HK-2025-0042'))).toHaveLength(1);
      expect(presentedTo.filter((n) => n.body.includes('5.1') && n.body.includes('HK-2025-0043'))).toHaveLength(1);
      const number = audit.application.number;
      const withdrawnTo = await told(lead, 'recognised_report_withdrawn');
      expect(withdrawnTo).toHaveLength(1);
      expect(withdrawnTo[0]).toMatchObject({ subjectNumber: number, link: `/console/audits/${audit.id}` });
      expect(withdrawnTo[0].body).toContain('HK-2025-0041');
      expect(presentedTo[0]).toMatchObject({ subjectNumber: number, subject: `企业提交互认检测报告：${number} / Recognised report presented: ${number}` });

      for (const who of [ent, entMember]) {
        const decided = await told(who, 'recognised_report_decided');
        expect(decided).toHaveLength(2);
        expect(decided.filter((n) => n.body.includes('HK-2025-0042') && n.body.includes('已被审核员接受'))).toHaveLength(1);
        const refusal = decided.filter((n) => n.body.includes('HK-2025-0043'));
        expect(refusal).toHaveLength(1);
        expect(refusal[0].body).toContain('报告检测方法与本规范第5.1条不一致');
        expect(refusal[0].body).toContain('refused (reason: 报告检测方法与本规范第5.1条不一致)');
        expect(refusal[0].link).toBe(`/console/applications/${audit.application.id}`);
      }
      // Not the enterprise of an answer it gave, not a colleague off the audit, not the body's admin, not another organization.
      expect(await told(ent, 'recognised_report_presented')).toHaveLength(0);
      expect(await told(ent, 'recognised_report_withdrawn')).toHaveLength(0);
      expect(await told(lead, 'recognised_report_decided')).toHaveLength(0);
      for (const who of [colleague, world.cbAdmin, otherAuditor, otherEnt]) {
        const events = ['recognised_report_presented', 'recognised_report_decided', 'recognised_report_withdrawn'];
        expect((await Promise.all(events.map((e) => told(who, e)))).flat()).toEqual([]);
      }
    });

    it('is not presented once the audit is submitted or evaluated (409 naming the state)', async () => {
      await api.post('/api/v1/audits/{id}/submit', { params: { id: audit.id }, auth: lead.auth, expect: 200 });
      const ukas = (
        await api.post('/api/v1/recognition-agreements', {
          auth: reg.auth,
          body: { kind: 'scheme_certificate', party: 'CCC 强制性产品认证', region: '中国', scope: 'CCC 型式试验报告', validFrom: '2020-01-01' },
          expect: 201,
        })
      ).body;
      const late = await present(ent, report('5.1', { measuredValue: 96, agreementId: ukas.id }), 409);
      // Submitted, or evaluated already by the worker: either way no longer open.
      expect(late.body.message).toMatch(/^audit is '(submitted|evaluated)'/);
    });
  });

  describe('CSV import', () => {
    const HEADER =
      'cnas_number,name_zh,name_en,address,accredited_from,accredited_until,status,object_tested,parameter_zh,parameter_en,standard_code,clause,limits';
    const importFile = (who: TestUser, content: Buffer | string, filename = 'cnas.csv') =>
      api.http().post('/api/v1/laboratories/import').set(who.auth).attach('file', Buffer.from(content), { filename, contentType: 'text/csv' });
    const scopeOf = async (cnas: string) =>
      db.query(
        `SELECT s.parameter_zh, s.limits FROM laboratory_scope_lines s JOIN laboratories l ON l.id = s.laboratory_id WHERE l.cnas_number = $1 ORDER BY s.position`,
        [cnas],
      );

    it('adds new laboratories and replaces an existing one’s scope lines, from a UTF-8 file with BOM, all in one', async () => {
      await add(laboratory('L1201', { scopeLines: [{ objectTested: '旧产品', parameterZh: '旧参数', standardCode: 'GB 1' }] }));
      const csv = [
        HEADER,
        'CNAS L1101,深圳市计量质量检测研究院（龙华）,SMQ Longhua,深圳市龙华区,2022-01-01,2028-12-31,accredited,移动电话,待机时间,Standby time,YD/T 1539,5.3,0–200 h',
        'L1101,深圳市计量质量检测研究院（龙华）,SMQ Longhua,深圳市龙华区,2022-01-01,2028-12-31,accredited,移动电话,跌落试验,Drop test,GB/T 2423.8,,"=HYPERLINK(""http://x"")"',
        'L1201,深圳华测检测认证股份有限公司L1201,Shenzhen CTI Testing L1201,深圳市宝安区,2021-03-01,2033-02-28,suspended,家具,甲醛释放量,,GB 18580,,≤0.124 mg/m³',
      ].join('\r\n');
      const res = await importFile(reg, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]));
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ created: ['L1101'], updated: ['L1201'], scopeLines: 3 });
      expect(await scopeOf('L1101')).toEqual([
        { parameter_zh: '待机时间', limits: '0–200 h' },
        // a cell that looks like a formula is kept as the text it is
        { parameter_zh: '跌落试验', limits: '=HYPERLINK("http://x")' },
      ]);
      expect(await scopeOf('L1201')).toEqual([{ parameter_zh: '甲醛释放量', limits: '≤0.124 mg/m³' }]);
      const l1201 = (await api.get('/api/v1/laboratories', { auth: reg.auth, query: { q: 'L1201' }, expect: 200 })).body.items[0];
      expect(l1201).toMatchObject({ status: 'suspended', address: '深圳市宝安区' });
      // A file gives no dates: the laboratory it suspends is taken as suspended from today, so the status and the period agree.
      const today = await shenzhenToday(db);
      const view = (await api.get('/api/v1/laboratories/{id}', { params: { id: l1201.id }, auth: reg.auth, expect: 200 })).body;
      expect(view.suspensions).toEqual([{ from: today, until: null, reason: expect.stringContaining('imported') }]);
    });

    it('refuses a bad file whole, listing the errors by line and column, and writes nothing', async () => {
      const before = await db.query(`SELECT count(*)::int AS labs, (SELECT count(*)::int FROM laboratory_scope_lines) AS lines FROM laboratories`);
      const csv = [
        HEADER,
        'L1301,新实验室,,深圳市,2022-01-01,2028-12-31,,手机,噪声,,GB 1,,',
        'L1301,新实验室,,深圳市,2022-02-30,2028-12-31,,手机,辐射,,GB 2,,',
        'X99,坏编号,,深圳市,2022-01-01,2028-12-31,,手机,噪声,,GB 1,,',
        'L1302,另一实验室,,深圳市,2022-01-01,2028-12-31,revoked,手机,,,GB 1,,',
        'L1101,深圳市计量质量检测研究院（龙华）,,深圳市南山区,2022-01-01,2028-12-31,,手机,噪声,,GB 1,,',
        'L1303,短行',
      ].join('\n');
      const res = await importFile(reg, csv);
      expect(res.status).toBe(400);
      expect(res.body.details.errors).toEqual([
        { line: 3, column: 'accredited_from', code: 'date', params: {}, message: 'must be a date, YYYY-MM-DD' },
        { line: 4, column: 'cnas_number', code: 'cnas_number', params: {}, message: expect.stringContaining('L and 4 digits') },
        { line: 5, column: 'parameter_zh', code: 'empty', params: {}, message: 'is empty' },
        {
          line: 5,
          column: 'status',
          code: 'status',
          params: { statuses: 'accredited, suspended, withdrawn' },
          message: expect.stringContaining('accredited, suspended, withdrawn'),
        },
        { line: 7, column: null, code: 'cell_count', params: { cells: 2, expected: 13 }, message: 'has 2 cells, the header 13' },
      ]);
      expect(await db.query(`SELECT count(*)::int AS labs, (SELECT count(*)::int FROM laboratory_scope_lines) AS lines FROM laboratories`)).toEqual(before);
      // A laboratory's columns, repeated on each of its lines, must agree.
      const disagree = await importFile(
        reg,
        [HEADER, 'L1401,甲,,深圳市,2022-01-01,2028-12-31,,手机,噪声,,GB 1,,', 'L1401,甲,,广州市,2022-01-01,2028-12-31,,手机,辐射,,GB 2,,'].join('\n'),
      );
      expect(disagree.status).toBe(400);
      expect(disagree.body.details.errors).toEqual([
        { line: 3, column: 'address', code: 'differs', params: { line: 2, cnasNumber: 'L1401' }, message: 'differs from line 2 for L1401' },
      ]);
    });

    it('refuses a file with unknown or missing columns, a withdrawn laboratory, a binary file (415), an oversize one (413), and anyone but the regulator', async () => {
      const header = await importFile(reg, 'cnas_number,name_zh,phone\nL1501,甲,123\n');
      expect(header.status).toBe(400);
      expect(header.body.details.errors.map((e: { column: string }) => e.column)).toEqual([
        'phone',
        'address',
        'accredited_from',
        'accredited_until',
        'object_tested',
        'parameter_zh',
        'standard_code',
      ]);
      const withdrawn = await add(laboratory('L1502'));
      await api.post('/api/v1/laboratories/{id}/withdraw', { params: { id: withdrawn.id }, auth: reg.auth, expect: 200 });
      const back = await importFile(reg, `${HEADER}\nL1502,甲,,深圳市,2022-01-01,2028-12-31,,手机,噪声,,GB 1,,\n`);
      expect(back.status).toBe(400);
      expect(back.body.details.errors).toEqual([
        { line: 2, column: 'cnas_number', code: 'withdrawn', params: { cnasNumber: 'L1502' }, message: expect.stringContaining('withdrawn') },
      ]);
      const xlsx = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100)]);
      expect((await importFile(reg, xlsx, 'cnas.xlsx')).status).toBe(415);
      expect((await importFile(reg, Buffer.alloc(2 * 1024 * 1024 + 10, 'a'))).status).toBe(413);
      expect((await importFile(ent, `${HEADER}\n`)).status).toBe(403);
      expect((await importFile(world.cbAdmin, `${HEADER}\n`)).status).toBe(403);
      const json = await api.http().post('/api/v1/laboratories/import').set(reg.auth).send({ file: 'x' });
      expect({ status: json.status, fields: fieldsOf(json) }).toEqual({ status: 400, fields: ['file'] });
      const empty = await importFile(reg, `${HEADER}\n`);
      expect(empty.body.details.errors).toEqual([{ line: 2, column: null, code: 'no_rows', params: {}, message: expect.stringContaining('no scope lines') }]);
    });
  });
});
