import { parseNetworkList } from '@app/shared';
import {
  checkWebhookUrl,
  refusedAddressReason,
  ResolvedAddress,
  resolveWebhookHost,
  WebhookAddressRefused,
  WebhookAddressRules,
  webhookAddressRules,
} from './webhook-address';

const open: WebhookAddressRules = { allowedNetworks: [], httpsOnly: false };
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof WebhookAddressRefused) return e.message;
    throw e;
  }
  return null;
};
const resolvesTo =
  (...addresses: string[]) =>
  async (): Promise<ResolvedAddress[]> =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

describe('webhook address rules', () => {
  it.each([
    ['127.0.0.1', 'a loopback address'],
    ['127.255.0.9', 'a loopback address'],
    ['10.0.0.5', 'a private address'],
    ['172.16.3.4', 'a private address'],
    ['192.168.1.1', 'a private address'],
    ['100.64.0.1', 'a carrier-grade NAT address'],
    ['100.100.100.200', 'a carrier-grade NAT address'], // Alibaba Cloud's metadata service
    ['169.254.169.254', 'a link-local address (where cloud metadata services answer)'],
    ['0.0.0.0', 'the unspecified address'],
    ['255.255.255.255', 'the broadcast address'],
    ['224.0.0.1', 'a multicast address'],
    ['192.0.2.1', 'a reserved address'],
    ['240.0.0.1', 'a reserved address'],
    ['::1', 'a loopback address'],
    ['::', 'the unspecified address'],
    ['fe80::1', 'a link-local address'],
    ['fd00::1', 'a unique-local (private) address'],
    ['fc00::1', 'a unique-local (private) address'],
    ['fec0::1', 'a site-local (private) address'],
    ['ff02::1', 'a multicast address'],
    ['2001:db8::1', 'a reserved address'],
    ['::ffff:127.0.0.1', 'the IPv6 form of 127.0.0.1, a loopback address'],
    ['::ffff:a9fe:a9fe', 'the IPv6 form of 169.254.169.254, a link-local address'],
    ['::ffff:0:10.0.0.1', 'the IPv6 form of 10.0.0.1, a private address'],
    ['::127.0.0.1', 'the IPv6 form of 127.0.0.1, a loopback address'],
    ['::a00:1', 'the IPv6 form of 10.0.0.1, a private address'],
    ['64:ff9b::10.0.0.1', 'the IPv6 form of 10.0.0.1, a private address'],
    ['2002:7f00:1::1', 'the IPv6 form of 127.0.0.1, a loopback address'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'a special-purpose address (teredo)'],
  ])('refuses %s as %s', (address, words) => {
    expect(refusedAddressReason(address, open)).toContain(words);
  });

  it.each(['1.1.1.1', '93.184.215.14', '2606:4700:4700::1111', '::ffff:1.1.1.1', '64:ff9b::808:808', '2002:5db8:d70e::1'])(
    'allows the public address %s',
    (address) => {
      expect(refusedAddressReason(address, open)).toBeNull();
    },
  );

  it('allows what the operator listed in WEBHOOK_ALLOWED_NETWORKS, and nothing next to it', () => {
    const rules = { allowedNetworks: parseNetworkList('127.0.0.1/32,10.20.0.0/16,fd12::/16') };
    expect(refusedAddressReason('127.0.0.1', rules)).toBeNull();
    expect(refusedAddressReason('::ffff:127.0.0.1', rules)).toBeNull();
    expect(refusedAddressReason('10.20.3.4', rules)).toBeNull();
    expect(refusedAddressReason('fd12::7', rules)).toBeNull();
    expect(refusedAddressReason('127.0.0.2', rules)).toBe('a loopback address');
    expect(refusedAddressReason('10.21.0.1', rules)).toBe('a private address');
    expect(refusedAddressReason('169.254.169.254', rules)).toContain('link-local');
  });

  it.each([
    ['http://127.0.0.1:8080/hook', '127.0.0.1 is a loopback address'],
    ['http://10.0.0.1/', '10.0.0.1 is a private address'],
    ['http://169.254.169.254/latest/meta-data', '169.254.169.254 is a link-local address'],
    ['http://[::1]/', '::1 is a loopback address'],
    ['http://[fd00::1]/', 'fd00::1 is a unique-local (private) address'],
    ['http://[::ffff:127.0.0.1]/', '::ffff:7f00:1 is the IPv6 form of 127.0.0.1, a loopback address'],
    // other spellings of an address are read as a connection would read them (WHATWG URL)
    ['http://2130706433/', '127.0.0.1 is a loopback address'],
    ['http://0x7f.1/', '127.0.0.1 is a loopback address'],
    ['http://0177.0.0.1/', '127.0.0.1 is a loopback address'],
    ['http://0/', '0.0.0.0 is the unspecified address'],
    ['http://metadata.google.internal/computeMetadata/v1/', 'metadata.google.internal is a cloud metadata service'],
    ['http://METADATA.google.internal./', 'is a cloud metadata service'],
    ['http://metadata.tencentyun.com/latest/meta-data/', 'is a cloud metadata service'],
    ['http://user:secret@example.cn/', 'must not carry a user name or password'],
    ['https://example.cn@10.0.0.1/', 'must not carry a user name or password'],
    ['ftp://example.cn/x', 'must be an http(s) URL'],
    ['file:///etc/passwd', 'must be an http(s) URL'],
    ['gopher://127.0.0.1:6379/_FLUSHALL', 'must be an http(s) URL'],
    ['example.cn/hook', 'must be an absolute http(s) URL'],
  ])('refuses the URL %s: %s', (url, reason) => {
    expect(refusal(() => checkWebhookUrl(url, open))).toContain(reason);
  });

  it('allows a public literal address on any port, and leaves names to the resolver', () => {
    expect(checkWebhookUrl('http://93.184.215.14:8443/hooks?x=1', open).href).toBe('http://93.184.215.14:8443/hooks?x=1');
    expect(checkWebhookUrl('https://erp.example.cn/hooks/szs', open).hostname).toBe('erp.example.cn');
  });

  it('allows only https in production, http elsewhere', () => {
    const production = webhookAddressRules({ NODE_ENV: 'production', WEBHOOK_ALLOWED_NETWORKS: '' });
    expect(production.httpsOnly).toBe(true);
    expect(refusal(() => checkWebhookUrl('http://erp.example.cn/hooks', production))).toContain('must be an https URL');
    expect(checkWebhookUrl('https://erp.example.cn/hooks', production).protocol).toBe('https:');
    for (const env of ['development', 'test'] as const) {
      const rules = webhookAddressRules({ NODE_ENV: env, WEBHOOK_ALLOWED_NETWORKS: '' });
      expect(checkWebhookUrl('http://erp.example.cn/hooks', rules).protocol).toBe('http:');
    }
  });

  it('the operator allow-list does not open metadata names or https-only', () => {
    const rules = { allowedNetworks: parseNetworkList('0.0.0.0/0,::/0'), httpsOnly: true };
    expect(refusal(() => checkWebhookUrl('https://metadata.google.internal/', rules))).toContain('cloud metadata service');
    expect(refusal(() => checkWebhookUrl('http://10.0.0.1/', rules))).toContain('https');
    expect(checkWebhookUrl('https://10.0.0.1/', rules).hostname).toBe('10.0.0.1');
  });
});

describe('resolving a webhook host', () => {
  it('refuses a name that resolves to a refused address, naming both', async () => {
    await expect(resolveWebhookHost(new URL('http://rebind.example.cn/'), open, resolvesTo('10.0.0.5'))).rejects.toThrow(
      'rebind.example.cn resolves to 10.0.0.5, a private address',
    );
  });

  it('refuses a name when any one of its addresses is refused', async () => {
    await expect(resolveWebhookHost(new URL('http://mixed.example.cn/'), open, resolvesTo('93.184.215.14', '::1'))).rejects.toThrow(
      'mixed.example.cn resolves to ::1, a loopback address',
    );
  });

  it('returns every checked address of a public name, and the literal address without asking DNS', async () => {
    expect(await resolveWebhookHost(new URL('https://erp.example.cn/'), open, resolvesTo('93.184.215.14', '2606:4700::1'))).toEqual([
      { address: '93.184.215.14', family: 4 },
      { address: '2606:4700::1', family: 6 },
    ]);
    const noDns = async (): Promise<ResolvedAddress[]> => {
      throw new Error('DNS must not be asked about a literal address');
    };
    expect(await resolveWebhookHost(new URL('http://[2606:4700::1]:8080/'), open, noDns)).toEqual([{ address: '2606:4700::1', family: 6 }]);
  });

  it('refuses localhost through the system resolver', async () => {
    await expect(resolveWebhookHost(new URL('http://localhost:3000/'), open)).rejects.toThrow(/localhost resolves to (127\.0\.0\.1|::1), a loopback address/);
  });

  it('refuses a name that does not resolve, or not in time', async () => {
    const missing = async (): Promise<ResolvedAddress[]> => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
    };
    await expect(resolveWebhookHost(new URL('http://nowhere.invalid/'), open, missing)).rejects.toThrow('nowhere.invalid could not be resolved (ENOTFOUND)');
    const never = () => new Promise<ResolvedAddress[]>(() => undefined);
    await expect(resolveWebhookHost(new URL('http://slow.example.cn/'), open, never, 50)).rejects.toThrow('could not be resolved (ETIMEOUT)');
  });
});
