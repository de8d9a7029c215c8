import { WorkflowNotFoundError } from '@temporalio/client';
import type { ProgramCommand } from '@mutu/domain';
import { happyPath } from '@mutu/domain/testing';
import { executeUpdateOnAcceptingRun } from '@mutu/temporal';
import type { AppendEventsInput } from '@mutu/workflows';
import { commandUpdate, programWorkflowId } from '@mutu/workflows';
import { until } from '../support/until';
import { scoped, send, startProgram, startProgramHarness, uniqueId, type ProgramHarness } from './program-harness';
import { signedArgs } from '../support/command-signing';

// The command that changes a program's stage is completed in the workflow task that also
// continues the program as new. A caller that asks for its outcome after that, on the workflow's
// current run, asks a run that never saw the Update; the run that accepted it has the answer.
// (The dev server, not the time-skipping one: this is the real server's Update lookup.)
describe('an Update answered after its run continued as new', () => {
  let h: ProgramHarness;
  const held = new Set<string>();
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));

  beforeAll(async () => {
    h = await startProgramHarness({
      devServer: true,
      wrapActivities: (activities) => ({
        ...activities,
        appendEvents: async (input: AppendEventsInput) => {
          if (held.has(input.commandId)) await released;
          return activities.appendEvents(input);
        },
      }),
    });
  }, 120_000);

  afterAll(async () => {
    release();
    await h?.stop();
  });

  const untilNewRun = (workflowId: string, runId: string) =>
    until(`${workflowId} to continue as new`, async () => (await h.client.workflow.getHandle(workflowId).describe()).runId !== runId, 30_000);

  it('is found on the accepting run and not on the current one', async () => {
    const programId = uniqueId('accepting-run');
    const path = happyPath(1);
    const [create, submit, approve] = path.plan.map((c) => scoped(programId, c as ProgramCommand));
    const [assign] = path.assign.map((c) => scoped(programId, c as ProgramCommand));
    await h.withWorker(async () => {
      const handle = await startProgram(h, programId);
      await send(handle, create);
      await send(handle, submit);
      const planRun = (await handle.describe()).runId;

      held.add(approve.commandId);
      const update = await handle.startUpdate(commandUpdate('DecidePlan'), {
        args: signedArgs(approve as never),
        updateId: approve.commandId,
        waitForStage: 'ACCEPTED',
      });
      expect(update.workflowRunId).toBe(planRun);
      release();
      await untilNewRun(programWorkflowId(programId), planRun);

      // What the SDK's executeUpdate polls when the server's first answer is only "accepted".
      const onCurrentRun = h.client.workflow.getHandle(programWorkflowId(programId)).getUpdateHandle(approve.commandId).result();
      await expect(onCurrentRun).rejects.toThrow(WorkflowNotFoundError);
      await expect(onCurrentRun).rejects.toThrow(/update .* not found/i);

      const outcome = await update.result();
      expect(outcome.duplicate).toBe(false);
      expect(outcome.stage).toBe('assign');
      expect(outcome.events.map((e) => e.type)).toEqual(['PlanApproved', 'StageAdvanced']);

      // The helper the API sends every command with, on the new run.
      const assigned = await executeUpdateOnAcceptingRun(handle, commandUpdate(assign.type), { args: signedArgs(assign as never), updateId: assign.commandId });
      expect(assigned.duplicate).toBe(false);
      expect(assigned.version).toBe(outcome.version + assigned.events.length);
      // Sent again with the same id after the stage changed: the new run answers it as a repeat.
      const repeat = await executeUpdateOnAcceptingRun(handle, commandUpdate('DecidePlan'), { args: signedArgs(approve as never), updateId: approve.commandId });
      expect(repeat.duplicate).toBe(true);
    });
  });
});
