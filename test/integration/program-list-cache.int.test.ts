import type { DataSource } from 'typeorm';
import type { Config } from '@mutu/config';
import type { Actor, ProgramCommand } from '@mutu/domain';
import { actors, command, happyPath } from '@mutu/domain/testing';
import { createDataSource, EventStore, migrate, ProgramProjector, PROGRAMS_CHANGED_CHANNEL } from '@mutu/persistence';
import { Client } from 'pg';
import { ListProgramsUseCase } from '../../apps/api/src/programs/list-programs.usecase';
import { ProgramListCache } from '../../apps/api/src/programs/program-list-cache';
import { recordProgram, type RecordedProgram } from '../support/record-program';
import { until } from '../support/until';

const ADMIN: Actor = { ...actors.principal, userId: 'u-admin-cache', roles: ['admin'], schoolIds: [], regionIds: [] } as Actor;

// GET /programs pages kept in the API's memory are dropped by PostgreSQL's own announcement of a
// change to `programs`, whichever process made it; none are kept while that is not heard.
describe('GET /programs page cache (PostgreSQL LISTEN/NOTIFY)', () => {
  let ds: DataSource;
  let store: EventStore;
  let cache: ProgramListCache;
  let list: ListProgramsUseCase;
  let program: RecordedProgram;
  const programId = `cache-${process.pid}-${Date.now().toString(36)}`;
  const config = (ms: number) => ({ DATABASE_URL: process.env.DATABASE_URL, PROGRAM_LIST_CACHE_MS: ms }) as Config;
  const versionListed = async () => {
    const page = JSON.parse(await list.execute(ADMIN, { schoolId: actors.principal.schoolIds[0], limit: 100 })) as { items: { programId: string; version: number }[] };
    return page.items.find((i) => i.programId === programId)?.version;
  };

  beforeAll(async () => {
    ds = createDataSource({ url: process.env.DATABASE_URL!, poolSize: 4 });
    await ds.initialize();
    await migrate(ds);
    store = new EventStore(ds, [new ProgramProjector()]);
    program = await recordProgram(store, programId, happyPath(1).plan.slice(0, 1) as ProgramCommand[]);
    cache = new ProgramListCache(config(60_000));
    cache.onModuleInit();
    list = new ListProgramsUseCase(ds, cache);
    await until('the listener', () => cache.stats().listening);
  });

  afterAll(async () => {
    await cache?.onModuleDestroy();
    await ds?.destroy();
  });

  it('answers a repeated page from memory', async () => {
    const before = cache.stats();
    const first = await versionListed();
    expect(await versionListed()).toBe(first);
    expect(cache.stats().hits).toBe(before.hits + 1);
  });

  it('drops the pages when programs change, written by another process', async () => {
    expect(await versionListed()).toBe(program.version);
    const drops = cache.stats().drops;
    // The store here stands for the worker: a connection and a transaction of its own.
    program = await recordProgram(store, programId, [command('SubmitPlan', actors.principal, {})], program);
    await until('the announcement', () => cache.stats().drops > drops);
    expect(await versionListed()).toBe(program.version);
  });

  it("announces an append after its commit, outside its transaction, and any other writer's change through the trigger", async () => {
    // A data source of its own, so that only this process's announcements are counted: suites
    // running beside this one append to the same database.
    const own = createDataSource({ url: process.env.DATABASE_URL!, poolSize: 2, applicationName: `mutu-announce-${process.pid}` });
    await own.initialize();
    const listener = new Client({ connectionString: process.env.DATABASE_URL });
    const heard: { processId: number; payload: string | undefined }[] = [];
    listener.on('notification', (n) => n.channel === PROGRAMS_CHANGED_CHANNEL && heard.push({ processId: n.processId, payload: n.payload }));
    try {
      await listener.connect();
      await listener.query(`LISTEN ${PROGRAMS_CHANGED_CHANNEL}`);
      const ownBackends = async () =>
        new Set((await own.query(`SELECT pid FROM pg_stat_activity WHERE application_name = $1`, [`mutu-announce-${process.pid}`])).map((r: { pid: number }) => r.pid));
      /** What this process's connections announced: waits for the first, then lets any other arrive. */
      const heardFromOwn = async () => {
        const fromOwn = async () => {
          const pids = await ownBackends();
          return heard.filter((n) => pids.has(n.processId));
        };
        await until('the announcement', async () => (await fromOwn()).length > 0);
        await new Promise((r) => setTimeout(r, 300));
        const payloads = (await fromOwn()).map((n) => n.payload);
        heard.length = 0;
        return payloads;
      };
      const createdId = `${programId}-announced`;
      await recordProgram(new EventStore(own, [new ProgramProjector()]), createdId, happyPath(1).plan.slice(0, 1) as ProgramCommand[]);
      // One announcement, the one sent after the commit: the append's transaction sent none (a
      // NOTIFY in it would hold PostgreSQL's notification lock through its commit).
      expect(await heardFromOwn()).toEqual(['committed']);
      await own.query('UPDATE programs SET next_due_date = next_due_date WHERE program_id = $1', [createdId]);
      expect(await heardFromOwn()).toEqual(['']);
    } finally {
      await listener.end();
      await own.destroy();
    }
  });

  it('keeps nothing loaded while a change was announced', async () => {
    const kept = await cache.read('probe', async () => {
      cache.drop();
      return 'before the change';
    });
    expect(kept).toBe('before the change');
    expect(await cache.read('probe', async () => 'after the change')).toBe('after the change');
  });

  it('reads PostgreSQL while the listener is lost, and keeps pages again once it is back', async () => {
    await ds.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'mutu-api-programs-listener'`);
    await until('the listener to be lost', () => !cache.stats().listening);
    // Nothing is announced to this cache now; each read still sees the change at once.
    program = await recordProgram(store, programId, [command('DecidePlan', actors.supervisor, { decision: 'reject', reason: 'Anggaran belum rinci' })], program);
    expect(await versionListed()).toBe(program.version);
    expect(cache.stats().pages).toBe(0);
    await until('the listener to be back', () => cache.stats().listening);
    const hits = cache.stats().hits;
    await versionListed();
    await versionListed();
    expect(cache.stats().hits).toBe(hits + 1);
  });

  it('keeps a page no longer than PROGRAM_LIST_CACHE_MS, and none when it is 0', async () => {
    const short = new ProgramListCache(config(50));
    short.onModuleInit();
    try {
      await until('the listener', () => short.stats().listening);
      let loads = 0;
      const load = async () => String(++loads);
      await short.read('k', load);
      expect(await short.read('k', load)).toBe('1');
      await new Promise((r) => setTimeout(r, 80));
      expect(await short.read('k', load)).toBe('2');
    } finally {
      await short.onModuleDestroy();
    }
    const off = new ProgramListCache(config(0));
    off.onModuleInit();
    let loads = 0;
    await off.read('k', async () => String(++loads));
    expect(await off.read('k', async () => String(++loads))).toBe('2');
    expect(off.stats().listening).toBe(false);
    await off.onModuleDestroy();
  });
});
