import { loadConfigOrExit } from '@mutu/config';
import { createDataSource, migrate } from '@mutu/persistence';

export async function migrateCommand(): Promise<void> {
  const config = loadConfigOrExit();
  if (!config.DATABASE_URL) throw new Error('set DATABASE_URL to migrate a database');
  const ds = createDataSource({ url: config.DATABASE_URL, poolSize: 1 });
  await ds.initialize();
  try {
    const applied = await migrate(ds);
    process.stdout.write(applied.length === 0 ? 'schema up to date\n' : `applied: ${applied.join(', ')}\n`);
  } finally {
    await ds.destroy();
  }
}
