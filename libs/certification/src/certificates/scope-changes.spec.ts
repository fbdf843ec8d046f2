import { extendedScope, reduceGrant, reducedScope, scopeModels } from './scope-changes';

const phone = { nameZh: '智能手机', brand: '华强', models: ['HQ-X1', 'HQ-X2'], factoryAddress: '深圳市宝安区福永街道华强工业园3栋' };
const scope = { kind: 'products' as const, products: [phone] };

describe('scope changes', () => {
  it('adds new models to the same product and new products beside it', () => {
    const tablet = { ...phone, nameZh: '平板电脑', models: ['HQ-T1'] };
    const extended = extendedScope(scope, { kind: 'products', products: [{ ...phone, models: ['HQ-X2', 'HQ-X3'] }, tablet] });
    expect(extended.products).toEqual([{ ...phone, models: ['HQ-X1', 'HQ-X2', 'HQ-X3'] }, tablet]);
    expect(scope.products[0].models).toEqual(['HQ-X1', 'HQ-X2']);
  });

  it('removes models and a product left without any', () => {
    const tablet = { ...phone, nameZh: '平板电脑', models: ['HQ-T1'] };
    const reduced = reducedScope({ kind: 'products', products: [phone, tablet] }, ['HQ-X2', 'HQ-T1']);
    expect(scopeModels(reduced)).toEqual(['HQ-X1']);
    expect(reduced.products).toHaveLength(1);
  });

  it('leaves a grant alone, trims it, or ends it when it covered removed models only', () => {
    const products = [
      { model: 'HQ-X1', nameZh: '智能手机', brand: '华强' },
      { model: 'HQ-X2', nameZh: '智能手机', brand: '华强' },
    ];
    expect(reduceGrant(products, ['HQ-X9'])).toEqual({ effect: 'untouched' });
    expect(reduceGrant(products, ['HQ-X2'])).toEqual({ effect: 'trimmed', products: [products[0]], removed: ['HQ-X2'] });
    expect(reduceGrant(products, ['HQ-X1', 'HQ-X2'])).toEqual({ effect: 'revoked', products: [], removed: ['HQ-X1', 'HQ-X2'] });
  });
});
