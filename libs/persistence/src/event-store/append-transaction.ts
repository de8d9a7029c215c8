import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';

interface QueryResult {
  rows: unknown[];
  rowCount: number | null;
  command: string;
}

/** The node-postgres client under TypeORM's pool (only what the append transaction uses). */
interface PgClient {
  pipeline: boolean;
  connection: { stream: { cork(): void; uncork(): void } };
  query(q: string | { name?: string; text: string; values?: unknown[] }, values?: unknown[]): Promise<QueryResult>;
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

type Settled = { failed?: unknown };
const settle = (p: Promise<unknown>): Promise<Settled> => p.then(() => ({}), (failed: unknown) => ({ failed }));

/**
 * The statements of one append, written to the connection in as few writes as possible: the socket
 * is corked while they are sent, and uncorked (written out) only when an answer is awaited.
 */
class Batch {
  private corked = 0;
  readonly deferred: Promise<Settled>[] = [];

  constructor(private readonly client: PgClient) {
    this.cork();
  }

  send(text: string, values?: unknown[], name = nameOf(text)): Promise<QueryResult> {
    return this.client.query(values === undefined && name === undefined ? text : name ? { name, text, values } : { text, values });
  }

  /** Writes out what was sent so far (the next statements are corked again). */
  flush(): void {
    if (this.corked === 0) return;
    this.client.connection.stream.uncork();
    this.client.connection.stream.cork();
  }

  private cork(): void {
    this.client.connection.stream.cork();
    this.corked++;
  }

  /** Writes out what was sent and stops corking (the connection goes back to the pool as it came). */
  end(): void {
    for (; this.corked > 0; this.corked--) this.client.connection.stream.uncork();
  }
}

/**
 * The transaction handle projectors get: `query(sql, params)` with TypeORM's result shape (rows;
 * `[rows, rowCount]` for UPDATE and DELETE), each text a prepared statement of the connection, so
 * the projectors' statements are parsed and planned once per connection instead of per append;
 * and `defer` (see `writeInTransaction`). An awaited query is answered after the append's INSERT
 * (PostgreSQL answers in the order sent), and resolves only once `inserted` has.
 */
function projectionTx(batch: Batch, inserted: Promise<unknown>): EntityManager {
  const tx: DeferringTx & { query(text: string, values?: unknown[]): Promise<unknown> } = {
    async query(text, values = []) {
      const answer = batch.send(text, values);
      batch.flush();
      const r = await answer;
      await inserted;
      return r.command === 'UPDATE' || r.command === 'DELETE' ? [r.rows, r.rowCount] : r.rows;
    },
    defer(text, values) {
      // Settled at once into a value: a failure waits for the end of the append, never unhandled.
      batch.deferred.push(settle(batch.send(text, values)));
    },
  };
  return tx as unknown as EntityManager;
}

/**
 * A projector's write whose answer it does not need: in the append's transaction it goes to the
 * server with the statements before and after it, without a round trip of its own (the connection
 * is in pipeline mode; PostgreSQL runs the statements in the order sent, so a later statement reads
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
 * query runner, in node-postgres pipeline mode and in one round trip when the projectors read
 * nothing: BEGIN, the INSERT, the projectors' deferred writes and COMMIT are written to the server
 * together. The projectors run without waiting for the INSERT's answer; `onInserted` gets its rows
 * (positions, recording times) before any awaited query of a projector is answered. The INSERT
 * must fail, not return zero rows, when it cannot append: a failed statement aborts the
 * transaction, the writes behind it fail and COMMIT answers ROLLBACK, so nothing is kept; the
 * INSERT's error is the append's.
 */
export async function inAppendTransaction<R>(
  dataSource: DataSource,
  insert: AppendStatement,
  onInserted: (rows: unknown[]) => void,
  project: (tx: EntityManager) => Promise<R>,
): Promise<R> {
  const driver = dataSource.driver as unknown as { obtainMasterConnection(): Promise<[PgClient, (err?: unknown) => void]> };
  const [client, release] = await driver.obtainMasterConnection();
  let broken: unknown;
  client.pipeline = true;
  const batch = new Batch(client);
  try {
    const begin = settle(batch.send('BEGIN', undefined, undefined));
    const insertAnswer = batch.send(insert.sql, insert.params, insert.name);
    const inserted = insertAnswer.then((r) => onInserted(r.rows));
    const insertOutcome = settle(inserted);
    // The first failure, in the order the statements were sent: a later one fails because of it.
    const firstFailure = async () => (await Promise.all([begin, insertOutcome, ...batch.deferred])).find((r) => 'failed' in r)?.failed;
    let result: R;
    try {
      result = await project(projectionTx(batch, inserted.catch(() => undefined)));
    } catch (e) {
      const rollback = batch.send('ROLLBACK', undefined, undefined);
      batch.end();
      await rollback.catch((rollbackError: unknown) => {
        broken = rollbackError;
      });
      throw (await firstFailure()) ?? e;
    }
    const commit = batch.send('COMMIT', undefined, undefined);
    batch.end();
    const failed = await firstFailure();
    // COMMIT of a transaction a failed statement aborted answers ROLLBACK: nothing was kept.
    const ended = await commit;
    if (failed !== undefined) throw failed;
    if (ended.command !== 'COMMIT') throw new Error(`the append's transaction ended with ${ended.command}`);
    return result;
  } finally {
    batch.end();
    client.pipeline = false;
    // A connection whose ROLLBACK failed is in an unknown state: the pool drops it.
    release(broken);
  }
}
