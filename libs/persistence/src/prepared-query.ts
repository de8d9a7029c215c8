import type { DataSource } from 'typeorm';

interface PgClient {
  query<T>(q: { name: string; text: string; values: unknown[] }): Promise<{ rows: T[] }>;
}

/**
 * Runs one statement as a named prepared statement on a pooled connection, outside TypeORM's
 * query runner: PostgreSQL parses and plans it once per connection, and the call costs one
 * round trip. For the hot paths (appends, list pages); one name per statement text.
 */
export async function queryPrepared<T>(dataSource: DataSource, name: string, text: string, values: unknown[]): Promise<T[]> {
  const driver = dataSource.driver as unknown as { obtainMasterConnection(): Promise<[PgClient, () => void]> };
  const [client, release] = await driver.obtainMasterConnection();
  try {
    return (await client.query<T>({ name, text, values })).rows;
  } finally {
    release(); // before any further query: holding one connection while waiting for another can starve the pool
  }
}
