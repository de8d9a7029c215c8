// The substrate's floor for the 08:00 burst (bench/support/bare-burst.ts): a workflow that waits on
// one timer and, when it fires, completes in that workflow task. No state, no activity, no append.
import { sleep } from '@temporalio/workflow';

export async function bareTimerWorkflow(dueAt: string): Promise<void> {
  await sleep(Math.max(1, Date.parse(dueAt) - Date.now()));
}
