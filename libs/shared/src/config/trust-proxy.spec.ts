import { ConfigError, loadConfig } from './app-config';
import { parseTrustProxy } from './trust-proxy';

describe('parseTrustProxy', () => {
  it('trusts nobody when unset, empty or false', () => {
    expect(parseTrustProxy(undefined)).toEqual({ kind: 'none' });
    expect(parseTrustProxy('')).toEqual({ kind: 'none' });
    expect(parseTrustProxy('false')).toEqual({ kind: 'none' });
  });

  it('reads addresses and CIDR ranges, IPv4 and IPv6, normalized', () => {
    expect(parseTrustProxy('127.0.0.1/32, 10.0.0.0/8')).toEqual({ kind: 'addresses', ranges: ['127.0.0.1/32', '10.0.0.0/8'] });
    expect(parseTrustProxy('192.0.2.7,2001:DB8:0:0::/32,::1')).toEqual({
      kind: 'addresses',
      ranges: ['192.0.2.7/32', '2001:db8::/32', '::1/128'],
    });
    expect(parseTrustProxy('loopback')).toEqual({ kind: 'addresses', ranges: ['127.0.0.0/8', '::1/128'] });
  });

  it('reads a number of proxies in front', () => {
    expect(parseTrustProxy('1')).toEqual({ kind: 'hops', hops: 1 });
    expect(parseTrustProxy('2')).toEqual({ kind: 'hops', hops: 2 });
  });

  it('refuses true, saying why and what to write instead', () => {
    expect(() => parseTrustProxy('true')).toThrow(/every X-Forwarded-For hop.*TRUST_PROXY=127\.0\.0\.1\/32,10\.0\.0\.0\/8.*TRUST_PROXY=1/);
    expect(() => parseTrustProxy('TRUE')).toThrow(/no longer accepted/);
  });

  it.each([
    ['10.0.0.0/33', /prefix length outside 0-32/],
    ['2001:db8::/129', /prefix length outside 0-128/],
    ['10.1', /"10.1" is not an IPv4 or IPv6 address/],
    ['proxy.internal', /"proxy.internal" is not an IPv4 or IPv6 address/],
    ['10.0.0.0/8/1', /not an IPv4 or IPv6 address/],
    ['10.0.0.0/x', /prefix length/],
    ['127.0.0.1,,10.0.0.1', /empty item/],
    ['0', /1 to 10/],
    ['11', /1 to 10/],
    ['fe80::1%eth0', /not an IPv4 or IPv6 address/],
  ])('refuses %s', (value, reason) => {
    expect(() => parseTrustProxy(value)).toThrow(reason);
  });

  it('stops the process with a sentence naming TRUST_PROXY', () => {
    const base = { STATE_DIR: '/tmp/szs-config-spec' };
    expect(() => loadConfig({ ...base, TRUST_PROXY: 'true' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, TRUST_PROXY: 'true' })).toThrow(/^Configuration error: TRUST_PROXY="true" — .*no longer accepted/);
    expect(() => loadConfig({ ...base, TRUST_PROXY: 'nginx' })).toThrow(/^Configuration error: TRUST_PROXY="nginx" — "nginx" is not an IPv4 or IPv6 address/);
    expect(loadConfig({ ...base, TRUST_PROXY: '10.0.0.0/8' }).TRUST_PROXY).toBe('10.0.0.0/8');
  });
});
