import { ConfigError, loadConfig } from '@app/shared';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TokenSigner } from './token-signer';

const ed25519Pem = () => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

/** Replaces the character at i with another one of the base64url alphabet. */
function alter(token: string, i: number): string {
  return token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
}

describe('TokenSigner', () => {
  let stateDir: string;
  beforeEach(() => {
    stateDir = mkdtempSync(join(tmpdir(), 'szs-signer-'));
  });
  afterEach(() => rmSync(stateDir, { recursive: true, force: true }));

  it('verifies what it signed and returns the claims with iat', async () => {
    const signer = new TokenSigner(ed25519Pem());
    const token = await signer.sign({ t: 'c', n: 'SZS-C-2026-000127-K' });
    const claims = await signer.verify(token);
    expect(claims).toMatchObject({ t: 'c', n: 'SZS-C-2026-000127-K' });
    expect(typeof claims!.iat).toBe('number');
    const header = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString());
    expect(header).toEqual({ alg: 'EdDSA', kid: signer.kid });
  });

  it('keeps a certificate token short enough for a small QR code', async () => {
    const token = await new TokenSigner(ed25519Pem()).sign({ t: 'c', n: 'SZS-C-2026-000127-K' });
    expect(token.length).toBeLessThanOrEqual(205);
  });

  it('refuses a token with one character altered in the header, the claims or the signature', async () => {
    const signer = new TokenSigner(ed25519Pem());
    const token = await signer.sign({ t: 'l', c: 'LBL7K2M9Q4X8' });
    const [header, payload] = token.split('.');
    for (const i of [5, header.length + 1 + Math.floor(payload.length / 2), token.length - 20]) {
      expect(await signer.verify(alter(token, i))).toBeNull();
    }
  });

  it('refuses malformed tokens', async () => {
    const signer = new TokenSigner(ed25519Pem());
    for (const token of ['', 'abc', 'a.b.c', 'eyJhbGciOiJub25lIn0.eyJ0IjoiYyJ9.']) {
      expect(await signer.verify(token)).toBeNull();
    }
  });

  it('refuses a token signed by another key, even under our kid', async () => {
    const ours = new TokenSigner(ed25519Pem());
    const other = new TokenSigner(ed25519Pem());
    const impostor = new TokenSigner(ed25519Pem(), ours.kid);
    expect(await ours.verify(await other.sign({ t: 'c', n: 'X' }))).toBeNull();
    expect(await ours.verify(await impostor.sign({ t: 'c', n: 'X' }))).toBeNull();
  });

  it('publishes only the public key in its JWKS', () => {
    const signer = new TokenSigner(ed25519Pem(), 'key-2026');
    const { keys } = signer.jwks();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toEqual({ kty: 'OKP', crv: 'Ed25519', x: expect.any(String), kid: 'key-2026', alg: 'EdDSA', use: 'sig' });
    expect(keys[0]).not.toHaveProperty('d');
  });

  it('refuses a key that is not Ed25519', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => new TokenSigner(rsa)).toThrow(/Ed25519/);
  });

  describe('fromConfig', () => {
    it('generates a development key once and keeps it across restarts', async () => {
      const first = TokenSigner.fromConfig(loadConfig({ STATE_DIR: stateDir }));
      const token = await first.sign({ t: 'c', n: 'SZS-C-2026-000127-K' });
      const afterRestart = TokenSigner.fromConfig(loadConfig({ STATE_DIR: stateDir }));
      expect(afterRestart.kid).toBe(first.kid);
      expect(afterRestart.jwks()).toEqual(first.jwks());
      expect(await afterRestart.verify(token)).toMatchObject({ n: 'SZS-C-2026-000127-K' });
      expect(statSync(join(stateDir, 'signing-key.pem')).mode & 0o777).toBe(0o600);
    });

    it('uses the configured key and key id, with the "\\n" escapes of a one-line variable', async () => {
      const pem = ed25519Pem();
      const signer = TokenSigner.fromConfig(loadConfig({ STATE_DIR: stateDir, SIGNING_PRIVATE_KEY: pem.replace(/\n/g, '\\n'), SIGNING_KEY_ID: 'szs-2026-01' }));
      expect(signer.kid).toBe('szs-2026-01');
      expect(await new TokenSigner(pem, 'szs-2026-01').verify(await signer.sign({ t: 'c', n: 'X' }))).not.toBeNull();
    });

    it('stops a production process without a key, naming SIGNING_PRIVATE_KEY', () => {
      const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), STATE_DIR: stateDir });
      expect(() => TokenSigner.fromConfig(config)).toThrow(ConfigError);
      expect(() => TokenSigner.fromConfig(config)).toThrow(/SIGNING_PRIVATE_KEY must be set in production/);
    });

    it('refuses an unusable key without printing it', () => {
      const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
      for (const bad of [ec, 'not a key']) {
        const config = loadConfig({ STATE_DIR: stateDir, SIGNING_PRIVATE_KEY: bad });
        let error: Error | undefined;
        try {
          TokenSigner.fromConfig(config);
        } catch (e) {
          error = e as Error;
        }
        expect(error).toBeInstanceOf(ConfigError);
        expect(error!.message).toMatch(/SIGNING_PRIVATE_KEY/);
        expect(error!.message).not.toContain('PRIVATE KEY-----');
        expect(error!.message).not.toContain('not a key');
      }
    });

    it('still verifies tokens of a retired key listed in SIGNING_PREVIOUS_KEYS', async () => {
      const retired = new TokenSigner(ed25519Pem(), 'szs-2025');
      const oldToken = await retired.sign({ t: 'l', c: 'LBL7K2M9Q4X8' });
      const current = TokenSigner.fromConfig(
        loadConfig({ STATE_DIR: stateDir, SIGNING_KEY_ID: 'szs-2026', SIGNING_PREVIOUS_KEYS: JSON.stringify(retired.jwks()) }),
      );
      expect(await current.verify(oldToken)).toMatchObject({ c: 'LBL7K2M9Q4X8' });
      expect(current.jwks().keys.map((k) => k.kid)).toEqual(['szs-2026', 'szs-2025']);
      expect(await retired.verify(await current.sign({ t: 'c', n: 'X' }))).toBeNull();
    });

    it('refuses SIGNING_PREVIOUS_KEYS holding a private key', () => {
      const leaked = { keys: [{ ...new TokenSigner(ed25519Pem(), 'k').jwks().keys[0], d: 'secret' }] };
      const config = loadConfig({ STATE_DIR: stateDir, SIGNING_PREVIOUS_KEYS: JSON.stringify(leaked) });
      expect(() => TokenSigner.fromConfig(config)).toThrow(/SIGNING_PREVIOUS_KEYS/);
    });
  });
});
