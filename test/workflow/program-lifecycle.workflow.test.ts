import type { ProgramCommand } from '@mutu/domain';
import { actors, command, happyPath } from '@mutu/domain/testing';
import { programStreamId } from '@mutu/persistence';
import { stateQuery } from '@mutu/workflows';
import { temporal } from '@temporalio/proto';
import {
  expectStoreMatches,
  stageOf,
  historyLength,
  refusalOf,
  scoped,
  send,
  sendAll,
  startProgram,
  startProgramHarness,
  uniqueId,
  type ProgramHarness,
} from './program-harness';

const { EventType } = temporal.api.enums.v1;
const UPDATE_EVENTS = new Set<number>([
  EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ADMITTED,
  EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED,
  EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_REJECTED,
  EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED,
]);

describe('program workflow lifecycle (time-skipping Temporal + PostgreSQL)', () => {
  let h: ProgramHarness;

  beforeAll(async () => {
    h = await startProgramHarness();
  }, 120_000);

  afterAll(async () => {
    await h?.stop();
  });

  it('runs a program from plan to closed and records every change as a chained event', async () => {
    const programId = uniqueId('happy');
    const path = happyPath(2);
    const commands = [...path.plan, ...path.assign, ...path.execute, ...path.document, ...path.report].map((c) =>
      scoped(programId, c as ProgramCommand),
    );
    await h.withWorker(async () => {
      const handle = await startProgram(h, programId);
      const last = await sendAll(handle, commands);
      expect(stageOf(last!.state)).toBe('closed');
      const carry = await handle.result();
      expect(stageOf(carry.state)).toBe('closed');
      await expectStoreMatches(h, programId, carry.state, carry.version);
      const rows: { stage: string }[] = await h.dataSource.query('SELECT stage FROM programs WHERE program_id = $1', [programId]);
      expect(rows).toEqual([{ stage: 'closed' }]);
      const tasks: unknown[] = await h.dataSource.query('SELECT 1 FROM tasks WHERE program_id = $1', [programId]);
      expect(tasks).toHaveLength(0);
    });
  });

  it('sends a plan rejected twice back for revision and advances once it is approved', async () => {
    const programId = uniqueId('plan-loop');
    const [create] = happyPath(2).plan;
    const submit = () => command('SubmitPlan', actors.principal, {});
    const reject = (reason: string) => command('DecidePlan', actors.supervisor, { decision: 'reject', reason });
    const commands = [
      create,
      submit(),
      reject('Indikator belum terukur'),
      submit(),
      reject('Anggaran belum sesuai komponen BOSP'),
      submit(),
      command('DecidePlan', actors.supervisor, { decision: 'approve' }),
    ].map((c) => scoped(programId, c as ProgramCommand));
    await h.withWorker(async () => {
      const handle = await startProgram(h, programId);
      for (const c of commands.slice(0, 3)) await send(handle, c);
      expect(stageOf((await handle.query(stateQuery)).state)).toBe('plan');
      const last = await sendAll(handle, commands.slice(3));
      expect(stageOf(last!.state)).toBe('assign');
      const approvals = (last!.state as { approvals: { stage: string; decision: string }[] }).approvals.filter((a) => a.stage === 'plan');
      expect(approvals.map((a) => a.decision)).toEqual(['reject', 'reject', 'approve']);
      await expectStoreMatches(h, programId, last!.state, last!.version);
    });
  });

  it('cancels a program mid-execution with principal and supervisor and ends the workflow', async () => {
    const programId = uniqueId('cancel');
    const path = happyPath(2);
    const commands = [
      ...path.plan,
      ...path.assign,
      command('StartActivity', actors.staff, { activityId: 'act-1' }),
      command('RequestCancellation', actors.principal, { reason: 'Dana BOS tahap II tidak cair' }),
      command('ConfirmCancellation', actors.supervisor, {}),
    ].map((c) => scoped(programId, c as ProgramCommand));
    await h.withWorker(async () => {
      const handle = await startProgram(h, programId);
      await sendAll(handle, commands);
      const carry = await handle.result();
      expect(stageOf(carry.state)).toBe('cancelled');
      await expectStoreMatches(h, programId, carry.state, carry.version);
      const rows: { stage: string }[] = await h.dataSource.query('SELECT stage FROM programs WHERE program_id = $1', [programId]);
      expect(rows).toEqual([{ stage: 'cancelled' }]);
    });
  });

  it('refuses an invalid command in the validator without touching history or the event store', async () => {
    const programId = uniqueId('refused');
    const [create] = happyPath(1).plan;
    await h.withWorker(async () => {
      const handle = await startProgram(h, programId);
      await send(handle, scoped(programId, create));
      const accepted = (await handle.fetchHistory()).events!.filter((e) => UPDATE_EVENTS.has(e.eventType!));
      expect(accepted.length).toBeGreaterThan(0); // the assertion below can see Update records
      const before = await historyLength(handle);
      // Nothing was submitted, and staff may not submit a plan.
      const decide = scoped(programId, command('DecidePlan', actors.supervisor, { decision: 'approve' }));
      const submit = scoped(programId, command('SubmitPlan', actors.staff, {}));
      expect(await refusalOf(send(handle, decide))).toBe('NOT_SUBMITTED');
      expect(await refusalOf(send(handle, submit))).toBe('FORBIDDEN_ROLE');
      // The Java test server has no speculative workflow tasks (it keeps empty task events) and the
      // deadline loop runs activities of its own: what must not appear is any Update record.
      const added = (await handle.fetchHistory()).events!.slice(before).map((e) => e.eventType!);
      expect(added.filter((t) => UPDATE_EVENTS.has(t))).toEqual([]);
      const recorded: unknown[] = await h.dataSource.query('SELECT 1 FROM events WHERE command_id = ANY($1)', [[decide.commandId, submit.commandId]]);
      expect(recorded).toEqual([]);
    });
  });

  it('answers a command id repeated after continue-as-new as a duplicate without a new event', async () => {
    await h.withWorker(async () => {
      // The run continues as new before the retry arrives.
      const { programId, commands, handle, approved } = await approvedIntoAssignRun('dup');
      const retry = await send(handle, commands[commands.length - 1]);
      expect(retry.duplicate).toBe(true);
      expect(retry.events).toEqual([]);
      expect(retry.version).toBe(approved.version);
      expect(await h.store.countEvents(programStreamId(programId))).toBe(approved.version);
    });
  });

  it("hands the next stage's schedule to the next run, which starts on it without an activity task", async () => {
    await h.withWorker(async () => {
      const { programId, handle, firstRun } = await approvedIntoAssignRun('carried');
      // The plan run ends in the workflow task that answered the approval: its one local activity
      // is the approval's append, which also computed the assign stage's schedule.
      const ended = (await h.client.workflow.getHandle(handle.workflowId, firstRun).fetchHistory()).events!;
      const lastTask = ended.map((e) => e.eventType).lastIndexOf(EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED);
      const last = ended.slice(lastTask);
      expect(last.map((e) => e.eventType)).toContain(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED);
      expect(last.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity')).toHaveLength(1);
      expect(last[last.length - 1].eventType).toBe(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW);
      const patchIds = ended
        .filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_patch')
        .flatMap((e) => Object.values(e.markerRecordedEventAttributes!.details ?? {}).flatMap((p) => p.payloads ?? []))
        .map((p) => Buffer.from(p.data ?? []).toString());
      expect(patchIds.join(' ')).toContain('schedule-in-append');
      expect(patchIds.join(' ')).toContain('schedule-carried');
      // The schedule the next run got is the one the append computed for the assign stage.
      const carried = ended[ended.length - 1].workflowExecutionContinuedAsNewEventAttributes!.input!.payloads![0];
      const input = JSON.parse(Buffer.from(carried.data ?? []).toString()) as { carry: { version: number; deadlines: { stage: string; schedule: { version: number; items: { stage: string }[] } } } };
      expect(input.carry.deadlines.stage).toBe('assign');
      expect(input.carry.deadlines.schedule.version).toBe(input.carry.version);
      expect(input.carry.deadlines.schedule.items.length).toBeGreaterThan(0);
      expect(new Set(input.carry.deadlines.schedule.items.map((i) => i.stage))).toEqual(new Set(['assign']));
      // The assign run starts on that schedule: its first workflow task schedules no activity (the
      // happy path's dates lie in the past, so no reminder is still ahead to set a timer for).
      let next = (await handle.fetchHistory()).events!;
      for (let i = 0; i < 30 && !next.some((e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED); i++) {
        await h.env.sleep('1 second');
        next = (await handle.fetchHistory()).events!;
      }
      expect(next.map((e) => e.eventType)).toContain(EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED);
      expect(next.map((e) => e.eventType)).not.toContain(EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED);
      // The schedule is stored as the activity stores it: the assign stage's deadlines are open.
      const due: { stage: string }[] = await h.dataSource.query('SELECT DISTINCT stage FROM deadlines WHERE program_id = $1', [programId]);
      expect(due).toEqual([{ stage: 'assign' }]);
    });
  });

  /** A program whose plan was approved, once its plan run continued as new (plan → assign is a stage boundary). */
  async function approvedIntoAssignRun(prefix: string) {
    const programId = uniqueId(prefix);
    const commands = happyPath(1).plan.map((c) => scoped(programId, c as ProgramCommand));
    const handle = await startProgram(h, programId);
    const firstRun = (await handle.describe()).runId;
    const approved = await sendAll(handle, commands);
    expect(stageOf(approved!.state)).toBe('assign');
    await waitForNewRun(handle, firstRun);
    return { programId, commands, handle, firstRun, approved: approved! };
  }

  async function waitForNewRun(handle: Awaited<ReturnType<typeof startProgram>>, runId: string) {
    for (;;) {
      const d = await h.client.workflow.getHandle(handle.workflowId).describe();
      if (d.runId !== runId && d.status.name === 'RUNNING') return;
      await h.env.sleep('1 second');
    }
  }
});
