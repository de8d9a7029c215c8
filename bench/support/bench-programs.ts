// Many real programs, fast: each school gets a principal (with an email address), each program's
// CreateProgram is decided by the domain and appended through the event store with the worker's
// projectors (so the events, the `programs` row and everything a reminder needs exist), and its
// workflow starts from that carried state, as after continue-as-new, instead of through an Update.
import type { DataSource } from 'typeorm';
import type { Client } from '@temporalio/client';
import { decide, evolve, initialProgramState, type Actor, type ProgramCommand, type ProgramState } from '@mutu/domain';
import { coreProjectors, EventStore, programStreamId } from '@mutu/persistence';
import { NOTIFICATION_PROJECTORS } from '@mutu/notifications';
import { programWorkflow, programWorkflowId } from '@mutu/workflows';
import { validPlan } from '../../libs/domain/src/testing';

export interface BenchProgramsOptions {
  ds: DataSource;
  client: Client;
  taskQueue: string;
  /** Prefix of every id: programs are `<prefix>-<i>`, schools `sch-<prefix>-<i>`. */
  prefix: string;
  count: number;
  regionId: string;
  budgetYear: number;
  timeZone: string;
  /** Activities in each program's plan (its state's size). */
  activities?: number;
  /** Progress line every this many programs (default 1,000). */
  logEvery?: number;
}

export async function parallel(n: number, concurrency: number, fn: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => { while (next < n) await fn(next++); }));
}

/** The region, its schools (one a program) and each school's principal, with an email address. */
export async function seedSchools(ds: DataSource, o: Pick<BenchProgramsOptions, 'prefix' | 'count' | 'regionId' | 'timeZone'>): Promise<void> {
  await ds.query(`INSERT INTO regions (region_id, name) VALUES ($1, $1) ON CONFLICT DO NOTHING`, [o.regionId]);
  const ids = Array.from({ length: o.count }, (_, i) => `${o.prefix}-${i}`);
  for (let i = 0; i < ids.length; i += 5_000) {
    const chunk = ids.slice(i, i + 5_000);
    await ds.query(
      `INSERT INTO schools (school_id, region_id, name, time_zone) SELECT 'sch-' || p, $2, 'Sekolah ' || p, $3 FROM unnest($1::text[]) AS t(p)`,
      [chunk, o.regionId, o.timeZone],
    );
    await ds.query(
      `INSERT INTO users (user_id, email, name, password_hash, roles, school_ids)
       SELECT 'kepsek-' || p, 'kepsek-' || p || '@bench.local', 'Kepala sekolah ' || p, 'x', '{principal}', ARRAY['sch-' || p] FROM unnest($1::text[]) AS t(p)`,
      [chunk],
    );
  }
}

/** Programs of the schools `seedSchools` made, appended and started; returns the seconds each phase took. */
export async function startBenchPrograms(o: BenchProgramsOptions): Promise<{ appendSeconds: number; startSeconds: number }> {
  const ids = Array.from({ length: o.count }, (_, i) => `${o.prefix}-${i}`);
  // The fixture's plan, its activity windows moved into the program's budget year.
  const fixture = validPlan(o.activities ?? 3);
  const plan = { ...fixture, activities: fixture.activities.map((a) => ({ ...a, window: { start: `${o.budgetYear}${a.window.start.slice(4)}`, end: `${o.budgetYear}${a.window.end.slice(4)}` } })) };
  const store = new EventStore(o.ds, [...coreProjectors(), ...NOTIFICATION_PROJECTORS.map((P) => new P())]);
  const carries = new Array<{ state: ProgramState; commandId: string }>(o.count);
  const logEvery = o.logEvery ?? 1_000;
  let t = Date.now();
  await parallel(o.count, 8, async (i) => {
    const programId = ids[i];
    const actor: Actor = { userId: `kepsek-${programId}`, name: 'Kepala sekolah', roles: ['principal'], schoolIds: [`sch-${programId}`], regionIds: [] };
    const create = {
      commandId: `${programId}:create`, type: 'CreateProgram', actor, now: new Date().toISOString(),
      payload: { programId, schoolId: `sch-${programId}`, regionId: o.regionId, budgetYear: o.budgetYear, timeZone: o.timeZone, title: `Program mutu ${i}`, plan },
    } as ProgramCommand;
    const events = decide(create, initialProgramState());
    await store.append({
      streamId: programStreamId(programId), expectedVersion: 0, commandId: create.commandId, events: events as never,
      metadata: { commandType: create.type, actorId: actor.userId, actorRoles: actor.roles }, occurredAt: create.now,
    });
    carries[i] = { state: events.reduce(evolve, initialProgramState()), commandId: create.commandId };
    if ((i + 1) % logEvery === 0) console.log(`[bench] ${i + 1} programs appended`);
  });
  const appendSeconds = (Date.now() - t) / 1000;
  t = Date.now();
  await parallel(o.count, 64, async (i) => {
    const { state, commandId } = carries[i];
    await o.client.workflow.start(programWorkflow, {
      taskQueue: o.taskQueue, workflowId: programWorkflowId(ids[i]),
      args: [{ programId: ids[i], indexStage: false, carry: { state, version: 1, recentCommandIds: [commandId] } }],
    });
    if ((i + 1) % logEvery === 0) console.log(`[bench] ${i + 1} workflows started`);
  });
  return { appendSeconds, startSeconds: (Date.now() - t) / 1000 };
}

/** Waits until every program of the prefix has its schedule in the `deadlines` read model; returns how many have. */
export async function waitForSchedules(ds: DataSource, prefix: string, count: number, timeoutMs: number): Promise<number> {
  const until = Date.now() + timeoutMs;
  let n = 0;
  while (Date.now() < until) {
    [{ n }] = await ds.query('SELECT count(DISTINCT program_id)::int AS n FROM deadlines WHERE program_id LIKE $1', [`${prefix}-%`]);
    if (n >= count) break;
    // The count scans every deadline row: at national sizes it is asked for less often.
    await new Promise((r) => setTimeout(r, count > 10_000 ? 10_000 : 2_000));
  }
  return n;
}
