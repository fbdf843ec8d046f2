import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** `szs_<prefix>_<secret>`: the prefix finds the row, the hash proves the secret. */
export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const prefix = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  const key = `szs_${prefix}_${secret}`;
  return { key, prefix, hash: hashApiKey(key) };
}

// A random 256-bit secret needs no slow hash: SHA-256 cannot be brute-forced at that entropy.
export const hashApiKey = (key: string) => createHash('sha256').update(key).digest('hex');

export function parseApiKey(key: string): { prefix: string } | null {
  const m = /^szs_([0-9a-f]{12})_[A-Za-z0-9_-]{43}$/.exec(key);
  return m ? { prefix: m[1] } : null;
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
