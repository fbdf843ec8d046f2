import { DataSource } from 'typeorm';
import { CreditActionsService, CreditApplicationsService } from '@app/credit';
import { addWorkingDays, HolidaysService } from '@app/notifications';
import { member, organization, TestUser } from './support/actors';
import { acceptedApplication, auditedAndGranted, certificateOf, issuedCertificate, IssuedCertificate, schemeWithTeam } from './support/case';
import { startApi, TestApi } from './support/http';
import { COMMITMENT, productScope, SchemeWorld } from './support/scheme';
import { eventually, startWorker, WorkerProcess } from './support/worker';
import { daysAfter, shenzhenToday } from './support/dates';

/**
 * The credit record (issue 12, part 4): the abnormal-operations listing with its legal reason,
 * decision and appeal route, removal on application within 7 days; the serious-violation list
 * handing each valid certificate of the holder to its body for action within 5 working days, the
 * sweep reminding and escalating; credit repair ending a listing's public display; the credit
 * record and the public credit page. Dates move in the rows (SQL), never by sleeping.
 */
describe('credit record', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let db: DataSource;
  let reg: TestUser;
  let world: SchemeWorld;
  let auditor: TestUser;
  let decider: TestUser;
  let today: string;
  let n = 0;

  // Raw supertest, for the requests deliberately outside the contract (wrong types, unknown fields, NUL, overlong text).
  const post = (who: TestUser, path: string, body: object = {}) => api.http().post(path).set(who.auth).send(body);
  const fieldsOf = (body: { fields?: { field: string }[] }) => (body.fields ?? []).map((f) => f.field);
  const decision = (date = today) => ({
    number: `深市监信列〔2026〕${++n}号`,
    date,
    authority: '深圳市市场监督管理局',
    legalBasis: '《企业经营异常名录管理暂行办法》第四条',
  });
  const creditCodeOf = async (organizationId: string): Promise<string> =>
    (await db.query(`SELECT credit_code FROM organizations WHERE id = $1`, [organizationId]))[0].credit_code;
  /** The events `who` has been told of (the worker delivers them). */
  const told = async (who: TestUser) =>
    (await api.get('/api/v1/notifications', { query: { pageSize: 100 }, auth: who.auth, expect: 200 })).body.items as {
      event: string;
      subjectNumber: string | null;
      link: string;
    }[];
  const toldOf = (who: TestUser, event: string, count: number) =>
    eventually(async () => {
      const items = (await told(who)).filter((i) => i.event === event);
      return items.length >= count ? items : undefined;
    }, `${count} ${event} notification(s)`);

  /** A certificate issued to `ent` for its own new self-declaration of `models`. */
  async function certificateFor(ent: TestUser, models: string[]): Promise<IssuedCertificate> {
    const decl = await api.post('/api/v1/self-declarations', {
      auth: ent.auth,
      expect: 201,
      body: { standardId: world.standardId, productNameZh: '智能手机', productNameEn: 'Smartphone', models, keyIndicators: [], commitment: COMMITMENT },
    });
    return issuedCertificate(api, world, { ent, declarationId: decl.body.id, auditor, decider, models });
  }

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker('credit');
    db = api.app.get(DataSource);
    const team = await schemeWithTeam(api);
    reg = team.reg;
    world = team.world;
    auditor = team.auditors[0];
    decider = team.decider;
    today = await shenzhenToday(db);
  });
  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  describe('abnormal-operations listing and removal on application', () => {
    let ent: TestUser;
    let other: TestUser;
    let listingId: string;
    let applicationId: string;

    beforeAll(async () => {
      ent = await organization(api, reg, 'enterprise');
      other = await organization(api, reg, 'enterprise');
    });

    it('lists with one of the four legal reasons and a decision that states the appeal route and its deadlines', async () => {
      const d = decision();
      const { body } = await api.post('/api/v1/abnormal-operations', {
        auth: reg.auth,
        body: { enterpriseId: ent.organizationId, reason: '未按规定期限公示2025年度报告', reasonCode: 'annual_report_not_filed', decision: d },
        expect: 201,
      });
      listingId = body.id;
      const [{ litigation }] = await db.query(`SELECT ($1::date + interval '6 months')::date::text AS litigation`, [today]);
      expect(body).toMatchObject({ status: 'listed', reasonCode: 'annual_report_not_filed', publiclyDisplayed: true });
      expect(body.decision!).toMatchObject({ number: d.number, date: today, authority: d.authority, legalBasis: d.legalBasis });
      expect(body.decision!.appeal).toMatchObject({ reconsiderationUntil: await daysAfter(db, today, 60), litigationUntil: litigation });
      expect(body.decision!.appeal.textZh).toContain('行政复议');
    });

    it('refuses a listing without its decision, an unknown reason, a wrong date and a NUL, naming the field', async () => {
      const base = { enterpriseId: other.organizationId, reason: '未按规定公示' };
      expect(fieldsOf((await post(reg, '/api/v1/abnormal-operations', { ...base, reasonCode: 'false_disclosure' }).expect(400)).body)).toEqual(['decision']);
      expect(fieldsOf((await post(reg, '/api/v1/abnormal-operations', { ...base, reasonCode: 'late', decision: decision() }).expect(400)).body)).toEqual([
        'reasonCode',
      ]);
      const badDate = await post(reg, '/api/v1/abnormal-operations', {
        ...base,
        reasonCode: 'false_disclosure',
        decision: { ...decision(), date: '2026-02-30' },
      });
      expect(badDate.status).toBe(400);
      expect(fieldsOf(badDate.body)).toEqual(['decision.date']);
      const nul = await post(reg, '/api/v1/abnormal-operations', {
        ...base,
        reasonCode: 'false_disclosure',
        decision: { ...decision(), authority: '深圳\u0000' },
      });
      expect(nul.status).toBe(400);
      expect(fieldsOf(nul.body)).toEqual(['decision.authority']);
    });

    it('takes the removal application of the listed enterprise, due in 7 days, once', async () => {
      const body = {
        kind: 'removal',
        listingKind: 'abnormal_operations',
        listingId,
        reason: '已补报年度报告',
        corrections: '2026年补报2025年度报告并公示',
      } as const;
      const { body: app } = await api.post('/api/v1/credit-applications', { auth: ent.auth, body, expect: 201 });
      applicationId = app.id;
      expect(app).toMatchObject({ kind: 'removal', status: 'pending', dueOn: await daysAfter(db, today, 7), overdue: false, decidedAt: null });
      const again = await api.post('/api/v1/credit-applications', { auth: ent.auth, body, expect: 409 });
      expect(again.body.message).toContain('pending');
      // another enterprise's listing is not found; the regulator and a body do not apply
      await api.post('/api/v1/credit-applications', { auth: other.auth, body, expect: 404 });
      await api.post('/api/v1/credit-applications', { auth: reg.auth, body, expect: 403 });
      await api.post('/api/v1/credit-applications', { auth: world.cbAdmin.auth, body, expect: 403 });
      // a removal is for abnormal-operations listings; unknown fields and overlong text are refused by name
      expect(fieldsOf((await post(ent, '/api/v1/credit-applications', { ...body, listingKind: 'serious_violation' }).expect(400)).body)).toEqual([
        'listingKind',
      ]);
      expect(fieldsOf((await post(ent, '/api/v1/credit-applications', { ...body, decidedBy: 'me' }).expect(400)).body)).toEqual(['decidedBy']);
      expect(fieldsOf((await post(ent, '/api/v1/credit-applications', { ...body, corrections: 'x'.repeat(4001) }).expect(400)).body)).toEqual(['corrections']);
    });

    it('shows the application to its enterprise and the regulator, not to another enterprise', async () => {
      const params = { id: applicationId };
      expect((await api.get('/api/v1/credit-applications/{id}', { params, auth: ent.auth, expect: 200 })).body.status).toBe('pending');
      await api.get('/api/v1/credit-applications/{id}', { params, auth: other.auth, expect: 404 });
      await api.get('/api/v1/credit-applications/{id}', { params, auth: world.cbAdmin.auth, expect: 403 });
      const mine = await api.get('/api/v1/credit-applications', { auth: other.auth, expect: 200 });
      expect(mine.body.items.map((a: { id: string }) => a.id)).not.toContain(applicationId);
    });

    it('flags to the regulator, once, an application undecided past its 7 days', async () => {
      await db.query(`UPDATE credit_applications SET due_on = $2::date - 1 WHERE id = $1`, [applicationId, today]);
      const sweep = api.app.get(CreditApplicationsService);
      await sweep.sweepOverdue();
      await sweep.sweepOverdue(); // a second round (the worker's too) tells nobody again
      const overdue = await api.get('/api/v1/credit-applications', { query: { overdue: true, pageSize: 100 }, auth: reg.auth, expect: 200 });
      expect(overdue.body.items.find((a: { id: string }) => a.id === applicationId)).toMatchObject({ overdue: true, status: 'pending' });
      const flags = await toldOf(reg, 'credit_application_overdue', 1);
      expect(flags.filter((f) => f.link === `/console/credit-applications/${applicationId}`)).toHaveLength(1);
    });

    it('is decided by the regulator only: granted, the listing comes off the list; a second decision is a 409 naming the state', async () => {
      const params = { id: applicationId };
      await api.post('/api/v1/credit-applications/{id}/grant', { params, auth: ent.auth, body: {}, expect: 403 });
      const { body } = await api.post('/api/v1/credit-applications/{id}/grant', {
        params,
        auth: reg.auth,
        body: { reason: '已补报并公示年度报告' },
        expect: 200,
      });
      expect(body).toMatchObject({ status: 'granted', overdue: false, decisionReason: '已补报并公示年度报告' });
      const again = await api.post('/api/v1/credit-applications/{id}/refuse', { params, auth: reg.auth, body: { reason: '重复' }, expect: 409 });
      expect(again.body.message).toContain("'granted'");
      const removed = await api.get('/api/v1/abnormal-operations', { query: { enterpriseId: ent.organizationId, status: 'removed' }, expect: 200 });
      expect(removed.body.items[0]).toMatchObject({ id: listingId, status: 'removed', removedReason: '已补报并公示年度报告' });
      await toldOf(ent, 'credit_application_decided', 1);
      // removal applies to a listed one only
      await api.post('/api/v1/credit-applications', {
        auth: ent.auth,
        body: { kind: 'removal', listingKind: 'abnormal_operations', listingId, reason: '再次申请', corrections: '无新的更正' },
        expect: 409,
      });
    });

    it('refuses a removal with its reason, shown to the enterprise', async () => {
      const e = await organization(api, reg, 'enterprise');
      const listed = await api.post('/api/v1/abnormal-operations', {
        auth: reg.auth,
        body: { enterpriseId: e.organizationId, reason: '通过登记的住所无法联系', reasonCode: 'unreachable_at_address', decision: decision() },
        expect: 201,
      });
      const app = await api.post('/api/v1/credit-applications', {
        auth: e.auth,
        body: { kind: 'removal', listingKind: 'abnormal_operations', listingId: listed.body.id, reason: '已变更住所', corrections: '住所已变更登记' },
        expect: 201,
      });
      await post(reg, `/api/v1/credit-applications/${app.body.id}/refuse`, {}).expect(400); // raw: the reason is required
      await api.post('/api/v1/credit-applications/{id}/refuse', {
        params: { id: app.body.id },
        auth: reg.auth,
        body: { reason: '实地核查仍无法联系' },
        expect: 200,
      });
      const seen = await api.get('/api/v1/credit-applications/{id}', { params: { id: app.body.id }, auth: e.auth, expect: 200 });
      expect(seen.body).toMatchObject({ status: 'refused', decisionReason: '实地核查仍无法联系' });
      expect((await api.get('/api/v1/abnormal-operations', { query: { enterpriseId: e.organizationId }, expect: 200 })).body.items[0].status).toBe('listed');
    });
  });

  describe('a serious-violation listing and its effects on certification', () => {
    let holder: TestUser;
    let acted: IssuedCertificate;
    let leftAlone: IssuedCertificate;
    let listingId: string;
    let dueOn: string;
    let otherBody: TestUser;
    let auditorOfBody: TestUser;
    const actionOf = async (certificateId: string, who: TestUser = world.cbAdmin) => {
      const { body } = await api.get('/api/v1/credit-actions', { query: { pageSize: 100 }, auth: who.auth, expect: 200 });
      const found = body.items.find((a) => a.certificate.id === certificateId);
      if (!found) throw new Error(`no credit action for certificate ${certificateId}`);
      return found;
    };

    beforeAll(async () => {
      holder = await organization(api, reg, 'enterprise');
      acted = await certificateFor(holder, ['SV-A1']);
      leftAlone = await certificateFor(holder, ['SV-B1']);
      otherBody = await organization(api, reg, 'certification_body');
      auditorOfBody = await member(api, world.cbAdmin, ['auditor']);
      const calendar = await api.app.get(HolidaysService).calendar(today, await daysAfter(db, today, 40));
      dueOn = addWorkingDays(today, 5, calendar);
    });

    it('lists the holder (regulator only) and hands each valid certificate to its body, due in 5 working days', async () => {
      const body = { enterpriseId: holder.organizationId, reason: '提供虚假材料骗取认证证书', decision: decision() };
      await api.post('/api/v1/serious-violations', { auth: holder.auth, body, expect: 403 });
      await api.post('/api/v1/serious-violations', { auth: world.cbAdmin.auth, body, expect: 403 });
      const { body: listing } = await api.post('/api/v1/serious-violations', { auth: reg.auth, body, expect: 201 });
      listingId = listing.id;
      expect(listing).toMatchObject({ kind: 'serious_violation', status: 'listed', creditActions: 2, openCreditActions: 2, publiclyDisplayed: true });
      expect(listing.decision!.appeal.reconsiderationUntil).toBe(await daysAfter(db, today, 60));
      for (const cert of [acted, leftAlone]) {
        expect(await actionOf(cert.id)).toMatchObject({
          status: 'open',
          dueOn,
          overdue: false,
          outcome: null,
          listingId,
          certificate: { number: cert.number },
        });
      }
      const due = await toldOf(world.cbAdmin, 'credit_action_due', 2);
      expect(due.map((d) => d.subjectNumber).sort()).toEqual([acted.number, leftAlone.number].sort());
    });

    it("shows the listing on the holder's certificate records, JSON and both languages of the page", async () => {
      const record = await api.get('/api/v1/registry/certificates/{number}', { params: { number: acted.number }, expect: 200 });
      expect(record.body.holderListings).toEqual([{ kind: 'serious_violation', since: today }]);
      const zh = await api.http().get(`/registry/${acted.number}`).expect(200);
      expect(zh.text).toContain(`持证企业自 <time datetime="${today}">${today}</time> 起被列入严重违法失信名单`);
      expect(zh.text).toContain(`href="/credit/${await creditCodeOf(holder.organizationId)}"`);
      const en = await api.http().get(`/registry/${acted.number}?lang=en`).expect(200);
      expect(en.text).toContain('The holder has been on the serious-violation list since');
    });

    it('refuses a second listing in force (409) and bad input naming the field', async () => {
      const again = await post(reg, '/api/v1/serious-violations', { enterpriseId: holder.organizationId, reason: '再次列入', decision: decision() }).expect(
        409,
      );
      expect(fieldsOf(again.body)).toEqual(['enterpriseId']);
      expect(fieldsOf((await post(reg, '/api/v1/serious-violations', { enterpriseId: holder.organizationId, reason: '缺少决定' }).expect(400)).body)).toEqual([
        'decision',
      ]);
      const notEnterprise = await post(reg, '/api/v1/serious-violations', { enterpriseId: world.certificationBodyId, reason: '机构', decision: decision() });
      expect(notEnterprise.status).toBe(400);
      expect(fieldsOf(notEnterprise.body)).toEqual(['enterpriseId']);
      const long = await post(reg, '/api/v1/serious-violations', { enterpriseId: holder.organizationId, reason: '长'.repeat(2001), decision: decision() });
      expect(fieldsOf(long.body)).toEqual(['reason']);
      const wrongType = await post(reg, '/api/v1/serious-violations', { enterpriseId: holder.organizationId, reason: 42, decision: decision() });
      expect(fieldsOf(wrongType.body)).toEqual(['reason']);
    });

    it('refuses new applications of the listed holder', async () => {
      const decl = await api.post('/api/v1/self-declarations', {
        auth: holder.auth,
        expect: 201,
        body: {
          standardId: world.standardId,
          productNameZh: '智能手机',
          productNameEn: 'Smartphone',
          models: ['SV-C1'],
          keyIndicators: [],
          commitment: COMMITMENT,
        },
      });
      const draft = await api.post('/api/v1/applications', {
        auth: holder.auth,
        expect: 201,
        body: {
          catalogueEntryId: world.entryId,
          selfDeclarationId: decl.body.id,
          certificationBodyId: world.certificationBodyId,
          scope: productScope(['SV-C1']),
        },
      });
      const res = await api.post('/api/v1/applications/{id}/submit', { params: { id: draft.body.id }, auth: holder.auth, expect: 422 });
      expect(res.body.details?.['failedChecks']).toEqual(['enterprise_not_seriously_listed']);
      expect(res.body.message).toContain('提供虚假材料骗取认证证书');
    });

    it('lets only the certificate’s body record the action; another body and the holder get 404, an auditor 403', async () => {
      const action = await actionOf(acted.id);
      const body = { action: 'suspend', publicReason: 'other', privateNote: '持证人被列入严重违法失信名单' } as const;
      await api.post('/api/v1/credit-actions/{id}/record', { params: { id: action.id }, auth: otherBody.auth, body, expect: 404 });
      await api.get('/api/v1/credit-actions/{id}', { params: { id: action.id }, auth: otherBody.auth, expect: 404 });
      await api.post('/api/v1/credit-actions/{id}/record', { params: { id: action.id }, auth: holder.auth, body, expect: 403 });
      await api.post('/api/v1/credit-actions/{id}/record', { params: { id: action.id }, auth: auditorOfBody.auth, body, expect: 403 });
      const path = `/api/v1/credit-actions/${action.id}/record`;
      expect(fieldsOf((await post(world.cbAdmin, path, { ...body, action: 'cancel' }).expect(400)).body)).toEqual(['action']);
      expect(fieldsOf((await post(world.cbAdmin, path, { ...body, outcome: 'suspended' }).expect(400)).body)).toEqual(['outcome']);
      expect(fieldsOf((await post(world.cbAdmin, path, { ...body, privateNote: 'a\u0000b' }).expect(400)).body)).toEqual(['privateNote']);
      await post(world.cbAdmin, '/api/v1/credit-actions/not-a-uuid/record', body).expect(400);
      expect((await actionOf(acted.id)).status).toBe('open');
    });

    it('closes the action when the body suspends the certificate, recording which and when', async () => {
      const action = await actionOf(acted.id);
      const { body } = await api.post('/api/v1/credit-actions/{id}/record', {
        params: { id: action.id },
        auth: world.cbAdmin.auth,
        body: { action: 'suspend', publicReason: 'other', privateNote: '持证人被列入严重违法失信名单' },
        expect: 200,
      });
      expect(body).toMatchObject({ status: 'done', outcome: 'suspended', overdue: false, certificate: { status: 'suspended' } });
      expect(body.doneAt).not.toBeNull();
      const cert = await api.get('/api/v1/certificates/{id}', { params: { id: acted.id }, auth: world.cbAdmin.auth, expect: 200 });
      expect(cert.body.history.at(-1)).toMatchObject({ action: 'suspend', to: 'suspended', publicReason: 'other' });
      const twice = await api.post('/api/v1/credit-actions/{id}/record', {
        params: { id: action.id },
        auth: world.cbAdmin.auth,
        body: { action: 'withdraw', publicReason: 'other' },
        expect: 409,
      });
      expect(twice.body.message).toContain("'done'");
    });

    it('reminds the body and escalates to the regulator, once, when the other certificate is left past its due date', async () => {
      const action = await actionOf(leftAlone.id);
      await db.query(`UPDATE credit_actions SET due_on = $2::date - 1 WHERE id = $1`, [action.id, today]);
      const sweep = api.app.get(CreditActionsService);
      await sweep.sweep();
      await sweep.sweep(); // a second round (the worker's too) tells nobody again
      const late = await actionOf(leftAlone.id);
      expect(late).toMatchObject({ status: 'open', overdue: true });
      expect(late.escalatedAt).not.toBeNull();
      const flagged = await api.get('/api/v1/credit-actions', { query: { overdue: true, pageSize: 100 }, auth: reg.auth, expect: 200 });
      expect(flagged.body.items.map((a: { id: string }) => a.id)).toContain(action.id);
      const reminders = await toldOf(world.cbAdmin, 'credit_action_overdue', 1);
      expect(reminders.filter((r) => r.subjectNumber === leftAlone.number)).toHaveLength(1);
      const escalations = (await toldOf(reg, 'credit_action_escalated', 1)).filter((r) => r.subjectNumber === leftAlone.number);
      expect(escalations).toHaveLength(1);
      // the first, done in time, was never reminded
      expect(reminders.filter((r) => r.subjectNumber === acted.number)).toHaveLength(0);
    });

    it('closes a late action when the body withdraws the certificate on its own route', async () => {
      await api.post('/api/v1/certificates/{id}/withdraw', {
        params: { id: leftAlone.id },
        auth: world.cbAdmin.auth,
        body: { publicReason: 'other', privateNote: '严重违法失信' },
        expect: 200,
      });
      await api.app.get(CreditActionsService).sweep();
      expect(await actionOf(leftAlone.id)).toMatchObject({ status: 'done', outcome: 'withdrawn', overdue: false });
    });

    it('keeps the credit record for the regulator and the holder only', async () => {
      const params = { enterpriseId: holder.organizationId };
      const { body } = await api.get('/api/v1/credit-records/{enterpriseId}', { params, auth: holder.auth, expect: 200 });
      expect(body.listings.map((l: { kind: string; id: string }) => [l.kind, l.id])).toEqual([['serious_violation', listingId]]);
      expect(body.creditActions.map((a) => a.outcome).sort()).toEqual(['suspended', 'withdrawn']);
      expect(body.withdrawnCertificates.map((c: { number: string }) => c.number)).toEqual([leftAlone.number]);
      expect(body.inspectionResults).toEqual([]);
      expect((await api.get('/api/v1/credit-records/{enterpriseId}', { params, auth: reg.auth, expect: 200 })).body.enterprise.id).toBe(holder.organizationId);
      await api.get('/api/v1/credit-records/{enterpriseId}', { params, auth: world.cbAdmin.auth, expect: 404 });
      const stranger = await organization(api, reg, 'enterprise');
      await api.get('/api/v1/credit-records/{enterpriseId}', { params, auth: stranger.auth, expect: 404 });
      await api.http().get('/api/v1/credit-records/nope').set(reg.auth).expect(400);
    });

    it('shows the listing in force and the certificates on the public credit page; credit repair hides it after the minimum display', async () => {
      const creditCode = await creditCodeOf(holder.organizationId);
      const page = await api.get('/api/v1/public/credit/{creditCode}', { params: { creditCode }, expect: 200 });
      expect(page.body.enterprise).toEqual({ nameZh: expect.any(String), nameEn: expect.any(String), creditCode });
      expect(page.body.listings).toEqual([expect.objectContaining({ kind: 'serious_violation', reason: '提供虚假材料骗取认证证书' })]);
      expect(page.body.certificates.map((c: { number: string; status: string }) => [c.number, c.status]).sort()).toEqual(
        [
          [acted.number, 'suspended'],
          [leftAlone.number, 'withdrawn'],
        ].sort(),
      );
      expect(JSON.stringify(page.body)).not.toMatch(/contact|address|listedBy|@test\.szs/i);

      const repair = {
        kind: 'repair',
        listingKind: 'serious_violation',
        listingId,
        reason: '已整改并履行全部义务',
        corrections: '已退回证书并公开承诺',
      } as const;
      const early = await api.post('/api/v1/credit-applications', { auth: holder.auth, body: repair, expect: 422 });
      expect(early.body.message).toContain('12 months');
      // The rule by its code and values too, for a console to say it in the person's language.
      expect(early.body.details).toMatchObject({ rule: 'repair_too_early', months: 12, from: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
      await db.query(`UPDATE serious_violation_listings SET listed_at = listed_at - interval '13 months' WHERE id = $1`, [listingId]);
      const app = await api.post('/api/v1/credit-applications', { auth: holder.auth, body: repair, expect: 201 });
      await api.post('/api/v1/credit-applications/{id}/grant', { params: { id: app.body.id }, auth: reg.auth, body: {}, expect: 200 });

      expect((await api.get('/api/v1/public/credit/{creditCode}', { params: { creditCode }, expect: 200 })).body.listings).toEqual([]);
      expect((await api.get('/api/v1/registry/certificates/{number}', { params: { number: acted.number }, expect: 200 })).body.holderListings).toEqual([]);
      const record = await api.get('/api/v1/credit-records/{enterpriseId}', { params: { enterpriseId: holder.organizationId }, auth: reg.auth, expect: 200 });
      expect(record.body.listings[0]).toMatchObject({ id: listingId, status: 'listed', publiclyDisplayed: false });
      // repaired once: a second repair has nothing to hide
      await api.post('/api/v1/credit-applications', { auth: holder.auth, body: repair, expect: 422 });
    });

    it('answers 404 for an unknown credit code and 400 for a malformed one', async () => {
      await api.http().get('/api/v1/public/credit/91440300MA5XXXXXX0').expect(404);
      const bad = await api.http().get('/api/v1/public/credit/abc').expect(400);
      expect(fieldsOf(bad.body)).toEqual(['creditCode']);
    });
  });

  describe('a certificate issued after its holder was listed', () => {
    it('goes to its body too, by the sweep, once', async () => {
      const ent = await organization(api, reg, 'enterprise');
      const decl = await api.post('/api/v1/self-declarations', {
        auth: ent.auth,
        expect: 201,
        body: {
          standardId: world.standardId,
          productNameZh: '智能手机',
          productNameEn: 'Smartphone',
          models: ['LT-1'],
          keyIndicators: [],
          commitment: COMMITMENT,
        },
      });
      // the application was under way when the holder was listed
      const applicationId = await acceptedApplication(api, world, ent, decl.body.id, ['LT-1']);
      const listing = await api.post('/api/v1/serious-violations', {
        auth: reg.auth,
        body: { enterpriseId: ent.organizationId, reason: '拒不履行行政处罚决定', decision: decision() },
        expect: 201,
      });
      expect(listing.body.creditActions).toBe(0);
      await auditedAndGranted(api, world, ent, applicationId, [auditor], decider);
      const cert = await certificateOf(api, ent, applicationId);
      await api.app.get(CreditActionsService).sweep();
      await api.app.get(CreditActionsService).sweep();
      const actions = await api.get('/api/v1/credit-actions', { query: { pageSize: 100 }, auth: ent.auth, expect: 200 });
      expect(actions.body.items.map((a) => [a.certificate.number, a.listingId, a.status])).toEqual([[cert.number, listing.body.id, 'open']]);
    });
  });

  describe('credit repair of an abnormal-operations listing', () => {
    it('is refused while the listing is in force, and hides a removed listing from the public list once granted', async () => {
      const e = await organization(api, reg, 'enterprise');
      const { body: listing } = await api.post('/api/v1/abnormal-operations', {
        auth: reg.auth,
        body: { enterpriseId: e.organizationId, reason: '隐瞒真实情况、弄虚作假', reasonCode: 'false_disclosure', decision: decision() },
        expect: 201,
      });
      const repair = {
        kind: 'repair',
        listingKind: 'abnormal_operations',
        listingId: listing.id,
        reason: '已更正公示信息',
        corrections: '更正后的信息已公示',
      } as const;
      const refused = await api.post('/api/v1/credit-applications', { auth: e.auth, body: repair, expect: 422 });
      expect(refused.body.message).toContain('removed');
      await api.post('/api/v1/abnormal-operations/{id}/remove', { params: { id: listing.id }, auth: reg.auth, body: { reason: '已更正' }, expect: 200 });
      const app = await api.post('/api/v1/credit-applications', { auth: e.auth, body: repair, expect: 201 });
      await api.post('/api/v1/credit-applications/{id}/grant', { params: { id: app.body.id }, auth: reg.auth, body: {}, expect: 200 });
      const shown = await api.get('/api/v1/abnormal-operations', { query: { enterpriseId: e.organizationId, status: 'removed' }, expect: 200 });
      expect(shown.body.total).toBe(0);
      const record = await api.get('/api/v1/credit-records/{enterpriseId}', { params: { enterpriseId: e.organizationId }, auth: e.auth, expect: 200 });
      expect(record.body.listings[0]).toMatchObject({ id: listing.id, status: 'removed', publiclyDisplayed: false });
    });
  });
});
