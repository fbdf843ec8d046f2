import { networkOf, networkPrefix, shanghaiDay } from './counterfeit-detector';

describe('networkOf', () => {
  it('counts IPv6 addresses by their real /48, however they are written', () => {
    expect(networkOf('2001:db8::1')).toBe(networkOf('2001:db8:0:1::1'));
    expect(networkOf('2001:DB8:0000:ffff:1:2:3:4')).toBe(networkOf('2001:db8::1'));
    expect(networkOf('2001:db8:1::1')).not.toBe(networkOf('2001:db8::1'));
    expect(networkPrefix('2001:db8:0:1::1')).toBe('2001:db8::/48');
  });

  it('counts IPv4 addresses by their /24, also when IPv4-mapped', () => {
    expect(networkOf('::ffff:1.2.3.4')).toBe(networkOf('1.2.3.5'));
    expect(networkOf('::ffff:0102:0304')).toBe(networkOf('1.2.3.200'));
    expect(networkOf('1.2.4.5')).not.toBe(networkOf('1.2.3.5'));
    expect(networkPrefix('1.2.3.4')).toBe('1.2.3.0/24');
  });

  it('does not throw on something that is not an address', () => {
    expect(() => networkOf('not-an-address')).not.toThrow();
    expect(() => networkOf('')).not.toThrow();
    expect(networkOf('not-an-address')).not.toBe(networkOf('1.2.3.4'));
  });
});

describe('shanghaiDay', () => {
  it('turns the day at midnight in Shenzhen (UTC+8), not at midnight UTC', () => {
    expect(shanghaiDay(Date.UTC(2026, 10, 30, 15, 59, 59))).toBe('2026-11-30');
    expect(shanghaiDay(Date.UTC(2026, 10, 30, 16, 0, 0))).toBe('2026-12-01');
    expect(shanghaiDay(Date.UTC(2026, 11, 31, 16, 0, 0))).toBe('2027-01-01');
  });
});
