import type { EntityManager } from 'typeorm';
import { SHENZHEN_TODAY } from '../shenzhen-date';
import type { MarkedProduct } from './mark-grant.view';
import { reduceGrant } from './scope-changes';

/**
 * The live mark grants of a certificate lose `models` (they left its scope): a grant left with
 * other models is trimmed, one left with none is revoked; each remembers which models left and
 * when, so its labels say why they no longer answer valid. Returns how many grants were revoked.
 */
export async function trimMarkGrants(tx: EntityManager, certificateId: string, models: string[]): Promise<number> {
  const grants: { id: string; products: MarkedProduct[] }[] = await tx.query(
    `SELECT id, products FROM mark_grants WHERE certificate_id = $1 AND status IN ('requested', 'granted', 'suspended') FOR UPDATE`,
    [certificateId],
  );
  let revoked = 0;
  for (const grant of grants) {
    const r = reduceGrant(grant.products, models);
    if (r.effect === 'untouched') continue;
    if (r.effect === 'revoked') revoked++;
    await tx.query(
      `UPDATE mark_grants SET products = CASE WHEN $2 THEN products ELSE $3::jsonb END, status = CASE WHEN $2 THEN 'revoked' ELSE status END,
              removed_models = coalesce(removed_models, '{}') || $4::text[], scope_reduced_on = ${SHENZHEN_TODAY}, version = version + 1
        WHERE id = $1`,
      [grant.id, r.effect === 'revoked', JSON.stringify(r.products), r.removed],
    );
  }
  return revoked;
}
