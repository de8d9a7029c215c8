// Many programs (SIM_PROGRAMS, default 1,000, the acceptance size) over budget year 2027 in the time-skipping server, with
// the real activities and PostgreSQL. Lighter shape: each program stays in the plan stage all year,
// so it gets the plan deadline's 5 reminders, the missed deadline and 4 escalations.
import { programStreamId } from '@mutu/persistence';
import { validPlan } from '@mutu/domain/testing';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { loadConfig } from '@mutu/config';
import { commandUpdate, programWorkflow, programWorkflowId } from '@mutu/workflows';
import { buildActivities } from '../../apps/worker/src/activities/activities.registry';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { uniqueId } from './program-harness';
import { signedArgs } from '../support/command-signing';

// 1,000 programs is the acceptance size and the default (about 2.5 minutes on 2 cores); set
// SIM_PROGRAMS lower for a quick local run.
const PROGRAMS = Number(process.env.SIM_PROGRAMS ?? 1000);
const CONCURRENCY = 50;
const wib = (date: string, time: string) => new Date(Date.parse(`${date}T${time}:00+07:00`)).toISOString();
const localDate = (iso: string) => new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 10);

/**
 * Worked out by hand for a plan stage started Mon 4 Jan 2027 (5 Jan is a holiday): due Fri 29 Jan
 * (31 Jan is a Sunday); reminders 10/5/2/1/0 working days before; late from 30 Jan 00:00;
 * escalations 1/3/5/10 working days after the due date.
 */
const EXPECTED_PER_PROGRAM = [
  ['ReminderIssued', '2027-01-15'], ['ReminderIssued', '2027-01-22'], ['ReminderIssued', '2027-01-27'],
  ['ReminderIssued', '2027-01-28'], ['ReminderIssued', '2027-01-29'], ['DeadlineMissed', '2027-01-30'],
  ['EscalationRaised', '2027-02-01'], ['EscalationRaised', '2027-02-03'], ['EscalationRaised', '2027-02-05'],
  ['EscalationRaised', '2027-02-12'],
];

async function inBatches<T>(items: T[], size: number, fn: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

describe(`simulation: ${PROGRAMS} programs over one budget year (time-skipping)`, () => {
  let env: TestWorkflowEnvironment;
  let app: INestApplicationContext;
  let ds: DataSource;
  let worker: Worker;
  let running: Promise<void>;
  const taskQueue = uniqueId('sim-wf');
  const run = uniqueId('sim');
  const school = `sch-${run}`;
  const region = `reg-${run}`;
  const principal = { userId: `${run}-principal`, roles: ['principal' as const], schoolIds: [school], regionIds: [] };

  beforeAll(async () => {
    env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: process.env.TEMPORAL_TEST_SERVER_PATH! } },
    });
    const config = loadConfig({ ...process.env, NODE_ENV: 'test', TEMPORAL_TASK_QUEUE: taskQueue, LOG_LEVEL: 'silent', DATABASE_POOL_SIZE: '20' });
    app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: ['error'] });
    ds = app.get(DataSource);
    // Sized for the whole cohort: every program stays cached in the worker instead of replaying.
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: { codePath: process.env.MUTU_WORKFLOW_BUNDLE! },
      activities: buildActivities(app),
      maxCachedWorkflows: PROGRAMS + 100,
      maxConcurrentWorkflowTaskExecutions: 100,
      maxConcurrentActivityTaskExecutions: 40,
    });
    running = worker.run();
    for (const [id, roles, byRegion] of [['principal', ['principal'], false], ['supervisor', ['supervisor'], true], ['district', ['district_officer'], true]] as const) {
      await ds.query(
        `INSERT INTO users (user_id, email, name, password_hash, roles, school_ids, region_ids) VALUES ($1, $2, $1, 'x', $3, $4, $5)`,
        [`${run}-${id}`, `${run}-${id}@test.mutu.id`, roles, byRegion ? [] : [school], byRegion ? [region] : []],
      );
    }
  }, 120_000);

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await env?.teardown();
    await app?.close();
  });

  it('delivers exactly the expected reminders, missed deadlines and escalations, with no duplicates', async () => {
    const started = Date.now();
    let createdIn = 0;
    const ids = Array.from({ length: PROGRAMS }, (_, i) => `${run}-p${i}`);
    {
      const now = await env.currentTimeMs();
      await env.sleep(Date.parse(wib('2027-01-04', '09:00')) - now);
      const at = new Date(await env.currentTimeMs()).toISOString();
      await inBatches(ids, CONCURRENCY, async (programId) => {
        const command = {
          commandId: `${programId}:create`, type: 'CreateProgram', actor: principal, now: at,
          payload: { programId, schoolId: school, regionId: region, budgetYear: 2027, title: 'Simulasi', plan: { ...validPlan(1), activities: [] } },
        };
        await env.client.workflow.start(programWorkflow, { taskQueue, workflowId: programWorkflowId(programId), args: [{ programId, indexStage: false }] });
        await env.client.workflow
          .getHandle(programWorkflowId(programId))
          .executeUpdate(commandUpdate('CreateProgram'), { args: signedArgs(command as never), updateId: command.commandId });
      });
      createdIn = (Date.now() - started) / 1000;
      // A day at a time: one long skip is a single RPC that may outlive the test server's keepalive.
      const end = Date.parse(wib('2027-12-31', '12:00'));
      for (let t = await env.currentTimeMs(); t < end; t = await env.currentTimeMs()) {
        await env.sleep(Math.min(86_400_000, end - t));
      }
    }

    const streams = ids.map(programStreamId);
    const events: { stream_id: string; type: string; at: string; key: string }[] = await ds.query(
      `SELECT stream_id, type, data->>'at' AS at, concat_ws('|', data->>'kind', data->>'level', data->>'dueDate') AS key FROM events
       WHERE stream_id = ANY($1) AND type IN ('ReminderIssued', 'DeadlineMissed', 'EscalationRaised') ORDER BY position`,
      [streams],
    );
    const expected = PROGRAMS * EXPECTED_PER_PROGRAM.length;
    const keys = events.map((e) => `${e.stream_id}|${e.type}|${e.key}`);
    const duplicates = keys.length - new Set(keys).size;
    const [{ inbox }] = await ds.query(
      `SELECT count(*)::int AS inbox FROM notifications WHERE program_id LIKE $1 || '%'`,
      [`${run}-p`],
    );
    const [{ outbox }] = await ds.query(
      `SELECT count(*)::int AS outbox FROM notification_outbox WHERE program_id LIKE $1 || '%'`,
      [`${run}-p`],
    );
    const byProgram = new Map<string, string[][]>();
    for (const e of events) byProgram.set(e.stream_id, [...(byProgram.get(e.stream_id) ?? []), [e.type, localDate(e.at)]]);
    const wrong = streams.filter((s) => JSON.stringify(byProgram.get(s)) !== JSON.stringify(EXPECTED_PER_PROGRAM));
    // The simulation's report (and the wall-clock time, which is not asserted).
    console.log(
      `simulation: programs=${PROGRAMS} expected=${expected} delivered(events)=${events.length} inApp=${inbox} outbox=${outbox} ` +
        `duplicates=${duplicates} wrongPrograms=${wrong.length} created=${createdIn.toFixed(1)}s wallClock=${((Date.now() - started) / 1000).toFixed(1)}s`,
    );
    expect(events).toHaveLength(expected);
    expect(duplicates).toBe(0);
    expect(wrong).toEqual([]);
    // One in-app row and one email per item: each item here has exactly one recipient.
    expect(inbox).toBe(expected);
    expect(outbox).toBe(expected);
  }, 900_000);
});
