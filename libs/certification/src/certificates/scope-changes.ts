import type { ScopeDto, ScopeProductDto } from '../applications/application.dto';
import type { MarkedProduct } from './mark-grant.view';

/*
 * A certificate's scope as it changes after issue, as plain functions (the services write the
 * result): an extension adds products and models, a reduction takes models away and with them the
 * mark grants' products that name them.
 */

const sameProduct = (a: ScopeProductDto, b: ScopeProductDto) => a.nameZh === b.nameZh && a.brand === b.brand && a.factoryAddress === b.factoryAddress;

/** The scope with an extension's products: a product already certified (same name, brand and factory) gains the new models. */
export function extendedScope(current: ScopeDto, added: ScopeDto): ScopeDto {
  const products = (current.products ?? []).map((p) => ({ ...p, models: [...p.models] }));
  for (const extra of added.products ?? []) {
    const same = products.find((p) => sameProduct(p, extra));
    if (same) same.models.push(...extra.models.filter((m) => !same.models.includes(m)));
    else products.push({ ...extra, models: [...extra.models] });
  }
  return { ...current, products };
}

/** Every model a scope certifies. */
export const scopeModels = (scope: ScopeDto): string[] => (scope.products ?? []).flatMap((p) => p.models);

/** The scope without `models`; a product left with none is gone. */
export function reducedScope(scope: ScopeDto, models: string[]): ScopeDto {
  const removed = new Set(models);
  const products = (scope.products ?? []).map((p) => ({ ...p, models: p.models.filter((m) => !removed.has(m)) })).filter((p) => p.models.length > 0);
  return { ...scope, products };
}

/** What a reduction does to one mark grant: nothing, trim its products, or end it (it covered removed models only). */
export type GrantReduction = { effect: 'untouched' } | { effect: 'trimmed' | 'revoked'; products: MarkedProduct[]; removed: string[] };

export function reduceGrant(products: MarkedProduct[], models: string[]): GrantReduction {
  const removed = products.filter((p) => models.includes(p.model));
  if (!removed.length) return { effect: 'untouched' };
  const kept = products.filter((p) => !models.includes(p.model));
  return { effect: kept.length ? 'trimmed' : 'revoked', products: kept, removed: removed.map((p) => p.model) };
}
