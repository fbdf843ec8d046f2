import ipaddr from 'ipaddr.js';
import { ValidateBy, ValidationOptions } from 'class-validator';

/** An address range: the network address and its prefix length. */
export type Network = [ipaddr.IPv4 | ipaddr.IPv6, number];

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
      if (item.includes('/')) return ipaddr.parseCIDR(item);
      const address = ipaddr.parse(item);
      return [address, address.kind() === 'ipv4' ? 32 : 128] as Network;
    } catch {
      throw new Error(`'${item}' is not a CIDR such as 10.20.0.0/16 or fd12:3456::/48`);
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
