import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  CommandIdReusedError,
  createDataSource,
  EventStore,
  eventHash,
  GENESIS_HASH,
  migrate,
  ProgramProjector,
  StreamVersionConflictError,
  type AppendRequest,
} from '@mutu/persistence';

// Without projectors an append to an existing stream takes the single-statement path; with them
// it runs in a transaction with the read models: both must keep the same guarantees.
describe.each([
  ['with projectors', true],
  ['without projectors', false],
])('event store append %s (PostgreSQL)', (_label, withProjectors) => {
  let ds: DataSource;
  let store: EventStore;

  beforeAll(async () => {
    ds = createDataSource({ url: process.env.DATABASE_URL!, poolSize: 20 });
    await ds.initialize();
    await migrate(ds);
    store = new EventStore(ds, withProjectors ? [new ProgramProjector()] : []);
  });

  afterAll(async () => {
    await ds?.destroy();
  });

  const request = (streamId: string, expectedVersion: number, n = 1, commandId = randomUUID()): AppendRequest => ({
    streamId,
    expectedVersion,
    commandId,
    events: Array.from({ length: n }, (_, i) => ({ type: 'Noted', v: 1, data: { i, text: `catatan ${i}` } })),
    metadata: { actorId: 'u-1' },
    occurredAt: '2026-03-02T01:00:00.000Z',
  });

  it('records 50 concurrent retries of one command exactly once and gives each the same result', async () => {
    const streamId = `test-${randomUUID()}`;
    await store.append(request(streamId, 0));
    const retry = request(streamId, 1, 3);
    const results = await Promise.all(Array.from({ length: 50 }, () => store.append(retry)));
    expect(await store.countEvents(streamId)).toBe(4);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    const winner = results.find((r) => !r.duplicate)!;
    for (const r of results) expect({ ...r, duplicate: false }).toEqual(winner);
  });

  it('records 50 concurrent first appends of one command to a new stream exactly once', async () => {
    const streamId = `test-${randomUUID()}`;
    const first = request(streamId, 0, 2);
    const results = await Promise.all(Array.from({ length: 50 }, () => store.append(first)));
    expect(await store.countEvents(streamId)).toBe(2);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
  });

  it('lets exactly one of many different first appends to a new stream win; the rest get a version conflict', async () => {
    const streamId = `test-${randomUUID()}`;
    const settled = await Promise.allSettled(Array.from({ length: 20 }, () => store.append(request(streamId, 0))));
    expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(1);
    for (const s of settled.filter((x): x is PromiseRejectedResult => x.status === 'rejected')) {
      expect(s.reason).toBeInstanceOf(StreamVersionConflictError);
    }
    expect(await store.countEvents(streamId)).toBe(1);
  });

  it('refuses an append with a stale version with a clean conflict and writes nothing', async () => {
    const streamId = `test-${randomUUID()}`;
    await store.append(request(streamId, 0, 2));
    const stale = request(streamId, 1);
    const error = await store.append(stale).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StreamVersionConflictError);
    expect(error).toMatchObject({ code: 'STREAM_VERSION_CONFLICT', streamId, expectedVersion: 1, actualVersion: 2 });
    expect(await store.countEvents(streamId)).toBe(2);
    const claimed: unknown[] = await ds.query('SELECT 1 FROM commands WHERE command_id = $1', [stale.commandId]);
    expect(claimed).toEqual([]);
    // The same command with the right version then goes through.
    expect(await store.append({ ...stale, expectedVersion: 2 })).toMatchObject({ fromVersion: 3, toVersion: 3, duplicate: false });
  });

  it('answers a retry that arrives after later appends with the original result, and refuses the id on another stream', async () => {
    const streamId = `test-${randomUUID()}`;
    const first = request(streamId, 0, 2);
    const original = await store.append(first);
    await store.append(request(streamId, 2));
    expect(await store.append({ ...first, expectedVersion: 3 })).toEqual({ ...original, duplicate: true });
    expect(await store.countEvents(streamId)).toBe(3);
    await expect(store.append({ ...first, streamId: `test-${randomUUID()}` })).rejects.toBeInstanceOf(CommandIdReusedError);
  });

  it('chains correctly when another process appended since this one last wrote the stream', async () => {
    const streamId = `test-${randomUUID()}`;
    const other = new EventStore(ds, withProjectors ? [new ProgramProjector()] : []);
    await store.append(request(streamId, 0));
    await other.append(request(streamId, 1, 2));
    await store.append(request(streamId, 3));
    const events = await store.readStream(streamId);
    expect(events.map((e) => e.version)).toEqual([1, 2, 3, 4]);
    expect(events[3].prevHash).toBe(events[2].hash);
  });

  it.each([1, 10])('never chains %i event(s) from a remembered head the stream no longer has', async (n) => {
    const streamId = `test-${randomUUID()}`;
    await store.append(request(streamId, 0, 2));
    // The stream is rebuilt behind the store's back (a restore, a failover that lost a commit):
    // version 2 exists again, with another hash than the one this store remembers.
    // Only the owner role can do that (the application role cannot delete events).
    const owner = createDataSource({ url: (process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL)!, poolSize: 1 });
    await owner.initialize();
    await owner.transaction(async (tx) => {
      await tx.query(`SET LOCAL mutu.allow_event_rewrite = 'on'`);
      await tx.query('DELETE FROM events WHERE stream_id = $1', [streamId]);
    });
    await owner.destroy();
    const other = new EventStore(ds, []);
    await other.append({ ...request(streamId, 0, 2), metadata: { actorId: 'u-2' } });
    await store.append(request(streamId, 2, n));
    const events = await store.readStream(streamId);
    expect(events.map((e) => e.version)).toEqual(Array.from({ length: 2 + n }, (_, i) => i + 1));
    expect(events[2].prevHash).toBe(events[1].hash);
    expect(events[2].metadata).toMatchObject({ actorId: 'u-1' });
  });

  it('chains every event to the previous one with sha256 over its canonical form', async () => {
    const streamId = `test-${randomUUID()}`;
    await store.append(request(streamId, 0, 3));
    const last = await store.append(request(streamId, 3, 10));
    const events = await store.readStream(streamId);
    let prev = GENESIS_HASH;
    for (const e of events) {
      expect(e.prevHash).toBe(prev);
      expect(e.hash).toBe(eventHash(prev, { streamId, version: e.version, type: e.type, data: e.data, metadata: e.metadata, occurredAt: e.occurredAt }));
      prev = e.hash;
    }
    expect(last.headHash).toBe(prev);
  });
});
