import type { EntityManager } from 'typeorm';

/** A certificate lives three years; its surveillance audits fall inside them. */
const VALIDITY_MONTHS = 36;

/**
 * How many surveillance audits a certificate has over its validity at this interval: one each
 * interval, the last before the renewal (12 months → 2: at 12 and 24 months).
 */
export const surveillancesPerValidity = (intervalMonths: number) => Math.max(1, Math.floor((VALIDITY_MONTHS - 1) / intervalMonths));

/**
 * Which requirements (by position in the standard) surveillance `cycle` checks: every critical one,
 * and the others in rotation so that over the certificate's surveillances each is checked at least once.
 */
export function rotation(requirements: { id: string; critical: boolean }[], cycle: number, intervalMonths: number): string[] {
  const turns = surveillancesPerValidity(intervalMonths);
  const turn = (cycle - 1) % turns;
  const others = requirements.filter((r) => !r.critical);
  return requirements.filter((r) => r.critical || others.indexOf(r) % turns === turn).map((r) => r.id);
}

/** The reduced checklist of surveillance `cycle` of a certificate against `standardId`. */
export async function surveillanceChecklist(tx: EntityManager, standardId: string, cycle: number, intervalMonths: number): Promise<string[]> {
  const requirements: { id: string; critical: boolean }[] = await tx.query(`SELECT id, critical FROM requirements WHERE standard_id = $1 ORDER BY position`, [
    standardId,
  ]);
  return rotation(requirements, cycle, intervalMonths);
}
