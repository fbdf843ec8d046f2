import { DataSource } from 'typeorm';
import { TestUser, member, organization, regulator } from './support/actors';
import { acceptedApplication, applicationStatus, certifiedEnterprise, IssuedCertificate, plannedAudit, recordAllFindings } from './support/case';
import { PUBLIC_FILING_QUOTAS, startApi, TestApi } from './support/http';
import { COMMITMENT, productScope, SchemeWorld, schemeWorld } from './support/scheme';
import { eventually, startWorker, withinASecond, WorkerProcess } from './support/worker';

/**
 * Appeals (ISO/IEC 17065 7.13) against a body's decisions, walked from a complaint: complaint →
 * special audit → suspension (the complainant told the outcome) → appeal → refused to someone
 * involved → upheld by an independent decision maker → restored, the public record right at each step.
 */
describe('appeals', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let reg: TestUser;
  let world: SchemeWorld;
  let auditor: TestUser;
  let decider: TestUser;
  let independent: TestUser;
  let cert: IssuedCertificate;
  let db: DataSource;

  const certificateStatus = async (c: IssuedCertificate) =>
    (await api.http().get(`/api/v1/certificates/${c.id}`).set(c.ent.auth).expect(200)).body.status as string;
  const lodge = (who: TestUser, body: Record<string, unknown>, expect: number) => api.http().post('/api/v1/appeals').set(who.auth).send(body).expect(expect);
  /** A new enterprise with a self-declaration to apply with. */
  async function declaringEnterprise(): Promise<{ ent: TestUser; declarationId: string }> {
    const ent = await organization(api, reg, 'enterprise');
    const decl = await api
      .http()
      .post('/api/v1/self-declarations')
      .set(ent.auth)
      .send({
        standardId: world.standardId,
        productNameZh: '智能手机',
        productNameEn: 'Smartphone',
        models: ['HQ-X1'],
        keyIndicators: [],
        commitment: COMMITMENT,
      })
      .expect(201);
    return { ent, declarationId: decl.body.id };
  }
  const publicRecord = async () => (await api.get('/api/v1/registry/certificates/{number}', { params: { number: cert.number }, expect: 200 })).body;
  const verifiedStatus = async () => (await api.get('/api/v1/verify/{code}', { params: { code: cert.number }, expect: 200 })).body.status;
  /** What the complainant sees looking the walk's complaint up by its reference and e-mail. */
  let complaintReference: string;
  const complaintLookup = async () =>
    (await api.post('/api/v1/public/complaints/lookup', { body: { reference: complaintReference, email: 'walk@example.cn' }, expect: 200 })).body;
  const outbox = (key: string): Promise<{ event: string; audience: unknown[] }[]> =>
    db.query(`SELECT payload->>'event' AS event, payload->'audience' AS audience FROM outbox WHERE job_name = 'notify' AND payload->>'key' = $1`, [key]);

  beforeAll(async () => {
    api = await startApi(PUBLIC_FILING_QUOTAS);
    db = api.app.get(DataSource);
    worker = await startWorker('appeals');
    reg = await regulator(api);
    world = await schemeWorld(api, reg);
    auditor = await member(api, world.cbAdmin, ['auditor']);
    decider = await member(api, world.cbAdmin, ['decision_maker']);
    independent = await member(api, world.cbAdmin, ['decision_maker']);
    cert = await certifiedEnterprise(
      api,
      reg,
      world,
      { nameZh: '深圳市申诉测试电子有限公司', nameEn: 'Shenzhen Appeal Test Electronics' },
      { auditor, decider },
    );
  }, 180_000);

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  it('walks a complaint → special audit → suspension, the complainant told → appeal upheld by an independent person → restored; an involved person is refused', async () => {
    // The complaint, investigated by someone not involved.
    const filed = await api
      .http()
      .post('/api/v1/public/complaints')
      .send({ about: 'product', certificateNumber: cert.number, description: '产品待机时间远低于标准要求。', email: 'walk@example.cn' })
      .expect(201);
    const [{ id: complaintId }] = await db.query(`SELECT id FROM complaints WHERE reference = $1`, [filed.body.reference]);
    complaintReference = filed.body.reference;
    const investigator = await member(api, world.cbAdmin, ['reviewer']);
    await api.http().post(`/api/v1/complaints/${complaintId}/investigator`).set(world.cbAdmin.auth).send({ investigatorId: investigator.userId }).expect(200);

    // A special, unannounced audit: the worker plans it through the planner.
    await api
      .http()
      .post(`/api/v1/complaints/${complaintId}/special-audit`)
      .set(world.cbAdmin.auth)
      .send({ unannounced: true, reason: '核实待机时间' })
      .expect(200);
    const special = await eventually(async () => {
      const res = await api.http().get('/api/v1/audits').query({ applicationId: cert.applicationId }).set(world.cbAdmin.auth).expect(200);
      return res.body.items.find((a: { kind: string }) => a.kind === 'special');
    }, 'the special audit');
    const [planned] = await db.query(`SELECT trigger, source_id, unannounced, certificate_id FROM audits WHERE id = $1`, [special.id]);
    expect(planned).toEqual({ trigger: 'complaint', source_id: complaintId, unannounced: true, certificate_id: cert.id });
    // The complainant, looking it up, sees it is being handled and no outcome yet.
    const handling = await complaintLookup();
    expect(handling).toMatchObject({ status: 'under_investigation', outcome: null });

    // The auditor carries it out: the critical measured requirement falls short. Public: the date and "failed", nothing more.
    await api.http().post(`/api/v1/audits/${special.id}/start`).set(auditor.auth).expect(200);
    await recordAllFindings(api, auditor, special.id, (r) => r.min! - 10);
    await api.http().post(`/api/v1/audits/${special.id}/submit`).set(auditor.auth).expect(200);
    const audited = await eventually(async () => {
      const r = await publicRecord();
      return r.history.at(-1)?.event === 'special_audit_failed' ? r : undefined;
    }, 'the special audit to be evaluated');
    expect(audited).toMatchObject({ status: 'valid', lifecycle: { surveillance: { lastOutcome: 'failed' } } });
    expect(JSON.stringify(audited)).not.toMatch(/finding|auditor/i);

    // The body suspends the certificate through the complaint.
    const suspended = await api
      .http()
      .post(`/api/v1/complaints/${complaintId}/suspend-certificate`)
      .set(world.cbAdmin.auth)
      .send({ publicReason: 'nonconforming_product', privateNote: '特殊审核确认待机时间不达标' })
      .expect(200);
    expect(suspended.body.timeline.map((e: { action: string }) => e.action)).toEqual([
      'receive',
      'acknowledge',
      'assign_investigator',
      'request_special_audit',
      'suspend_certificate',
    ]);
    expect(await certificateStatus(cert)).toBe('suspended');
    // Publicly: suspended, with the public reason only; a check of its number says so within a second.
    const publicSuspension = await publicRecord();
    expect(publicSuspension.status).toBe('suspended');
    expect(publicSuspension.history.at(-1)).toMatchObject({ event: 'suspend', status: 'suspended', publicReason: 'nonconforming_product' });
    expect(JSON.stringify(publicSuspension)).not.toContain('特殊审核确认待机时间不达标');
    await withinASecond(async () => ((await verifiedStatus()) === 'suspended' ? true : undefined), 'the verification answer to say suspended');

    // The complaint is resolved with its outcome and actions, and closed: the complainant is told (by e-mail, and by looking it up).
    await api
      .http()
      .post(`/api/v1/complaints/${complaintId}/resolve`)
      .set(world.cbAdmin.auth)
      .send({ outcome: 'upheld', findings: '特殊审核确认待机时间低于标准要求。', actions: '证书已暂停，待企业整改。' })
      .expect(200);
    expect((await complaintLookup()).outcome).toBeNull(); // not told until closed
    const closed = await api.http().post(`/api/v1/complaints/${complaintId}/close`).set(world.cbAdmin.auth).send({ message: '感谢您的投诉。' }).expect(200);
    expect(closed.body.timeline.at(-1)).toMatchObject({ action: 'close', to: 'closed' });
    expect(await complaintLookup()).toMatchObject({ status: 'closed', outcome: 'upheld', closedAt: expect.any(String) });
    expect(await outbox(`complaint:${complaintId}:outcome`)).toEqual([
      { event: 'complaint_outcome', audience: [{ email: 'walk@example.cn', language: 'zh' }] },
    ]);

    // The enterprise appeals the suspension; the body is told.
    const appeal = await lodge(cert.ent, { certificateId: cert.id, grounds: '特殊审核的样品并非认证型号，请重新判定。' }, 201);
    expect(appeal.body).toMatchObject({
      status: 'lodged',
      certificate: { id: cert.id, status: 'suspended' },
      decision: { kind: 'certificate', action: 'suspend' },
    });
    expect(appeal.body.reference).toMatch(/^APL-\d{4}-\d{6}-[0-9A-Z]$/);
    expect(await outbox(`appeal:${appeal.body.id}:received`)).toEqual([
      { event: 'appeal_received', audience: [{ organizationId: world.certificationBodyId, roles: ['cb_admin'] }] },
    ]);
    const id = appeal.body.id;
    expect((await lodge(cert.ent, { certificateId: cert.id, grounds: '再次申诉同一暂停决定。' }, 409)).body.error).toBe('ALREADY_EXISTS');
    // An appeal lodged lifts nothing: the public record stays suspended until it is decided.
    expect((await publicRecord()).status).toBe('suspended');

    // Not yet under consideration: deciding is a 409 naming the state.
    const early = await api.http().post(`/api/v1/appeals/${id}/decision`).set(independent.auth).send({ outcome: 'upheld', rationale: '样品不符' }).expect(409);
    expect(early.body.error).toBe('ILLEGAL_TRANSITION');
    expect(early.body.message).toContain("'lodged'");

    // Whoever took part in the decision is refused, with the rule named: the suspender, the special audit's auditor.
    for (const involved of [world.cbAdmin, auditor]) {
      const refused = await api.http().post(`/api/v1/appeals/${id}/assign`).set(world.cbAdmin.auth).send({ handlerId: involved.userId });
      if (involved === auditor) {
        expect(refused.status).toBe(400); // an auditor cannot decide at all
        continue;
      }
      expect(refused.status).toBe(403);
      expect(refused.body.error).toBe('APPEAL_NOT_IMPARTIAL');
      expect(refused.body.message).toContain('impartiality rule');
    }
    await api.http().post(`/api/v1/appeals/${id}/assign`).set(world.cbAdmin.auth).send({ handlerId: independent.userId }).expect(200);
    const byInvolved = await api
      .http()
      .post(`/api/v1/appeals/${id}/decision`)
      .set(world.cbAdmin.auth)
      .send({ outcome: 'dismissed', rationale: '维持原决定' })
      .expect(403);
    expect(byInvolved.body.error).toBe('APPEAL_NOT_IMPARTIAL');
    expect(byInvolved.body.message).toContain('took no part in the decision appealed');
    expect((await publicRecord()).status).toBe('suspended');
    // A decision maker not assigned to it may not decide it either.
    await api
      .http()
      .post(`/api/v1/appeals/${id}/decision`)
      .set((await member(api, world.cbAdmin, ['decision_maker'])).auth)
      .send({ outcome: 'dismissed', rationale: 'x' })
      .expect(403);

    const upheld = await api
      .http()
      .post(`/api/v1/appeals/${id}/decision`)
      .set(independent.auth)
      .send({ outcome: 'upheld', rationale: '抽样错误，暂停依据不成立。' })
      .expect(200);
    expect(upheld.body).toMatchObject({ status: 'upheld', decidedBy: { id: independent.userId }, certificate: { status: 'valid' } });
    expect(upheld.body.timeline.map((e: { action: string; to: string }) => `${e.action}>${e.to}`)).toEqual([
      'lodge>lodged',
      'assign>under_consideration',
      'uphold>upheld',
    ]);
    expect(upheld.body.timeline[2].reason).toContain('suspended → valid');
    expect(await certificateStatus(cert)).toBe('valid');
    expect(await outbox(`appeal:${id}:outcome`)).toEqual([
      { event: 'appeal_outcome', audience: [{ organizationId: cert.ent.organizationId, roles: ['enterprise_admin'] }] },
    ]);

    // The public history says the appeal was upheld, in JSON and on the page in both languages.
    const record = await eventually(async () => {
      const res = await api.http().get(`/api/v1/registry/certificates/${cert.number}`).expect(200);
      return res.body.status === 'valid' ? res.body : undefined;
    }, 'the registry to show the restoration');
    expect(record.history.slice(-2).map((h: { event: string; publicReason: string }) => `${h.event}:${h.publicReason}`)).toEqual([
      'suspend:nonconforming_product',
      'restore:appeal_upheld',
    ]);
    expect((await api.http().get(`/registry/${cert.number}`).expect(200)).text).toContain('申诉成立');
    expect((await api.http().get(`/registry/${cert.number}`).query({ lang: 'en' }).expect(200)).text).toContain('Appeal upheld');
    await withinASecond(async () => ((await verifiedStatus()) === 'valid' ? true : undefined), 'the verification answer to say valid again');
    await api.http().post(`/api/v1/appeals/${id}/decision`).set(independent.auth).send({ outcome: 'dismissed', rationale: 'x' }).expect(409);
  });

  it('refuses an appeal after the appeal period, and reinstates a withdrawal on an upheld one', async () => {
    await api.http().post(`/api/v1/certificates/${cert.id}/suspend`).set(world.cbAdmin.auth).send({ publicReason: 'misuse_of_mark' }).expect(200);
    // The suspension happened 31 days ago.
    await db.query(
      `UPDATE certificate_events SET created_at = created_at - interval '31 days' WHERE id = (SELECT max(id) FROM certificate_events WHERE certificate_id = $1)`,
      [cert.id],
    );
    const late = await lodge(cert.ent, { certificateId: cert.id, grounds: '迟到的申诉：暂停决定有误。' }, 422);
    expect(late.body.error).toBe('APPEAL_PERIOD_ENDED');
    expect(late.body.message).toContain('30 days');

    await api.http().post(`/api/v1/certificates/${cert.id}/withdraw`).set(world.cbAdmin.auth).send({ publicReason: 'misuse_of_mark' }).expect(200);
    const appeal = await lodge(cert.ent, { certificateId: cert.id, grounds: '撤销证书的决定缺乏依据。' }, 201);
    expect(appeal.body.decision.action).toBe('withdraw');
    const fresh = await member(api, world.cbAdmin, ['decision_maker']);
    await api.http().post(`/api/v1/appeals/${appeal.body.id}/assign`).set(world.cbAdmin.auth).send({ handlerId: fresh.userId }).expect(200);
    await api.http().post(`/api/v1/appeals/${appeal.body.id}/decision`).set(fresh.auth).send({ outcome: 'upheld', rationale: '撤销依据不足。' }).expect(200);
    expect(await certificateStatus(cert)).toBe('valid');
    const history = (await api.http().get(`/api/v1/certificates/${cert.id}`).set(cert.ent.auth).expect(200)).body.history;
    expect(history.at(-1)).toMatchObject({ action: 'reinstate', from: 'withdrawn', to: 'valid', publicReason: 'appeal_upheld' });
    // A withdrawal is never undone by hand.
    await api.http().post(`/api/v1/certificates/${cert.id}/withdraw`).set(world.cbAdmin.auth).send({ publicReason: 'other' }).expect(200);
    await api.http().post(`/api/v1/certificates/${cert.id}/restore`).set(world.cbAdmin.auth).send({}).expect(409);
  });

  it('reopens a refused application for a second decision when the appeal against the refusal is upheld', async () => {
    const { ent, declarationId } = await declaringEnterprise();
    const applicationId = await acceptedApplication(api, world, ent, declarationId, ['HQ-X1']);
    // Appealing before any decision: a 409 naming the state.
    const undecided = await lodge(ent, { applicationId, grounds: '尚未决定的申请也想申诉。' }, 409);
    expect(undecided.body.message).toContain("application is '");
    const audit = await plannedAudit(api, world.cbAdmin, applicationId);
    await api.http().post(`/api/v1/audits/${audit.id}/start`).set(auditor.auth).expect(200);
    await recordAllFindings(api, auditor, audit.id);
    await api.http().post(`/api/v1/audits/${audit.id}/submit`).set(auditor.auth).expect(200);
    await eventually(async () => ((await applicationStatus(api, ent, applicationId)) === 'awaiting_decision' ? true : undefined), 'awaiting decision');
    await api.http().post(`/api/v1/applications/${applicationId}/decision`).set(decider.auth).send({ outcome: 'refused', rationale: '资料不全' }).expect(200);

    const member_ = await member(api, ent, ['enterprise_member']);
    await lodge(member_, { applicationId, grounds: '成员不能提出申诉。' }, 403);
    expect((await lodge(ent, { applicationId, certificateId: cert.id, grounds: '申请和证书两个都给了，不知道申诉哪一个。' }, 400)).body.fields[0].field).toBe(
      'certificateId',
    );
    const appeal = await lodge(ent, { applicationId, grounds: '拒绝决定未考虑补充的检测报告。' }, 201);
    expect(appeal.body.decision).toMatchObject({ kind: 'application', action: 'refuse' });

    // Tenancy: another enterprise and another body see nothing of it; the regulator sees it.
    const otherEnt = await organization(api, reg, 'enterprise');
    const otherCb = await organization(api, reg, 'certification_body');
    await api.http().get(`/api/v1/appeals/${appeal.body.id}`).set(otherEnt.auth).expect(404);
    await api.http().get(`/api/v1/appeals/${appeal.body.id}`).set(otherCb.auth).expect(404);
    await api.http().post(`/api/v1/appeals/${appeal.body.id}/assign`).set(otherCb.auth).send({ handlerId: otherCb.userId }).expect(404);
    expect((await api.http().get('/api/v1/appeals').set(otherEnt.auth).expect(200)).body.total).toBe(0);
    await api.http().get(`/api/v1/appeals/${appeal.body.id}`).set(reg.auth).expect(200);

    // The decision maker who refused it is involved.
    expect(
      (await api.http().post(`/api/v1/appeals/${appeal.body.id}/assign`).set(world.cbAdmin.auth).send({ handlerId: decider.userId }).expect(403)).body.error,
    ).toBe('APPEAL_NOT_IMPARTIAL');
    await api.http().post(`/api/v1/appeals/${appeal.body.id}/assign`).set(world.cbAdmin.auth).send({ handlerId: independent.userId }).expect(200);
    await api
      .http()
      .post(`/api/v1/appeals/${appeal.body.id}/decision`)
      .set(independent.auth)
      .send({ outcome: 'upheld', rationale: '补充报告表明符合要求。' })
      .expect(200);
    expect(await applicationStatus(api, ent, applicationId)).toBe('awaiting_decision');

    // A second decision is taken; the first stays on record, superseded.
    await api
      .http()
      .post(`/api/v1/applications/${applicationId}/decision`)
      .set(independent.auth)
      .send({ outcome: 'granted', rationale: '复议后符合要求' })
      .expect(200);
    expect(await applicationStatus(api, ent, applicationId)).toBe('granted');
    const decisions = await db.query(`SELECT outcome, superseded_at IS NOT NULL AS superseded FROM decisions WHERE application_id = $1 ORDER BY decided_at`, [
      applicationId,
    ]);
    expect(decisions).toEqual([
      { outcome: 'refused', superseded: true },
      { outcome: 'granted', superseded: false },
    ]);
  });

  it('reviews a rejected application again when the appeal against the rejection is upheld; the reviewer may not consider it', async () => {
    const { ent, declarationId } = await declaringEnterprise();
    const created = await api
      .http()
      .post('/api/v1/applications')
      .set(ent.auth)
      .send({
        catalogueEntryId: world.entryId,
        selfDeclarationId: declarationId,
        certificationBodyId: world.certificationBodyId,
        scope: productScope(['HQ-X1']),
      });
    expect(created.status).toBe(201);
    const applicationId = created.body.id;
    await api.http().post(`/api/v1/applications/${applicationId}/submit`).set(ent.auth).expect(200);
    const reviewer = await member(api, world.cbAdmin, ['reviewer', 'decision_maker']);
    await api.http().post(`/api/v1/applications/${applicationId}/take-into-review`).set(reviewer.auth).expect(200);
    await api.http().post(`/api/v1/applications/${applicationId}/reject`).set(reviewer.auth).send({ reason: '申请材料不完整' }).expect(200);

    const appeal = await lodge(ent, { applicationId, grounds: '材料已在提交时附上，驳回依据不成立。' }, 201);
    expect(appeal.body.decision).toMatchObject({ kind: 'application', action: 'reject' });
    const refused = await api.http().post(`/api/v1/appeals/${appeal.body.id}/assign`).set(world.cbAdmin.auth).send({ handlerId: reviewer.userId }).expect(403);
    expect(refused.body.message).toContain('reviewer');
    await api.http().post(`/api/v1/appeals/${appeal.body.id}/assign`).set(world.cbAdmin.auth).send({ handlerId: independent.userId }).expect(200);
    const upheld = await api
      .http()
      .post(`/api/v1/appeals/${appeal.body.id}/decision`)
      .set(independent.auth)
      .send({ outcome: 'upheld', rationale: '材料齐全。' })
      .expect(200);
    expect(upheld.body.status).toBe('upheld');
    expect(await applicationStatus(api, ent, applicationId)).toBe('under_review');
  });
});
