import ipaddr from 'ipaddr.js';
import { ValidateBy, ValidationOptions } from 'class-validator';

/** An address range: the network address and its prefix length. */
export type Network = [ipaddr.IPv4 | ipaddr.IPv6, number];

/**
 * One address or CIDR range, as an operator writes it in a setting (TRUST_PROXY,
 * WEBHOOK_ALLOWED_NETWORKS). Strict on purpose: ipaddr.js would also read "10.1" or "0x7f.1" as
 * IPv4, and a setting that decides who is trusted should say plainly what it means.
 */
export function parseNetwork(item: string): Network {
  const [address, prefix, extra] = item.split('/');
  const plain = ipaddr.IPv4.isValidFourPartDecimal(address) || (ipaddr.IPv6.isValid(address) && !address.includes('%'));
  if (!plain || extra !== undefined) throw new Error(`"${item}" is not an IPv4 or IPv6 address or CIDR range`);
  const parsed = ipaddr.parse(address);
  const max = parsed.kind() === 'ipv4' ? 32 : 128;
  if (prefix === undefined) return [parsed, max];
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > max) throw new Error(`"${item}" has a prefix length outside 0-${max}`);
  return [parsed, Number(prefix)];
}

/**
 * A setting such as `10.20.0.0/16,fd12:3456::/48,192.0.2.7`: CIDRs, or single addresses (a /32 or
 * /128), separated by commas; empty means none. Throws naming the first item that is not one.
 */
export function parseNetworkList(value: string): Network[] {
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return items.map((item) => {
    try {
      return parseNetwork(item);
    } catch (e) {
      throw new Error(`'${item}' is not a CIDR such as 10.20.0.0/16 or fd12:3456::/48 (${(e as Error).message})`, { cause: e });
    }
  });
}

/** Config validation of a network list, with the bad item in the message. */
export function IsNetworkList(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNetworkList',
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string') return false;
          try {
            parseNetworkList(value);
            return true;
          } catch {
            return false;
          }
        },
        defaultMessage: (args) => {
          try {
            parseNetworkList(String(args?.value));
            return `${args?.property} must be CIDRs separated by commas`;
          } catch (e) {
            return `${args?.property} must be CIDRs separated by commas: ${(e as Error).message}`;
          }
        },
      },
    },
    options,
  );
}
