import { parseNetwork } from './network-list';

/**
 * Which peers may tell the API a client's address through X-Forwarded-For:
 * - `none`: nobody; the client address is the TCP peer (no proxy in front);
 * - `addresses`: only a peer in one of these ranges (normalized CIDRs), hop by hop from the socket;
 * - `hops`: the nearest `hops` peers, whoever they are (only safe when nothing else can reach the API).
 */
export type TrustedProxies = { kind: 'none' } | { kind: 'addresses'; ranges: string[] } | { kind: 'hops'; hops: number };

const EXAMPLES = "the proxy's addresses or ranges (TRUST_PROXY=127.0.0.1/32,10.0.0.0/8) or the number of proxies in front (TRUST_PROXY=1)";

/** The names proxy-addr knows for the usual private ranges, spelled out so the value stays checkable. */
const NAMED_RANGES: Record<string, string[]> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

/** One address or CIDR range, normalized to `address/prefix`; a reason when it is neither. */
function rangeOf(item: string): string {
  const [address, prefix] = parseNetwork(item);
  return `${address.toString()}/${prefix}`;
}

/**
 * Reads TRUST_PROXY. Throws an Error whose message is the reason (the config loader names the
 * variable). `true` is refused: trusting every hop lets any client write its own address.
 */
export function parseTrustProxy(value: string | undefined): TrustedProxies {
  const text = (value ?? '').trim();
  if (text === '' || text.toLowerCase() === 'false') return { kind: 'none' };
  if (text.toLowerCase() === 'true') {
    throw new Error(
      `"true" is no longer accepted: it trusted every X-Forwarded-For hop, so any client could choose its own address ` +
        `and escape the login and rate limits; write ${EXAMPLES}`,
    );
  }
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops < 1 || hops > 10) throw new Error(`a number of proxies must be 1 to 10 (leave it unset when there is none)`);
    return { kind: 'hops', hops };
  }
  const ranges: string[] = [];
  for (const raw of text.split(',')) {
    const item = raw.trim();
    if (!item) throw new Error(`it has an empty item; write ${EXAMPLES}`);
    try {
      ranges.push(...(NAMED_RANGES[item.toLowerCase()] ?? [rangeOf(item)]));
    } catch (e) {
      throw new Error(`${(e as Error).message}; write ${EXAMPLES}`, { cause: e });
    }
  }
  return { kind: 'addresses', ranges };
}

/** The same, for the validator: the reason, or null when the value is fine. */
export function trustProxyProblem(value: string | undefined): string | null {
  try {
    parseTrustProxy(value);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}
