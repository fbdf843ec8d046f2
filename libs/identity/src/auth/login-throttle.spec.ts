import { loginKeys } from './login-throttle';

describe('loginKeys', () => {
  it('counts an account under its e-mail alone, whatever address the attempt comes from', () => {
    const a = loginKeys('203.0.113.7', 'Li.Na@Example.cn');
    const b = loginKeys('2001:db8::1', 'li.na@example.cn ');
    expect(a.account).toBe('li.na@example.cn');
    expect(b.account).toBe(a.account);
    expect(a.account).not.toContain('203.0.113.7');
  });

  it('keeps the per-address limits keyed by the address', () => {
    const k = loginKeys('203.0.113.7', 'li.na@example.cn');
    expect(k.pair).toBe('203.0.113.7/32|li.na@example.cn');
    expect(k.address).toBe('203.0.113.7/32');
  });

  it('keys an IPv6 client by its /64, so new addresses of the same network do not buy new attempts', () => {
    expect(loginKeys('2001:db8:5:6::1', 'x@y.cn').address).toBe(loginKeys('2001:db8:5:6:a:b:c:d', 'x@y.cn').address);
    expect(loginKeys('2001:db8:5:6::1', 'x@y.cn').pair).toBe('2001:db8:5:6::/64|x@y.cn');
  });
});
