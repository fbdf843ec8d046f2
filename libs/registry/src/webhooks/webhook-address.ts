import ipaddr from 'ipaddr.js';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { AppConfig, Network, parseNetworkList } from '@app/shared';

/**
 * Where webhooks may go. A subscription names a URL and the platform's worker POSTs to it from
 * inside the operator's network, so without these rules anyone with an administrator login could
 * make the worker call loopback services, the private network or the cloud metadata service
 * (169.254.169.254) and read the answers' status codes back from the delivery log.
 */
export interface WebhookAddressRules {
  /** Networks the operator allows despite the rules (WEBHOOK_ALLOWED_NETWORKS). */
  allowedNetworks: Network[];
  /** Production: deliveries carry the signature and the registry data, so only over TLS. */
  httpsOnly: boolean;
}

export function webhookAddressRules(config: Pick<AppConfig, 'NODE_ENV' | 'WEBHOOK_ALLOWED_NETWORKS'>): WebhookAddressRules {
  return { allowedNetworks: parseNetworkList(config.WEBHOOK_ALLOWED_NETWORKS), httpsOnly: config.NODE_ENV === 'production' };
}

/** A URL or an address the rules refuse; the message says why, for the subscriber or the delivery log. */
export class WebhookAddressRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookAddressRefused';
  }
}

/**
 * Names of cloud metadata services (they answer on link-local or provider-internal addresses that
 * the address rules refuse anyway; refused by name too, and even inside an allowed network).
 */
const METADATA_HOSTS = new Set([
  'metadata',
  'metadata.google.internal',
  'metadata.goog',
  'instance-data',
  'instance-data.ec2.internal',
  'metadata.tencentyun.com',
  'metadata.azure.internal',
  'metadata.platformequinix.com',
]);

/** ipaddr.js's range names, in words for a refusal. Only 'unicast' (a plain public address) is allowed. */
const RANGE_WORDS: Record<string, string> = {
  unspecified: 'the unspecified address',
  broadcast: 'the broadcast address',
  multicast: 'a multicast address',
  linkLocal: 'a link-local address (where cloud metadata services answer)',
  loopback: 'a loopback address',
  carrierGradeNat: 'a carrier-grade NAT address (private to a provider)',
  private: 'a private address',
  reserved: 'a reserved address',
  uniqueLocal: 'a unique-local (private) address',
  deprecatedSiteLocal: 'a site-local (private) address',
};

const inNetworks = (address: ipaddr.IPv4 | ipaddr.IPv6, networks: Network[]) =>
  networks.some(([net, bits]) => net.kind() === address.kind() && address.match(net, bits));

/**
 * The IPv4 address an IPv6 address stands for, where it does: IPv4-mapped (::ffff:a.b.c.d) and
 * IPv4-translated (::ffff:0:a.b.c.d), IPv4-compatible (::a.b.c.d, deprecated but still routed by
 * some stacks), NAT64 (64:ff9b::a.b.c.d) and 6to4 (2002:aabb:ccdd::). Such an address reaches the
 * IPv4 host, so it is judged as that host.
 */
function embeddedIpv4(address: ipaddr.IPv6): ipaddr.IPv4 | null {
  const p = address.parts;
  const last32 = () => new ipaddr.IPv4([p[6] >> 8, p[6] & 0xff, p[7] >> 8, p[7] & 0xff]);
  const range = address.range();
  if (range === 'ipv4Mapped' || range === 'rfc6145') return last32();
  if (p.slice(0, 6).every((x) => x === 0) && !(p[6] === 0 && p[7] <= 1)) return last32();
  if (p[0] === 0x64 && p[1] === 0xff9b && p.slice(2, 6).every((x) => x === 0)) return last32();
  if (range === '6to4') return new ipaddr.IPv4([p[1] >> 8, p[1] & 0xff, p[2] >> 8, p[2] & 0xff]);
  return null;
}

/** Why a webhook may not be delivered to this address ("a private address"), or null when it may. */
export function refusedAddressReason(address: string, rules: Pick<WebhookAddressRules, 'allowedNetworks'>): string | null {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address);
  } catch {
    return 'not an IP address';
  }
  if (inNetworks(parsed, rules.allowedNetworks)) return null;
  if (parsed.kind() === 'ipv6') {
    const v4 = embeddedIpv4(parsed as ipaddr.IPv6);
    if (v4) {
      const inner = refusedAddressReason(v4.toString(), rules);
      return inner && `the IPv6 form of ${v4.toString()}, ${inner}`;
    }
  }
  const range = parsed.range();
  if (range === 'unicast') return null;
  return RANGE_WORDS[range] ?? `a special-purpose address (${range})`;
}

/** The URL's host as a connection needs it: IPv6 literals without their brackets. */
export function hostOf(url: URL): string {
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
}

/**
 * The checks that need no DNS: a WHATWG-parsed http(s) URL (the same parser the delivery uses,
 * so the check and the connection cannot read the URL differently), https in production, no
 * user name or password in it (it would be stored and shown in every list), no metadata host
 * name, and a literal address must pass the address rules. Any port is allowed: the address is
 * what matters.
 */
export function checkWebhookUrl(raw: string, rules: WebhookAddressRules): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookAddressRefused('must be an absolute http(s) URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new WebhookAddressRefused('must be an http(s) URL');
  if (rules.httpsOnly && url.protocol !== 'https:') {
    throw new WebhookAddressRefused('must be an https URL: deliveries carry their signature and registry data, so only over TLS');
  }
  if (url.username || url.password) throw new WebhookAddressRefused('must not carry a user name or password');
  const host = hostOf(url);
  if (METADATA_HOSTS.has(host.toLowerCase().replace(/\.+$/, ''))) {
    throw new WebhookAddressRefused(`${host} is a cloud metadata service`);
  }
  if (isIP(host)) {
    const reason = refusedAddressReason(host, rules);
    if (reason) throw new WebhookAddressRefused(`${host} is ${reason}; webhooks go only to public addresses`);
  }
  return url;
}

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Host name → every address it has; dns.lookup so /etc/hosts counts, as it would for a connection. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

/**
 * dns.lookup runs on libuv's thread pool (4 threads), which argon2 shares for every login: at most
 * two lookups at a time per process, so names that resolve slowly cannot stall logins.
 */
const MAX_LOOKUPS = 2;
let lookups = 0;
const waitingForLookup: (() => void)[] = [];

export const systemResolver: Resolver = async (hostname) => {
  while (lookups >= MAX_LOOKUPS) await new Promise<void>((resolve) => waitingForLookup.push(resolve));
  lookups++;
  try {
    return await lookup(hostname, { all: true, verbatim: true });
  } finally {
    lookups--;
    waitingForLookup.shift()?.();
  }
};

/**
 * The addresses a delivery to this URL may connect to: the literal address, or every address the
 * name resolves to, each checked. One refused address refuses the URL (a name that resolves to a
 * public and a private address must not be a way in). The connection must use only these
 * addresses, never resolve the name again: a second answer could differ (DNS rebinding).
 */
export async function resolveWebhookHost(
  url: URL,
  rules: WebhookAddressRules,
  resolver: Resolver = systemResolver,
  timeoutMs = 10_000,
): Promise<ResolvedAddress[]> {
  const host = hostOf(url);
  const literal = isIP(host);
  if (literal) {
    const reason = refusedAddressReason(host, rules);
    if (reason) throw new WebhookAddressRefused(`${host} is ${reason}; webhooks go only to public addresses`);
    return [{ address: host, family: literal }];
  }
  let addresses: ResolvedAddress[];
  let timer: NodeJS.Timeout | undefined;
  try {
    addresses = await Promise.race([
      resolver(host),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(Object.assign(new Error('timeout'), { code: 'ETIMEOUT' })), timeoutMs);
      }),
    ]);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new WebhookAddressRefused(`${host} could not be resolved (${code})`);
  } finally {
    clearTimeout(timer);
  }
  if (!addresses.length) throw new WebhookAddressRefused(`${host} could not be resolved (no address)`);
  for (const { address } of addresses) {
    const reason = refusedAddressReason(address, rules);
    if (reason) throw new WebhookAddressRefused(`${host} resolves to ${address}, ${reason}; webhooks go only to public addresses`);
  }
  return addresses;
}
