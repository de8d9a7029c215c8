import { Client } from 'pg';

export const OWNER_ROLE = 'mutu_owner';
export const APP_ROLE = 'mutu_app';

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** The URL of another role on the same server and database. */
export function urlFor(adminUrl: string, role: string, password: string, database?: string): string {
  const url = new URL(adminUrl);
  url.username = role;
  url.password = password;
  if (database) url.pathname = `/${database}`;
  return url.toString();
}

/**
 * Two login roles on Mutu's database: the owner (owns the database and its schema, runs the
 * migrations) and the application role the API and workers connect as. Passwords are (re)set on
 * every start, so the secrets file stays the truth.
 */
export async function ensureDatabaseRoles(adminUrl: string, passwords: { owner: string; app: string }): Promise<{ ownerUrl: string; appUrl: string }> {
  const database = decodeURIComponent(new URL(adminUrl).pathname.slice(1));
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    for (const [role, password] of [
      [OWNER_ROLE, passwords.owner],
      [APP_ROLE, passwords.app],
    ] as const) {
      const exists = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      await admin.query(`${exists.rowCount === 0 ? 'CREATE' : 'ALTER'} ROLE ${ident(role)} LOGIN NOSUPERUSER NOCREATEROLE PASSWORD ${literal(password)}`);
    }
    await admin.query(`ALTER DATABASE ${ident(database)} OWNER TO ${ident(OWNER_ROLE)}`);
    await admin.query(`ALTER SCHEMA public OWNER TO ${ident(OWNER_ROLE)}`);
    // Tables made before the owner role existed (a database first migrated by its superuser).
    const { rows } = await admin.query<{ name: string }>(
      `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables WHERE schemaname = 'public' AND tableowner <> $1`,
      [OWNER_ROLE],
    );
    for (const { name } of rows) await admin.query(`ALTER TABLE ${name} OWNER TO ${ident(OWNER_ROLE)}`);
    await admin.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
    await admin.query(`GRANT CONNECT ON DATABASE ${ident(database)} TO ${ident(APP_ROLE)}`);
  } finally {
    await admin.end();
  }
  return { ownerUrl: urlFor(adminUrl, OWNER_ROLE, passwords.owner), appUrl: urlFor(adminUrl, APP_ROLE, passwords.app) };
}

/**
 * What the application role may do, granted by the owner after the migrations: read and write the
 * read models, and on the event store only INSERT and SELECT — history is never rewritten.
 */
export async function grantApplicationRole(ownerUrl: string): Promise<void> {
  const owner = new Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    await owner.query(`GRANT USAGE ON SCHEMA public TO ${ident(APP_ROLE)}`);
    await owner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${ident(APP_ROLE)}`);
    await owner.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${ident(APP_ROLE)}`);
    await owner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON events FROM ${ident(APP_ROLE)}`);
  } finally {
    await owner.end();
  }
}
