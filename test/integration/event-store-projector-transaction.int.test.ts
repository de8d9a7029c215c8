import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { createDataSource, EventStore, migrate, StreamVersionConflictError, type AppendRequest, type Projector, type StoredEvent } from '@mutu/persistence';
import { writeInTransaction, writeWithAppend } from '../../libs/persistence/src/event-store/append-transaction';

// The append with projectors runs on a pooled connection of its own (BEGIN and the INSERT sent
// together, the projectors' statements prepared): a projector that fails takes the events with
// it, the connection goes back to the pool usable, and projectors see TypeORM's result shapes.
describe('event store: the append transaction with projectors (PostgreSQL)', () => {
  let ds: DataSource;
  const seen: { rowCount: unknown; rows: unknown; positions: string[] }[] = [];
  let failNext = false;

  /** Counts its own writes in a scratch table; fails on demand after writing. */
  const counting: Projector = {
    name: 'counting',
    tables: [],
    async apply(tx: EntityManager, streamId: string, events: StoredEvent[]) {
      await tx.query('INSERT INTO tx_counts (stream_id, n) VALUES ($1, $2) ON CONFLICT (stream_id) DO UPDATE SET n = tx_counts.n + EXCLUDED.n', [streamId, events.length]);
      const updated = await tx.query('UPDATE tx_counts SET n = n WHERE stream_id = $1', [streamId]);
      const rows = await tx.query('SELECT n FROM tx_counts WHERE stream_id = $1', [streamId]);
      seen.push({ rowCount: updated, rows, positions: events.map((e) => e.position) });
      if (failNext) {
        failNext = false;
        throw new Error('projector failed');
      }
    },
  };

  beforeAll(async () => {
    ds = createDataSource({ url: process.env.DATABASE_URL!, poolSize: 2 });
    await ds.initialize();
    await migrate(ds);
    // The scratch table is made by the owner and lent to the application role the store runs as.
    const owner = createDataSource({ url: process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL!, poolSize: 1 });
    await owner.initialize();
    await owner.query('CREATE TABLE IF NOT EXISTS tx_counts (stream_id text PRIMARY KEY, n int NOT NULL)');
    await owner.query('GRANT SELECT, INSERT, UPDATE ON tx_counts TO CURRENT_USER, PUBLIC');
    await owner.destroy();
  });

  afterAll(async () => {
    await ds?.destroy();
    const owner = createDataSource({ url: process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL!, poolSize: 1 });
    await owner.initialize();
    await owner.query('DROP TABLE IF EXISTS tx_counts');
    await owner.destroy();
  });

  const request = (streamId: string, expectedVersion: number, n = 1): AppendRequest => ({
    streamId,
    expectedVersion,
    commandId: randomUUID(),
    events: Array.from({ length: n }, (_, i) => ({ type: 'Noted', v: 1, data: { i } })),
    metadata: { actorId: 'u-1' },
    occurredAt: '2026-03-02T01:00:00.000Z',
  });

  it('gives projectors positions and TypeORM result shapes, and commits events and read model together', async () => {
    const store = new EventStore(ds, [counting]);
    const streamId = `tx-${randomUUID()}`;
    await store.append(request(streamId, 0, 3));
    await store.append(request(streamId, 3, 1));
    const last = seen[seen.length - 1];
    expect(last.rowCount).toEqual([[], 1]);
    expect(last.rows).toEqual([{ n: 4 }]);
    expect(last.positions).toHaveLength(1);
    expect(Number(last.positions[0])).toBeGreaterThan(0);
    expect(await store.countEvents(streamId)).toBe(4);
  });

  it('rolls the events back with a failing projector, and the pool keeps serving appends', async () => {
    const store = new EventStore(ds, [counting]);
    const streamId = `tx-${randomUUID()}`;
    await store.append(request(streamId, 0, 2));
    failNext = true;
    await expect(store.append(request(streamId, 2, 2))).rejects.toThrow('projector failed');
    expect(await store.countEvents(streamId)).toBe(2);
    expect(await ds.query('SELECT n FROM tx_counts WHERE stream_id = $1', [streamId])).toEqual([{ n: 2 }]);
    // Both pooled connections again, several times over: none is left inside a transaction.
    for (let i = 0; i < 4; i++) await Promise.all([store.append(request(`tx-${randomUUID()}`, 0)), store.append(request(streamId, 2 + i, 1))]);
    expect(await store.countEvents(streamId)).toBe(6);
  });

  it('fails the append with a deferred write\'s own error, keeps nothing, and later statements see earlier deferred writes', async () => {
    let writeNull = false;
    const deferring: Projector = {
      name: 'deferring',
      tables: [],
      async apply(tx: EntityManager, streamId: string, events: StoredEvent[]) {
        await writeInTransaction(tx, 'INSERT INTO tx_counts (stream_id, n) VALUES ($1, $2) ON CONFLICT (stream_id) DO UPDATE SET n = tx_counts.n + EXCLUDED.n', [
          streamId,
          writeNull ? null : events.length,
        ]);
      },
    };
    const reading: Projector = {
      name: 'reading',
      tables: [],
      async apply(tx: EntityManager, streamId: string) {
        seen.push({ rowCount: null, rows: await tx.query('SELECT n FROM tx_counts WHERE stream_id = $1', [streamId]), positions: [] });
      },
    };
    const store = new EventStore(ds, [deferring, reading]);
    const streamId = `tx-${randomUUID()}`;
    await store.append(request(streamId, 0, 2));
    expect(seen[seen.length - 1].rows).toEqual([{ n: 2 }]);
    writeNull = true;
    await expect(store.append(request(streamId, 2, 1))).rejects.toThrow(/null value/);
    writeNull = false;
    expect(await store.countEvents(streamId)).toBe(2);
    await store.append(request(streamId, 2, 1));
    expect(await ds.query('SELECT n FROM tx_counts WHERE stream_id = $1', [streamId])).toEqual([{ n: 3 }]);
  });

  it('sends a lone write given as statement parts in the INSERT\'s own statement: both kept, or neither', async () => {
    let writeNull = false;
    const parts: Projector = {
      name: 'parts',
      tables: [],
      async apply(tx: EntityManager, streamId: string, events: StoredEvent[]) {
        await writeWithAppend(tx, {
          parts: [['counted', 'INSERT INTO tx_counts (stream_id, n) VALUES ($1, $2) ON CONFLICT (stream_id) DO UPDATE SET n = tx_counts.n + EXCLUDED.n']],
          values: [streamId, writeNull ? null : events.length],
        });
      },
    };
    const store = new EventStore(ds, [parts]);
    const streamId = `tx-${randomUUID()}`;
    await store.append(request(streamId, 0, 2));
    await store.append(request(streamId, 2, 1));
    const counted = () => ds.query('SELECT n FROM tx_counts WHERE stream_id = $1', [streamId]);
    expect(await counted()).toEqual([{ n: 3 }]);
    // The write fails: the events go with it.
    writeNull = true;
    await expect(store.append(request(streamId, 3, 1))).rejects.toThrow(/null value/);
    writeNull = false;
    expect(await store.countEvents(streamId)).toBe(3);
    // The INSERT is refused (a stale version): the write goes with it.
    await expect(store.append(request(streamId, 1, 1))).rejects.toThrow(StreamVersionConflictError);
    expect(await counted()).toEqual([{ n: 3 }]);
    // With a projector that awaits queries the write goes in BEGIN … COMMIT: both projectors' counts kept.
    const both = new EventStore(ds, [parts, counting]);
    await both.append(request(streamId, 3, 2));
    expect(await store.countEvents(streamId)).toBe(5);
    expect(await counted()).toEqual([{ n: 7 }]);
  });
});
