// The bare baseline of bench/api.bench.ts: a workflow with the program workflow's Update shape
// (serialized handler, decide, evolve, return {state, version, events, duplicate}) but no
// activity, no persistence, no domain rules.
import { condition, defineUpdate, setHandler } from '@temporalio/workflow';

export interface TrivialOutcome {
  state: { stage: string; approvals: number };
  version: number;
  events: { type: string; version: number }[];
  duplicate: boolean;
}

export const trivialDecide = defineUpdate<TrivialOutcome, [{ commandId: string; decision: string }]>('DecidePlan');

export async function trivialUpdateWorkflow(): Promise<void> {
  let state = { stage: 'plan', approvals: 0 };
  let version = 0;
  let tail: Promise<unknown> = Promise.resolve();
  const seen = new Set<string>();
  setHandler(trivialDecide, (cmd) => {
    const run = tail.then(() => {
      if (seen.has(cmd.commandId)) return { state, version, events: [], duplicate: true };
      seen.add(cmd.commandId);
      state = { stage: cmd.decision === 'approve' ? 'assign' : 'plan', approvals: state.approvals + 1 };
      version += 1;
      return { state, version, events: [{ type: 'PlanApproved', version }], duplicate: false };
    });
    tail = run.catch(() => undefined);
    return run;
  });
  await condition(() => false);
}
