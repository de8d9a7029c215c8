import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { emptyDatabase, type IsolatedDatabase } from '../support/isolated-database';
import { createDataSource, eventHash, EventStore, GENESIS_HASH, MIGRATIONS, migrate, verifyStore } from '@mutu/persistence';

const EVENTS_ONLY = 1760000000500;
const stampOf = (m: (typeof MIGRATIONS)[number]) => Number(/\d+$/.exec(m.name)![0]);

// A database written by the version before the events-only append (command log and stream heads in
// their own tables) must keep its events and go on working after the migration.
describe('event store migration from the commands/streams schema (PostgreSQL)', () => {
  let db: IsolatedDatabase;
  let url: string;
  const streamId = `program-${randomUUID()}`;
  const occurredAt = '2026-03-02T01:00:00.000Z';

  beforeAll(async () => {
    db = await emptyDatabase('mutu_migration');
    url = db.url;
  });

  afterAll(async () => {
    await db?.drop().catch(() => undefined);
  });

  /** Two commands (3 events, then 1) written exactly as the earlier append statement wrote them. */
  async function writeOldStream(ds: DataSource): Promise<void> {
    let prev = GENESIS_HASH;
    const commands = [
      { commandId: 'cmd-a', events: 3 },
      { commandId: 'cmd-b', events: 1 },
    ];
    let version = 0;
    for (const c of commands) {
      const from = version + 1;
      for (let i = 0; i < c.events; i++) {
        version++;
        const e = { streamId, version, type: 'Noted', data: { i }, metadata: { v: 1 }, occurredAt };
        const hash = eventHash(prev, e);
        await ds.query(
          `INSERT INTO events (stream_id, version, type, data, metadata, occurred_at, command_id, prev_hash, hash)
           VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7, $8, $9)`,
          [streamId, version, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata), occurredAt, c.commandId, prev, hash],
        );
        prev = hash;
      }
      await ds.query('INSERT INTO commands (command_id, stream_id, from_version, to_version) VALUES ($1, $2, $3, $4)', [c.commandId, streamId, from, version]);
    }
    await ds.query('INSERT INTO streams (stream_id, version, head_hash) VALUES ($1, $2, $3)', [streamId, version, prev]);
  }

  it('keeps every event, numbers commands, and appends, deduplicates and verifies afterwards', async () => {
    const old = new DataSource({
      type: 'postgres',
      url,
      migrations: MIGRATIONS.filter((m) => stampOf(m) < EVENTS_ONLY),
      migrationsTableName: 'schema_migrations',
    });
    await old.initialize();
    await old.runMigrations({ transaction: 'each' });
    await writeOldStream(old);
    await old.destroy();

    const ds = createDataSource({ url, poolSize: 2 });
    await ds.initialize();
    try {
      expect(await migrate(ds)).toContain(`EventsOnlyAppend${EVENTS_ONLY}`);
      const indexes: { command_id: string; command_index: number }[] = await ds.query(
        'SELECT command_id, command_index FROM events WHERE stream_id = $1 ORDER BY version',
        [streamId],
      );
      expect(indexes).toEqual([
        { command_id: 'cmd-a', command_index: 0 },
        { command_id: 'cmd-a', command_index: 1 },
        { command_id: 'cmd-a', command_index: 2 },
        { command_id: 'cmd-b', command_index: 0 },
      ]);
      expect(await ds.query('SELECT command_id, from_version, to_version FROM commands ORDER BY command_id')).toEqual([
        { command_id: 'cmd-a', from_version: 1, to_version: 3 },
        { command_id: 'cmd-b', from_version: 4, to_version: 4 },
      ]);

      const store = new EventStore(ds);
      expect(await store.currentVersion(streamId)).toBe(4);
      const retry = { streamId, expectedVersion: 0, commandId: 'cmd-a', events: [{ type: 'Noted', v: 1, data: { i: 0 } }], metadata: {}, occurredAt };
      expect(await store.append(retry)).toMatchObject({ fromVersion: 1, toVersion: 3, duplicate: true });
      const next = await store.append({ ...retry, expectedVersion: 4, commandId: 'cmd-c' });
      expect(next).toMatchObject({ fromVersion: 5, toVersion: 5, duplicate: false });
      expect(await verifyStore(ds, { streamId })).toMatchObject({ ok: true, events: 5, breaks: [] });
    } finally {
      await ds.destroy();
    }
  });
});
