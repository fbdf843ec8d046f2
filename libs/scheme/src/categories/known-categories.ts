import type { EntityManager } from 'typeorm';
import { FIELD_RULES, fieldError } from '@app/shared';

/** Refuses (400 on `field`, naming each) the product category codes the scheme does not have. */
export async function assertCategoriesExist(tx: EntityManager, field: string, codes: string[]): Promise<void> {
  const known: { code: string }[] = await tx.query(`SELECT code FROM product_categories WHERE code = ANY($1::text[])`, [codes]);
  const unknown = codes.filter((c) => !known.some((k) => k.code === c));
  if (unknown.length) {
    throw fieldError('REFERENCE_NOT_FOUND', field, `unknown product categories: ${unknown.join(', ')}`, FIELD_RULES.unknownCategory(unknown.join(', ')));
  }
}
