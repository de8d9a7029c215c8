import type { Config } from './config.schema';

export interface ConfigIssue {
  variable: string;
  message: string;
}

/** Passwords that ship in examples, images and this repository: never acceptable in production. */
const DEFAULT_PASSWORDS = new Set(['mutu', 'postgres', 'password', 'temporal', 'admin', 'root', 'secret', 'changeme', 'mutu-demo-2026']);
export const MIN_DATABASE_PASSWORD_LENGTH = 12;

/** Why the password inside a postgres:// URL is unfit for production, or undefined when it is fine. */
export function weakDatabasePassword(url: string): string | undefined {
  let password: string;
  try {
    password = decodeURIComponent(new URL(url).password);
  } catch {
    return 'is not a URL with a readable password';
  }
  if (password === '') return 'has no password: production needs the database role to have one';
  if (DEFAULT_PASSWORDS.has(password.toLowerCase())) return `uses the default password "${password}": set a password of your own for the database role`;
  if (password.length < MIN_DATABASE_PASSWORD_LENGTH) return `has a password shorter than ${MIN_DATABASE_PASSWORD_LENGTH} characters`;
  return undefined;
}

/**
 * What production needs and development makes up on the spot: signing secrets nobody else knows
 * and a database password that is not a published default. One issue per variable, each a sentence
 * naming it.
 */
export function productionIssues(config: Config): ConfigIssue[] {
  if (config.NODE_ENV !== 'production') return [];
  const issues: ConfigIssue[] = [];
  if (!config.JWT_SECRET) {
    issues.push({ variable: 'JWT_SECRET', message: 'is required in production: set a random secret of at least 32 characters to sign access tokens' });
  }
  if (!config.AUDIT_SIGNING_KEY) {
    issues.push({ variable: 'AUDIT_SIGNING_KEY', message: 'is required in production: set an Ed25519 private key (PEM or base64 PKCS8) to sign audit checkpoints' });
  }
  if (!config.COMMAND_SIGNING_KEY) {
    issues.push({ variable: 'COMMAND_SIGNING_KEY', message: 'is required in production: set the same random secret of at least 32 characters on the API and the workers (it signs and verifies every command)' });
  }
  if (config.WEBHOOKS_ENABLED && !config.WEBHOOK_SECRET) {
    issues.push({ variable: 'WEBHOOK_SECRET', message: 'is required in production when WEBHOOKS_ENABLED=true: webhooks are signed with it' });
  } else if (config.WEBHOOK_SECRET && config.WEBHOOK_SECRET.length < 32) {
    issues.push({ variable: 'WEBHOOK_SECRET', message: 'must be at least 32 characters in production' });
  }
  if (config.DATABASE_URL) {
    const weak = weakDatabasePassword(config.DATABASE_URL);
    if (weak) issues.push({ variable: 'DATABASE_URL', message: weak });
  }
  if (config.SEED_DEMO_DATA && config.DEMO_PASSWORD?.toLowerCase() === 'mutu-demo-2026') {
    issues.push({ variable: 'DEMO_PASSWORD', message: 'must not be the README\'s demo password in production' });
  }
  return issues;
}
