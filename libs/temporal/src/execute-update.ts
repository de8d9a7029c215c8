import { WorkflowUpdateStage, type WorkflowHandle } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';

/**
 * An Update sent and answered by the run that accepted it.
 *
 * `handle.executeUpdate` asks the server to wait for the Update's completion. When the server's
 * first answer says only "accepted" (its wait ended first, or the run closed in the task that
 * completed the Update), the SDK polls for the outcome on the workflow's *current* run. A program
 * continues as new right after the Update that changes its stage, so that is a new run that never
 * saw the Update, and the call fails with "update not found" although the Update was recorded and
 * completed. Here the outcome is polled on the run named in the server's acceptance.
 */
export async function executeUpdateOnAcceptingRun<Ret, Args extends [unknown, ...unknown[]]>(
  handle: WorkflowHandle,
  def: UpdateDefinition<Ret, Args>,
  options: { args: Args; updateId: string },
): Promise<Ret> {
  const update = await handle.startUpdate(def, { ...options, waitForStage: WorkflowUpdateStage.ACCEPTED });
  return update.result();
}
