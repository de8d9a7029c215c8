// Append-only is enforced by PostgreSQL's privileges: the application role (DATABASE_URL, what the
// API and workers use) may INSERT and SELECT events and nothing else, and no session setting opens
// the trigger's escape hatch for it. The owner role (DATABASE_OWNER_URL) runs migrations.
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createDataSource, EventStore } from '@mutu/persistence';

const INSUFFICIENT_PRIVILEGE = '42501';

async function open(url: string): Promise<DataSource> {
  const ds = createDataSource({ url, poolSize: 2 });
  await ds.initialize();
  return ds;
}

async function failure(ds: DataSource, sqls: string[], params: unknown[][] = []): Promise<{ code?: string; message: string } | undefined> {
  try {
    await ds.transaction(async (tx) => {
      for (const [i, sql] of sqls.entries()) await tx.query(sql, params[i] ?? []);
    });
    return undefined;
  } catch (e) {
    return { code: (e as { code?: string }).code, message: (e as Error).message };
  }
}

describe('the application role cannot rewrite history (PostgreSQL)', () => {
  let app: DataSource;
  let owner: DataSource;
  const streamId = `test-append-only-${randomUUID()}`;

  beforeAll(async () => {
    expect(process.env.DATABASE_OWNER_URL).toBeDefined();
    expect(new URL(process.env.DATABASE_URL!).username).not.toBe(new URL(process.env.DATABASE_OWNER_URL!).username);
    app = await open(process.env.DATABASE_URL!);
    owner = await open(process.env.DATABASE_OWNER_URL!);
    // The application role appends through the event store, as the workers do.
    await new EventStore(app).append({
      streamId,
      expectedVersion: 0,
      commandId: `cmd-${randomUUID()}`,
      events: [{ type: 'Noted', v: 1, data: { text: 'first' } }, { type: 'Noted', v: 1, data: { text: 'second' } }],
      metadata: { actorId: 'u-test' },
      occurredAt: '2026-03-02T01:00:00.000Z',
    });
  });

  afterAll(async () => {
    await app?.destroy();
    await owner?.destroy();
  });

  const count = async () => Number((await app.query('SELECT count(*) AS n FROM events WHERE stream_id = $1', [streamId]))[0].n);

  it('connects as a role that is not the owner, not a superuser, and has INSERT and SELECT on events only', async () => {
    const [role] = await app.query(`SELECT current_user AS name, rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = current_user`);
    expect(role).toEqual({ name: 'mutu_app', rolsuper: false, rolcreaterole: false, rolcreatedb: false });
    const privileges = await app.query(
      `SELECT p AS privilege, has_table_privilege(current_user, 'events', p) AS granted
         FROM unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) AS p`,
    );
    expect(Object.fromEntries(privileges.map((r: { privilege: string; granted: boolean }) => [r.privilege, r.granted]))).toEqual({
      SELECT: true, INSERT: true, UPDATE: false, DELETE: false, TRUNCATE: false, REFERENCES: false, TRIGGER: false,
    });
    expect(await count()).toBe(2);
  });

  it.each([
    ['UPDATE', `UPDATE events SET data = '{"text":"changed"}' WHERE stream_id = $1`],
    ['DELETE', 'DELETE FROM events WHERE stream_id = $1 AND version = 2'],
    ['TRUNCATE', 'TRUNCATE events'],
  ])('refuses the application role\'s %s, with or without SET mutu.allow_event_rewrite', async (_verb, sql) => {
    const params = sql.includes('$1') ? [streamId] : [];
    const plain = await failure(app, [sql], [params]);
    expect(plain?.code).toBe(INSUFFICIENT_PRIVILEGE);
    const withSetting = await failure(app, [`SET LOCAL mutu.allow_event_rewrite = 'on'`, sql], [[], params]);
    expect(withSetting?.code).toBe(INSUFFICIENT_PRIVILEGE);
    const sessionWide = await failure(app, [`SET mutu.allow_event_rewrite = 'on'`, sql, 'RESET mutu.allow_event_rewrite'], [[], params]);
    expect(sessionWide?.code).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await count()).toBe(2);
  });

  it('cannot grant itself the privileges back, nor drop or disable the trigger', async () => {
    // PostgreSQL answers a GRANT of privileges one does not hold with a warning, granting nothing.
    await app.query('GRANT UPDATE, DELETE, TRUNCATE ON events TO mutu_app');
    const [after] = await app.query(`SELECT has_table_privilege(current_user, 'events', 'UPDATE, DELETE, TRUNCATE') AS any`);
    expect(after.any).toBe(false);
    expect((await failure(app, ['ALTER TABLE events DISABLE TRIGGER events_no_update']))?.code).toBe(INSUFFICIENT_PRIVILEGE);
    expect((await failure(app, ['DROP TRIGGER events_no_update ON events']))?.code).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await count()).toBe(2);
  });

  it('keeps the read models writable by the application role', async () => {
    expect(await failure(app, ['SELECT count(*) FROM programs', `UPDATE programs SET title = title WHERE program_id = 'none'`, `DELETE FROM tasks WHERE task_id = 'none'`])).toBeUndefined();
  });

  it('leaves the escape hatch to the owner alone, and even the owner needs it', async () => {
    const plain = await failure(owner, ['DELETE FROM events WHERE stream_id = $1 AND version = 2'], [[streamId]]);
    expect(plain?.message).toMatch(/events are append-only/);
    const truncate = await failure(owner, ['TRUNCATE events']);
    expect(truncate?.message).toMatch(/events are append-only/);
    expect(await failure(owner, [`SET LOCAL mutu.allow_event_rewrite = 'on'`, 'DELETE FROM events WHERE stream_id = $1 AND version = 2'], [[], [streamId]])).toBeUndefined();
    expect(await count()).toBe(1);
  });
});
