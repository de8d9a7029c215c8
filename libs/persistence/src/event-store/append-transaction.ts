import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';

/** The node-postgres client under TypeORM's pool (only what the append transaction uses). */
interface PgClient {
  pipeline: boolean;
  query(q: string | { name?: string; text: string; values?: unknown[] }, values?: unknown[]): Promise<{ rows: unknown[]; rowCount: number | null; command: string }>;
}

/** Statement texts given a prepared-statement name; beyond this many, texts are sent unnamed. */
const MAX_NAMED = 256;
const named = new Map<string, string>();

function nameOf(text: string): string | undefined {
  const known = named.get(text);
  if (known !== undefined || named.size >= MAX_NAMED) return known;
  const name = `mutu_tx_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
  named.set(text, name);
  return name;
}

/** A transaction handle that can send a write without waiting for its answer. */
interface DeferringTx {
  defer(text: string, values: unknown[]): void;
}

/**
 * The transaction handle projectors get: `query(sql, params)` with TypeORM's result shape (rows;
 * `[rows, rowCount]` for UPDATE and DELETE), each text a prepared statement of the connection, so
 * the projectors' statements are parsed and planned once per connection instead of per append;
 * and `defer` (see `writeInTransaction`).
 */
function projectionTx(client: PgClient, deferred: Promise<{ failed?: unknown }>[]): EntityManager {
  const send = (text: string, values: unknown[]) => {
    const name = nameOf(text);
    return client.query(name ? { name, text, values } : { text, values });
  };
  const tx: DeferringTx & { query(text: string, values?: unknown[]): Promise<unknown> } = {
    async query(text, values = []) {
      const r = await send(text, values);
      return r.command === 'UPDATE' || r.command === 'DELETE' ? [r.rows, r.rowCount] : r.rows;
    },
    defer(text, values) {
      // Settled at once into a value: a failure waits for the end of the append, never unhandled.
      deferred.push(send(text, values).then(() => ({}), (failed: unknown) => ({ failed })));
    },
  };
  return tx as unknown as EntityManager;
}

/**
 * A projector's write whose answer it does not need: in the append's transaction it goes to the
 * server behind the statements before it without a round trip of its own (the connection is in
 * pipeline mode; PostgreSQL runs the statements in the order sent, so a later statement reads
 * what it wrote), and a failure fails the append before COMMIT. In any other transaction (a
 * rebuild) it is an ordinary awaited query.
 */
export async function writeInTransaction(tx: EntityManager, text: string, values: unknown[]): Promise<void> {
  const deferring = tx as unknown as Partial<DeferringTx>;
  if (typeof deferring.defer === 'function') deferring.defer(text, values);
  else await tx.query(text, values);
}

export interface AppendStatement {
  name: string;
  sql: string;
  params: unknown[];
}

/**
 * One append with its projectors, in one transaction on one pooled connection, outside TypeORM's
 * query runner, in node-postgres pipeline mode: BEGIN and the INSERT go to the server together,
 * the projectors run once the INSERT's rows are back (they carry the positions the outbox
 * records), their deferred writes travel with the next statement, and COMMIT is sent behind the
 * last of them. Zero rows back (the chain moved) is returned as `undefined`, and nothing is kept.
 */
export async function inAppendTransaction<R>(
  dataSource: DataSource,
  insert: AppendStatement,
  project: (tx: EntityManager, inserted: unknown[]) => Promise<R | undefined>,
): Promise<R | undefined> {
  const driver = dataSource.driver as unknown as { obtainMasterConnection(): Promise<[PgClient, (err?: unknown) => void]> };
  const [client, release] = await driver.obtainMasterConnection();
  let broken: unknown;
  const deferred: Promise<{ failed?: unknown }>[] = [];
  // Every deferred write's outcome, once all are answered; the first failure is the append's.
  const deferredFailure = async () => {
    return (await Promise.all(deferred)).find((r) => 'failed' in r)?.failed;
  };
  client.pipeline = true;
  try {
    // Both handled at once: a refused BEGIN or INSERT is never an unhandled rejection meanwhile.
    const [begin, rows] = await Promise.allSettled([
      client.query('BEGIN'),
      client.query({ name: insert.name, text: insert.sql, values: insert.params }),
    ]);
    try {
      if (begin.status === 'rejected') throw begin.reason;
      if (rows.status === 'rejected') throw rows.reason;
      let result: R | undefined;
      try {
        result = rows.value.rows.length === 0 ? undefined : await project(projectionTx(client, deferred), rows.value.rows);
      } catch (e) {
        // A later statement failed because a deferred write had aborted the transaction: that write's error is the cause.
        throw (await deferredFailure()) ?? e;
      }
      const end = client.query(result === undefined ? 'ROLLBACK' : 'COMMIT');
      const failed = await deferredFailure();
      // COMMIT of a transaction a failed write aborted answers ROLLBACK: nothing was kept.
      await end;
      if (failed !== undefined) throw failed;
      return result;
    } catch (e) {
      await client.query('ROLLBACK').catch((rollbackError: unknown) => {
        broken = rollbackError;
      });
      throw e;
    }
  } finally {
    client.pipeline = false;
    // A connection whose ROLLBACK failed is in an unknown state: the pool drops it.
    release(broken);
  }
}
