import { Client } from 'pg';

export const OWNER_ROLE = 'mutu_owner';

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
 * The owner role of Mutu's database: owns the database and its schema and runs the migrations, and
 * nothing more (no superuser, no CREATEROLE). Its password is (re)set on every start, so the
 * secrets file stays the truth. The application's login role comes from ensureApplicationRole.
 */
export async function ensureOwnerRole(adminUrl: string, password: string): Promise<string> {
  const database = decodeURIComponent(new URL(adminUrl).pathname.slice(1));
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [OWNER_ROLE]);
    await admin.query(`${exists.rowCount === 0 ? 'CREATE' : 'ALTER'} ROLE ${ident(OWNER_ROLE)} LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB PASSWORD ${literal(password)}`);
    await admin.query(`ALTER DATABASE ${ident(database)} OWNER TO ${ident(OWNER_ROLE)}`);
    await admin.query(`ALTER SCHEMA public OWNER TO ${ident(OWNER_ROLE)}`);
    // Tables made before the owner role existed (a database first migrated by its superuser).
    const { rows } = await admin.query<{ name: string }>(
      `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables WHERE schemaname = 'public' AND tableowner <> $1`,
      [OWNER_ROLE],
    );
    for (const { name } of rows) await admin.query(`ALTER TABLE ${name} OWNER TO ${ident(OWNER_ROLE)}`);
    await admin.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
  } finally {
    await admin.end();
  }
  return urlFor(adminUrl, OWNER_ROLE, password);
}
