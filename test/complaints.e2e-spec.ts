import { DataSource } from 'typeorm';
import { certificateNumber } from '@app/certification';
import { TestUser, member, organization, regulator } from './support/actors';
import { certifiedEnterprise, IssuedCertificate } from './support/case';
import { startApi, TestApi } from './support/http';
import { SchemeWorld, schemeWorld } from './support/scheme';
import { startWorker, WorkerProcess } from './support/worker';

const REFERENCE = /^CMP-\d{4}-\d{6}-[0-9A-Z]$/;

/** Complaints (ISO/IEC 17065 7.13): filed by anyone, routed, investigated impartially, closed with the complainant told. */
describe('complaints', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let reg: TestUser;
  let world: SchemeWorld;
  let auditor: TestUser;
  let decider: TestUser;
  let cert: IssuedCertificate;
  const saved = { ...process.env };

  /** What the complaint told people of: the notify jobs waiting in the outbox for this key. */
  const notifications = (key: string): Promise<{ event: string; audience: unknown[] }[]> =>
    api.app
      .get(DataSource)
      .query(`SELECT payload->>'event' AS event, payload->'audience' AS audience FROM outbox WHERE job_name = 'notify' AND payload->>'key' = $1`, [key]);

  const file = (body: Record<string, unknown>, expect: number) => api.http().post('/api/v1/public/complaints').send(body).expect(expect);

  beforeAll(async () => {
    // This suite files more complaints from 127.0.0.1 than the default quota; the limit is tested on its own API below.
    // The misuse-report quota of the run's address is shared with the pages suite, which sends many.
    process.env.COMPLAINT_LIMIT = '1000';
    process.env.MISUSE_REPORT_LIMIT = '1000';
    api = await startApi();
    process.env = { ...saved };
    worker = await startWorker('complaints');
    reg = await regulator(api);
    world = await schemeWorld(api, reg);
    auditor = await member(api, world.cbAdmin, ['auditor']);
    decider = await member(api, world.cbAdmin, ['decision_maker']);
    cert = await certifiedEnterprise(
      api,
      reg,
      world,
      { nameZh: '深圳市投诉测试电子有限公司', nameEn: 'Shenzhen Complaint Test Electronics' },
      { auditor, decider },
    );
  }, 180_000);

  afterAll(async () => {
    process.env = saved;
    await worker?.stop();
    await api?.close();
  });

  it("takes a public complaint about a product: a checked reference, acknowledged, routed to the certificate's body, which is told", async () => {
    const res = await file(
      {
        about: 'product',
        certificateNumber: cert.number,
        description: 'The phone I bought overheats while charging.',
        email: 'Buyer@Example.cn',
        language: 'en',
      },
      201,
    );
    expect(res.body).toMatchObject({
      status: 'acknowledged',
      certificateNumber: cert.number,
      handledBy: { regulator: false, certificationBody: { nameZh: expect.any(String) } },
    });
    expect(res.body.reference).toMatch(REFERENCE);
    expect(JSON.stringify(res.body)).not.toContain('Example.cn');

    // The complainant looks it up by reference and e-mail (any case); a wrong e-mail is a plain 404.
    const status = await api.http().post('/api/v1/public/complaints/lookup').send({ reference: res.body.reference, email: 'buyer@example.cn' }).expect(200);
    expect(status.body).toMatchObject({ reference: res.body.reference, about: 'product', status: 'acknowledged', outcome: null });
    await api.http().post('/api/v1/public/complaints/lookup').send({ reference: res.body.reference, email: 'other@example.cn' }).expect(404);

    const list = await api.http().get('/api/v1/complaints').query({ pageSize: 100 }).set(world.cbAdmin.auth).expect(200);
    const mine = list.body.items.find((k: { reference: string }) => k.reference === res.body.reference);
    expect(mine).toMatchObject({
      about: 'product',
      status: 'acknowledged',
      certificate: { number: cert.number },
      complainant: { email: 'Buyer@Example.cn', language: 'en' },
    });
    const full = await api.http().get(`/api/v1/complaints/${mine.id}`).set(world.cbAdmin.auth).expect(200);
    expect(full.body.timeline.map((e: { action: string; to: string }) => `${e.action}>${e.to}`)).toEqual(['receive>received', 'acknowledge>acknowledged']);
    expect(await notifications(`complaint:${mine.id}:received`)).toEqual([
      { event: 'complaint_received', audience: [{ organizationId: world.certificationBodyId, roles: ['cb_admin'] }] },
    ]);

    // Another body and the holder see nothing of it.
    const otherCb = await organization(api, reg, 'certification_body');
    await api.http().get(`/api/v1/complaints/${mine.id}`).set(otherCb.auth).expect(404);
    await api.http().post(`/api/v1/complaints/${mine.id}/investigator`).set(otherCb.auth).send({ investigatorId: otherCb.userId }).expect(404);
    await api.http().get(`/api/v1/complaints/${mine.id}`).set(cert.ent.auth).expect(404);
  });

  it("sends a complaint about a body's own work to the regulator, never to the body", async () => {
    const res = await file(
      { about: 'certification_body', certificateNumber: cert.number, description: '认证机构未经现场检查就发了证书。', email: 'tip@example.cn' },
      201,
    );
    expect(res.body.handledBy).toEqual({ certificationBody: null, regulator: true });
    const all = await api.http().get('/api/v1/complaints').query({ pageSize: 100 }).set(reg.auth).expect(200);
    const k = all.body.items.find((x: { reference: string }) => x.reference === res.body.reference);
    expect(k).toMatchObject({ about: 'certification_body', certificationBodyId: null, aboutBody: { id: world.certificationBodyId } });
    await api.http().get(`/api/v1/complaints/${k.id}`).set(world.cbAdmin.auth).expect(404);
    const [told] = await notifications(`complaint:${k.id}:received`);
    expect(told.event).toBe('body_complained_about');
    expect(told.audience).toContainEqual({ organizationId: reg.organizationId, roles: ['regulator'] });
    // The regulator's own staff investigate it.
    const assigned = await api.http().post(`/api/v1/complaints/${k.id}/investigator`).set(reg.auth).send({ investigatorId: reg.userId }).expect(200);
    expect(assigned.body).toMatchObject({ status: 'under_investigation', investigator: { id: reg.userId } });
    // A complaint about a body lets nobody suspend a certificate through it.
    await api.http().post(`/api/v1/complaints/${k.id}/suspend-certificate`).set(reg.auth).send({ publicReason: 'other' }).expect(403);
  });

  it('files a complaint about a holder by its credit code, routed to the body of its certificate', async () => {
    const [org] = await api.app.get(DataSource).query(`SELECT credit_code FROM organizations WHERE id = $1`, [cert.ent.organizationId]);
    const res = await file({ about: 'holder', creditCode: org.credit_code, description: '该企业在未认证产品上使用深圳标准标志。', email: 'a@b.cn' }, 201);
    expect(res.body.handledBy.certificationBody).not.toBeNull();
    expect(res.body.certificateNumber).toBeNull();
  });

  it('refuses bad input with 400 naming the field, and unknown fields, NUL and over-long text', async () => {
    const ok = { about: 'product', certificateNumber: cert.number, description: '这个产品有质量问题，请调查。', email: 'x@example.cn' };
    const fieldsOf = (res: { body: { fields?: { field: string }[] } }) => (res.body.fields ?? []).map((f) => f.field);
    expect(fieldsOf(await file({ ...ok, email: undefined }, 400))).toEqual(['email']);
    expect(fieldsOf(await file({ ...ok, email: 'not-an-address' }, 400))).toEqual(['email']);
    expect(fieldsOf(await file({ ...ok, about: 'weather' }, 400))).toEqual(['about']);
    expect(fieldsOf(await file({ ...ok, description: 'short' }, 400))).toEqual(['description']);
    expect(fieldsOf(await file({ ...ok, description: '长'.repeat(4001) }, 400))).toEqual(['description']);
    expect(fieldsOf(await file({ ...ok, description: 'a NUL \u0000 in the middle of it' }, 400))).toEqual(['description']);
    expect(fieldsOf(await file({ ...ok, certificateNumber: undefined }, 400))).toEqual(['certificateNumber']);
    expect(fieldsOf(await file({ ...ok, certificateNumber: `${cert.number.slice(0, -1)}${cert.number.endsWith('A') ? 'B' : 'A'}` }, 400))).toEqual([
      'certificateNumber',
    ]);
    const unknown = await file({ ...ok, certificateNumber: certificateNumber(2026, 999_999) }, 400);
    expect(unknown.body.error).toBe('REFERENCE_NOT_FOUND');
    expect(fieldsOf(unknown)).toEqual(['certificateNumber']);
    expect(fieldsOf(await file({ ...ok, secret: 1 }, 400))).toEqual(['secret']);
    expect(fieldsOf(await file({ about: 'holder', creditCode: 'short', description: ok.description, email: ok.email }, 400))).toEqual(['creditCode']);
  });

  it('takes the HTML form in Chinese and English, answering with the reference', async () => {
    const zhForm = await api.http().get('/complaint').query({ certificateNumber: cert.number }).expect(200);
    expect(zhForm.headers['content-type']).toContain('text/html');
    expect(zhForm.text).toContain('投诉');
    expect(zhForm.text).toContain(`value="${cert.number}"`);
    const enForm = await api.http().get('/complaint').query({ lang: 'en' }).expect(200);
    expect(enForm.text).toContain('Make a complaint');
    expect((await api.http().get('/verify').expect(200)).text).toContain('href="/complaint"');

    const zh = await api
      .http()
      .post('/complaint')
      .type('form')
      .send({ about: 'product', certificateNumber: cert.number, description: '包装上的型号与证书不符。', email: 'zh@example.cn' })
      .expect(201);
    expect(zh.text).toContain('投诉已受理');
    const reference = /id="reference">([^<]+)</.exec(zh.text)![1];
    expect(reference).toMatch(REFERENCE);
    const en = await api
      .http()
      .post('/complaint')
      .type('form')
      .send({ lang: 'en', about: 'product', certificateNumber: cert.number, description: 'The label differs from the certificate.', email: 'en@example.cn' })
      .expect(201);
    expect(en.text).toContain('Complaint received');
    const [row] = await api.app
      .get(DataSource)
      .query(`SELECT complainant_language FROM complaints WHERE reference = $1`, [/id="reference">([^<]+)</.exec(en.text)![1]]);
    expect(row.complainant_language).toBe('en');

    const refused = await api
      .http()
      .post('/complaint')
      .type('form')
      .send({ lang: 'en', about: 'product', certificateNumber: certificateNumber(2026, 999_998), description: 'x' })
      .expect(400);
    expect(refused.text).toContain('id="c-description-error"');
    expect(refused.text).toContain('id="c-email-error"');
    const unknownNumber = await api
      .http()
      .post('/complaint')
      .type('form')
      .send({ about: 'product', certificateNumber: certificateNumber(2026, 999_998), description: '没有这个证书编号的产品。', email: 'zh@example.cn' })
      .expect(400);
    expect(unknownNumber.text).toContain('id="c-certificateNumber-error"');
  });

  it('escalates a misuse report to a complaint, linked both ways, once', async () => {
    const sent = await api
      .http()
      .post('/api/v1/misuse-reports')
      .send({ code: cert.number, description: '网店销售的同款产品没有认证', contact: 'report@example.cn' })
      .expect(201);
    const reports = await api.http().get('/api/v1/misuse-reports').query({ pageSize: 100 }).set(world.cbAdmin.auth).expect(200);
    const report = reports.body.items.find((r: { reference: string }) => r.reference === sent.body.reference);
    await api.http().post(`/api/v1/misuse-reports/${report.id}/escalate`).set(cert.ent.auth).expect(403);
    const complaint = await api.http().post(`/api/v1/misuse-reports/${report.id}/escalate`).set(world.cbAdmin.auth).expect(201);
    expect(complaint.body).toMatchObject({
      about: 'product',
      status: 'acknowledged',
      misuseReportId: report.id,
      certificate: { id: cert.id },
      complainant: { email: 'report@example.cn' },
    });
    expect(complaint.body.timeline[0].reason).toContain(sent.body.reference);
    expect((await api.http().get(`/api/v1/misuse-reports/${report.id}`).set(world.cbAdmin.auth).expect(200)).body.complaintId).toBe(complaint.body.id);
    expect((await api.http().post(`/api/v1/misuse-reports/${report.id}/escalate`).set(reg.auth).expect(409)).body.error).toBe('ALREADY_EXISTS');
  });

  it('is investigated by someone not involved: an auditor of the case is refused with 403 naming the rule', async () => {
    const res = await file({ about: 'product', certificateNumber: cert.number, description: '产品说明书与认证范围不符。', email: 'q@example.cn' }, 201);
    const [{ id }] = await api.app.get(DataSource).query(`SELECT id FROM complaints WHERE reference = $1`, [res.body.reference]);
    // Wrong state first: nothing to resolve before an investigation.
    const early = await api.http().post(`/api/v1/complaints/${id}/resolve`).set(world.cbAdmin.auth).send({ outcome: 'upheld', findings: 'x' }).expect(409);
    expect(early.body.error).toBe('ILLEGAL_TRANSITION');
    expect(early.body.message).toContain("'acknowledged'");
    for (const involved of [auditor, decider, world.reviewer]) {
      const refused = await api
        .http()
        .post(`/api/v1/complaints/${id}/investigator`)
        .set(world.cbAdmin.auth)
        .send({ investigatorId: involved.userId })
        .expect(403);
      expect(refused.body.error).toBe('INVESTIGATOR_NOT_IMPARTIAL');
      expect(refused.body.message).toContain('impartiality rule');
    }
    const outsider = await organization(api, reg, 'certification_body');
    expect(
      (await api.http().post(`/api/v1/complaints/${id}/investigator`).set(world.cbAdmin.auth).send({ investigatorId: outsider.userId }).expect(400)).body
        .fields[0].field,
    ).toBe('investigatorId');
    const investigator = await member(api, world.cbAdmin, ['reviewer']);
    await api.http().post(`/api/v1/complaints/${id}/investigator`).set(investigator.auth).send({ investigatorId: investigator.userId }).expect(403); // not a handler's role
    await api.http().post(`/api/v1/complaints/${id}/investigator`).set(world.cbAdmin.auth).send({ investigatorId: investigator.userId }).expect(200);
    const resolved = await api
      .http()
      .post(`/api/v1/complaints/${id}/resolve`)
      .set(world.cbAdmin.auth)
      .send({ outcome: 'not_upheld', findings: '说明书与认证范围一致。', actions: '无' })
      .expect(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', outcome: 'not_upheld', findings: '说明书与认证范围一致。' });
    // Not told until closed.
    expect(
      (await api.http().post('/api/v1/public/complaints/lookup').send({ reference: res.body.reference, email: 'q@example.cn' }).expect(200)).body.outcome,
    ).toBeNull();
    const closed = await api.http().post(`/api/v1/complaints/${id}/close`).set(world.cbAdmin.auth).send({ message: '感谢您的投诉。' }).expect(200);
    expect(closed.body.timeline.map((e: { to: string }) => e.to)).toEqual(['received', 'acknowledged', 'under_investigation', 'resolved', 'closed']);
    expect(closed.body.timeline[2].actor.userId).toBe(world.cbAdmin.userId);
    const told = await api.http().post('/api/v1/public/complaints/lookup').send({ reference: res.body.reference, email: 'q@example.cn' }).expect(200);
    expect(told.body).toMatchObject({ status: 'closed', outcome: 'not_upheld', closedAt: expect.any(String) });
    expect(await notifications(`complaint:${id}:outcome`)).toEqual([{ event: 'complaint_outcome', audience: [{ email: 'q@example.cn', language: 'zh' }] }]);
    // The page the message links to answers the same, in both languages.
    const page = await api
      .http()
      .post('/complaint/status')
      .type('form')
      .send({ reference: res.body.reference.toLowerCase(), email: 'q@example.cn' })
      .expect(200);
    expect(page.text).toContain('投诉不成立');
    const enPage = await api
      .http()
      .post('/complaint/status')
      .type('form')
      .send({ lang: 'en', reference: res.body.reference, email: 'q@example.cn' })
      .expect(200);
    expect(enPage.text).toContain('Not upheld');
    expect((await api.http().post('/complaint/status').type('form').send({ reference: res.body.reference, email: 'x@example.cn' }).expect(404)).text).toContain(
      '没有找到',
    );
    await api.http().post('/complaint/status').type('form').send({ reference: 'nonsense', email: 'q@example.cn' }).expect(400);
    expect((await api.http().get('/complaint/status').query({ lang: 'en' }).expect(200)).text).toContain('Check a complaint');
    await api.http().post(`/api/v1/complaints/${id}/close`).set(world.cbAdmin.auth).send({}).expect(409);
  });

  it('lets a logged-in user file through the API and follow only their own complaints', async () => {
    const ent = await organization(api, reg, 'enterprise');
    const res = await api
      .http()
      .post('/api/v1/complaints')
      .set(ent.auth)
      .send({ about: 'product', certificateNumber: cert.number, description: '竞争对手的产品未达到标准要求。' })
      .expect(201);
    const list = await api.http().get('/api/v1/complaints').set(ent.auth).expect(200);
    expect(list.body.items.map((k: { reference: string }) => k.reference)).toEqual([res.body.reference]);
    const own = await api.http().get(`/api/v1/complaints/${list.body.items[0].id}`).set(ent.auth).expect(200);
    expect(own.body.timeline).toEqual([]); // the handling is the handlers'
    await api.http().post(`/api/v1/complaints/${own.body.id}/resolve`).set(ent.auth).send({ outcome: 'upheld', findings: 'x' }).expect(403);
  });

  describe('rate limit', () => {
    let limited: TestApi;

    beforeAll(async () => {
      // The default quota (5 per 10 minutes) on counters of its own (a sub-prefix of the run's).
      process.env.REDIS_PREFIX = `${saved.REDIS_PREFIX}:complaint-limit`;
      delete process.env.COMPLAINT_LIMIT;
      limited = await startApi();
      process.env = { ...saved };
    });
    afterAll(() => limited?.close());

    it('answers 429 with Retry-After after 5 complaints from one address, to the API and to the form', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const res = await limited
          .http()
          .post('/api/v1/public/complaints')
          .send({ about: 'product', certificateNumber: cert.number, description: `第 ${i + 1} 次投诉：产品有问题`, email: 'flood@example.cn' });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
      const form = await limited
        .http()
        .post('/complaint')
        .type('form')
        .send({ about: 'product', certificateNumber: cert.number, description: '表单提交也受限制的投诉', email: 'flood@example.cn' })
        .expect(429);
      expect(Number(form.headers['retry-after'])).toBeGreaterThan(0);
      // A form with mistakes is answered without using up a quota.
      await limited.http().post('/complaint').type('form').send({ description: 'x' }).expect(400);
    });
  });
});
