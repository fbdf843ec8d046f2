import { DataSource } from 'typeorm';
import { member, organization, TestUser } from './support/actors';
import { certifiedEnterprise, IssuedCertificate, schemeWithTeam } from './support/case';
import { PUBLIC_FILING_QUOTAS, startApi, TestApi } from './support/http';
import { accreditTestLaboratory, SchemeWorld } from './support/scheme';
import { eventually, startWorker, WorkerProcess } from './support/worker';

/**
 * Group standards (团体标准, issue 12): an association registers its group code, takes a standard
 * from proposal through 立项, drafting and public comment (a comment from anyone, answered) to
 * technical review and publication; the regulator's advancedness evaluation lets it into a catalogue
 * entry; a certificate is issued on it; withdrawn (废止) at review, the certificate is flagged and its
 * body told. Revision supersedes the old version through the standards' existing transition.
 */
describe('group standards', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let db: DataSource;
  let reg: TestUser;
  let world: SchemeWorld;
  let assoc: TestUser;
  let assocMember: TestUser;
  let otherAssoc: TestUser;
  let enterprise: TestUser;
  let groupCode: string;
  let gsId: string;
  let standardId: string;
  let number: string;
  let cert: IssuedCertificate;
  let auditors: TestUser[];
  let decider: TestUser;

  const REQUIREMENTS = [
    { clause: '5.1', textZh: '待机时间', textEn: 'Standby time', kind: 'measured', unit: 'h', min: 80, critical: true },
    { clause: '5.2', textZh: '快充过程无过热', kind: 'pass_fail', critical: true },
  ] as const;
  const PROPOSAL = {
    titleZh: '智能手机快充安全技术要求',
    titleEn: 'Smartphones — Safety requirements for fast charging',
    scope: '本文件规定了智能手机快充的安全技术要求和试验方法。',
    ics: '33.050',
    ccs: 'M30',
    fullTextOpen: true,
    summary: '规定快充温升、待机时间等关键指标。',
  };

  const step = (path: string, who: TestUser, id: string, expect: number, body: object = {}) =>
    api.http().post(`/api/v1/group-standards/${id}/${path}`).set(who.auth).send(body).expect(expect);
  const gs = async (who: TestUser, id = gsId) => (await api.get('/api/v1/group-standards/{id}', { params: { id }, auth: who.auth, expect: 200 })).body;
  const publicGs = async (id = gsId) => (await api.get('/api/v1/public/group-standards/{id}', { params: { id }, expect: 200 })).body;
  /** Moves the comment period `days` into the past, as if that many days had gone by. */
  const age = (id: string, days: number) =>
    db.query(`UPDATE group_standards SET comment_from = comment_from - $2::int, comment_to = comment_to - $2::int WHERE id = $1`, [id, days]);
  const fieldsOf = (res: { body: { fields?: { field: string }[] } }) => (res.body.fields ?? []).map((f) => f.field);

  beforeAll(async () => {
    api = await startApi(PUBLIC_FILING_QUOTAS);
    worker = await startWorker('group-standards');
    db = api.app.get(DataSource);
    ({ reg, world, auditors, decider } = await schemeWithTeam(api));
    assoc = await organization(api, reg, 'association', '深圳市智能终端产业协会', 'Shenzhen Smart Terminal Industry Association');
    assocMember = await member(api, assoc, ['association_member']);
    otherAssoc = await organization(api, reg, 'association');
    enterprise = await organization(api, reg, 'enterprise');
    groupCode = `SZ${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
  });
  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  describe('group codes', () => {
    it('registers the association group code once, unique on the platform', async () => {
      const res = await api.post('/api/v1/group-codes', { auth: assoc.auth, body: { code: groupCode }, expect: 201 });
      expect(res.body).toMatchObject({ organizationId: assoc.organizationId, code: groupCode, organizationNameZh: '深圳市智能终端产业协会' });
      // Once: a second code for the same association is a conflict.
      await api
        .http()
        .post('/api/v1/group-codes')
        .set(assoc.auth)
        .send({ code: `${groupCode}X` })
        .expect(409);
      // Taken by another association: 409 naming the code.
      const taken = await api.http().post('/api/v1/group-codes').set(otherAssoc.auth).send({ code: groupCode }).expect(409);
      expect(fieldsOf(taken)).toEqual(['code']);
      await api.post('/api/v1/group-codes', { auth: otherAssoc.auth, body: { code: `O${groupCode}` }, expect: 201 });
    });

    it('refuses a malformed code (400 naming code), a member (403) and other kinds of organization (403)', async () => {
      for (const code of ['a', 'lower', 'TOO-LONG-CODE', 'ABCDEFGHIJKLM']) {
        const res = await api.http().post('/api/v1/group-codes').set(otherAssoc.auth).send({ code }).expect(400);
        expect(fieldsOf(res)).toEqual(['code']);
      }
      await api.http().post('/api/v1/group-codes').set(assocMember.auth).send({ code: 'MEMBER1' }).expect(403);
      for (const who of [enterprise, world.cbAdmin, reg]) await api.http().post('/api/v1/group-codes').set(who.auth).send({ code: 'NOPE1' }).expect(403);
    });

    it('shows an association its own code and the regulator every code', async () => {
      const mine = await api.get('/api/v1/group-codes', { auth: assocMember.auth, expect: 200 });
      expect(mine.body.map((c) => c.code)).toEqual([groupCode]);
      const all = await api.get('/api/v1/group-codes', { auth: reg.auth, expect: 200 });
      expect(all.body.map((c) => c.code)).toEqual(expect.arrayContaining([groupCode, `O${groupCode}`]));
    });
  });

  describe('from proposal to publication, with a public comment answered', () => {
    let commentId: string;

    it('takes a proposal from a member, private until approved', async () => {
      const res = await api.post('/api/v1/group-standards', {
        auth: assocMember.auth,
        body: { ...PROPOSAL, categoryCodes: [world.categoryCode] },
        expect: 201,
      });
      gsId = res.body.id;
      expect(res.body).toMatchObject({ status: 'proposed', number: null, association: { id: assoc.organizationId, groupCode }, ics: '33.050', ccs: 'M30' });
      expect(res.body.history).toEqual([expect.objectContaining({ action: 'propose', from: null, to: 'proposed' })]);
      await api.http().get(`/api/v1/public/group-standards/${gsId}`).expect(404);
    });

    it('lets only the association admin approve (立项), then announces it publicly', async () => {
      await step('approve', assocMember, gsId, 403);
      const res = await step('approve', assoc, gsId, 200, { note: '理事会审议通过立项' });
      expect(res.body).toMatchObject({ status: 'approved' });
      expect(res.body.approvedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const pub = await publicGs();
      expect(pub).toMatchObject({ status: 'approved', requirements: [] });
      expect(pub.history.map((h: { action: string }) => h.action)).toEqual(['propose', 'approve']);
      expect(pub.history[1]).not.toHaveProperty('actorUserId');
    });

    it('edits the requirements only while drafting', async () => {
      await api.http().put(`/api/v1/group-standards/${gsId}/requirements`).set(assoc.auth).send({ requirements: REQUIREMENTS }).expect(409);
      await step('start-drafting', assocMember, gsId, 200);
      // Opening for comment needs requirements.
      await step('open-comment', assocMember, gsId, 422);
      const bad = await api
        .http()
        .put(`/api/v1/group-standards/${gsId}/requirements`)
        .set(assocMember.auth)
        .send({ requirements: [{ clause: '1', textZh: 'x', kind: 'measured', critical: true }] })
        .expect(400);
      expect(fieldsOf(bad)).toEqual(['requirements[0].unit', 'requirements[0].min']);
      const res = await api.put('/api/v1/group-standards/{id}/requirements', {
        params: { id: gsId },
        auth: assocMember.auth,
        body: { requirements: [...REQUIREMENTS] },
        expect: 200,
      });
      expect(res.body.requirements.map((r) => [r.clause, r.kind, r.min])).toEqual([
        ['5.1', 'measured', 80],
        ['5.2', 'pass_fail', null],
      ]);
      // The draft text is not public before the comment period.
      expect((await publicGs()).requirements).toEqual([]);
    });

    it('refuses a comment period shorter than 30 days (400 naming commentDays), then opens one for 30', async () => {
      const res = await step('open-comment', assocMember, gsId, 400, { commentDays: 10 });
      expect(fieldsOf(res)).toEqual(['commentDays']);
      const opened = await step('open-comment', assocMember, gsId, 200);
      expect(opened.body.status).toBe('public_comment');
      const days = (Date.parse(opened.body.commentTo) - Date.parse(opened.body.commentFrom)) / 86_400_000 + 1;
      expect(days).toBe(30);
    });

    it('takes a comment from anyone on a clause of the draft, and shows it without the commenter', async () => {
      const res = await api.post('/api/v1/public/group-standards/{id}/comments', {
        params: { id: gsId },
        body: { clause: '5.1', text: '建议将待机时间下限提高到 90 h。', name: '张三', email: 'zhang@example.cn' },
        expect: 201,
      });
      commentId = res.body.id;
      const pub = await publicGs();
      expect(pub.requirements.map((r) => r.clause)).toEqual(['5.1', '5.2']);
      expect(pub.comments).toEqual([expect.objectContaining({ id: commentId, clause: '5.1', answer: null, reply: null })]);
      expect(JSON.stringify(pub)).not.toMatch(/zhang@example\.cn|张三/);
      // The association sees who commented.
      expect((await gs(assoc)).comments[0]).toMatchObject({ commenterName: '张三', commenterEmail: 'zhang@example.cn' });
    });

    it('refuses a comment on a clause the draft has not, and bad input, each naming the field', async () => {
      const url = `/api/v1/public/group-standards/${gsId}/comments`;
      const cases: [object, string[]][] = [
        [{ clause: '9.9', text: '没有这一条' }, ['clause']],
        [{ clause: '5.1', text: '多余字段', extra: 1 }, ['extra']],
        [{ clause: 5, text: '类型错误' }, ['clause']],
        [{ clause: '5.1', text: '含\u0000字符' }, ['text']],
        [{ clause: '5.1', text: '长'.repeat(4001) }, ['text']],
        [{ clause: '5.1', text: '邮箱错误', email: 'not-an-address' }, ['email']],
      ];
      for (const [body, fields] of cases) {
        const res = await api.http().post(url).send(body).expect(400);
        expect({ body, fields: fieldsOf(res) }).toEqual({ body, fields });
      }
    });

    it('does not close the comment period before its last day, nor with a comment unanswered', async () => {
      expect((await step('close-comment', assocMember, gsId, 422)).body.message).toMatch(/runs until/);
      await age(gsId, 30);
      expect((await step('close-comment', assocMember, gsId, 422)).body.message).toMatch(/unanswered/);
    });

    it('refuses a comment after the period (409)', async () => {
      const res = await api.http().post(`/api/v1/public/group-standards/${gsId}/comments`).send({ clause: '5.1', text: '过期的意见' }).expect(409);
      expect(res.body.message).toMatch(/comment period/);
    });

    it('answers a comment once (association only; another association gets 404)', async () => {
      const url = `/api/v1/group-standards/${gsId}/comments/${commentId}/answer`;
      const answer = { answer: 'partly_accepted', reply: '部分采纳：下限调整为 85 h。' };
      for (const who of [enterprise, world.cbAdmin, reg]) await api.http().post(url).set(who.auth).send(answer).expect(403);
      await api.http().post(url).set(otherAssoc.auth).send(answer).expect(404);
      const bad = await api.http().post(url).set(assocMember.auth).send({ answer: 'maybe', reply: 'x' }).expect(400);
      expect(fieldsOf(bad)).toEqual(['answer']);
      await api.http().post(url).set(assocMember.auth).send(answer).expect(200);
      await api.http().post(url).set(assocMember.auth).send(answer).expect(409);
      const pub = await publicGs();
      expect(pub.comments[0]).toMatchObject({ answer: 'partly_accepted', reply: '部分采纳：下限调整为 85 h。' });
    });

    it('closes the comment period into technical review, then publishes with its number and a standards row', async () => {
      await step('close-comment', assocMember, gsId, 200);
      await step('publish', assocMember, gsId, 403, { implementationDate: '2099-01-01' });
      const early = await step('publish', assoc, gsId, 400, { implementationDate: '2000-01-01' });
      expect(fieldsOf(early)).toEqual(['implementationDate']);
      const res = await step('publish', assoc, gsId, 200, { implementationDate: '2099-01-01', note: '技术审查通过' });
      const year = res.body.publishedOn.slice(0, 4);
      expect(res.body.number).toMatch(new RegExp(`^T/${groupCode} \\d{3}—${year}$`));
      expect(res.body).toMatchObject({ status: 'published', implementationOn: '2099-01-01' });
      expect(res.body.reviewDueOn).toBe(`${Number(year) + 5}${res.body.publishedOn.slice(4)}`);
      expect(res.body.history.map((h: { to: string }) => h.to)).toEqual([
        'proposed',
        'approved',
        'drafting',
        'public_comment',
        'technical_review',
        'published',
      ]);
      number = res.body.number;
      standardId = res.body.standardId;
      const standard = await api.get('/api/v1/standards/{id}', { params: { id: standardId }, auth: enterprise.auth, expect: 200 });
      expect(standard.body).toMatchObject({
        code: number.split('—')[0],
        version: year,
        kind: 'group',
        status: 'current',
        issuerOrganizationId: assoc.organizationId,
        categoryCodes: [world.categoryCode],
      });
      expect(standard.body.requirements.map((r) => r.clause)).toEqual(['5.1', '5.2']);
      // It is the association's: the regulator cannot supersede or withdraw its standards row directly.
      for (const action of ['supersede', 'withdraw'] as const) {
        const refused = await api.http().post(`/api/v1/standards/${standardId}/${action}`).set(reg.auth).send({}).expect(422);
        expect(refused.body.message).toContain(`${number} is a group standard`);
      }
      expect((await api.get('/api/v1/standards/{id}', { params: { id: standardId }, auth: reg.auth, expect: 200 })).body.status).toBe('current');
    });

    it('refuses a step from the wrong state with 409 naming the state', async () => {
      const res = await step('approve', assoc, gsId, 409);
      expect(res.body.message).toContain("'published'");
      await api.http().put(`/api/v1/group-standards/${gsId}/requirements`).set(assoc.auth).send({ requirements: REQUIREMENTS }).expect(409);
      await api.http().post(`/api/v1/public/group-standards/${gsId}/comments`).send({ clause: '5.1', text: '发布后的意见' }).expect(409);
    });

    it("hides another association's standard (404) and refuses association actions to other roles (403)", async () => {
      await api.http().get(`/api/v1/group-standards/${gsId}`).set(otherAssoc.auth).expect(404);
      await step('start-review', otherAssoc, gsId, 404);
      for (const who of [enterprise, world.cbAdmin, reg]) {
        await step('start-review', who, gsId, 403);
        await api
          .http()
          .post('/api/v1/group-standards')
          .set(who.auth)
          .send({ ...PROPOSAL, categoryCodes: [world.categoryCode] })
          .expect(403);
      }
      for (const who of [enterprise, world.cbAdmin]) await api.http().get('/api/v1/group-standards').set(who.auth).expect(403);
      // The regulator reads every association's.
      expect((await gs(reg)).number).toBe(number);
    });

    it('refuses a proposal without a group code (422), an unknown category and unknown fields (400 naming them)', async () => {
      const noCode = await organization(api, reg, 'association');
      await api
        .http()
        .post('/api/v1/group-standards')
        .set(noCode.auth)
        .send({ ...PROPOSAL, categoryCodes: [world.categoryCode] })
        .expect(422);
      const unknown = await api
        .http()
        .post('/api/v1/group-standards')
        .set(assoc.auth)
        .send({ ...PROPOSAL, categoryCodes: ['NOSUCHCAT'] })
        .expect(400);
      expect(fieldsOf(unknown)).toEqual(['categoryCodes']);
      const extra = await api
        .http()
        .post('/api/v1/group-standards')
        .set(assoc.auth)
        .send({ ...PROPOSAL, categoryCodes: [world.categoryCode], status: 'published' })
        .expect(400);
      expect(fieldsOf(extra)).toEqual(['status']);
      const url = await api
        .http()
        .post('/api/v1/group-standards')
        .set(assoc.auth)
        .send({ ...PROPOSAL, categoryCodes: [world.categoryCode], summary: '全文见 https://example.cn/t.pdf' })
        .expect(400);
      expect(fieldsOf(url)).toEqual(['summary']);
    });
  });

  describe('the public directory', () => {
    it('finds it by 2 Chinese characters of its title, by number, status and association', async () => {
      const list = async (query: Record<string, string>) => (await api.get('/api/v1/public/group-standards', { query, expect: 200 })).body;
      expect((await list({ q: '快充', associationId: assoc.organizationId })).items.map((i) => i.id)).toContain(gsId);
      expect((await list({ q: number })).items.map((i) => i.id)).toEqual([gsId]);
      expect((await list({ q: '不存在的标准名称', associationId: assoc.organizationId })).total).toBe(0);
      expect((await list({ status: 'published', associationId: assoc.organizationId })).items.map((i) => i.id)).toEqual([gsId]);
      expect((await list({ status: 'proposed' })).total).toBe(0);
      const short = await api.http().get('/api/v1/public/group-standards').query({ q: '快' }).expect(400);
      expect(fieldsOf(short)).toEqual(['q']);
      const deep = await api.http().get('/api/v1/public/group-standards').query({ page: 51 }).expect(400);
      expect(fieldsOf(deep)).toEqual(['page']);
    });
  });

  describe('into the catalogue, a certificate on it, and withdrawal', () => {
    let entryWorld: SchemeWorld;

    const entryBody = () => ({
      categoryCode: world.categoryCode,
      kind: 'product' as const,
      nameZh: '快充智能手机',
      nameEn: 'Fast-charging smartphones',
      evaluationRules: '按团体标准评价细则进行工厂检查和产品检测',
      standardIds: [standardId],
    });

    it('refuses a catalogue entry on the group standard before a passed advancedness evaluation (422 naming standardIds)', async () => {
      const { body: batch } = await api.post('/api/v1/catalogue/batches', {
        auth: reg.auth,
        expect: 201,
        body: { number: `G-${groupCode}`, titleZh: '团体标准目录' },
      });
      const res = await api.http().post(`/api/v1/catalogue/batches/${batch.id}/entries`).set(reg.auth).send(entryBody()).expect(422);
      expect(fieldsOf(res)).toEqual(['standardIds']);
      // A failed evaluation does not let it in either.
      await api.post('/api/v1/group-standards/{id}/evaluations', {
        params: { id: gsId },
        auth: reg.auth,
        body: { outcome: 'failed', evaluatedOn: '2026-01-05', summary: '部分指标低于国家标准。' },
        expect: 201,
      });
      await api.http().post(`/api/v1/catalogue/batches/${batch.id}/entries`).set(reg.auth).send(entryBody()).expect(422);
      entryWorld = { ...world, batchId: batch.id };
    });

    it('records evaluations by the regulator only, and not in the future', async () => {
      const body = { outcome: 'passed' as const, evaluatedOn: '2026-02-01', summary: '关键指标均优于国家标准。' };
      for (const who of [assoc, enterprise, world.cbAdmin])
        await api.http().post(`/api/v1/group-standards/${gsId}/evaluations`).set(who.auth).send(body).expect(403);
      const future = await api
        .http()
        .post(`/api/v1/group-standards/${gsId}/evaluations`)
        .set(reg.auth)
        .send({ ...body, evaluatedOn: '2999-01-01' })
        .expect(400);
      expect(fieldsOf(future)).toEqual(['evaluatedOn']);
      const res = await api.post('/api/v1/group-standards/{id}/evaluations', { params: { id: gsId }, auth: reg.auth, body, expect: 201 });
      expect(res.body.evaluations.map((e) => e.outcome)).toEqual(['passed', 'failed']);
    });

    it('takes it into a catalogue entry after the passed evaluation, and a certificate is issued on it', async () => {
      const entry = await api.post('/api/v1/catalogue/batches/{id}/entries', {
        params: { id: entryWorld.batchId },
        auth: reg.auth,
        body: entryBody(),
        expect: 201,
      });
      await api.post('/api/v1/catalogue/batches/{id}/publish', { params: { id: entryWorld.batchId }, auth: reg.auth, expect: 200 });
      entryWorld = { ...entryWorld, entryId: entry.body.id, standardId };
      // The audit's test reports come from the suites' laboratory, accredited for this standard too.
      await accreditTestLaboratory(api, reg, number.split('—')[0]);
      cert = await certifiedEnterprise(
        api,
        reg,
        entryWorld,
        { nameZh: '深圳快充科技有限公司', nameEn: 'Shenzhen Fast Charge Technology' },
        { auditor: auditors[0], decider },
      );
      const view = await api.get('/api/v1/certificates/{id}', { params: { id: cert.id }, auth: world.cbAdmin.auth, expect: 200 });
      expect(view.body.standard).toMatchObject({ code: number.split('—')[0] });
      expect(view.body.standardWithdrawal).toBeNull();
    });

    it('withdraws it at review (废止): its standards row is withdrawn and the certificate flagged, its body told', async () => {
      await step('withdraw', assoc, gsId, 409);
      await step('start-review', assocMember, gsId, 200);
      await step('withdraw', assocMember, gsId, 403);
      const res = await step('withdraw', assoc, gsId, 200, { note: '复审结论：废止' });
      expect(res.body).toMatchObject({ status: 'withdrawn', reviewDueOn: null });
      expect(res.body.withdrawnOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const standard = await api.get('/api/v1/standards/{id}', { params: { id: standardId }, auth: reg.auth, expect: 200 });
      expect(standard.body.status).toBe('withdrawn');

      const flagged = await eventually(async () => {
        const v = await api.get('/api/v1/certificates/{id}', { params: { id: cert.id }, auth: world.cbAdmin.auth, expect: 200 });
        return v.body.standardWithdrawal ?? undefined;
      }, 'the certificate flagged');
      expect(flagged.standard).toEqual({ id: standardId, code: number.split('—')[0], version: number.split('—')[1] });
      // The holder sees the flag too; the certificate's own status is the body's decision.
      const holder = await api.get('/api/v1/certificates/{id}', { params: { id: cert.id }, auth: cert.ent.auth, expect: 200 });
      expect(holder.body).toMatchObject({ status: 'valid', standardWithdrawal: { standard: { id: standardId } } });
      const told = await eventually(async () => {
        const inbox = await api.get('/api/v1/notifications', { auth: world.cbAdmin.auth, expect: 200 });
        return inbox.body.items.find((n) => n.event === 'standard_withdrawn' && n.subjectNumber === cert.number);
      }, 'the body told');
      expect(told).toBeDefined();
    });
  });

  describe('revision through review', () => {
    it('drafts a new version that, on publication, supersedes the old through the standard transition', async () => {
      // A second standard, published and then revised.
      const created = await api.post('/api/v1/group-standards', {
        auth: assoc.auth,
        body: { ...PROPOSAL, titleZh: '智能手机电池续航评价', categoryCodes: [world.categoryCode] },
        expect: 201,
      });
      const id = created.body.id;
      await step('approve', assoc, id, 200);
      await step('start-drafting', assoc, id, 200);
      await api.put('/api/v1/group-standards/{id}/requirements', { params: { id }, auth: assoc.auth, body: { requirements: [...REQUIREMENTS] }, expect: 200 });
      await step('open-comment', assoc, id, 200, { commentDays: 45 });
      await age(id, 45);
      await step('close-comment', assoc, id, 200);
      const published = await step('publish', assoc, id, 200, { implementationDate: '2099-06-01' });
      await step('start-review', assoc, id, 200);
      await step('revise', assocMember, id, 403);
      const revision = await step('revise', assoc, id, 200, { note: '复审结论：修订' });
      expect(revision.body).toMatchObject({ status: 'drafting', revisesId: id, number: null });
      expect(revision.body.requirements.map((r: { clause: string }) => r.clause)).toEqual(['5.1', '5.2']);
      expect((await gs(assoc, id)).status).toBe('published');
      await step('start-review', assoc, id, 200);
      await step('revise', assoc, id, 409);

      const revId = revision.body.id;
      await api.put('/api/v1/group-standards/{id}/requirements', {
        params: { id: revId },
        auth: assoc.auth,
        body: { requirements: [{ ...REQUIREMENTS[0], min: 90 }, REQUIREMENTS[1]] },
        expect: 200,
      });
      await step('open-comment', assoc, revId, 200);
      await age(revId, 30);
      await step('close-comment', assoc, revId, 200);
      // The new version keeps the old one's code (T/<code> <sequence>) with the year as its version: one version a year.
      const sameYear = await step('publish', assoc, revId, 409, { implementationDate: '2099-06-01' });
      expect(sameYear.body.message).toContain(published.body.number);
      expect((await gs(assoc, id)).status).toBe('review');
      // As if the old version had been published last year.
      await db.query(`UPDATE group_standards SET year = year - 1, number = regexp_replace(number, '\\d{4}$', (year - 1)::text) WHERE id = $1`, [id]);
      await db.query(`UPDATE standards SET version = (version::int - 1)::text WHERE id = $1`, [published.body.standardId]);
      const newVersion = await step('publish', assoc, revId, 200, { implementationDate: '2099-06-01' });
      expect(newVersion.body.number.split('—')[0]).toBe(published.body.number.split('—')[0]);
      const old = await gs(assoc, id);
      expect(old).toMatchObject({ status: 'superseded', revisedById: revId });
      expect(old.history.at(-1)).toMatchObject({ action: 'supersede', from: 'review', to: 'superseded' });
      const oldStandard = await api.get('/api/v1/standards/{id}', { params: { id: published.body.standardId }, auth: reg.auth, expect: 200 });
      expect(oldStandard.body.status).toBe('superseded');
      const [row] = await db.query(`SELECT superseded_at IS NOT NULL AS superseded FROM standards WHERE id = $1`, [published.body.standardId]);
      expect(row.superseded).toBe(true);
    });
  });
});
