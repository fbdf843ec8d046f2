import { addressPrefix, clientKey } from './client-address';

describe('clientKey', () => {
  it('counts an IPv6 client by its /64, however the address is written', () => {
    expect(clientKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe(clientKey('2001:DB8:1:2::7'));
    expect(clientKey('2001:db8:1:3::1')).not.toBe(clientKey('2001:db8:1:2::1'));
  });

  it('counts an IPv4 client by its address, also when IPv4-mapped', () => {
    expect(clientKey('203.0.113.7')).toBe('203.0.113.7/32');
    expect(clientKey('::ffff:203.0.113.7')).toBe('203.0.113.7/32');
    expect(clientKey('203.0.113.8')).not.toBe(clientKey('203.0.113.7'));
  });

  it('keeps something that is not an address apart instead of throwing', () => {
    expect(clientKey('not-an-address')).toBe('unparsed:not-an-address');
  });

  it('masks prefixes that end inside a byte', () => {
    expect(addressPrefix('10.1.255.255', 20, 48)).toBe('10.1.240.0/20');
    expect(addressPrefix('2001:db8:ffff::1', 36, 36)).toBe('2001:db8:f000::/36');
  });
});
