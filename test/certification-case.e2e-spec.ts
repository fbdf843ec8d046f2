import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compactVerify, createLocalJWKSet } from 'jose';
import { DataSource } from 'typeorm';
import { certificateNumber } from '@app/certification';
import { TestUser, member, organization, regulator } from './support/actors';
import { acceptedApplication, applicationStatus, plannedAudit, recordAllFindings } from './support/case';
import { startApi, TestApi } from './support/http';
import { declaringEnterprise, SchemeWorld, schemeWorld } from './support/scheme';
import { eventually, startWorker, withinASecond, WorkerProcess } from './support/worker';

/** The certification case after acceptance, through the real outbox, BullMQ and worker process. */
describe('audit, decision, certificate, mark grant and label codes', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let reg: TestUser;
  let world: SchemeWorld;
  let auditor: TestUser;
  let auditorDecider: TestUser;
  let decider: TestUser;
  let ent: TestUser;
  let declarationId: string;

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker('case');
    reg = await regulator(api);
    world = await schemeWorld(api, reg);
    auditor = await member(api, world.cbAdmin, ['auditor']);
    auditorDecider = await member(api, world.cbAdmin, ['auditor', 'decision_maker']);
    decider = await member(api, world.cbAdmin, ['decision_maker']);
    ({ admin: ent, declarationId } = await declaringEnterprise(api, reg, world));
  });
  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  const actorById = (id: string) => [auditor, auditorDecider].find((a) => a.userId === id)!;

  /** Accept → planned audit → all findings recorded → submitted → evaluated; returns ids. */
  async function evaluatedCase(value?: Parameters<typeof recordAllFindings>[3]) {
    const applicationId = await acceptedApplication(api, world, ent, declarationId);
    const audit = await plannedAudit(api, world.cbAdmin, applicationId);
    const lead = actorById(audit.auditorIds[0]);
    await api.post('/api/v1/audits/{id}/start', { params: { id: audit.id }, auth: lead.auth, expect: 200 });
    await recordAllFindings(api, lead, audit.id, value);
    await api.post('/api/v1/audits/{id}/submit', { params: { id: audit.id }, auth: lead.auth, expect: 200 });
    const evaluated = await eventually(async () => {
      const a = await api.get('/api/v1/audits/{id}', { params: { id: audit.id }, auth: lead.auth, expect: 200 });
      return a.body.status === 'evaluated' ? a.body : undefined;
    }, 'the audit to be evaluated');
    return { applicationId, audit, lead, evaluated };
  }

  async function issuedCertificate(applicationId: string) {
    return eventually(async () => {
      const res = await api.get('/api/v1/certificates', { query: { applicationId }, auth: ent.auth, expect: 200 });
      return res.body.items[0]?.pdfReady ? res.body.items[0] : undefined;
    }, 'the certificate to be issued');
  }

  it('walks accept → audit → nonconformity → evaluation → decision → certificate → mark grant → labels → verification', async () => {
    const applicationId = await acceptedApplication(api, world, ent, declarationId);
    const audit = await plannedAudit(api, world.cbAdmin, applicationId);
    expect(audit.auditorIds.length).toBeGreaterThanOrEqual(1);
    expect(await applicationStatus(api, ent, applicationId)).toBe('in_evaluation');
    const lead = actorById(audit.auditorIds[0]);
    const mine = await api.get('/api/v1/audits', { query: { mine: true }, auth: lead.auth, expect: 200 });
    expect(mine.body.items.map((a: { id: string }) => a.id)).toContain(audit.id);

    await api.post('/api/v1/audits/{id}/start', { params: { id: audit.id }, auth: lead.auth, expect: 200 });
    await recordAllFindings(api, lead, audit.id);
    const raised = await api.post('/api/v1/audits/{id}/nonconformities', {
      params: { id: audit.id },
      auth: lead.auth,
      body: { grade: 'major', description: '成品出厂检验记录不完整', dueOn: '2026-12-31' },
      expect: 201,
    });
    const ncId = raised.body.nonconformities[0].id;
    await api.post('/api/v1/nonconformities/{id}/answer', {
      params: { id: ncId },
      auth: ent.auth,
      body: { correctiveAction: '已补充出厂检验规程并培训检验员' },
      expect: 200,
    });
    const closed = await api.post('/api/v1/nonconformities/{id}/close', { params: { id: ncId }, auth: lead.auth, expect: 200 });
    expect(closed.body.status).toBe('closed');
    await api.post('/api/v1/audits/{id}/submit', { params: { id: audit.id }, auth: lead.auth, expect: 200 });
    await eventually(async () => ((await applicationStatus(api, ent, applicationId)) === 'awaiting_decision' ? true : undefined), 'awaiting decision');

    const decided = await api.post('/api/v1/applications/{id}/decision', {
      params: { id: applicationId },
      auth: decider.auth,
      body: { outcome: 'granted', rationale: '初次检查通过，全部关键指标符合要求' },
      expect: 200,
    });
    expect(decided.body.status).toBe('granted');

    const cert = await issuedCertificate(applicationId);
    expect(cert.number).toMatch(/^SZS-\d{4}-\d{6}-[0-9A-Z]$/);
    expect(cert.status).toBe('valid');
    const years = Number(cert.expiresOn.slice(0, 4)) - Number(cert.issuedOn.slice(0, 4));
    expect(years).toBe(3);
    expect(cert.scope.products?.[0]?.models).toEqual(['HQ-X1', 'HQ-X1 Pro']);

    // The PDF: downloadable, and its QR code carries a URL whose token verifies against the JWKS.
    // raw: the PDF needs supertest's binary parser
    const pdf = await api
      .http()
      .get(`/api/v1/certificates/${cert.id}/pdf`)
      .set(ent.auth)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const dir = mkdtempSync(join(tmpdir(), 'szs-cert-'));
    writeFileSync(join(dir, 'cert.pdf'), pdf.body);
    execFileSync('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', join(dir, 'cert.pdf'), join(dir, 'page')]);
    const decoded = execFileSync('zbarimg', ['--quiet', '--raw', join(dir, 'page-1.png')])
      .toString()
      .trim();
    expect(decoded.startsWith(`${process.env.PUBLIC_BASE_URL ?? 'http://localhost:3000'}/v/`)).toBe(true);
    const token = decoded.split('/v/')[1];
    const jwks = await api.get('/.well-known/jwks.json', { expect: 200 });
    expect(jwks.body.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
    expect(jwks.body.keys[0]).not.toHaveProperty('d'); // the private part never leaves the server
    const { payload } = await compactVerify(token, createLocalJWKSet(jwks.body));
    expect(JSON.parse(Buffer.from(payload).toString())).toMatchObject({ t: 'c', n: cert.number });
    // The QR lands on the page for people; API clients ask /api/v1/verify/token/ for the same answer as JSON.
    // raw: the page for people (HTML) at the address the QR code carries
    const landed = await api.http().get(new URL(decoded).pathname).expect(200);
    expect(landed.headers['content-type']).toContain('text/html');
    expect(landed.text).toContain('有效');
    expect(landed.text).toContain(cert.number);
    expect((await api.get('/api/v1/verify/token/{token}', { params: { token }, expect: 200 })).body).toMatchObject({
      token: 'genuine',
      status: 'valid',
      certificate: { number: cert.number },
    });
    const altered = token.slice(0, -3) + (token.endsWith('AAA') ? 'BBB' : 'AAA');
    expect((await api.get('/api/v1/verify/token/{token}', { params: { token: altered }, expect: 200 })).body).toMatchObject({
      token: 'invalid',
      status: 'invalid',
    });
    const text = execFileSync('pdftotext', [join(dir, 'cert.pdf'), '-']).toString();
    expect(text).toContain('深圳标准');
    expect(text).toContain(cert.number);

    // Mark grant and a batch of label codes.
    const grant = await api.post('/api/v1/certificates/{id}/mark-grants', {
      params: { id: cert.id },
      auth: ent.auth,
      body: { models: ['HQ-X1'], media: ['product', 'packaging'] },
      expect: 201,
    });
    expect(grant.body.status).toBe('requested');
    await api.post('/api/v1/mark-grants/{id}/grant', { params: { id: grant.body.id }, auth: world.cbAdmin.auth, body: {}, expect: 200 });
    const batch = await api.post('/api/v1/mark-grants/{id}/label-batches', {
      params: { id: grant.body.id },
      auth: ent.auth,
      body: { quantity: 500 },
      expect: 202,
    });
    await eventually(async () => {
      const b = await api.get('/api/v1/label-batches/{id}', { params: { id: batch.body.id }, auth: ent.auth, expect: 200 });
      return b.body.status === 'ready' ? b.body : undefined;
    }, 'the label batch');
    const csv = await api.get('/api/v1/label-batches/{id}/codes.csv', { params: { id: batch.body.id }, auth: ent.auth, expect: 200 });
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toBe('serial,code,qr_url');
    expect(lines).toHaveLength(501);
    const codes = lines.slice(1).map((l) => l.split(',')[1]);
    expect(new Set(codes).size).toBe(500);

    // Public verification of the certificate number and of a label code.
    const byNumber = await api.get('/api/v1/verify/{code}', { params: { code: cert.number }, expect: 200 });
    expect(byNumber.body).toMatchObject({ kind: 'certificate', status: 'valid', certificate: { number: cert.number } });
    expect(JSON.stringify(byNumber.body)).not.toContain('contact');
    const byLabel = await api.get('/api/v1/verify/{code}', { params: { code: codes[0] }, expect: 200 });
    expect(byLabel.body).toMatchObject({ kind: 'label', status: 'valid', certificate: { number: cert.number }, markGrant: { status: 'granted' } });
  });

  it('tells a mistyped certificate number (invalid) from an unknown one', async () => {
    const unknown = certificateNumber(2099, 999999);
    expect((await api.get('/api/v1/verify/{code}', { params: { code: unknown }, expect: 200 })).body.status).toBe('unknown');
    const typo = unknown.slice(0, -1) + (unknown.endsWith('0') ? '1' : '0');
    expect((await api.get('/api/v1/verify/{code}', { params: { code: typo }, expect: 200 })).body.status).toBe('invalid');
  });

  it('refuses a decision by an auditor of the case, naming the impartiality rule', async () => {
    const { applicationId, audit } = await evaluatedCase();
    expect(audit.auditorIds).toContain(auditorDecider.userId);
    await eventually(async () => ((await applicationStatus(api, ent, applicationId)) === 'awaiting_decision' ? true : undefined), 'awaiting decision');
    const res = await api.post('/api/v1/applications/{id}/decision', {
      params: { id: applicationId },
      auth: auditorDecider.auth,
      body: { outcome: 'granted', rationale: '检查通过' },
      expect: 403,
    });
    expect(res.body.error).toBe('DECISION_NOT_INDEPENDENT');
    expect(res.body.message).toContain('impartiality');
    expect(await applicationStatus(api, ent, applicationId)).toBe('awaiting_decision');
  });

  it('refuses to submit an audit with missing findings, listing the clauses', async () => {
    const applicationId = await acceptedApplication(api, world, ent, declarationId);
    const audit = await plannedAudit(api, world.cbAdmin, applicationId);
    const lead = actorById(audit.auditorIds[0]);
    await api.post('/api/v1/audits/{id}/start', { params: { id: audit.id }, auth: lead.auth, expect: 200 });
    const res = await api.post('/api/v1/audits/{id}/submit', { params: { id: audit.id }, auth: lead.auth, expect: 422 });
    expect(res.body.details?.['missingClauses']).toEqual(['5.1', '5.2']);
    expect(res.body.message).toContain('5.1, 5.2');
  });

  it('never issues a certificate after a failing audit (critical requirement out of bounds)', async () => {
    const { applicationId, evaluated } = await evaluatedCase((r) => (r.min !== null ? r.min - 10 : 0));
    expect(evaluated.outcome).toBe('failed');
    expect(evaluated.outcomeReasons?.join()).toContain('critical requirement 5.1 failed');
    expect(await applicationStatus(api, ent, applicationId)).toBe('in_evaluation');
    const res = await api.post('/api/v1/applications/{id}/decision', {
      params: { id: applicationId },
      auth: decider.auth,
      body: { outcome: 'granted', rationale: '检查通过' },
      expect: 409,
    });
    expect(res.body.message).toContain("'in_evaluation'");
    const certs = await api.get('/api/v1/certificates', { query: { applicationId }, auth: ent.auth, expect: 200 });
    expect(certs.body.items).toEqual([]);
  });

  it('never assigns an auditor who declared a conflict with the enterprise', async () => {
    const other = await declaringEnterprise(api, reg, world);
    const declared = await api.post('/api/v1/auditor-conflicts', {
      auth: auditor.auth,
      body: { enterpriseId: other.admin.organizationId, reason: '曾任该企业质量经理' },
      expect: 201,
    });
    const conflicts = await api.get('/api/v1/auditor-conflicts', { query: { pageSize: 100 }, auth: world.cbAdmin.auth, expect: 200 });
    expect(conflicts.body).toMatchObject({ page: 1, pageSize: 100 });
    expect(conflicts.body.items.find((c: { id: string }) => c.id === declared.body.id)).toMatchObject({
      auditorId: auditor.userId,
      enterpriseId: other.admin.organizationId,
      enterpriseNameZh: expect.any(String),
    });
    expect(conflicts.body.total).toBeGreaterThanOrEqual(conflicts.body.items.length);
    for (let i = 0; i < 2; i++) {
      const applicationId = await acceptedApplication(api, world, other.admin, other.declarationId);
      const audit = await plannedAudit(api, world.cbAdmin, applicationId);
      expect(audit.auditorIds).not.toContain(auditor.userId);
      expect(audit.auditorIds).toContain(auditorDecider.userId);
    }
  });

  describe('with an issued certificate', () => {
    let cert: { id: string; number: string };
    let grantId: string;

    beforeAll(async () => {
      const { applicationId } = await evaluatedCase();
      await eventually(async () => ((await applicationStatus(api, ent, applicationId)) === 'awaiting_decision' ? true : undefined), 'awaiting decision');
      await api.post('/api/v1/applications/{id}/decision', {
        params: { id: applicationId },
        auth: decider.auth,
        body: { outcome: 'granted', rationale: '通过' },
        expect: 200,
      });
      cert = await issuedCertificate(applicationId);
      const grant = await api.post('/api/v1/certificates/{id}/mark-grants', {
        params: { id: cert.id },
        auth: ent.auth,
        body: { models: ['HQ-X1 Pro'], media: ['advertising'] },
        expect: 201,
      });
      grantId = grant.body.id;
      await api.post('/api/v1/mark-grants/{id}/grant', { params: { id: grantId }, auth: world.cbAdmin.auth, body: {}, expect: 200 });
    });

    it("hides the case's audits, certificate, grants and label batches from other organizations (404)", async () => {
      const stranger = await declaringEnterprise(api, reg, world);
      const otherCb = await organization(api, reg, 'certification_body');
      const audits = await api.get('/api/v1/audits', { query: { pageSize: 100 }, auth: ent.auth, expect: 200 });
      const auditId = audits.body.items[0].id;
      const batch = await api.post('/api/v1/mark-grants/{id}/label-batches', { params: { id: grantId }, auth: ent.auth, body: { quantity: 3 }, expect: 202 });
      for (const who of [stranger.admin, otherCb]) {
        await api.get('/api/v1/certificates/{id}', { params: { id: cert.id }, auth: who.auth, expect: 404 });
        await api.get('/api/v1/certificates/{id}/pdf', { params: { id: cert.id }, auth: who.auth, expect: 404 });
        await api.get('/api/v1/mark-grants/{id}', { params: { id: grantId }, auth: who.auth, expect: 404 });
        await api.get('/api/v1/label-batches/{id}', { params: { id: batch.body.id }, auth: who.auth, expect: 404 });
        await api.get('/api/v1/audits/{id}', { params: { id: auditId }, auth: who.auth, expect: 404 });
        expect((await api.get('/api/v1/certificates', { auth: who.auth, expect: 200 })).body.total).toBe(0);
        const grants = await api.get('/api/v1/mark-grants', { query: { certificateId: cert.id }, auth: who.auth, expect: 200 });
        expect(grants.body).toMatchObject({ items: [], total: 0 });
      }
      await api.post('/api/v1/certificates/{id}/cancel', { params: { id: cert.id }, auth: stranger.admin.auth, body: {}, expect: 404 });
      await api.post('/api/v1/certificates/{id}/suspend', { params: { id: cert.id }, auth: otherCb.auth, body: { publicReason: 'other' }, expect: 404 });
      await api.post('/api/v1/mark-grants/{id}/label-batches', { params: { id: grantId }, auth: stranger.admin.auth, body: { quantity: 3 }, expect: 404 });
      // the regulator sees everything
      await api.get('/api/v1/certificates/{id}', { params: { id: cert.id }, auth: reg.auth, expect: 200 });
      const grants = await api.get('/api/v1/mark-grants', { query: { certificateId: cert.id, pageSize: 1 }, auth: reg.auth, expect: 200 });
      expect(grants.body).toMatchObject({ page: 1, pageSize: 1, total: 1, items: [{ id: grantId, certificate: { id: cert.id, number: cert.number } }] });
    });

    it('refuses a mark grant for a product outside the scope', async () => {
      const res = await api.post('/api/v1/certificates/{id}/mark-grants', {
        params: { id: cert.id },
        auth: ent.auth,
        body: { models: ['HQ-Z9'], media: ['product'] },
        expect: 400,
      });
      expect(res.body.fields?.[0]).toMatchObject({ field: 'models' });
      expect(res.body.message).toContain('HQ-Z9');
    });

    it('suspends (the grant with it), verifies as suspended, restores to valid', async () => {
      await api.post('/api/v1/certificates/{id}/suspend', {
        params: { id: cert.id },
        auth: decider.auth,
        body: { publicReason: 'nonconforming_product', privateNote: '监督抽检不合格，批次 B-1107' },
        expect: 200,
      });
      await withinASecond(
        async () => ((await api.get('/api/v1/verify/{code}', { params: { code: cert.number }, expect: 200 })).body.status === 'suspended' ? true : undefined),
        'verify to answer suspended',
      );
      expect((await api.get('/api/v1/mark-grants/{id}', { params: { id: grantId }, auth: ent.auth, expect: 200 })).body.status).toBe('suspended');
      const asHolder = await api.get('/api/v1/certificates/{id}', { params: { id: cert.id }, auth: ent.auth, expect: 200 });
      expect(JSON.stringify(asHolder.body)).not.toContain('批次 B-1107');
      expect(asHolder.body.history.at(-1)).toMatchObject({ action: 'suspend', publicReason: 'nonconforming_product' });
      await api.post('/api/v1/certificates/{id}/restore', { params: { id: cert.id }, auth: decider.auth, body: {}, expect: 200 });
      await withinASecond(
        async () => ((await api.get('/api/v1/verify/{code}', { params: { code: cert.number }, expect: 200 })).body.status === 'valid' ? true : undefined),
        'verify to answer valid',
      );
      expect((await api.get('/api/v1/mark-grants/{id}', { params: { id: grantId }, auth: ent.auth, expect: 200 })).body.status).toBe('granted');
      const again = await api.post('/api/v1/certificates/{id}/restore', { params: { id: cert.id }, auth: decider.auth, body: {}, expect: 409 });
      expect(again.body.message).toContain("'valid'");
    });

    it('expires a certificate whose end date has passed, without anyone acting', async () => {
      const db = api.app.get(DataSource);
      await db.query(`UPDATE certificates SET issued_on = issued_on - 1200, expires_on = current_date - 2 WHERE id = $1`, [cert.id]);
      const status = await eventually(async () => {
        const v = await api.get('/api/v1/verify/{code}', { params: { code: cert.number }, expect: 200 });
        return v.body.status === 'expired' ? v.body.status : undefined;
      }, 'the certificate to expire');
      expect(status).toBe('expired');
      expect((await api.get('/api/v1/mark-grants/{id}', { params: { id: grantId }, auth: ent.auth, expect: 200 })).body.status).toBe('revoked');
    });
  });
});
