import { loadConfigOrExit } from '@mutu/config';
import { createDataSource, migrate } from '@mutu/persistence';

/** Applies pending migrations as the owner role (DATABASE_OWNER_URL) when given, else with DATABASE_URL. */
export async function migrateCommand(): Promise<void> {
  const config = loadConfigOrExit();
  const url = config.DATABASE_OWNER_URL ?? config.DATABASE_URL;
  if (!url) throw new Error('set DATABASE_OWNER_URL (or DATABASE_URL) to migrate a database');
  const ds = createDataSource({ url, poolSize: 1 });
  await ds.initialize();
  try {
    const applied = await migrate(ds);
    process.stdout.write(applied.length === 0 ? 'schema up to date\n' : `applied: ${applied.join(', ')}\n`);
  } finally {
    await ds.destroy();
  }
}
