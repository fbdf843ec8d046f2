import { AppConfig, ConfigError, signingPrivateKeyPem } from '@app/shared';
import { errors, JWK, JWTPayload, jwtVerify, SignJWT } from 'jose';
import { createHash, createPrivateKey, createPublicKey, KeyObject } from 'node:crypto';
import { JwksView, PublicJwkView } from './jwks.view';

export type TokenClaims = JWTPayload;

/** A public key that only verifies: a retired signing key whose printed tokens must stay valid. */
export interface VerificationKey {
  kid: string;
  /** Public JWK (kty OKP, crv Ed25519, x). */
  jwk: JWK;
}

/** The JWK members a published Ed25519 public key carries (the JWKS view's, so never `d`), all of them. */
type PublicJwk = Required<PublicJwkView>;

/**
 * Signs the tokens printed in QR codes (a certificate, a label code) so a verifier can check
 * them offline against the published JWKS. Ed25519 keeps the signature at 64 bytes, which
 * matters in a QR code: a certificate token is about 200 characters.
 */
export class TokenSigner {
  readonly kid: string;
  private readonly privateKey: KeyObject;
  private readonly publicKeys = new Map<string, { key: KeyObject; jwk: PublicJwk }>();

  constructor(privateKeyPem: string, kid?: string, previousKeys: VerificationKey[] = []) {
    this.privateKey = createPrivateKey(privateKeyPem);
    if (this.privateKey.asymmetricKeyType !== 'ed25519') {
      throw new Error(`the signing key must be an Ed25519 key, not ${this.privateKey.asymmetricKeyType}`);
    }
    const publicKey = createPublicKey(this.privateKey);
    const x = publicKey.export({ format: 'jwk' }).x!;
    // Derived from the key itself, so a restart with the same key keeps the same kid. It only
    // tells our own few keys apart: 8 characters of the RFC 7638 thumbprint keep the QR small.
    this.kid = kid ?? thumbprint(x).slice(0, 8);
    this.publicKeys.set(this.kid, { key: publicKey, jwk: publicJwk(x, this.kid) });
    for (const previous of previousKeys) {
      if (previous.jwk.kty !== 'OKP' || previous.jwk.crv !== 'Ed25519' || typeof previous.jwk.x !== 'string') {
        throw new Error(`verification key ${previous.kid} must be an Ed25519 public JWK (kty OKP, crv Ed25519, x)`);
      }
      if (this.publicKeys.has(previous.kid)) continue;
      const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: previous.jwk.x }, format: 'jwk' });
      this.publicKeys.set(previous.kid, { key, jwk: publicJwk(previous.jwk.x, previous.kid) });
    }
  }

  /**
   * The configured key (SIGNING_PRIVATE_KEY, SIGNING_KEY_ID, SIGNING_PREVIOUS_KEYS), or on a
   * development machine a key generated once into STATE_DIR. Call it while the process starts
   * (a provider factory), so a missing or bad key stops the process with a ConfigError.
   */
  static fromConfig(config: AppConfig): TokenSigner {
    const pem = signingPrivateKeyPem(config);
    const previous = parsePreviousKeys(config.SIGNING_PREVIOUS_KEYS);
    try {
      return new TokenSigner(pem, config.SIGNING_KEY_ID, previous);
    } catch (e) {
      // The reason, never the key: this sentence ends up in logs.
      const reason = (e as Error).message.replace(/-----BEGIN[\s\S]*-----END[^-]*-----/g, '');
      throw new ConfigError(`Configuration error: SIGNING_PRIVATE_KEY is not a usable Ed25519 private key in PKCS#8 PEM (${reason}).`);
    }
  }

  /** A compact JWS: header {alg, kid}, the claims and iat. Keep claims short (one-letter names). */
  sign(claims: TokenClaims): Promise<string> {
    return new SignJWT(claims).setProtectedHeader({ alg: 'EdDSA', kid: this.kid }).setIssuedAt().sign(this.privateKey);
  }

  /** The claims of a token signed by one of our keys, or null when it is forged, altered or malformed. */
  async verify(token: string): Promise<TokenClaims | null> {
    try {
      const { payload } = await jwtVerify(token, (header) => this.keyFor(header.kid), { algorithms: ['EdDSA'] });
      return payload;
    } catch (e) {
      if (e instanceof errors.JOSEError) return null;
      throw e;
    }
  }

  /** The public keys to publish at the JWKS endpoint: the current one first, then retired ones. */
  jwks(): JwksView {
    return { keys: [...this.publicKeys.values()].map(({ jwk }) => ({ ...jwk })) };
  }

  private keyFor(kid: string | undefined): KeyObject {
    const entry = kid === undefined ? undefined : this.publicKeys.get(kid);
    if (!entry) throw new errors.JWKSNoMatchingKey();
    return entry.key;
  }
}

function publicJwk(x: string, kid: string): PublicJwk {
  return { kty: 'OKP', crv: 'Ed25519', x, kid, alg: 'EdDSA', use: 'sig' };
}

/** RFC 7638 JWK thumbprint of an Ed25519 public key: SHA-256 of its required members, in order. */
function thumbprint(x: string): string {
  return createHash('sha256')
    .update(JSON.stringify({ crv: 'Ed25519', kty: 'OKP', x }))
    .digest('base64url');
}

/** SIGNING_PREVIOUS_KEYS holds a JWKS ({"keys": [...]}) as published before a key rotation. */
function parsePreviousKeys(json: string | undefined): VerificationKey[] {
  if (!json) return [];
  let keys: unknown;
  try {
    keys = (JSON.parse(json) as { keys?: unknown }).keys;
  } catch {
    keys = undefined;
  }
  const valid =
    Array.isArray(keys) &&
    keys.every((k: JWK) => k && k.kty === 'OKP' && k.crv === 'Ed25519' && typeof k.x === 'string' && typeof k.kid === 'string' && k.d === undefined);
  if (!valid) {
    throw new ConfigError(
      'Configuration error: SIGNING_PREVIOUS_KEYS must be a JWKS ({"keys": [...]}) of Ed25519 public keys, each with kid and x and without d.',
    );
  }
  return (keys as JWK[]).map((jwk) => ({ kid: jwk.kid!, jwk }));
}
