import { DataSource } from 'typeorm';
import { MIGRATIONS } from './migrations';
import { NATIONAL_DAYS_OFF } from './deadlines/national-days-off';
import { seedNationalDaysOff } from './deadlines/national-days-off.seed';

export interface DataSourceOptions {
  url: string;
  poolSize?: number;
  applicationName?: string;
}

/** The one place a TypeORM DataSource is made; `synchronize` is never on — migrations own the schema. */
export function createDataSource(opts: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: opts.url,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    logging: false,
    poolSize: opts.poolSize ?? 10,
    applicationName: opts.applicationName ?? 'mutu',
    extra: { max: opts.poolSize ?? 10, connectionTimeoutMillis: 10_000 },
  });
}

/** Runs pending migrations on a connection of the owner role, then closes it. */
export async function migrateAsOwner(ownerUrl: string): Promise<string[]> {
  const owner = createDataSource({ url: ownerUrl, poolSize: 2, applicationName: 'mutu-migrate' }); // the lock's and the migrations'
  await owner.initialize();
  try {
    return await migrate(owner);
  } finally {
    await owner.destroy();
  }
}

/** Runs pending migrations; concurrent runners serialize on an advisory lock. */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(724201)');
    const done = await dataSource.runMigrations({ transaction: 'each' });
    // Each decreed year's national holidays and collective leave, once per year (see national-days-off.seed.ts).
    for (const { year } of NATIONAL_DAYS_OFF) await seedNationalDaysOff(dataSource, year, 'system', { oncePerYear: true });
    return done.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock(724201)').catch(() => undefined);
    await runner.release();
  }
}
