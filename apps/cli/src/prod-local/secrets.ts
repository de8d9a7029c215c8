import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * What prod:local must keep secret, generated once into its data directory (mode 0600). The
 * application role's password is kept beside it by ensureApplicationRole (app-role-password).
 */
export interface ProdSecrets {
  JWT_SECRET: string;
  AUDIT_SIGNING_KEY: string;
  COMMAND_SIGNING_KEY: string;
  WEBHOOK_SECRET: string;
  /** The demo users' password when demo data is asked for (never the README's). */
  DEMO_PASSWORD: string;
  ownerDbPassword: string;
  temporalDbPassword: string;
}

const random = (bytes = 32) => randomBytes(bytes).toString('base64url');

function generate(): ProdSecrets {
  const { privateKey } = generateKeyPairSync('ed25519');
  return {
    JWT_SECRET: random(48),
    AUDIT_SIGNING_KEY: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
    COMMAND_SIGNING_KEY: random(48),
    WEBHOOK_SECRET: random(48),
    DEMO_PASSWORD: random(12),
    ownerDbPassword: random(),
    temporalDbPassword: random(),
  };
}

/** Reads the secrets file, adding any secret a newer version needs; writes it only when something was added. */
export function loadOrCreateSecrets(file: string): { secrets: ProdSecrets; created: string[] } {
  const existing = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<ProdSecrets>) : {};
  const fresh = generate();
  const created = (Object.keys(fresh) as (keyof ProdSecrets)[]).filter((k) => !existing[k]);
  const secrets = { ...fresh, ...existing } as ProdSecrets;
  if (created.length > 0) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return { secrets, created };
}
