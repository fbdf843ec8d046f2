import type { EntityManager } from 'typeorm';
import { fieldError } from '@app/shared';
import type { OrganizationKind } from '@app/identity';

/**
 * Checks that an id names an organization (of one of the given kinds, when given), or answers 400
 * naming the field.
 * Organizations belong to the identity context: read by table, not through its entity, so this
 * context's module does not need identity's (the worker process loads scheme without identity).
 */
export async function assertOrganization(manager: EntityManager, field: string, id: string, kind?: OrganizationKind): Promise<void> {
  const [row] = await manager.query(`SELECT kind FROM organizations WHERE id = $1`, [id]);
  if (!row || (kind && row.kind !== kind)) {
    throw fieldError('REFERENCE_NOT_FOUND', field, `no ${kind ? kind.replace('_', ' ') : 'organization'} with id ${id}`);
  }
}

/** Category codes: capitals, digits and _, as the product_categories check constraint says. */
export const CATEGORY_CODE = /^[A-Z][A-Z0-9_]{1,31}$/;
export const CATEGORY_CODE_MESSAGE = 'must be 2-32 capitals, digits or _, starting with a capital';
