import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { ProgramCommand } from '@mutu/domain';
import { happyPath } from '@mutu/domain/testing';
import type { AppendEventsInput } from '@mutu/workflows';
import { expectStoreMatches, scoped, send, sendAll, stageOf, startProgram, startProgramHarness, uniqueId, type ProgramHarness } from './program-harness';

// An append activity can commit and still fail to report it (the worker dies, the completion is
// lost, the attempt times out after its commit): the server then runs it again, and the store
// answers the retry as a duplicate of the events already written. They are this command's events,
// at the version the workflow expected, so the workflow must take them as its own.
describe('program workflow: an append committed by an attempt whose completion was lost', () => {
  let h: ProgramHarness;
  const lostOnce = new Set<string>();
  const attempts = new Map<string, number[]>();

  beforeAll(async () => {
    h = await startProgramHarness({
      wrapActivities: (activities) => ({
        ...activities,
        appendEvents: async (input: AppendEventsInput) => {
          const result = await activities.appendEvents(input);
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
});
