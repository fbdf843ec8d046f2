import { rolesCoveredBy } from './roles';

describe('rolesCoveredBy', () => {
  it('lets an enterprise administrator hand on the member role', () => {
    expect(rolesCoveredBy(['enterprise_admin']).sort()).toEqual(['enterprise_admin', 'enterprise_member']);
  });

  it('lets an association administrator hand on the member role', () => {
    expect(rolesCoveredBy(['association_admin']).sort()).toEqual(['association_admin', 'association_member']);
  });

  it('gives a certification body administrator none of the case roles', () => {
    expect(rolesCoveredBy(['cb_admin'])).toEqual(['cb_admin']);
  });

  it('gives a member nothing more', () => {
    expect(rolesCoveredBy(['enterprise_member'])).toEqual(['enterprise_member']);
  });
});
