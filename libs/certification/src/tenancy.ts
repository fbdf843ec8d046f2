import { isRegulator, Principal } from '@app/identity';

export interface CaseScopeOptions {
  /** Whether the enterprise concerned sees the record (misuse reports: no). */
  enterprise?: boolean;
  /** A further condition for the certification body (applications: only once submitted). */
  bodyCondition?: string;
}

/**
 * The SQL condition that limits a case record (`alias` has enterprise_id and
 * certification_body_id) to the organizations it concerns: the regulator sees everything, the
 * enterprise its own, the certification body what it handles, anyone else nothing. Tenancy is in
 * the query itself; the caller's organization id becomes a parameter.
 */
export function caseScope(caller: Principal, params: unknown[], alias: string, options: CaseScopeOptions = {}): string {
  if (isRegulator(caller)) return 'TRUE';
  switch (caller.organizationKind) {
    case 'enterprise':
      return options.enterprise === false ? 'FALSE' : `${alias}.enterprise_id = $${params.push(caller.organizationId)}`;
    case 'certification_body': {
      const own = `${alias}.certification_body_id = $${params.push(caller.organizationId)}`;
      return options.bodyCondition ? `${own} AND ${options.bodyCondition}` : own;
    }
    default:
      return 'FALSE';
  }
}
