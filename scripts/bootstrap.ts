import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import {
  CreateOrganizationDto,
  creditCodeProblem,
  describeCreditCodeProblem,
  generatePassword,
  Organization,
  OrganizationsService,
  OrganizationView,
  User,
} from '@app/identity';
import { ADVISORY_LOCKS, preflight } from '@app/persistence';
import { ConfigError, loadConfig, toErrorBody } from '@app/shared';
import { migrations } from '../migrations';

/**
 * `node dist/scripts/bootstrap.js --email … --name-zh … --credit-code …` (`npm run bootstrap -- …`):
 * the operator's way in. Migrates, then creates the regulator organization and its first
 * administrator (role regulator) with a generated password printed once. Runs once: when any
 * regulator organization exists it refuses, so it cannot be used to add a second way in.
 */

const USAGE =
  'Usage: node dist/scripts/bootstrap.js --email <address> --name-zh <organization name> --credit-code <18-character unified social credit code> ' +
  '[--name-en <English name>] [--address <address>] [--display-name <administrator name>]';

/** Serializes concurrent bootstraps: the check "no regulator yet" and the creation happen under it. */
const BOOTSTRAP_LOCK = ADVISORY_LOCKS.bootstrap;

/** The command-line option of each field of the request, so every refusal names what to fix. */
const OPTION_OF: Record<string, string> = {
  email: '--email',
  nameZh: '--name-zh',
  nameEn: '--name-en',
  creditCode: '--credit-code',
  address: '--address',
  displayName: '--display-name',
};

class Refusal extends Error {}

function parseInput(argv: string[]): CreateOrganizationDto {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: Object.fromEntries(Object.values(OPTION_OF).map((o) => [o.slice(2), { type: 'string' as const }])),
    }) as { values: Record<string, string | undefined> });
  } catch (e) {
    throw new Refusal(`${(e as Error).message}. ${USAGE}`);
  }
  const missing = ['--email', '--name-zh', '--credit-code'].filter((o) => !values[o.slice(2)]?.trim());
  if (missing.length) throw new Refusal(`${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} required. ${USAGE}`);

  const email = values.email!.trim();
  const creditCode = values['credit-code']!.trim().toUpperCase();
  const dto = plainToInstance(CreateOrganizationDto, {
    kind: 'regulator',
    nameZh: values['name-zh']!.trim(),
    nameEn: values['name-en']?.trim() || undefined,
    creditCode,
    // The regulator of this scheme is Shenzhen's market regulation administration.
    address: values.address?.trim() || '深圳市',
    admin: { email, displayName: values['display-name']?.trim() || email.split('@')[0], password: generatePassword() },
  });

  const problems: string[] = [];
  const codeProblem = creditCodeProblem(creditCode);
  if (codeProblem) problems.push(`--credit-code: ${describeCreditCodeProblem(creditCode, codeProblem)}.`);
  for (const error of flatten(validateSync(dto, { forbidUnknownValues: true }))) {
    if (error.property === 'creditCode' && codeProblem) continue;
    const option = OPTION_OF[error.property] ?? error.property;
    for (const reason of Object.values(error.constraints ?? {})) {
      problems.push(`${option}: ${reason.replace(new RegExp(`^${error.property}\\b`), 'the value')} (got ${JSON.stringify(error.value)}).`);
    }
  }
  if (problems.length) throw new Refusal(problems.join('\n'));
  return dto;
}

function flatten(errors: ValidationError[]): ValidationError[] {
  return errors.flatMap((e) => [e, ...flatten(e.children ?? [])]).filter((e) => e.constraints);
}

async function main(): Promise<void> {
  const dto = parseInput(process.argv.slice(2));
  const config = loadConfig();
  await preflight(config, migrations);

  const db = new DataSource({ type: 'postgres', url: config.DATABASE_URL, entities: [Organization, User], logging: false });
  await db.initialize();
  const lock = db.createQueryRunner();
  let locked = false;
  try {
    // A session lock on its own connection, held until the organization and its administrator are
    // committed: a second bootstrap started at the same moment waits here, then sees the regulator.
    await lock.query('SELECT pg_advisory_lock($1)', [BOOTSTRAP_LOCK]);
    locked = true;
    const existing: { name_zh: string; credit_code: string }[] = await lock.query(
      `SELECT name_zh, credit_code FROM organizations WHERE kind = 'regulator' ORDER BY created_at LIMIT 1`,
    );
    if (existing.length) {
      throw new Refusal(
        `Refusing to bootstrap: a regulator organization already exists (${existing[0].name_zh}, ${existing[0].credit_code}), so the ` +
          'bootstrap has already run; its administrators create further users with POST /api/v1/users.',
      );
    }
    let org: OrganizationView;
    try {
      org = await new OrganizationsService(db.getRepository(Organization), db).create(dto);
    } catch (e) {
      // A unique credit code or e-mail address taken by another organization: name the option.
      const body = toErrorBody(e);
      if (body.statusCode >= 500) throw e;
      const field = body.fields?.[0]?.field;
      throw new Refusal(`${field && OPTION_OF[field] ? `${OPTION_OF[field]}: ` : ''}${body.message}.`);
    }
    console.log(
      [
        `Created the regulator organization ${org.nameZh} (${org.creditCode}) and its first administrator ${dto.admin!.email} (role regulator).`,
        'The password is shown only this once: store it now (log in with POST /api/v1/auth/login).',
        `Password: ${dto.admin!.password}`,
      ].join('\n'),
    );
  } finally {
    if (locked) await lock.query('SELECT pg_advisory_unlock($1)', [BOOTSTRAP_LOCK]);
    await lock.release();
    await db.destroy();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Refusal || err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
