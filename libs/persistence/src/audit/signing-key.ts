import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface AuditSigningKey {
  privateKey: KeyObject;
  /** SPKI PEM: travels with every checkpoint so bundles verify offline. */
  publicKeyPem: string;
  source: 'AUDIT_SIGNING_KEY' | 'file' | 'generated' | 'ephemeral';
}

/** An Ed25519 private key in PEM or in base64 PKCS8 DER. */
export function parseSigningKey(text: string): KeyObject {
  const trimmed = text.trim();
  const key = trimmed.includes('-----BEGIN')
    ? createPrivateKey(trimmed.replace(/\\n/g, '\n'))
    : createPrivateKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`AUDIT_SIGNING_KEY must be an Ed25519 key, not ${key.asymmetricKeyType}`);
  return key;
}

export function publicKeyPemOf(privateKey: KeyObject): string {
  return createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
}

export interface SigningKeyOptions {
  AUDIT_SIGNING_KEY?: string;
  NODE_ENV: 'development' | 'test' | 'production';
  /** Absolute data directory, where a development key is kept. */
  dataDir: string;
  log?: (line: string) => void;
}

/**
 * The key from AUDIT_SIGNING_KEY; in development one is generated once into
 * `<DATA_DIR>/audit-signing-key.pem` (and said so), in tests a throwaway key is made in memory.
 * Production refuses to start without a configured key: a checkpoint signed by a key nobody
 * keeps proves nothing.
 */
export function loadSigningKey(opts: SigningKeyOptions): AuditSigningKey {
  if (opts.AUDIT_SIGNING_KEY) {
    const privateKey = parseSigningKey(opts.AUDIT_SIGNING_KEY);
    return { privateKey, publicKeyPem: publicKeyPemOf(privateKey), source: 'AUDIT_SIGNING_KEY' };
  }
  if (opts.NODE_ENV === 'production') {
    throw new Error('AUDIT_SIGNING_KEY is not set: give an Ed25519 private key (PEM or base64 PKCS8) to sign audit checkpoints');
  }
  if (opts.NODE_ENV === 'test') {
    const { privateKey } = generateKeyPairSync('ed25519');
    return { privateKey, publicKeyPem: publicKeyPemOf(privateKey), source: 'ephemeral' };
  }
  const file = join(opts.dataDir, 'audit-signing-key.pem');
  if (existsSync(file)) {
    const privateKey = parseSigningKey(readFileSync(file, 'utf8'));
    return { privateKey, publicKeyPem: publicKeyPemOf(privateKey), source: 'file' };
  }
  const { privateKey } = generateKeyPairSync('ed25519');
  mkdirSync(opts.dataDir, { recursive: true });
  writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  chmodSync(file, 0o600);
  opts.log?.(`audit: AUDIT_SIGNING_KEY not set, generated a development signing key in ${file}`);
  return { privateKey, publicKeyPem: publicKeyPemOf(privateKey), source: 'generated' };
}
