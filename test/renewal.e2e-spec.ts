import { DataSource } from 'typeorm';
import { TestUser, organization } from './support/actors';
import { acceptedChangeAudit, auditedAndGranted, certificateOf, certifiedEnterprise, grantWithLabels, IssuedCertificate, schemeWithTeam } from './support/case';
import { startApi, TestApi } from './support/http';
import { productScope, SchemeWorld } from './support/scheme';
import { eventually, startWorker, WorkerProcess } from './support/worker';

/**
 * Renewal (issue 11): from six months before expiry the holder applies to renew; the renewal is
 * reviewed, audited with the full checklist and decided as any other application; granted before
 * expiry, a new certificate continues the old one without a gap and the old codes answer with it.
 * Time moves by the certificates' dates in the data.
 */
describe('renewal of a certificate', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let db: DataSource;
  let reg: TestUser;
  let world: SchemeWorld;
  let auditors: TestUser[];
  let decider: TestUser;
  let cert: IssuedCertificate;
  let labelCode: string;
  let droppedLabel: string;
  let oldToken: string;

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker('renewal');
    db = api.app.get(DataSource);
    ({ reg, world, auditors, decider } = await schemeWithTeam(api));
    cert = await certifiedEnterprise(
      api,
      reg,
      world,
      { nameZh: '深圳续证电子有限公司', nameEn: 'Shenzhen Renewal Electronics' },
      { auditor: auditors[0], decider },
    );
    // A mark grant with printed labels, whose codes must keep answering after the renewal.
    [labelCode] = (await grantWithLabels(api, world, cert, ['HQ-X1'])).codes;
    // ... and one on a model the renewal will leave out.
    [droppedLabel] = (await grantWithLabels(api, world, cert, ['HQ-X1 Pro'])).codes;
    [{ token: oldToken }] = await db.query(`SELECT token FROM certificates WHERE id = $1`, [cert.id]);
  }, 180_000);
  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  const renew = <S extends 201 | 403 | 404 | 409 | 422>(who: TestUser, expect: S) =>
    api.post('/api/v1/certificates/{id}/renewal', { params: { id: cert.id }, auth: who.auth, expect });

  it('refuses a renewal before the window opens, naming the window', async () => {
    const res = await renew(cert.ent, 422);
    expect(res.body.error).toBe('RULE_VIOLATION');
    expect(res.body.message).toMatch(/renewal window of certificate .* opens on \d{4}-\d{2}-\d{2}, 6 months before its expiry on \d{4}-\d{2}-\d{2}/);
  });

  it('refuses a renewal by the body (403) and by another enterprise (404)', async () => {
    await db.query(`UPDATE certificates SET expires_on = current_date + 100 WHERE id = $1`, [cert.id]);
    await renew(world.cbAdmin, 403);
    const stranger = await organization(api, reg, 'enterprise');
    await renew(stranger, 404);
    await api.post('/api/v1/certificates/{id}/renewal', { params: { id: 'not-a-uuid' }, auth: cert.ent.auth, expect: 400 });
  });

  it('renews within the window: a full audit, a grant, and a new certificate that continues the old one', async () => {
    const draft = await renew(cert.ent, 201);
    expect(draft.body).toMatchObject({ kind: 'renewal', certificateId: cert.id, status: 'draft' });
    expect(draft.body.timeline[0].reason).toContain(cert.number);
    // One renewal at a time.
    expect((await renew(cert.ent, 409)).body.message).toContain(draft.body.number);

    // The holder renews one model only: edited as any draft.
    await api.patch('/api/v1/applications/{id}', { params: { id: draft.body.id }, auth: cert.ent.auth, body: { scope: productScope(['HQ-X1']) }, expect: 200 });
    const audit = await acceptedChangeAudit(api, world, cert.ent, draft.body.id);
    expect(audit.kind).toBe('renewal');
    const [{ requirements }] = await db.query(`SELECT count(*)::int AS requirements FROM requirements WHERE standard_id = $1`, [world.standardId]);
    expect(audit.checklist).toHaveLength(requirements); // the full checklist
    await auditedAndGranted(api, world, cert.ent, draft.body.id, auditors, decider);

    const renewed = await certificateOf(api, cert.ent, draft.body.id);
    expect(renewed.number).not.toBe(cert.number);
    const [dates] = await db.query(
      `SELECT n.issued_on::text AS issued, n.expires_on::text AS expires, (o.expires_on + interval '3 years')::date::text AS continued,
              n.renews_certificate_id AS renews, (now() AT TIME ZONE 'Asia/Shanghai')::date::text AS today
         FROM certificates n JOIN certificates o ON o.id = n.renews_certificate_id WHERE n.id = $1`,
      [renewed.id],
    );
    expect(dates).toEqual({ issued: dates.today, expires: dates.continued, continued: dates.continued, renews: cert.id, today: dates.today });

    // The old certificate stays valid until its own expiry, and its public record names its successor.
    const old = await api.get('/api/v1/registry/certificates/{number}', { params: { number: cert.number }, expect: 200 });
    expect(old.body.status).toBe('valid');
    expect(old.body.history.at(-1)).toMatchObject({ event: 'renewed', status: 'valid', details: { renewedBy: renewed.number } });

    // Its number answers as itself, naming the current certificate of the lineage.
    const byNumber = await api.get('/api/v1/verify/{code}', { params: { code: cert.number }, expect: 200 });
    expect(byNumber.body).toMatchObject({
      status: 'valid',
      certificate: { number: cert.number },
      renewedBy: renewed.number,
      currentCertificate: { number: renewed.number, status: 'valid' },
    });
    expect(byNumber.body.message).toContain(`renewed by certificate ${renewed.number}`);

    // Its mark grant moved to the new certificate: the printed labels answer with it.
    const byLabel = await api.get('/api/v1/verify/{code}', { params: { code: labelCode }, expect: 200 });
    expect(byLabel.body).toMatchObject({ kind: 'label', status: 'valid', certificate: { number: renewed.number }, markGrant: { status: 'granted' } });

    // The model left out of the renewal took its grant with it: its label says why.
    const dropped = await api.get('/api/v1/verify/{code}', { params: { code: droppedLabel }, expect: 200 });
    expect(dropped.body).toMatchObject({ status: 'withdrawn', markGrant: { status: 'revoked' } });
    expect(dropped.body.message).toContain(`model HQ-X1 Pro was removed from certificate ${renewed.number}'s scope`);

    // The old certificate's QR code answers with the current certificate.
    const byQr = await api.get('/api/v1/verify/token/{token}', { params: { token: oldToken }, expect: 200 });
    expect(byQr.body).toMatchObject({ token: 'genuine', status: 'valid', renewedBy: renewed.number, currentCertificate: { number: renewed.number } });
    // raw: the page for people the QR code lands on names the renewing certificate
    const page = await api.http().get(`/v/${oldToken}`).expect(200);
    expect(page.text).toContain(`该证书已由证书 ${renewed.number} 换证延续`);
    expect(page.text).toContain(`/registry/${renewed.number}`);

    // Already renewed: no second renewal of the same certificate.
    expect((await renew(cert.ent, 409)).body.message).toContain(`already renewed by ${renewed.number}`);
  });

  it('expires the renewed certificate at its own end; its QR and labels answer with the renewing one, and it can no longer be renewed', async () => {
    await db.query(`UPDATE certificates SET issued_on = issued_on - 1200, expires_on = current_date - 2 WHERE id = $1`, [cert.id]);
    await eventually(async () => {
      const v = await api.get('/api/v1/verify/{code}', { params: { code: cert.number }, expect: 200 });
      return v.body.status === 'expired' ? true : undefined;
    }, 'the old certificate to expire');
    const byQr = await api.get('/api/v1/verify/token/{token}', { params: { token: oldToken }, expect: 200 });
    expect(byQr.body.status).toBe('valid');
    expect(byQr.body.certificate).toMatchObject({ number: cert.number, status: 'expired' });
    expect(byQr.body.currentCertificate?.status).toBe('valid');
    const byLabel = await api.get('/api/v1/verify/{code}', { params: { code: labelCode }, expect: 200 });
    expect(byLabel.body.status).toBe('valid');
    const late = await renew(cert.ent, 409);
    expect(late.body.message).toContain('can no longer be renewed');
  });

  it('refuses a renewal of a suspended certificate, and after expiry: a later application is a new certification', async () => {
    const other = await certifiedEnterprise(
      api,
      reg,
      world,
      { nameZh: '深圳过期家电有限公司', nameEn: 'Shenzhen Lapsed Appliances' },
      { auditor: auditors[0], decider },
    );
    await db.query(`UPDATE certificates SET expires_on = current_date + 30 WHERE id = $1`, [other.id]);
    await api.post('/api/v1/certificates/{id}/suspend', {
      params: { id: other.id },
      auth: decider.auth,
      body: { publicReason: 'nonconforming_product' },
      expect: 200,
    });
    const suspended = await api.post('/api/v1/certificates/{id}/renewal', { params: { id: other.id }, auth: other.ent.auth, expect: 409 });
    expect(suspended.body.message).toContain('is suspended: renewal is possible only while it is valid');
    await db.query(`UPDATE certificates SET issued_on = issued_on - 1200, expires_on = current_date - 2 WHERE id = $1`, [other.id]);
    const res = await api.post('/api/v1/certificates/{id}/renewal', { params: { id: other.id }, auth: other.ent.auth, expect: 409 });
    expect(res.body.error).toBe('ILLEGAL_TRANSITION');
    expect(res.body.message).toContain('apply for a new certification instead');
  });
});
