import type { ProgramCommand } from '@mutu/domain';
import { actors, command, happyPath, runCommands, validPlan } from '@mutu/domain/testing';
import { programStreamId } from '@mutu/persistence';
import { expectStoreMatches, scoped, send, startProgram, startProgramHarness, stageOf, uniqueId, type ProgramHarness } from './program-harness';

// A program's commands are recorded by a local activity inside the workflow task that accepts
// them, so the store commits before the server records the task. When the server loses that task
// (a worker killed mid-task, a task the server dropped), the store holds commands the workflow
// never applied. Here such a command is written to the store behind the workflow's back, as the
// lost task's append would have; the workflow must take it over, never refuse or repeat it.
describe('program workflow: commands recorded by a workflow task the server lost', () => {
  let h: ProgramHarness;

  beforeAll(async () => {
    h = await startProgramHarness();
  }, 120_000);

  afterAll(async () => {
    await h?.stop();
  });

  /** Appends a command's events to the store as the lost task's local append did. */
  async function recordBehindTheWorkflow(programId: string, done: readonly ProgramCommand[], lost: ProgramCommand) {
    const before = runCommands(done);
    const after = runCommands([lost], before);
    const events = after.events.slice(before.events.length);
    await h.store.append({ streamId: programStreamId(programId), expectedVersion: before.events.length, commandId: lost.commandId, events: events as never, metadata: { commandType: lost.type }, occurredAt: lost.now });
    return events.map((e) => e.type);
  }

  it('answers the lost command, when it comes again, with the events already recorded', async () => {
    const programId = uniqueId('lost-task-own');
    const [create, submit, approve] = happyPath(1).plan.map((c) => scoped(programId, c as ProgramCommand));
    await h.withWorker(async () => {
      const handle = await startProgram(h, programId);
      await send(handle, create);
      expect(await recordBehindTheWorkflow(programId, [create], submit)).toEqual(['PlanSubmitted']);
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
      const handle = await startProgram(h, programId);
      await send(handle, create);
      expect(await recordBehindTheWorkflow(programId, [create], edit)).toEqual(['PlanEdited']);
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
});
