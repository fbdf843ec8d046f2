import ipaddr from 'ipaddr.js';

/**
 * The network an address belongs to, as `address/prefix`: the first `v4Bits` of an IPv4 address
 * (also when written IPv4-mapped, `::ffff:1.2.3.4`) or the first `v6Bits` of an IPv6 one. The bytes
 * are masked, not the text: "2001:db8::1" and "2001:db8:0:1::1" are written differently but share
 * a /48. Something that is not an address (a proxy sent something odd) stands for itself.
 */
export function addressPrefix(address: string, v4Bits: number, v6Bits: number): string {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.process(address.trim());
  } catch {
    return `unparsed:${address}`;
  }
  const bits = parsed.kind() === 'ipv4' ? v4Bits : v6Bits;
  const bytes = parsed.toByteArray().map((byte, i) => {
    const keep = Math.max(0, Math.min(8, bits - i * 8));
    return byte & ((0xff << (8 - keep)) & 0xff);
  });
  return `${ipaddr.fromByteArray(bytes).toString()}/${bits}`;
}

/**
 * Whom a per-client limit counts: an IPv4 address, or the /64 of an IPv6 one. A single home or
 * phone is given a whole /64 and can pick any address in it, so counting IPv6 addresses one by one
 * would give every client 2^64 quotas.
 */
export const clientKey = (address: string): string => addressPrefix(address, 32, 64);
