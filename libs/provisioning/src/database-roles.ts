import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import type { ProvisionLog } from './log';

/** The login role the API and workers connect as. */
export const APPLICATION_ROLE = 'mutu_app';
/**
 * The group role that holds the application's privileges (granted by migration 1760000001000:
 * INSERT and SELECT on events, read models writable). The login role is a member of it.
 */
export const APPLICATION_GROUP_ROLE = 'mutu_application';

export interface ApplicationRoleOptions {
  /** Where the role's password is kept across starts (a persistent stack); omitted: a new one each time. */
  dataDir?: string;
  log: ProvisionLog;
}

export interface ApplicationRole {
  role: string;
  /** The owner URL with the application role's name and password: DATABASE_URL of the processes. */
  url: string;
}

/**
 * Creates (or brings up to date) the application's login role in the database the owner URL
 * names: LOGIN with its own password, a member of the group role that migrations grant to. The
 * owner role keeps running migrations; nothing the application role can do rewrites events.
 */
export async function ensureApplicationRole(ownerUrl: string, options: ApplicationRoleOptions): Promise<ApplicationRole> {
  const password = applicationPassword(options.dataDir);
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const database = (await client.query<{ db: string }>('SELECT current_database() AS db')).rows[0].db;
    // CREATE ROLE has no IF NOT EXISTS; two stacks provisioning one server at once may race on it.
    await client.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APPLICATION_GROUP_ROLE}') THEN CREATE ROLE ${APPLICATION_GROUP_ROLE} NOLOGIN; END IF;
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APPLICATION_ROLE}') THEN CREATE ROLE ${APPLICATION_ROLE} LOGIN; END IF;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
      END $$`);
    // Never a superuser, never able to create roles or databases, whatever was there before.
    await client.query(`ALTER ROLE ${APPLICATION_ROLE} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOREPLICATION PASSWORD ${literal(password)}`);
    await client.query(`GRANT ${APPLICATION_GROUP_ROLE} TO ${APPLICATION_ROLE}`);
    await client.query(`GRANT CONNECT ON DATABASE ${identifier(database)} TO ${APPLICATION_GROUP_ROLE}`);
    await client.query(`GRANT USAGE ON SCHEMA public TO ${APPLICATION_GROUP_ROLE}`);
  } finally {
    await client.end();
  }
  const url = new URL(ownerUrl);
  url.username = APPLICATION_ROLE;
  url.password = password;
  options.log(`PostgreSQL: application role ${APPLICATION_ROLE} (INSERT and SELECT on events; migrations run as ${decodeURIComponent(new URL(ownerUrl).username)})`);
  return { role: APPLICATION_ROLE, url: url.toString() };
}

/** A random password, kept in `<dataDir>/app-role-password` when the stack persists. */
function applicationPassword(dataDir: string | undefined): string {
  if (!dataDir) return randomBytes(24).toString('base64url');
  const file = join(dataDir, 'app-role-password');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    const password = randomBytes(24).toString('base64url');
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, password, { mode: 0o600 });
    chmodSync(file, 0o600);
    return password;
  }
}

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function identifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
