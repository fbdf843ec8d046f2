import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal, Role } from '@app/identity';
import { SHENZHEN_TODAY } from '../certificates/certificate-issuer';
import { WorkItem, WorklistSection, WorklistView, WorkSection, WorkTarget } from './worklist.view';

export const WORKLIST_ITEMS = 5;
export const EXPIRING_CERTIFICATE_DAYS = 90;
export const EXPIRING_AUTHORIZATION_DAYS = 60;

/**
 * One section of the work list as SQL over the caller: `$1` is its organization, `$2` the person.
 * `from` and `where` are what the count reads (tenancy first, so every count is one scan of an
 * index that starts with the organization); `joins` adds what only the items show.
 */
interface SectionSql {
  key: WorkSection;
  target: WorkTarget;
  from: string;
  where: string;
  joins?: string;
  orderBy: string;
  item: { id: string; parentId?: string; title: string; subtitle: string; at: string };
}

/** Who sees a section: the organization kind, and (for a certification body) the roles whose work it is. */
interface SectionRule {
  kind: Principal['organizationKind'];
  roles?: readonly Role[];
  sql: (caller: Principal) => SectionSql;
}

/** The start of a Shenzhen calendar day, as the instant the console converts back to a date. */
const dayStart = (column: string) => `(${column}::timestamp AT TIME ZONE 'Asia/Shanghai')`;
const scopeName = (alias: string) => `coalesce(${alias}.scope->'products'->0->>'nameZh', ${alias}.scope->'service'->>'nameZh')`;
const isAdmin = (caller: Principal) => caller.roles.includes('cb_admin');

const misuseReports = (where: string): SectionSql => ({
  key: 'misuse_reports_open',
  target: 'misuse_report',
  from: 'misuse_reports m',
  where: `${where} AND m.status <> 'closed'`,
  orderBy: 'm.created_at, m.id',
  item: { id: 'm.id', title: 'm.reference', subtitle: `coalesce(m.code, m.where_seen)`, at: 'm.created_at' },
});

const markGrantsRequested = (side: 'enterprise_id' | 'certification_body_id'): SectionSql => ({
  key: 'mark_grants_requested',
  target: 'mark_grant',
  from: 'mark_grants g',
  where: `g.${side} = $1 AND g.status = 'requested'`,
  joins: 'JOIN certificates c ON c.id = g.certificate_id',
  orderBy: 'g.created_at, g.id',
  item: {
    id: 'g.id',
    parentId: 'g.certificate_id',
    title: 'c.number',
    subtitle: `(SELECT string_agg(p->>'model', ', ') FROM jsonb_array_elements(g.products) p)`,
    at: 'g.created_at',
  },
});

const applicationsIn = (status: string, extra = ''): Omit<SectionSql, 'key'> => ({
  target: 'application',
  from: 'applications a',
  where: `a.certification_body_id = $1 AND a.status = '${status}'${extra}`,
  joins: 'JOIN organizations en ON en.id = a.enterprise_id',
  orderBy: 'a.updated_at, a.id',
  item: { id: 'a.id', title: 'a.number', subtitle: `${scopeName('a')} || ' · ' || en.name_zh`, at: 'a.updated_at' },
});

/** In the order the console shows them. */
const SECTIONS: SectionRule[] = [
  {
    kind: 'enterprise',
    sql: () => ({
      key: 'applications_info_requested',
      target: 'application',
      from: 'applications a',
      where: `a.enterprise_id = $1 AND a.status = 'info_requested'`,
      orderBy: 'a.updated_at, a.id',
      item: { id: 'a.id', title: 'a.number', subtitle: scopeName('a'), at: 'a.updated_at' },
    }),
  },
  {
    kind: 'enterprise',
    sql: () => ({
      key: 'nonconformities_open',
      target: 'nonconformity',
      from: 'nonconformities n JOIN audits au ON au.id = n.audit_id',
      where: `au.enterprise_id = $1 AND n.status = 'open'`,
      joins: 'JOIN applications ap ON ap.id = au.application_id',
      orderBy: 'n.due_on, n.id',
      item: { id: 'n.id', parentId: 'n.audit_id', title: `left(n.description, 120)`, subtitle: `ap.number || ' · ' || n.grade`, at: dayStart('n.due_on') },
    }),
  },
  {
    kind: 'enterprise',
    sql: () => ({
      key: 'certificates_expiring',
      target: 'certificate',
      from: 'certificates c',
      where: `c.enterprise_id = $1 AND c.status IN ('valid', 'suspended')
              AND c.expires_on < ${SHENZHEN_TODAY} + ${EXPIRING_CERTIFICATE_DAYS}`,
      orderBy: 'c.expires_on, c.id',
      item: { id: 'c.id', title: 'c.number', subtitle: scopeName('c'), at: dayStart('c.expires_on') },
    }),
  },
  { kind: 'enterprise', sql: () => markGrantsRequested('enterprise_id') },
  {
    kind: 'enterprise',
    sql: () => ({
      key: 'label_batches_generating',
      target: 'label_batch',
      from: 'label_batches b',
      where: `b.enterprise_id = $1 AND b.status = 'requested'`,
      joins: 'JOIN mark_grants g ON g.id = b.mark_grant_id JOIN certificates c ON c.id = g.certificate_id',
      orderBy: 'b.created_at, b.id',
      item: { id: 'b.id', parentId: 'g.certificate_id', title: 'c.number', subtitle: `b.generated || ' / ' || b.quantity`, at: 'b.created_at' },
    }),
  },
  { kind: 'certification_body', roles: ['reviewer', 'cb_admin'], sql: () => ({ key: 'applications_submitted', ...applicationsIn('submitted') }) },
  {
    kind: 'certification_body',
    roles: ['reviewer', 'cb_admin'],
    // A reviewer's own reviews; the administrator watches them all.
    sql: (caller) => ({ key: 'applications_in_review', ...applicationsIn('under_review', isAdmin(caller) ? '' : ' AND a.reviewer_id = $2') }),
  },
  {
    kind: 'certification_body',
    roles: ['auditor'],
    sql: () => ({
      key: 'my_audits',
      target: 'audit',
      from: 'audits au JOIN audit_auditors aa ON aa.audit_id = au.id',
      where: `aa.auditor_id = $2 AND au.certification_body_id = $1 AND au.status IN ('planned', 'in_progress')`,
      joins: 'JOIN applications ap ON ap.id = au.application_id JOIN organizations en ON en.id = au.enterprise_id',
      orderBy: 'au.planned_on, au.id',
      item: { id: 'au.id', title: 'ap.number', subtitle: `en.name_zh || ' · ' || au.kind || ' · ' || au.status`, at: dayStart('au.planned_on') },
    }),
  },
  {
    kind: 'certification_body',
    roles: ['decision_maker', 'cb_admin'],
    sql: () => ({ key: 'applications_awaiting_decision', ...applicationsIn('awaiting_decision') }),
  },
  {
    kind: 'certification_body',
    roles: ['auditor', 'cb_admin'],
    // An auditor answers for the audits assigned to them; the administrator sees the body's.
    sql: (caller) => ({
      key: 'nonconformities_answered',
      target: 'nonconformity',
      from: 'nonconformities n JOIN audits au ON au.id = n.audit_id',
      where: `au.certification_body_id = $1 AND n.status = 'answered'${
        isAdmin(caller) ? '' : ' AND EXISTS (SELECT 1 FROM audit_auditors aa WHERE aa.audit_id = au.id AND aa.auditor_id = $2)'
      }`,
      joins: 'JOIN applications ap ON ap.id = au.application_id',
      orderBy: 'n.answered_at, n.id',
      item: { id: 'n.id', parentId: 'n.audit_id', title: `left(n.description, 120)`, subtitle: `ap.number || ' · ' || n.grade`, at: 'n.answered_at' },
    }),
  },
  { kind: 'certification_body', roles: ['decision_maker', 'cb_admin'], sql: () => markGrantsRequested('certification_body_id') },
  { kind: 'certification_body', roles: ['cb_admin'], sql: () => misuseReports('m.certification_body_id = $1') },
  {
    kind: 'certification_body',
    roles: ['decision_maker', 'cb_admin'],
    sql: () => ({
      key: 'counterfeit_signals_open',
      target: 'counterfeit_signal',
      from: 'counterfeit_signals s',
      where: `s.certification_body_id = $1 AND s.status = 'open'`,
      orderBy: 's.raised_at DESC, s.id',
      item: { id: 's.id', parentId: 's.certificate_id', title: 's.code', subtitle: 's.reason', at: 's.raised_at' },
    }),
  },
  {
    kind: 'certification_body',
    roles: ['cb_admin'],
    sql: () => ({
      key: 'failed_jobs',
      target: 'job',
      from: 'outbox o',
      where: `o.organization_id = $1 AND o.failed_at IS NOT NULL AND o.completed_at IS NULL`,
      orderBy: 'o.failed_at DESC, o.id',
      item: { id: 'o.id::text', title: `o.queue || ' / ' || o.job_name`, subtitle: 'left(o.last_error, 200)', at: 'o.failed_at' },
    }),
  },
  { kind: 'regulator', sql: () => misuseReports('TRUE') },
  {
    kind: 'regulator',
    sql: () => ({
      key: 'catalogue_batches_draft',
      target: 'catalogue_batch',
      from: 'catalogue_batches cbt',
      where: `cbt.status = 'draft'`,
      orderBy: 'cbt.created_at, cbt.id',
      item: { id: 'cbt.id', title: 'cbt.number', subtitle: 'cbt.title_zh', at: 'cbt.created_at' },
    }),
  },
  {
    kind: 'regulator',
    sql: () => ({
      key: 'authorizations_expiring',
      target: 'authorization',
      from: 'authorizations au',
      where: `au.revoked_at IS NULL AND au.valid_until >= ${SHENZHEN_TODAY} AND au.valid_until < ${SHENZHEN_TODAY} + ${EXPIRING_AUTHORIZATION_DAYS}`,
      joins: 'JOIN organizations o ON o.id = au.certification_body_id',
      orderBy: 'au.valid_until, au.id',
      item: { id: 'au.id', title: 'o.name_zh', subtitle: `au.category_code || ' · ' || au.accreditation_number`, at: dayStart('au.valid_until') },
    }),
  },
  {
    kind: 'regulator',
    sql: () => ({
      key: 'abnormal_operations_listed',
      target: 'abnormal_operation',
      from: 'abnormal_operations ab',
      where: 'ab.removed_at IS NULL',
      joins: 'JOIN organizations o ON o.id = ab.enterprise_id',
      orderBy: 'ab.listed_at DESC, ab.id',
      item: { id: 'ab.id', title: 'o.name_zh', subtitle: 'left(ab.reason, 200)', at: 'ab.listed_at' },
    }),
  },
];

/** The sections a caller sees: its organization's kind, and for a certification body the roles whose work each is. */
export function sectionsFor(caller: Principal): SectionSql[] {
  return SECTIONS.filter((s) => s.kind === caller.organizationKind && (!s.roles || s.roles.some((r) => caller.roles.includes(r)))).map((s) => s.sql(caller));
}

/**
 * "What needs me": per section the count and the first few items of what waits for the caller's
 * organization (and, where the work is a person's, for the caller). One statement, one round
 * trip: each count and each first page is a subquery bounded by the organization.
 */
@Injectable()
export class WorklistService {
  constructor(private readonly db: DataSource) {}

  async worklist(caller: Principal): Promise<WorklistView> {
    const sections = sectionsFor(caller);
    if (!sections.length) return { organizationKind: caller.organizationKind, sections: [] };
    const columns = sections.map((s, i) => {
      const { id, parentId = 'NULL::uuid', title, subtitle, at } = s.item;
      return `(SELECT count(*)::int FROM ${s.from} WHERE ${s.where}) AS c${i},
        (SELECT coalesce(json_agg(i), '[]') FROM (
           SELECT ${id} AS id, '${s.target}' AS target, ${parentId} AS "parentId", ${title} AS title, ${subtitle} AS subtitle, ${at} AS at
             FROM ${s.from} ${s.joins ?? ''}
            WHERE ${s.where} ORDER BY ${s.orderBy} LIMIT ${WORKLIST_ITEMS}) i) AS i${i}`;
    });
    const sql = `SELECT ${columns.join(',\n')}`;
    // A parameter no section refers to has no type Postgres could infer: bind only those used (the regulator's sections use none).
    const params = [caller.organizationId, caller.userId].slice(0, sql.includes('$2') ? 2 : sql.includes('$1') ? 1 : 0);
    const [row]: Record<string, unknown>[] = await this.db.query(sql, params);
    return {
      organizationKind: caller.organizationKind,
      sections: sections.map((s, i): WorklistSection => ({ key: s.key, count: row[`c${i}`] as number, items: row[`i${i}`] as WorkItem[] })),
    };
  }
}
