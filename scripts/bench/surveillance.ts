/**
 * The daily surveillance sweep at scale (issue 11: "at 1,000,000 certificates finish in under a
 * minute"). Runs on a database an earlier `npm run bench:registry -- --keep` left:
 *
 *   npm run bench:surveillance -- --reuse <database url>
 *
 * Gives every live certificate a surveillance due date spread evenly over the coming year (as
 * issue does, a year after each issue date), then times two sweeps: the first plans the audits due
 * within the horizon (one outbox row each, by keyset pages of the due-date index), the second finds
 * them all waiting and asks nothing. It leaves the planning jobs in that database's outbox.
 *
 * Measured (2 cores, shared with other work), 999,500 live certificates: the first sweep planned
 * 167,250 audits in 9.2 s, the second found nothing to do in 3.3 s.
 */
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { CertificatesService, SurveillanceService } from '@app/certification';
import { loadConfig } from '@app/shared';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const url = arg('reuse');
  if (!url) throw new Error('give the database an earlier bench:registry --keep run left: --reuse <database url>');
  const db = new DataSource({ type: 'postgres', url });
  await db.initialize();
  const config = loadConfig({ ...process.env, DATABASE_URL: url });
  const surveillance = new SurveillanceService(db, new CertificatesService(db, config), config);
  try {
    const [{ live }] = await db.query(`SELECT count(*)::int AS live FROM certificates WHERE status IN ('valid', 'suspended')`);
    let t = performance.now();
    await db.query(
      `UPDATE certificates SET next_surveillance_due = current_date + (abs(hashtext(id::text)) % 365)
        WHERE status IN ('valid', 'suspended')`,
    );
    await db.query(`VACUUM ANALYZE certificates`);
    console.log(`${live.toLocaleString('en')} live certificates given due dates over the coming year in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    for (const round of ['first (plans)', 'second (nothing new)']) {
      t = performance.now();
      const result = await surveillance.sweep();
      console.log(`sweep, ${round}: ${((performance.now() - t) / 1000).toFixed(1)} s`, result);
    }
  } finally {
    await db.destroy();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
