import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { ProgramCommand } from '@mutu/domain';
import { actors, command, happyPath, runCommands, validPlan } from '@mutu/domain/testing';
import { programStreamId } from '@mutu/persistence';
import { temporal } from '@temporalio/proto';
import type { AppendEventsInput } from '@mutu/workflows';
import { expectStoreMatches, scoped, send, sendAll, stageOf, startProgram, startProgramHarness, uniqueId, type ProgramHarness } from './program-harness';

const { EventType } = temporal.api.enums.v1;

// Appends that committed without the workflow learning of it.
// An append activity can commit and still fail to report it (the worker dies, the completion is
// lost, the attempt times out after its commit): the server then runs it again, and the store
// answers the retry as a duplicate of the events already written. They are this command's events,
// at the version the workflow expected, so the workflow must take them as its own.
// The last case is an append that records a stage-opening command but cannot compute the next
// stage's schedule it was asked for: the command stands, and the workflow computes the schedule.
describe('program workflow: appends committed by an attempt or a workflow task that was lost', () => {
  let h: ProgramHarness;
  const lostOnce = new Set<string>();
  const attempts = new Map<string, number[]>();
  /** Commands whose append is asked for the next stage's schedule with a policy version that does not exist. */
  const scheduleFails = new Set<string>();

  beforeAll(async () => {
    h = await startProgramHarness({
      wrapActivities: (activities) => ({
        ...activities,
        appendEvents: async (input: AppendEventsInput) => {
          const asked = scheduleFails.has(input.commandId) && input.nextSchedule ? { ...input, nextSchedule: { ...input.nextSchedule, policyVersion: 987_654 } } : input;
          const result = await activities.appendEvents(asked);
          const attempt = Context.current().info.attempt;
          attempts.set(input.commandId, [...(attempts.get(input.commandId) ?? []), attempt]);
          if (lostOnce.has(input.commandId) && attempt === 1) throw ApplicationFailure.retryable('the completion of a committed append was lost', 'LOST_COMPLETION');
          return result;
        },
      }),
    });
  }, 120_000);

  afterAll(async () => {
    await h?.stop();
  });

  it('keeps the events, answers the command as accepted and goes on to the next commands', async () => {
    const programId = uniqueId('lost-completion');
    const path = happyPath(1);
    const [create, submit, approve] = path.plan.map((c) => scoped(programId, c as ProgramCommand));
    const assign = path.assign.map((c) => scoped(programId, c as ProgramCommand));
    lostOnce.add(submit.commandId);
    await h.withWorker(async () => {
      const handle = await startProgram(h, programId);
      await send(handle, create);
      const submitted = await send(handle, submit);
      expect(attempts.get(submit.commandId)).toEqual([1, 2]);
      expect(submitted.duplicate).toBe(false);
      expect(submitted.events.map((e) => e.type)).toEqual(['PlanSubmitted']);
      expect(submitted.version).toBe(2);
      // The workflow chains on from the events it took over: the next commands append after them.
      const approved = await send(handle, approve);
      expect(approved.duplicate).toBe(false);
      expect(stageOf(approved.state)).toBe('assign');
      const last = await sendAll(handle, assign);
      expect(stageOf(last!.state)).toBe('execute');
      await expectStoreMatches(h, programId, last!.state, last!.version);
    });
  });

  // A program's commands are recorded by a local activity inside the workflow task that accepts
  // them, so the store commits before the server records the task. When the server loses that task
  // (a worker killed mid-task, a task the server dropped), the store holds commands the workflow
  // never applied. Here such a command is written to the store behind the workflow's back, as the
  // lost task's append would have; the workflow must take it over, never refuse or repeat it.

  /** Appends a command's events to the store as the lost task's local append did. */
  async function recordBehindTheWorkflow(programId: string, done: readonly ProgramCommand[], lost: ProgramCommand) {
    const before = runCommands(done);
    const after = runCommands([lost], before);
    const events = after.events.slice(before.events.length);
    await h.store.append({ streamId: programStreamId(programId), expectedVersion: before.events.length, commandId: lost.commandId, events: events as never, metadata: { commandType: lost.type }, occurredAt: lost.now });
    return events.map((e) => e.type);
  }

  /** A program created by `create`, then `lost` recorded behind its workflow; the types recorded. */
  async function createdWithLostCommand(programId: string, create: ProgramCommand, lost: ProgramCommand) {
    const handle = await startProgram(h, programId);
    await send(handle, create);
    return { handle, recorded: await recordBehindTheWorkflow(programId, [create], lost) };
  }

  it('answers the lost command, when it comes again, with the events already recorded', async () => {
    const programId = uniqueId('lost-task-own');
    const [create, submit, approve] = happyPath(1).plan.map((c) => scoped(programId, c as ProgramCommand));
    await h.withWorker(async () => {
      const { handle, recorded } = await createdWithLostCommand(programId, create, submit);
      expect(recorded).toEqual(['PlanSubmitted']);
      // The client of the lost command sends it again with the same id.
      const again = await send(handle, submit);
      expect(again.events).toEqual([{ type: 'PlanSubmitted', version: 2 }]);
      expect(again.version).toBe(2);
      expect(stageOf(again.state)).toBe('plan');
      // And the program goes on from there.
      const approved = await send(handle, approve);
      expect(approved.duplicate).toBe(false);
      expect(stageOf(approved.state)).toBe('assign');
      await expectStoreMatches(h, programId, approved.state, approved.version);
    });
  });

  it('applies another command\'s lost events before deciding the next command', async () => {
    const programId = uniqueId('lost-task-other');
    const [create, submit] = happyPath(1).plan.map((c) => scoped(programId, c as ProgramCommand));
    const edit = scoped(programId, command('EditPlan', actors.qaTeam, { plan: validPlan(2) }) as ProgramCommand);
    await h.withWorker(async () => {
      const { handle, recorded } = await createdWithLostCommand(programId, create, edit);
      expect(recorded).toEqual(['PlanEdited']);
      // A different command, decided on the state before the edit: the workflow catches up with
      // the edit first, decides again on the edited plan, and records after it.
      const submitted = await send(handle, submit);
      expect(submitted.events).toEqual([{ type: 'PlanSubmitted', version: 3 }]);
      expect(submitted.state).toMatchObject({ plan: { activities: validPlan(2).activities } });
      // The lost command itself, sent again, records nothing: its answer names the events the lost
      // task recorded for it.
      const edited = await send(handle, edit);
      expect(edited.events).toEqual([{ type: 'PlanEdited', version: 2 }]);
      expect(edited.duplicate).toBe(false);
      expect(edited.version).toBe(3);
      await expectStoreMatches(h, programId, submitted.state, 3);
    });
  });

  it("records a stage-opening command whose append could not compute the next stage's schedule, and computes it in the workflow", async () => {
    const programId = uniqueId('schedule-fails');
    const [create, submit, approve] = happyPath(1).plan.map((c) => scoped(programId, c as ProgramCommand));
    scheduleFails.add(approve.commandId);
    await h.withWorker(async () => {
      const handle = await startProgram(h, programId);
      const firstRun = (await handle.describe()).runId;
      await sendAll(handle, [create, submit]);
      const approved = await send(handle, approve);
      expect(approved.duplicate).toBe(false);
      expect(stageOf(approved.state)).toBe('assign');
      expect(attempts.get(approve.commandId)).toEqual([1]);
      // The plan run's last task: the append, then the schedule in a local activity of its own.
      const ended = (await h.client.workflow.getHandle(handle.workflowId, firstRun).fetchHistory()).events!;
      const lastTask = ended.map((e) => e.eventType).lastIndexOf(EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED);
      expect(ended.slice(lastTask).filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity')).toHaveLength(2);
      const carried = ended[ended.length - 1].workflowExecutionContinuedAsNewEventAttributes!.input!.payloads![0];
      const input = JSON.parse(Buffer.from(carried.data ?? []).toString()) as { carry: { version: number; deadlines: { stage: string; schedule?: { version: number } } } };
      expect(input.carry.deadlines.stage).toBe('assign');
      expect(input.carry.deadlines.schedule?.version).toBe(input.carry.version);
      await expectStoreMatches(h, programId, approved.state, approved.version);
    });
  });
});
