import * as argon2 from 'argon2';
import { Client } from 'pg';
import { ApplicationEvent, issueCertificate, recordApplicationEvents } from '@app/certification';
import { ADVISORY_LOCKS, pgSqlWriter, preflight } from '@app/persistence';
import { enqueue } from '@app/queue';
import { AppConfig, ConfigError } from '@app/shared';
import { migrations } from '../../migrations';
import { insertReferenceData, ORGANIZATIONS, withCheckCharacter } from '../fixtures/reference-data';
import { CERTIFIED_CASES, DEMO_PASSWORD } from './demo-data';
import { seedInspections } from './inspections';
import { seedDeclarations } from './declarations';
import { seedLaboratories } from './laboratories';
import { seedCredit } from './credit';
import { seedGroupStandards } from './group-standards';

export interface DemoLogin {
  organization: string;
  email: string;
  roles: string[];
}

const SEED_LOCK = ADVISORY_LOCKS.demoSeed;

export const DEMO_REFUSED_IN_PRODUCTION =
  'Refusing to load the demo data with NODE_ENV=production (its accounts share a published password and its certified cases are ' +
  'fictitious); create the regulator and its first administrator with "node dist/scripts/bootstrap.js --email … --name-zh … ' +
  '--credit-code …" (npm run bootstrap -- …) instead.';

/**
 * The one gate in front of the demo world (npm start, npm run seed, the compose seed service):
 * production never gets it, before anything touches the database.
 */
export function refuseDemoInProduction(config: Pick<AppConfig, 'NODE_ENV'>): void {
  if (config.NODE_ENV === 'production') throw new ConfigError(DEMO_REFUSED_IN_PRODUCTION);
}

/**
 * Migrates, then loads the demo world once, in one transaction: a database that already holds
 * the demo regulator is left as it is. Returns the migrations applied and the logins either way,
 * for the start banner.
 */
export async function seedDemo(config: AppConfig): Promise<{ applied: string[]; loaded: boolean; logins: DemoLogin[] }> {
  refuseDemoInProduction(config);
  const applied = await preflight(config, migrations);
  const logins = ORGANIZATIONS.flatMap((o) => o.users.map((u) => ({ organization: o.nameZh, email: u.email, roles: u.roles })));
  const db = new Client({ connectionString: config.DATABASE_URL });
  await db.connect();
  try {
    await db.query('BEGIN');
    await db.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
    const regulatorCode = withCheckCharacter(ORGANIZATIONS[0].creditCode17);
    const { rowCount } = await db.query('SELECT 1 FROM organizations WHERE credit_code = $1', [regulatorCode]);
    if (rowCount) {
      await db.query('ROLLBACK');
      return { applied, loaded: false, logins };
    }
    await load(db);
    await db.query('COMMIT');
    return { applied, loaded: true, logins };
  } catch (e) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    await db.end();
  }
}

async function load(db: Client): Promise<void> {
  const world = await insertReferenceData(db);
  const users = new Map<string, DemoUser>();
  const passwordHash = await argon2.hash(DEMO_PASSWORD, { type: argon2.argon2id });
  for (const o of ORGANIZATIONS) {
    for (const u of o.users) {
      const { rows: user } = await db.query(
        `INSERT INTO users (organization_id, email, display_name, password_hash, roles) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [world.organizations.get(o.key), u.email, u.displayName, passwordHash, u.roles],
      );
      users.set(u.email, { id: user[0].id, organizationId: world.organizations.get(o.key)! });
    }
  }

  for (const c of CERTIFIED_CASES) {
    await certifiedCase(db, c, {
      enterpriseId: world.organizations.get(c.enterprise)!,
      bodyId: world.organizations.get(c.body)!,
      entryId: world.entries.get(c.entry)!,
      declarationId: world.declarations.get(`${c.enterprise}/${c.standard}`)!,
      standardId: world.standards.get(c.standard)!,
      users,
    });
  }
  await seedInspections(db, world);
  await seedGroupStandards(db, world);
  await seedDeclarations(db, world, users);
  await seedLaboratories(db);
  await seedCredit(db);
}

interface DemoUser {
  id: string;
  organizationId: string;
}

/**
 * A case already decided, as the platform would have recorded it: timeline, a passed initial
 * audit with a finding for every requirement, the decision, and the certificate-issue job in the
 * outbox — the worker issues the certificate (number, PDF, QR, registry entry) when it starts, so
 * the demo registry has something to find and verify.
 */
async function certifiedCase(
  db: Client,
  c: (typeof CERTIFIED_CASES)[number],
  ids: { enterpriseId: string; bodyId: string; entryId: string; declarationId: string; standardId: string; users: Map<string, DemoUser> },
): Promise<void> {
  const user = (email: string) => ids.users.get(email)!;
  const writer = pgSqlWriter(db);
  const { rows: app } = await db.query(
    `INSERT INTO applications (number, enterprise_id, certification_body_id, catalogue_entry_id, self_declaration_id, standard_id,
                               category_code, scope, status, version, reviewer_id, created_by, submitted_at, closed_at, created_at)
     SELECT 'SZS-A-' || to_char(now(), 'YYYY') || '-' || lpad(nextval('application_number_seq')::text, 6, '0'),
            $1, $2, $3, $4, $5, e.category_code, $6, 'granted', 8, $7, $8, now() - interval '40 days', now() - interval '1 day',
            now() - interval '42 days'
       FROM catalogue_entries e WHERE e.id = $3
     RETURNING id`,
    [ids.enterpriseId, ids.bodyId, ids.entryId, ids.declarationId, ids.standardId, JSON.stringify(c.scope), user(c.reviewer).id, user(c.applicant).id],
  );
  const applicationId = app[0].id;
  const timeline: [string, ApplicationEvent['from'], ApplicationEvent['to'], string | null, string | null, number][] = [
    ['create', null, 'draft', c.applicant, null, 42],
    ['submit', 'draft', 'submitted', c.applicant, null, 40],
    ['take_into_review', 'submitted', 'under_review', c.reviewer, null, 38],
    ['accept', 'under_review', 'accepted', c.reviewer, '资料齐全，受理', 37],
    ['start_evaluation', 'accepted', 'in_evaluation', null, 'initial audit planned with 1 auditor(s)', 37],
    ['complete_evaluation', 'in_evaluation', 'awaiting_decision', null, 'audit passed', 5],
    ['grant', 'awaiting_decision', 'granted', c.decider, c.rationale, 1],
  ];
  const now = Date.now();
  await recordApplicationEvents(
    writer,
    timeline.map(([action, from, to, email, reason, daysAgo]) => {
      const actor = email ? user(email) : undefined;
      return {
        applicationId,
        action,
        from,
        to,
        actor: { userId: actor?.id ?? null, apiKeyId: null, organizationId: actor?.organizationId ?? null },
        reason,
        at: new Date(now - daysAgo * 86_400_000),
      };
    }),
  );
  const { rows: audit } = await db.query(
    `INSERT INTO audits (application_id, certification_body_id, enterprise_id, standard_id, kind, status, outcome, outcome_reasons,
                         planned_on, started_at, submitted_at, evaluated_at, version)
     VALUES ($1, $2, $3, $4, 'initial', 'evaluated', 'passed', '["every critical requirement passed and no nonconformity is open"]',
             current_date - 20, now() - interval '20 days', now() - interval '6 days', now() - interval '5 days', 4)
     RETURNING id`,
    [applicationId, ids.bodyId, ids.enterpriseId, ids.standardId],
  );
  await db.query(`INSERT INTO audit_auditors (audit_id, auditor_id, lead) VALUES ($1, $2, true)`, [audit[0].id, user(c.auditor).id]);
  // Every requirement passes: measured values at their bound's safe side, pass/fail ones passed.
  await db.query(
    `INSERT INTO findings (audit_id, requirement_id, measured_value, passed, laboratory_name, cnas_number, report_number, recorded_by, recorded_at)
     SELECT $1, r.id, CASE WHEN r.kind = 'measured' THEN coalesce(r.min_value, r.max_value / 2) END, true,
            '深圳市计量质量检测研究院', 'CNAS L0235', 'SZ2026-' || lpad(r.position::text, 4, '0'), $2, now() - interval '8 days'
       FROM requirements r WHERE r.standard_id = $3`,
    [audit[0].id, user(c.auditor).id, ids.standardId],
  );
  await db.query(
    `INSERT INTO decisions (application_id, outcome, rationale, decided_by, decided_at) VALUES ($1, 'granted', $2, $3, now() - interval '1 day')`,
    [applicationId, c.rationale, user(c.decider).id],
  );
  await enqueue(writer, issueCertificate(applicationId, ids.bodyId));
}
