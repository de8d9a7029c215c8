import type { DataSource, EntityManager } from 'typeorm';
import { AppendBatch, partsStatement, type AppendStatement, type PgClient, type StatementParts } from './append-batch';
import { announceCommitted } from './change-announcer';

export type { AppendStatement, StatementParts } from './append-batch';

/** A transaction handle that can hold a write without waiting for its answer. */
interface DeferringTx {
  defer(write: { text: string; values: unknown[] } | StatementParts): void;
  /** Announces `channel` once the transaction has committed. */
  announceAfterCommit(channel: string): void;
}

/**
 * The transaction handle projectors get: `query(sql, params)` with TypeORM's result shape (rows;
 * `[rows, rowCount]` for UPDATE and DELETE), each text a prepared statement of the connection, so
 * the projectors' statements are parsed and planned once per connection instead of per append;
 * and `defer` (see `writeInTransaction`). An awaited query goes out with everything before it and
 * resolves once the append's INSERT has answered too (PostgreSQL answers in the order sent).
 */
function projectionTx(batch: AppendBatch, announcements: Set<string>): EntityManager {
  const tx: DeferringTx & { query(text: string, values?: unknown[]): Promise<unknown> } = {
    async query(text, values = []) {
      const r = await batch.read(text, values);
      await batch.inserted;
      return r.command === 'UPDATE' || r.command === 'DELETE' ? [r.rows, r.rowCount] : r.rows;
    },
    defer(write) {
      batch.hold(write);
    },
    announceAfterCommit(channel) {
      announcements.add(channel);
    },
  };
  return tx as unknown as EntityManager;
}

/**
 * A projector's write whose answer it does not need: in the append's transaction it goes to the
 * server with the statements before and after it, without a round trip of its own (PostgreSQL runs
 * them in the order sent, so a later statement reads what it wrote), and a failure fails the
 * append. In any other transaction (a rebuild) it is an ordinary awaited query.
 */
export async function writeInTransaction(tx: EntityManager, text: string, values: unknown[]): Promise<void> {
  const deferring = tx as unknown as Partial<DeferringTx>;
  if (typeof deferring.defer === 'function') deferring.defer({ text, values });
  else await tx.query(text, values);
}

/**
 * As `writeInTransaction`, for a write given as statement parts: when it is the append's only
 * write, it goes in the INSERT's own statement (one statement, no BEGIN or COMMIT); when it is the
 * first of several, in the INSERT's statement inside the transaction. Its parts must not read
 * what the append's INSERT writes (the events): CTEs of one statement share its snapshot.
 */
export async function writeWithAppend(tx: EntityManager, write: StatementParts): Promise<void> {
  const deferring = tx as unknown as Partial<DeferringTx>;
  if (typeof deferring.defer === 'function') deferring.defer(write);
  else await tx.query(partsStatement(write), write.values);
}

/**
 * A projector's announcement (NOTIFY on `channel`) of what its transaction changed. In the append's
 * transaction it is sent after the commit, outside the transaction (change-announcer.ts: a
 * notifying transaction holds a cluster-wide lock through its commit); in any other transaction (a
 * rebuild) it is a NOTIFY of that transaction, delivered when it commits.
 */
export async function announceAfterCommit(tx: EntityManager, channel: string): Promise<void> {
  const deferring = tx as unknown as Partial<DeferringTx>;
  if (typeof deferring.announceAfterCommit === 'function') return deferring.announceAfterCommit(channel);
  // One NOTIFY per transaction and channel: a rebuild projects every program in one transaction.
  let sent = notifiedIn.get(tx);
  if (!sent) notifiedIn.set(tx, (sent = new Set()));
  if (sent.has(channel)) return;
  sent.add(channel);
  await tx.query("SELECT pg_notify($1, '')", [channel]);
}

/** Channels already notified per transaction handle outside the append path. */
const notifiedIn = new WeakMap<object, Set<string>>();

/**
 * One append with its projectors on one pooled connection, outside TypeORM's query runner, in
 * node-postgres pipeline mode (append-batch.ts). The projectors run without waiting for the
 * INSERT's answer; `onInserted` gets its rows (positions, recording times) before any query a
 * projector awaits is answered. The INSERT must fail, not return zero rows, when it cannot append:
 * a failed statement takes the statements behind it with it (in a transaction, COMMIT answers
 * ROLLBACK), so nothing is kept, and the INSERT's error is the append's.
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
  const batch = new AppendBatch(client, insert, onInserted);
  const announcements = new Set<string>();
  try {
    let result: R;
    try {
      result = await project(projectionTx(batch, announcements));
    } catch (e) {
      await batch.rollback().catch((rollbackError: unknown) => {
        broken = rollbackError;
      });
      // A query failed because an earlier statement had aborted the transaction: that one's error is the cause.
      throw (await batch.firstFailure()) ?? e;
    }
    await batch.commit();
    for (const channel of announcements) announceCommitted(dataSource, channel);
    return result;
  } finally {
    batch.uncork();
    client.pipeline = false;
    // A connection whose ROLLBACK failed is in an unknown state: the pool drops it.
    release(broken);
  }
}
