import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isRegulator, Principal } from '@app/identity';
import { DomainError } from '@app/shared';
import { SHENZHEN_TODAY } from '../certificates/certificate-issuer';
import { CERTIFICATE_STATUSES } from '../certificates/certificate-status.machine';
import { COUNTERFEIT_SIGNAL_STATUSES, DashboardView } from './statistics.view';

export const DASHBOARD_MONTHS = 12;
export const DASHBOARD_DAYS = 30;

/**
 * The dashboard: the regulator sees the whole scheme; a certification body sees its own
 * certificates, the verifications of its codes and its counterfeit signals (what it answers
 * for); anyone else is refused.
 *
 * The certificate figures sum `certificate_counts` (per body, category, status and month of
 * issue, kept by a trigger on certificates: see the console-reads migration), whose rows grow
 * with bodies, categories and months, not with certificates; verifications come from `verification_daily_counts`
 * (per day, body and kind), which the counterfeit detector fills in its batched flush; signals
 * are counted over their raise-date index. Measured at 1M certificates in docs/benchmarks.md.
 */
@Injectable()
export class StatisticsService {
  constructor(private readonly db: DataSource) {}

  async dashboard(caller: Principal): Promise<DashboardView> {
    const all = isRegulator(caller);
    if (!all && caller.organizationKind !== 'certification_body') {
      throw new DomainError('FORBIDDEN_ROLE', 'the dashboard is for the regulator and certification bodies');
    }
    const params: unknown[] = all ? [] : [caller.organizationId];
    const body = (column: string) => (all ? 'TRUE' : `${column} = $1`);
    const [row] = await this.db.query(
      `WITH today AS (SELECT ${SHENZHEN_TODAY} AS d),
       by_category AS (
         SELECT n.category_code, sum(n.count)::int AS count, (coalesce(sum(n.count) FILTER (WHERE n.status = 'valid'), 0))::int AS valid
           FROM certificate_counts n WHERE ${body('n.certification_body_id')} GROUP BY n.category_code HAVING sum(n.count) > 0),
       by_status AS (SELECT n.status, sum(n.count)::int AS count FROM certificate_counts n WHERE ${body('n.certification_body_id')} GROUP BY n.status),
       months AS (
         SELECT generate_series(date_trunc('month', d) - interval '${DASHBOARD_MONTHS - 1} months', date_trunc('month', d), interval '1 month')::date AS m
           FROM today),
       issued AS (
         SELECT n.issued_month AS m, sum(n.count)::int AS count
           FROM certificate_counts n
          WHERE ${body('n.certification_body_id')} AND n.issued_month >= (SELECT min(m) FROM months)
          GROUP BY 1),
       days AS (SELECT generate_series(d - ${DASHBOARD_DAYS - 1}, d, interval '1 day')::date AS d FROM today),
       verified AS (
         SELECT v.day, v.kind, sum(v.count)::int AS count
           FROM verification_daily_counts v
          WHERE ${body('v.certification_body_id')} AND v.day >= (SELECT min(d) FROM days)
          GROUP BY 1, 2),
       raised AS (
         SELECT (s.raised_at AT TIME ZONE 'Asia/Shanghai')::date AS d, count(*)::int AS count
           FROM counterfeit_signals s
          WHERE ${body('s.certification_body_id')} AND s.raised_at >= ((SELECT min(d) FROM days)::timestamp AT TIME ZONE 'Asia/Shanghai')
          GROUP BY 1),
       signal_status AS (SELECT s.status, count(*)::int AS count FROM counterfeit_signals s WHERE ${body('s.certification_body_id')} GROUP BY s.status)
       SELECT
         (SELECT d FROM today)::text AS today,
         (SELECT coalesce(json_agg(json_build_object('code', pc.code, 'nameZh', pc.name_zh, 'nameEn', pc.name_en, 'count', b.count, 'valid', b.valid)
                                   ORDER BY b.count DESC, pc.code), '[]')
            FROM by_category b JOIN product_categories pc ON pc.code = b.category_code) AS "certificatesByCategory",
         (SELECT json_agg(json_build_object('status', s.status, 'count', coalesce(b.count, 0)) ORDER BY s.ord)
            FROM unnest($${params.push(CERTIFICATE_STATUSES)}::text[]) WITH ORDINALITY s(status, ord) LEFT JOIN by_status b ON b.status = s.status)
           AS "certificatesByStatus",
         (SELECT json_agg(json_build_object('month', to_char(months.m, 'YYYY-MM'), 'count', coalesce(i.count, 0)) ORDER BY months.m)
            FROM months LEFT JOIN issued i ON i.m = months.m) AS "issuedPerMonth",
         (SELECT json_agg(json_build_object('day', days.d, 'certificate', coalesce(c.count, 0), 'label', coalesce(l.count, 0),
                                            'total', coalesce(c.count, 0) + coalesce(l.count, 0)) ORDER BY days.d)
            FROM days LEFT JOIN verified c ON c.day = days.d AND c.kind = 'certificate' LEFT JOIN verified l ON l.day = days.d AND l.kind = 'label')
           AS "verificationsPerDay",
         (SELECT json_agg(json_build_object('day', days.d, 'count', coalesce(r.count, 0)) ORDER BY days.d) FROM days LEFT JOIN raised r ON r.d = days.d)
           AS "counterfeitSignalsPerDay",
         (SELECT json_agg(json_build_object('status', s.status, 'count', coalesce(b.count, 0)) ORDER BY s.ord)
            FROM unnest($${params.push(COUNTERFEIT_SIGNAL_STATUSES)}::text[]) WITH ORDINALITY s(status, ord) LEFT JOIN signal_status b ON b.status = s.status)
           AS "counterfeitSignalsByStatus"`,
      params,
    );
    return { scope: all ? 'all' : 'certification_body', ...row };
  }
}
