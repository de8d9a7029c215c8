import type { PoolClient } from 'pg';
import type { DataSource, QueryRunner } from 'typeorm';

export interface SnapshotSessions {
  clients: PoolClient[];
  close(): Promise<void>;
}

/**
 * `n` connections reading one read-only snapshot (the first exports it, the others import it), so
 * that parallel readers see the store at the same moment, as one reader would.
 */
export async function openSnapshotSessions(ds: DataSource, n: number): Promise<SnapshotSessions> {
  const runners: QueryRunner[] = [];
  const clients: PoolClient[] = [];
  const close = async () => {
    for (const c of clients) await c.query('COMMIT').catch(() => undefined);
    for (const r of runners) await r.release();
  };
  try {
    let snapshot: string | undefined;
    for (let i = 0; i < n; i++) {
      const runner = ds.createQueryRunner('slave');
      runners.push(runner);
      const client = (await runner.connect()) as PoolClient;
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      clients.push(client);
      if (snapshot === undefined) snapshot = (await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id')).rows[0].id;
      else await client.query(`SET TRANSACTION SNAPSHOT ${client.escapeLiteral(snapshot)}`);
    }
  } catch (e) {
    await close();
    throw e;
  }
  return { clients, close };
}

/**
 * Contiguous stream_id ranges holding about the same number of events, cut at the planner's
 * sampled stream ids (histogram bounds and most common values, sorted by PostgreSQL in the
 * column's collation, as the ranges are compared). Only the balance depends on the statistics,
 * not what is read: without any (a fresh table) it is one range.
 */
export async function streamRanges(client: PoolClient, n: number): Promise<[string | null, string | null][]> {
  const { rows } = await client.query<{ bounds: string[] | null }>(
    `SELECT array_agg(v ORDER BY v) AS bounds
       FROM pg_stats, unnest(coalesce(histogram_bounds::text::text[], '{}') || coalesce(most_common_vals::text::text[], '{}')) AS v
      WHERE schemaname = current_schema() AND tablename = 'events' AND attname = 'stream_id'`,
  );
  const bounds = rows[0]?.bounds ?? [];
  const cuts = [...new Set(Array.from({ length: n - 1 }, (_, k) => bounds[Math.round(((k + 1) * bounds.length) / n)]).filter((b) => b !== undefined))];
  return [null, ...cuts].map((lo, i) => [lo, cuts[i] ?? null]);
}
