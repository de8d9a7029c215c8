// A database of its own for a test that changes what every other test relies on (Schemathesis as
// admin resets and disables demo accounts), in the run's PostgreSQL: made and migrated by the
// owner, connected to by the application role, dropped afterwards.
import { randomUUID } from 'node:crypto';
import { createDataSource, migrateAsOwner } from '@mutu/persistence';

export interface IsolatedDatabase {
  /** The application role's URL for the new database (DATABASE_URL of a stack). */
  url: string;
  drop(): Promise<void>;
}

const withDatabase = (url: string, database: string) => {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
};

export async function isolatedDatabase(prefix: string): Promise<IsolatedDatabase> {
  const ownerUrl = process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL!;
  const database = `${prefix}_${process.pid}`;
  const admin = createDataSource({ url: ownerUrl, poolSize: 1 });
  await admin.initialize();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.query(`GRANT CONNECT ON DATABASE ${database} TO mutu_application`);
  } finally {
    await admin.destroy();
  }
  await migrateAsOwner(withDatabase(ownerUrl, database));
  return {
    url: withDatabase(process.env.DATABASE_URL!, database),
    async drop() {
      const again = createDataSource({ url: ownerUrl, poolSize: 1 });
      await again.initialize();
      await again.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).finally(() => again.destroy());
    },
  };
}

/**
 * An empty database of the owner's, not migrated (a test migrates it step by step, as an older
 * release left it): its owner URL, and `drop`.
 */
export async function emptyDatabase(prefix: string): Promise<IsolatedDatabase> {
  const ownerUrl = process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL!;
  const database = `${prefix}_${randomUUID().replace(/-/g, '')}`;
  const admin = createDataSource({ url: ownerUrl, poolSize: 1 });
  await admin.initialize();
  await admin.query(`CREATE DATABASE ${database}`).finally(() => admin.destroy());
  return {
    url: withDatabase(ownerUrl, database),
    async drop() {
      const again = createDataSource({ url: ownerUrl, poolSize: 1 });
      await again.initialize();
      await again.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).finally(() => again.destroy());
    },
  };
}
