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
    expect(k.pair).toBe('203.0.113.7|li.na@example.cn');
    expect(k.address).toBe('203.0.113.7');
  });
});
