import type { EntityManager } from 'typeorm';
import { mod37_36CheckCharacter } from '@app/shared';

/**
 * A case's reference, e.g. CMP-2026-000123-7: prefix, year in Beijing time, serial and a check
 * character (ISO/IEC 7064, as certificate numbers), so a mistyped reference is caught rather than
 * matching another case.
 */
export async function caseReference(tx: Pick<EntityManager, 'query'>, prefix: 'CMP' | 'APL', sequence: 'complaint_seq' | 'appeal_seq'): Promise<string> {
  const [row] = await tx.query(`SELECT nextval('${sequence}')::text AS serial, to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY') AS year`);
  const serial = String(row.serial).padStart(6, '0');
  return `${prefix}-${row.year}-${serial}-${mod37_36CheckCharacter(`${prefix}${row.year}${serial}`)}`;
}
