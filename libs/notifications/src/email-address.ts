/** The longest address SMTP carries (RFC 5321: a 254-character path). */
export const MAX_EMAIL = 254;

/**
 * Whether an address may be written into an e-mail's To header: one plain mailbox (local@domain),
 * no display name, no list, no control characters, no quoting tricks. Addresses come from
 * accounts and from a complainant's form, so this is checked again here, where they are used.
 */
export function isDeliverableAddress(address: string): boolean {
  if (address.length > MAX_EMAIL) return false;
  // Letters, digits and the usual punctuation in the local part; a dotted domain of letters, digits and hyphens (IDN as Unicode letters).
  return /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@(?=.{1,253}$)[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?)+$/u.test(
    address,
  );
}
