import * as argon2 from 'argon2';
import { Client } from 'pg';
import { creditCodeCheckCharacter } from '../../libs/identity/src/credit-code/credit-code';
import { AUTHORIZATIONS, BATCH, CATEGORIES, DECLARATIONS, DEMO_PASSWORD, ENTRIES, ORGANIZATIONS, STANDARDS } from './demo-data';

export interface DemoLogin {
  organization: string;
  email: string;
  roles: string[];
}

const SEED_LOCK = 731_2019;

/**
 * Loads the demo world once, in one transaction: a database that already holds the demo
 * regulator is left as it is. Returns the logins either way, for the start banner.
 */
export async function seedDemo(databaseUrl: string): Promise<{ loaded: boolean; logins: DemoLogin[] }> {
  const logins = ORGANIZATIONS.flatMap((o) => o.users.map((u) => ({ organization: o.nameZh, email: u.email, roles: u.roles })));
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query('BEGIN');
    await db.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
    const regulatorCode = withCheck(ORGANIZATIONS[0].creditCode17);
    const { rowCount } = await db.query('SELECT 1 FROM organizations WHERE credit_code = $1', [regulatorCode]);
    if (rowCount) {
      await db.query('ROLLBACK');
      return { loaded: false, logins };
    }
    await load(db);
    await db.query('COMMIT');
    return { loaded: true, logins };
  } catch (e) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    await db.end();
  }
}

const withCheck = (first17: string) => first17 + creditCodeCheckCharacter(first17);

async function load(db: Client): Promise<void> {
  for (const c of CATEGORIES) {
    await db.query(
      `INSERT INTO product_categories (code, name_zh, name_en, pilot) VALUES ($1, $2, $3, $4) ON CONFLICT (code) DO NOTHING`,
      [c.code, c.nameZh, c.nameEn, c.pilot],
    );
  }

  const orgIds = new Map<string, string>();
  const passwordHash = await argon2.hash(DEMO_PASSWORD, { type: argon2.argon2id });
  for (const o of ORGANIZATIONS) {
    const { rows } = await db.query(
      `INSERT INTO organizations (kind, name_zh, name_en, credit_code, address, contact_name, contact_email, contact_phone)
       VALUES ($1, $2, $3, $4, $5, $6, $7, '0755-8888' || lpad((floor(random() * 10000))::text, 4, '0')) RETURNING id`,
      [o.kind, o.nameZh, o.nameEn, withCheck(o.creditCode17), o.address, o.users[0].displayName, o.users[0].email],
    );
    orgIds.set(o.key, rows[0].id);
    for (const u of o.users) {
      await db.query(
        `INSERT INTO users (organization_id, email, display_name, password_hash, roles) VALUES ($1, $2, $3, $4, $5)`,
        [rows[0].id, u.email, u.displayName, passwordHash, u.roles],
      );
    }
  }

  const standardIds = new Map<string, string>();
  for (const s of STANDARDS) {
    const issuerOrg = s.kind === 'group' ? orgIds.get('association') : null;
    const { rows } = await db.query(
      `INSERT INTO standards (code, version, title_zh, title_en, kind, issuer, issuer_organization_id, published_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [s.code, s.version, s.titleZh, s.titleEn, s.kind, s.issuer, issuerOrg, `${s.version}-01-15`],
    );
    standardIds.set(s.key, rows[0].id);
    for (const c of s.categories) {
      await db.query(`INSERT INTO standard_categories (standard_id, category_code) VALUES ($1, $2)`, [rows[0].id, c]);
    }
    for (const [i, r] of s.requirements.entries()) {
      const measured = r.kind === 'measured' ? r : undefined;
      await db.query(
        `INSERT INTO requirements (standard_id, position, clause, text_zh, text_en, kind, unit, min_value, max_value, critical)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [rows[0].id, i + 1, r.clause, r.textZh, r.textEn, r.kind, measured?.unit ?? null, measured?.min ?? null, measured?.max ?? null, r.critical],
      );
    }
  }

  const { rows: batch } = await db.query(
    `INSERT INTO catalogue_batches (number, title_zh, title_en, status, published_at) VALUES ($1, $2, $3, 'published', now()) RETURNING id`,
    [BATCH.number, BATCH.titleZh, BATCH.titleEn],
  );
  for (const e of ENTRIES) {
    const { rows } = await db.query(
      `INSERT INTO catalogue_entries (batch_id, category_code, kind, name_zh, name_en, evaluation_rules)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [batch[0].id, e.categoryCode, e.kind, e.nameZh, e.nameEn,
        `${e.nameZh}深圳标准认证评价细则：初次工厂检查 + 产品型式检验（CNAS 认可实验室），获证后每 12 个月监督一次。`],
    );
    for (const s of e.standards) {
      await db.query(`INSERT INTO catalogue_entry_standards (entry_id, standard_id) VALUES ($1, $2)`, [rows[0].id, standardIds.get(s)]);
    }
  }

  for (const a of AUTHORIZATIONS) {
    await db.query(
      `INSERT INTO authorizations (certification_body_id, category_code, accreditation_number, valid_from, valid_until)
       VALUES ($1, $2, $3, current_date - 365, current_date + 3 * 365)`,
      [orgIds.get(a.body), a.category, a.accreditation],
    );
  }

  for (const d of DECLARATIONS) {
    await db.query(
      `INSERT INTO self_declarations (series_id, version, enterprise_id, standard_id, product_name_zh, product_name_en, models, key_indicators)
       VALUES (gen_random_uuid(), 1, $1, $2, $3, $4, $5, $6)`,
      [orgIds.get(d.enterprise), standardIds.get(d.standard), d.productNameZh, d.productNameEn, d.models, JSON.stringify(d.keyIndicators)],
    );
  }
}
