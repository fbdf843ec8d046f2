import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type request from 'supertest';
import { DataSource } from 'typeorm';
import { TestUser, member, organization, regulator } from './support/actors';
import { acceptedApplication, plannedAudit, TEST_REPORT } from './support/case';
import { startApi, TestApi } from './support/http';
import { declaringEnterprise, productScope, SchemeWorld, schemeWorld } from './support/scheme';
import { eventually, startWorker, WorkerProcess } from './support/worker';

/** A small limit for this suite, so "over the limit" is 1 MiB and a byte, not 20 MiB. */
const MAX_BYTES = 1024 * 1024;
const UNATTACHED_CAP = 12;
/** One upload at a time per process, and one that sends nothing for 2 s is dropped. */
const SETTINGS = {
  EVIDENCE_MAX_BYTES: String(MAX_BYTES),
  EVIDENCE_UNATTACHED_PER_ORGANIZATION: String(UNATTACHED_CAP),
  EVIDENCE_UPLOADS_AT_ONCE: '1',
  EVIDENCE_UPLOAD_IDLE_SECONDS: '2',
};

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** A PDF-signed file of `size` bytes: random past its header, so chunks cannot be mixed up unseen. */
const pdfOf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size - 9)]);
const pngOf = (size: number) => Buffer.concat([PNG_SIGNATURE, randomBytes(size - PNG_SIGNATURE.length)]);

/** The body of a binary answer, whole, whatever its Content-Type. */
function binary(res: request.Response, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

describe('evidence files', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let db: DataSource;
  let reg: TestUser;
  let world: SchemeWorld;
  let auditor: TestUser;
  let ent: TestUser;
  let declarationId: string;
  let otherEnt: TestUser;
  let otherBody: TestUser;

  beforeAll(async () => {
    Object.assign(process.env, SETTINGS);
    api = await startApi();
    worker = await startWorker('evidence');
    db = api.app.get(DataSource);
    reg = await regulator(api);
    world = await schemeWorld(api, reg);
    auditor = await member(api, world.cbAdmin, ['auditor']);
    ({ admin: ent, declarationId } = await declaringEnterprise(api, reg, world));
    otherEnt = await organization(api, reg, 'enterprise');
    otherBody = await organization(api, reg, 'certification_body');
  });
  afterAll(async () => {
    for (const name of Object.keys(SETTINGS)) delete process.env[name];
    await worker?.stop();
    await api?.close();
  });

  /** Raw: the typed helper sends JSON only, and a refusal's status is what these tests look at. */
  const upload = (who: TestUser, content: Buffer, filename: string, contentType = 'application/pdf') =>
    api.http().post('/api/v1/evidence-files').set(who.auth).attach('file', content, { filename, contentType });

  async function uploaded(who: TestUser, content: Buffer, filename = 'evidence.pdf'): Promise<string> {
    const res = await upload(who, content, filename);
    expect(res.status).toBe(201);
    return res.body.id;
  }

  const download = (who: TestUser, id: string) => api.http().get(`/api/v1/evidence-files/${id}/content`).set(who.auth).buffer(true).parse(binary);

  async function rowCounts(): Promise<{ files: number; chunks: number }> {
    const [row] = await db.query(`SELECT (SELECT count(*) FROM evidence_files)::int AS files, (SELECT count(*) FROM evidence_file_chunks)::int AS chunks`);
    return row;
  }

  function expectRefused(res: request.Response, status: number, field: string): void {
    expect({ status: res.status, fields: res.body.fields?.map((f: { field: string }) => f.field) }).toEqual({ status, fields: [field] });
  }

  it('stores a PDF of several chunks and gives it back byte for byte, with headers that keep a browser from running it', async () => {
    const pdf = pdfOf(600 * 1024 + 17);
    const res = await upload(ent, pdf, '整改记录 (第1版).pdf');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      fileName: '整改记录 (第1版).pdf',
      contentType: 'application/pdf',
      size: pdf.length,
      sha256: sha256(pdf),
      attachedAt: null,
    });
    const [{ chunks }] = await db.query(`SELECT count(*)::int AS chunks FROM evidence_file_chunks WHERE file_id = $1`, [res.body.id]);
    expect(chunks).toBe(3);

    const meta = await api.get('/api/v1/evidence-files/{id}', { params: { id: res.body.id }, auth: ent.auth, expect: 200 });
    expect(meta.body).toEqual(res.body);
    const got = await download(ent, res.body.id);
    expect(got.status).toBe(200);
    expect(sha256(got.body as Buffer)).toBe(sha256(pdf));
    expect(got.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-length': String(pdf.length),
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    });
    expect(got.headers['content-security-policy']).toMatch(/^sandbox/);
    expect(got.headers['content-disposition']).toBe(
      `attachment; filename="____ (_1_).pdf"; filename*=UTF-8''${encodeURIComponent('整改记录 (第1版).pdf').replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
    );
  });

  it('judges the type by content: a PNG sent as application/pdf and named .pdf is a PNG, and gets its extension', async () => {
    const png = pngOf(5000);
    const res = await upload(ent, png, '../../报告.pdf', 'application/pdf');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ contentType: 'image/png', fileName: '报告.pdf.png', size: 5000, sha256: sha256(png) });
    const got = await download(ent, res.body.id);
    expect(got.headers['content-type']).toBe('image/png');
    expect(sha256(got.body as Buffer)).toBe(sha256(png));
  });

  it('refuses HTML named .pdf, an executable and a ZIP with 415 naming the file, and keeps nothing', async () => {
    const before = await rowCounts();
    const refused = [
      [Buffer.from('<!DOCTYPE html><html><script>alert(document.cookie)</script></html>'), 'report.pdf', 'application/pdf'],
      [Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), randomBytes(4000)]), 'report.pdf', 'application/pdf'],
      [Buffer.concat([Buffer.from('PK\x03\x04\x14\x00\x00\x00'), randomBytes(300 * 1024)]), 'scan.jpg', 'image/jpeg'],
    ] as const;
    for (const [content, name, type] of refused) {
      const res = await upload(ent, content, name, type);
      expectRefused(res, 415, 'file');
      expect(res.body.error).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses a file a byte over EVIDENCE_MAX_BYTES with 413 naming the file, after streaming part of it, and keeps no chunk', async () => {
    const before = await rowCounts();
    const justOver = await upload(ent, pdfOf(MAX_BYTES + 1), 'big.pdf');
    expectRefused(justOver, 413, 'file');
    expect(justOver.body.error).toBe('PAYLOAD_TOO_LARGE');
    // Far over: refused from its declared length, before it is read.
    const farOver = await upload(ent, pdfOf(3 * MAX_BYTES), 'bigger.pdf');
    expectRefused(farOver, 413, 'file');
    expect(await rowCounts()).toEqual(before);
    // Exactly the limit is fine.
    const exact = await upload(ent, pdfOf(MAX_BYTES), 'exact.pdf');
    expect(exact.status).toBe(201);
    expect(exact.body.size).toBe(MAX_BYTES);
  });

  it('refuses a request that is not one file part with 400 naming the part, and keeps nothing', async () => {
    const before = await rowCounts();
    expectRefused(await api.http().post('/api/v1/evidence-files').set(ent.auth).send({ file: 'x' }), 400, 'file');
    expectRefused(await api.http().post('/api/v1/evidence-files').set(ent.auth).field('note', 'hello'), 400, 'note');
    expectRefused(await api.http().post('/api/v1/evidence-files').set(ent.auth).attach('report', pdfOf(100), 'a.pdf'), 400, 'report');
    expectRefused(await upload(ent, Buffer.alloc(0), 'empty.pdf'), 400, 'file');
    const two = await api
      .http()
      .post('/api/v1/evidence-files')
      .set(ent.auth)
      .attach('file', pdfOf(300 * 1024), 'a.pdf')
      .attach('file', pdfOf(100), 'b.pdf');
    expectRefused(two, 400, 'file');
    const fileThenField = await api.http().post('/api/v1/evidence-files').set(ent.auth).attach('file', pdfOf(100), 'a.pdf').field('note', 'x');
    expectRefused(fileThenField, 400, 'note');
    expect(await rowCounts()).toEqual(before);
    expect((await api.http().post('/api/v1/evidence-files').attach('file', pdfOf(100), 'a.pdf')).status).toBe(401);
  });

  it('attaches files to a nonconformity answer and a finding; the case parties and the regulator read them, others get 404', async () => {
    const applicationId = await acceptedApplication(api, world, ent, declarationId);
    const audit = await plannedAudit(api, world.cbAdmin, applicationId);
    await api.post('/api/v1/audits/{id}/start', { params: { id: audit.id }, auth: auditor.auth, expect: 200 });
    const raised = await api.post('/api/v1/audits/{id}/nonconformities', {
      params: { id: audit.id },
      auth: auditor.auth,
      body: { grade: 'minor', description: '成品出厂检验记录不完整', dueOn: '2026-12-31' },
      expect: 201,
    });
    const ncId = raised.body.nonconformities[0].id;

    const evidence = pdfOf(300 * 1024);
    const fileId = await uploaded(ent, evidence, '出厂检验记录.pdf');
    // Unattached: the uploader's organization only.
    for (const who of [world.cbAdmin, reg, otherEnt]) {
      await api.get('/api/v1/evidence-files/{id}', { params: { id: fileId }, auth: who.auth, expect: 404 });
      expect((await download(who, fileId)).status).toBe(404);
    }
    // Another organization's file cannot be attached: 422 naming the list, and the answer is not recorded.
    const theirs = await uploaded(otherEnt, pdfOf(1000));
    const refused = await api.post('/api/v1/nonconformities/{id}/answer', {
      params: { id: ncId },
      auth: ent.auth,
      body: { correctiveAction: '已补充出厂检验规程并培训检验员', evidenceFileIds: [fileId, theirs] },
      expect: 422,
    });
    expect(refused.body.fields).toEqual([{ field: 'evidenceFileIds', reasons: [expect.stringContaining(theirs)] }]);
    const unanswered = await api.get('/api/v1/audits/{id}', { params: { id: audit.id }, auth: ent.auth, expect: 200 });
    expect(unanswered.body.nonconformities[0]).toMatchObject({ status: 'open', evidenceFiles: [] });

    const answered = await api.post('/api/v1/nonconformities/{id}/answer', {
      params: { id: ncId },
      auth: ent.auth,
      body: { correctiveAction: '已补充出厂检验规程并培训检验员', evidenceFileIds: [fileId] },
      expect: 200,
    });
    expect(answered.body.status).toBe('answered');
    expect(answered.body.evidenceFiles).toEqual([{ id: fileId, fileName: '出厂检验记录.pdf', contentType: 'application/pdf', size: evidence.length }]);

    for (const who of [ent, world.cbAdmin, auditor, reg]) {
      const got = await download(who, fileId);
      expect(got.status).toBe(200);
      expect(sha256(got.body as Buffer)).toBe(sha256(evidence));
    }
    for (const who of [otherEnt, otherBody]) {
      await api.get('/api/v1/evidence-files/{id}', { params: { id: fileId }, auth: who.auth, expect: 404 });
      expect((await download(who, fileId)).status).toBe(404);
    }

    // A test report uploaded by the auditor, attached to a finding: the enterprise reads it too.
    const report = pngOf(70 * 1024);
    const reportId = await uploaded(auditor, report, 'test-report.png');
    // A file attached already cannot go elsewhere: 409 naming the list.
    const checklist = (await api.get('/api/v1/audits/{id}', { params: { id: audit.id }, auth: auditor.auth, expect: 200 })).body.checklist;
    const passFail = checklist.find((r) => r.kind === 'pass_fail')!;
    const findingPath = { id: audit.id, requirementId: passFail.requirementId };
    await api.put('/api/v1/audits/{id}/findings/{requirementId}', {
      params: findingPath,
      auth: auditor.auth,
      body: { ...TEST_REPORT, passed: true, evidenceFileIds: [fileId] },
      expect: 422, // the enterprise's file is not the auditor's organization's
    });
    const recorded = await api.put('/api/v1/audits/{id}/findings/{requirementId}', {
      params: findingPath,
      auth: auditor.auth,
      body: { ...TEST_REPORT, passed: true, evidenceFileIds: [reportId] },
      expect: 200,
    });
    const finding = recorded.body.checklist.find((r) => r.requirementId === passFail.requirementId)!.finding!;
    expect(finding.evidenceFiles).toEqual([{ id: reportId, fileName: 'test-report.png', contentType: 'image/png', size: report.length }]);
    const got = await download(ent, reportId);
    expect(sha256(got.body as Buffer)).toBe(sha256(report));
    expect((await download(otherBody, reportId)).status).toBe(404);

    const nc2 = await api.post('/api/v1/audits/{id}/nonconformities', {
      params: { id: audit.id },
      auth: auditor.auth,
      body: { grade: 'minor', description: '标识不清晰', dueOn: '2026-12-31' },
      expect: 201,
    });
    const elsewhere = await api.post('/api/v1/nonconformities/{id}/answer', {
      params: { id: nc2.body.nonconformities[1].id },
      auth: ent.auth,
      body: { correctiveAction: '已更换标识', evidenceFileIds: [fileId] },
      expect: 409,
    });
    expect(elsewhere.body.fields?.map((f) => f.field)).toEqual(['evidenceFileIds']);
  });

  it('attaches files to the answer of an information request, in its timeline entry, for the reviewer to read', async () => {
    const { body: created } = await api.post('/api/v1/applications', {
      auth: ent.auth,
      expect: 201,
      body: { catalogueEntryId: world.entryId, selfDeclarationId: declarationId, certificationBodyId: world.certificationBodyId, scope: productScope() },
    });
    const params = { id: created.id };
    await api.post('/api/v1/applications/{id}/submit', { params, auth: ent.auth, expect: 200 });
    await api.post('/api/v1/applications/{id}/take-into-review', { params, auth: world.reviewer.auth, expect: 200 });
    await api.post('/api/v1/applications/{id}/request-info', { params, auth: world.reviewer.auth, body: { message: '请补充工厂检验报告' }, expect: 200 });
    const report = pdfOf(40 * 1024);
    const photo = pngOf(2048);
    const ids = [await uploaded(ent, report, '工厂检验报告.pdf'), await uploaded(ent, photo, 'factory.png')];
    const answered = await api.post('/api/v1/applications/{id}/answer', {
      params,
      auth: ent.auth,
      body: { message: '已补充，见附件', evidenceFileIds: ids },
      expect: 200,
    });
    const entry = answered.body.timeline.at(-1)!;
    expect(entry).toMatchObject({ action: 'answer_info_request', reason: '已补充，见附件' });
    expect(entry.evidenceFiles.map((f) => f.id).sort()).toEqual([...ids].sort());
    expect(answered.body.timeline.slice(0, -1).every((e) => e.evidenceFiles.length === 0)).toBe(true);
    const got = await download(world.reviewer, ids[0]);
    expect(sha256(got.body as Buffer)).toBe(sha256(report));
    expect((await download(otherBody, ids[1])).status).toBe(404);
  });

  it('caps the files an organization holds unattached, with 409 naming the limit, and keeps nothing of the refused one', async () => {
    const busy = await organization(api, reg, 'enterprise');
    for (let i = 0; i < UNATTACHED_CAP; i++) await uploaded(busy, pdfOf(100), `r${i}.pdf`);
    const before = await rowCounts();
    const refused = await upload(busy, pdfOf(100), 'one-more.pdf');
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: 'LIMIT_REACHED', details: { quota: 'EVIDENCE_UNATTACHED_PER_ORGANIZATION', limit: UNATTACHED_CAP } });
    expect(await rowCounts()).toEqual(before);
  });

  it('removes files left unattached past EVIDENCE_UNATTACHED_HOURS with their content, and keeps attached ones (the worker sweep)', async () => {
    const stale = await uploaded(ent, pdfOf(300 * 1024), 'stale.pdf');
    const fresh = await uploaded(ent, pdfOf(1000), 'fresh.pdf');
    const [attached] = await db.query(`SELECT id FROM evidence_files WHERE application_id IS NOT NULL LIMIT 1`);
    await db.query(`UPDATE evidence_files SET created_at = now() - interval '25 hours' WHERE id = ANY($1::uuid[])`, [[stale, attached.id]]);
    await eventually(async () => {
      const [row] = await db.query(
        `SELECT (SELECT count(*) FROM evidence_files WHERE id = $1)::int + (SELECT count(*) FROM evidence_file_chunks WHERE file_id = $1)::int AS n`,
        [stale],
      );
      return row.n === 0 ? true : undefined;
    }, 'the stale upload to be swept');
    await api.get('/api/v1/evidence-files/{id}', { params: { id: stale }, auth: ent.auth, expect: 404 });
    await api.get('/api/v1/evidence-files/{id}', { params: { id: fresh }, auth: ent.auth, expect: 200 });
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM evidence_file_chunks WHERE file_id = $1`, [attached.id]);
    expect(n).toBeGreaterThan(0);
  });

  it('receives one upload at a time here (429 with Retry-After beyond), and drops one that stalls without keeping anything', async () => {
    const before = await rowCounts();
    const boundary = 'szs-evidence-boundary';
    const stalled = http.request(`${api.url}/api/v1/evidence-files`, {
      method: 'POST',
      headers: { ...ent.auth, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    const answer = new Promise<{ status: number; body: { fields?: { field: string }[] } }>((resolve, reject) => {
      stalled.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(Buffer.concat(chunks).toString()) }));
      });
      stalled.on('error', reject);
    });
    stalled.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="slow.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
    stalled.write(pdfOf(100 * 1024)); // the type is judged and the transaction open; then nothing more comes
    await sleep(500);
    const turnedAway = await upload(ent, pdfOf(100), 'second.pdf');
    expect(turnedAway.status).toBe(429);
    expect(turnedAway.headers['retry-after']).toBeDefined();
    const dropped = await answer;
    stalled.destroy();
    expect({ status: dropped.status, fields: dropped.body.fields?.map((f) => f.field) }).toEqual({ status: 400, fields: ['file'] });
    expect(await rowCounts()).toEqual(before);
    expect((await upload(ent, pdfOf(100), 'after.pdf')).status).toBe(201);
  });
});
