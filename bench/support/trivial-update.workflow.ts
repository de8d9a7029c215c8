// The bare baselines of bench/api.bench.ts, no HTTP, auth, domain rules or persistence:
// - `trivialUpdateWorkflow`: the smallest Update (serialized handler, evolve, return), answered in
//   the workflow task that accepts it;
// - `shapedUpdateWorkflow`: the program workflow's shape: a validated Update whose handler records
//   through an activity task and is answered in the next workflow task; the stage change ends the
//   run with continue-as-new, and the next run computes its schedule through an activity and
//   waits on a timer. Its activities do nothing.
// - `approvalShapedUpdateWorkflow`: the shape an approval has today: a validated Update whose
//   handler records through a local activity that also answers with the next stage's schedule, so
//   the Update is answered and the run continues as new in the workflow task that accepts it; the
//   next run starts on the carried schedule and waits on a timer. Its activities do nothing.
// - `recordedUpdateWorkflow`: the least an Update recorded by the workflow itself costs: the same
//   validated Update, recorded through a local activity that does nothing and answered in the
//   workflow task that accepts it; no new run and no schedule, the run goes on waiting.
import { allHandlersFinished, condition, continueAsNew, defineUpdate, proxyActivities, proxyLocalActivities, setHandler } from '@temporalio/workflow';

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
  recordWithSchedule(input: { expectedVersion: number; commandId: string; events: { type: string }[]; nextStage: string }): Promise<{ fromVersion: number; toVersion: number; schedule: { at: string }[] }>;
}

const { record, schedule } = proxyActivities<ShapedActivities>({ startToCloseTimeout: '30 seconds' });
const local = proxyLocalActivities<ShapedActivities>({ startToCloseTimeout: '30 seconds' });

export interface ShapedCarry {
  stage: string;
  version: number;
  seen: string[];
}

/** The bare state of the shaped workflows: stage, stream version, command ids answered. */
interface BareState {
  stage: string;
  version: number;
  seen: Set<string>;
}

/**
 * The shaped workflows' DecidePlan: validated, serialized, recorded by `record` (which sees the
 * state's version before the command), answered with the positions it recorded at.
 */
function handleDecisions(s: BareState, record: (input: { commandId: string; events: { type: string }[]; nextStage: string }) => Promise<{ fromVersion: number; toVersion: number }>): void {
  let tail: Promise<unknown> = Promise.resolve();
  setHandler(
    trivialDecide,
    (cmd) => {
      const run = tail.then(async () => {
        if (s.seen.has(cmd.commandId)) return { stage: s.stage, version: s.version, events: [], duplicate: true };
        const events = [{ type: cmd.decision === 'approve' ? 'PlanApproved' : 'PlanRejected' }];
        const nextStage = cmd.decision === 'approve' ? 'assign' : 'plan';
        const result = await record({ commandId: cmd.commandId, events, nextStage });
        s.seen.add(cmd.commandId);
        s.stage = nextStage;
        s.version = result.toVersion;
        return { stage: s.stage, version: s.version, events: events.map((e, i) => ({ type: e.type, version: result.fromVersion + i })), duplicate: false };
      });
      tail = run.catch(() => undefined);
      return run;
    },
    {
      validator: (cmd) => {
        if (cmd.decision !== 'approve' && cmd.decision !== 'reject') throw new Error('decision must be approve or reject');
        if (s.stage !== 'plan' && !s.seen.has(cmd.commandId)) throw new Error('not in the plan stage');
      },
    },
  );
}

/** Waits on the first item's timer or the stage change; true when the stage changed. */
async function untilStageChanges(s: BareState, items: { at: string }[]): Promise<boolean> {
  const runStage = s.stage;
  const next = items[0] ? Math.max(1, Date.parse(items[0].at) - Date.now()) : 30 * 86_400_000;
  await condition(() => s.stage !== runStage, next);
  await condition(allHandlersFinished);
  return s.stage !== runStage; // the timer fired otherwise: nothing in these baselines waits longer
}

export async function shapedUpdateWorkflow(carry?: ShapedCarry): Promise<void> {
  const s: BareState = { stage: carry?.stage ?? 'plan', version: carry?.version ?? 0, seen: new Set(carry?.seen ?? []) };
  handleDecisions(s, (input) => record({ ...input, expectedVersion: s.version }));
  if (!(await untilStageChanges(s, await schedule({ stage: s.stage })))) return;
  await continueAsNew<typeof shapedUpdateWorkflow>({ stage: s.stage, version: s.version, seen: [...s.seen] });
}

export interface ApprovalShapedCarry extends ShapedCarry {
  schedule: { at: string }[];
}

export async function approvalShapedUpdateWorkflow(carry?: ApprovalShapedCarry): Promise<void> {
  const s: BareState = { stage: carry?.stage ?? 'plan', version: carry?.version ?? 0, seen: new Set(carry?.seen ?? []) };
  let nextSchedule: { at: string }[] = [];
  handleDecisions(s, async (input) => {
    const result = await local.recordWithSchedule({ ...input, expectedVersion: s.version });
    nextSchedule = result.schedule;
    return result;
  });
  // The first run computes its own schedule (created before the series, like the bench's programs).
  if (!(await untilStageChanges(s, carry?.schedule ?? (await local.schedule({ stage: s.stage }))))) return;
  await continueAsNew<typeof approvalShapedUpdateWorkflow>({ stage: s.stage, version: s.version, seen: [...s.seen], schedule: nextSchedule });
}

export async function recordedUpdateWorkflow(): Promise<void> {
  const s: BareState = { stage: 'plan', version: 0, seen: new Set() };
  handleDecisions(s, (input) => local.record({ ...input, expectedVersion: s.version }));
  await condition(() => false);
}
