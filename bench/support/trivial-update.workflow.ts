// The bare baselines of bench/api.bench.ts, no HTTP, auth, domain rules or persistence:
// - `trivialUpdateWorkflow`: the smallest Update (serialized handler, evolve, return), answered in
//   the workflow task that accepts it;
// - `shapedUpdateWorkflow`: the program workflow's shape: a validated Update whose handler records
//   through an activity task and is answered in the next workflow task; the stage change ends the
//   run with continue-as-new, and the next run computes its schedule through an activity and
//   waits on a timer. Its activities do nothing.
import { allHandlersFinished, condition, continueAsNew, defineUpdate, proxyActivities, setHandler } from '@temporalio/workflow';

export interface TrivialOutcome {
  stage: string;
  version: number;
  events: { type: string; version: number }[];
  duplicate: boolean;
}

export const trivialDecide = defineUpdate<TrivialOutcome, [{ commandId: string; decision: string }]>('DecidePlan');

export async function trivialUpdateWorkflow(): Promise<void> {
  let stage = 'plan';
  let version = 0;
  let tail: Promise<unknown> = Promise.resolve();
  const seen = new Set<string>();
  setHandler(trivialDecide, (cmd) => {
    const run = tail.then(() => {
      if (seen.has(cmd.commandId)) return { stage, version, events: [], duplicate: true };
      seen.add(cmd.commandId);
      stage = cmd.decision === 'approve' ? 'assign' : 'plan';
      version += 1;
      return { stage, version, events: [{ type: 'PlanApproved', version }], duplicate: false };
    });
    tail = run.catch(() => undefined);
    return run;
  });
  await condition(() => false);
}

export interface ShapedActivities {
  record(input: { expectedVersion: number; commandId: string; events: { type: string }[] }): Promise<{ fromVersion: number; toVersion: number }>;
  schedule(input: { stage: string }): Promise<{ at: string }[]>;
}

const { record, schedule } = proxyActivities<ShapedActivities>({ startToCloseTimeout: '30 seconds' });

export interface ShapedCarry {
  stage: string;
  version: number;
  seen: string[];
}

export async function shapedUpdateWorkflow(carry?: ShapedCarry): Promise<void> {
  let stage = carry?.stage ?? 'plan';
  let version = carry?.version ?? 0;
  const seen = new Set(carry?.seen ?? []);
  const runStage = stage;
  let tail: Promise<unknown> = Promise.resolve();
  setHandler(
    trivialDecide,
    (cmd) => {
      const run = tail.then(async () => {
        if (seen.has(cmd.commandId)) return { stage, version, events: [], duplicate: true };
        const events = [{ type: cmd.decision === 'approve' ? 'PlanApproved' : 'PlanRejected' }];
        const result = await record({ expectedVersion: version, commandId: cmd.commandId, events });
        seen.add(cmd.commandId);
        stage = cmd.decision === 'approve' ? 'assign' : 'plan';
        version = result.toVersion;
        return { stage, version, events: events.map((e, i) => ({ type: e.type, version: result.fromVersion + i })), duplicate: false };
      });
      tail = run.catch(() => undefined);
      return run;
    },
    {
      validator: (cmd) => {
        if (cmd.decision !== 'approve' && cmd.decision !== 'reject') throw new Error('decision must be approve or reject');
        if (stage !== 'plan' && !seen.has(cmd.commandId)) throw new Error('not in the plan stage');
      },
    },
  );
  const items = await schedule({ stage });
  const next = items[0] ? Math.max(1, Date.parse(items[0].at) - Date.now()) : 30 * 86_400_000;
  await condition(() => stage !== runStage, next);
  await condition(allHandlersFinished);
  if (stage === runStage) return; // the timer fired: nothing in this baseline waits longer
  await continueAsNew<typeof shapedUpdateWorkflow>({ stage, version, seen: [...seen] });
}
