import IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { deleteKeysWithPrefix } from '@app/persistence';
import { TestUser, member, regulator } from './support/actors';
import { acceptedApplication, applicationStatus, plannedAudit, recordAllFindings } from './support/case';
import { startApi, TestApi } from './support/http';
import { declaringEnterprise, SchemeWorld, schemeWorld } from './support/scheme';
import { eventually, startWorker, WorkerProcess } from './support/worker';

/** Work survives a killed worker and a Redis that comes back empty: the outbox is the truth. */
describe('fault tolerance of the certificate pipeline', () => {
  let api: TestApi;
  let db: DataSource;
  let reg: TestUser;
  let world: SchemeWorld;
  let auditors: TestUser[];
  let decider: TestUser;
  let ent: TestUser;
  let declarationId: string;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    api = await startApi();
    db = api.app.get(DataSource);
    reg = await regulator(api);
    world = await schemeWorld(api, reg);
    auditors = [await member(api, world.cbAdmin, ['auditor']), await member(api, world.cbAdmin, ['auditor'])];
    decider = await member(api, world.cbAdmin, ['decision_maker']);
    ({ admin: ent, declarationId } = await declaringEnterprise(api, reg, world));
  });
  afterAll(async () => {
    for (const w of workers) await w.stop();
    await api?.close();
  });

  const start = async (name: string, env: Record<string, string> = {}) => {
    const w = await startWorker(name, env);
    workers.push(w);
    return w;
  };

  /** n applications taken to awaiting_decision through the real audit workflow. */
  async function awaitingDecision(n: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i += 5) {
      ids.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(5, n - i) }, async () => {
            const id = await acceptedApplication(api, world, ent, declarationId);
            const audit = await plannedAudit(api, world.cbAdmin, id);
            const lead = auditors.find((a) => a.userId === audit.auditorIds[0])!;
            await api.post('/api/v1/audits/{id}/start', { params: { id: audit.id }, auth: lead.auth, expect: 200 });
            await recordAllFindings(api, lead, audit.id);
            await api.post('/api/v1/audits/{id}/submit', { params: { id: audit.id }, auth: lead.auth, expect: 200 });
            await eventually(async () => ((await applicationStatus(api, ent, id)) === 'awaiting_decision' ? true : undefined), 'awaiting decision');
            return id;
          }),
        )),
      );
    }
    return ids;
  }

  const grantAll = (ids: string[]) =>
    Promise.all(
      ids.map((id) =>
        api.post('/api/v1/applications/{id}/decision', { params: { id }, auth: decider.auth, body: { outcome: 'granted', rationale: '通过' }, expect: 200 }),
      ),
    );

  async function certificatesPerApplication(ids: string[]): Promise<number[]> {
    const rows: { application_id: string; n: number }[] = await db.query(
      `SELECT application_id, count(*)::int AS n FROM certificates WHERE application_id = ANY($1) AND pdf IS NOT NULL GROUP BY application_id`,
      [ids],
    );
    return ids.map((id) => rows.find((r) => r.application_id === id)?.n ?? 0);
  }

  it('issues exactly one certificate per granted application when the worker is killed mid-issue and restarted', async () => {
    const first = await start('kill-a');
    const ids = await awaitingDecision(30);
    await grantAll(ids);
    // SIGKILL as soon as the first certificate is committed: the rest are queued or half-done.
    const atKill = await eventually(
      async () => {
        const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM certificates WHERE application_id = ANY($1)`, [ids]);
        return n > 0 ? n : undefined;
      },
      'the first certificate',
      30_000,
    );
    await first.kill();
    const [{ n: afterKill }] = await db.query(`SELECT count(*)::int AS n FROM certificates WHERE application_id = ANY($1)`, [ids]);
    expect(afterKill).toBeLessThan(ids.length);
    expect(atKill).toBeGreaterThan(0);

    await start('kill-b');
    const counts = await eventually(
      async () => {
        const c = await certificatesPerApplication(ids);
        return c.every((n) => n === 1) ? c : undefined;
      },
      'every certificate after the restart',
      60_000,
    );
    expect(counts).toEqual(ids.map(() => 1));
    const [{ open }] = await db.query(
      `SELECT count(*)::int AS open FROM outbox WHERE queue = 'certificate-issue' AND completed_at IS NULL AND payload->>'applicationId' = ANY($1)`,
      [ids],
    );
    expect(open).toBe(0);
    await workers.pop()!.stop();
  });

  it('still issues every certificate, once, when Redis loses every key between decision and issue', async () => {
    const ids = await (async () => {
      const w = await start('wipe-prepare');
      const prepared = await awaitingDecision(5);
      await w.stop();
      return prepared;
    })();
    // A worker that dispatches the outbox but does not serve certificate-issue: the jobs wait in Redis.
    const dispatcher = await start('wipe-dispatch', { WORKER_QUEUES: 'audit-planning,audit-evaluation,certificate-status,label-codes' });
    await grantAll(ids);
    await eventually(async () => {
      const [{ n }] = await db.query(
        `SELECT count(*)::int AS n FROM outbox WHERE queue = 'certificate-issue' AND dispatched_at IS NOT NULL AND payload->>'applicationId' = ANY($1)`,
        [ids],
      );
      return n === ids.length ? n : undefined;
    }, 'the certificate jobs to reach Redis');
    await dispatcher.stop();

    const redis = new IORedis(process.env.REDIS_URL!);
    const deleted = await deleteKeysWithPrefix(redis, process.env.REDIS_PREFIX!);
    redis.disconnect();
    expect(deleted).toBeGreaterThan(0);
    expect(await certificatesPerApplication(ids)).toEqual(ids.map(() => 0));

    await start('wipe-recover');
    const counts = await eventually(
      async () => {
        const c = await certificatesPerApplication(ids);
        return c.every((n) => n === 1) ? c : undefined;
      },
      'the reconciler to re-enqueue and issue every certificate',
      60_000,
    );
    expect(counts).toEqual(ids.map(() => 1));
  });
});
