import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
  type ActivityOptions,
  type LocalActivityOptions,
} from '@temporalio/workflow';
import {
  PROGRAM_COMMAND_TYPES,
  decide,
  evolve,
  initialProgramState,
  isDomainError,
  isProgram,
  upcast,
  pendingDecisions,
  requireLaterDueDate,
  ProgramCommandSchema,
  type Program,
  type ProgramCommand,
  type ProgramEvent,
  type ProgramState,
} from '@mutu/domain';
import type { ProgramActivities } from './program.activities';
import {
  commandUpdate,
  pendingDecisionsQuery,
  stateQuery,
  type CommandOutcome,
  type ProgramCarry,
  type ProgramWorkflowInput,
} from './program.messages';
import { createSerialQueue } from './serial';
import { appendAuthenticated, requireEnvelope, signedPart } from './command-authentication';
import type { CommandEnvelope, ComputeStageScheduleInput, ComputeStageScheduleResult, RecordedEvent } from './program.activities';
import { createDeadlineTracker, type DeadlineCarry } from './deadlines';
import { deprecatePatch, patched } from '@temporalio/workflow';
import type { DeadlineActivities } from './program.activities';

const SCHEDULE_OPTIONS: LocalActivityOptions & ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
};
const { computeStageSchedule } = proxyActivities<DeadlineActivities>(SCHEDULE_OPTIONS);
// Local, like the append: a stage's schedule is computed in the workflow task of the command that
// opened the stage, not in an activity task and a second workflow task of its own (runs between
// 'local-schedule' and 'activity-tasks-again'; runs with 'schedule-carried' for the next run).
const { computeStageSchedule: computeStageScheduleLocally } = proxyLocalActivities<DeadlineActivities>(SCHEDULE_OPTIONS);

const APPEND_OPTIONS: LocalActivityOptions & ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds', nonRetryableErrorTypes: ['STREAM_VERSION_CONFLICT', 'COMMAND_ID_REUSED'] },
};
const { appendEvents } = proxyActivities<ProgramActivities>(APPEND_OPTIONS);
// A local activity runs in the worker that holds the workflow task: the Update is accepted,
// recorded and answered in one workflow task, with no activity task round trip through the server.
// The append is idempotent by command id, so a local retry (or a rerun after eviction) is safe.
const { appendEvents: appendEventsLocally } = proxyLocalActivities<ProgramActivities>(APPEND_OPTIONS);

const RECENT_COMMANDS = 500;
const DEFAULT_MAX_HISTORY = 4_000;

function stageOf(state: ProgramState): string {
  return 'stage' in state ? state.stage : 'none';
}

function isTerminal(state: ProgramState): boolean {
  const stage = stageOf(state);
  return stage === 'closed' || stage === 'cancelled';
}

/** DomainErrors become non-retryable Update failures that keep their stable code. */
function decideOrFail(command: ProgramCommand, state: ProgramState): ProgramEvent[] {
  return failOnDomainError(() => decide(command, state));
}

function failOnDomainError<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (isDomainError(e)) {
      throw ApplicationFailure.create({
        type: e.code,
        message: e.message,
        nonRetryable: true,
        details: [{ code: e.code, status: e.status, details: e.details ?? null }],
      });
    }
    throw e;
  }
}

/**
 * One school's improvement program: every user action is an Update validated by the decider,
 * recorded through `appendEvents`, and answered with the new state.
 */
export async function programWorkflow(input: ProgramWorkflowInput): Promise<ProgramCarry> {
  const streamId = `program-${input.programId}`;
  // New runs ('answered-in-task') append in a local activity: an Update is accepted, recorded and
  // answered in the one workflow task that receives it, with no activity task round trip through
  // the server (an approval costs one workflow task, like the smallest Update). A schedule
  // recomputed within a stage stays an activity task: for a large program it is large (a
  // 200-activity plan's is ~0.6 MB), so several in one task's completion would pass the server's
  // 4 MB message limit. The next stage's schedule is computed once, locally, by the run that ends
  // the stage (below). A run still ends at each stage boundary (docs/versioning.md). What one
  // task carries otherwise stays small: the API lets only a few of a program's Updates in at a
  // time, and an Update's answer holds no state, only positions.
  // Runs recorded before it: between 'local-append' and 'activity-tasks-again' they appended (and
  // computed schedules) locally and served stage after stage in one run, then they went back to
  // activity tasks and a run per stage. Older runs had neither.
  const answeredInTask = patched('answered-in-task');
  const recordedBetween = (patchId: string) => !answeredInTask && !patched('activity-tasks-again') && patched(patchId);
  const localAppend = answeredInTask || recordedBetween('local-append');
  const append = localAppend ? appendEventsLocally : appendEvents;
  const compute = recordedBetween('local-schedule') ? computeStageScheduleLocally : computeStageSchedule;
  const endsAtStageBoundary = answeredInTask || !recordedBetween('run-spans-stages');
  const ownRetriedAppend = () => {
    deprecatePatch('own-retried-append');
    return true;
  };
  let state: ProgramState = input.carry?.state ?? initialProgramState();
  let version = input.carry?.version ?? 0;
  const recent: string[] = [...(input.carry?.recentCommandIds ?? [])];
  const serial = createSerialQueue();
  // The deadline tracker's own state crosses continue-as-new beside ProgramCarry.
  const deadlines = createDeadlineTracker({
    programId: input.programId,
    carry: (input.carry as (ProgramCarry & { deadlines?: DeadlineCarry }) | undefined)?.deadlines,
    state: () => state,
    issue: (command) => handle(command),
    compute,
    startVersion: version,
  });
  // The stage this run serves; a run that creates the program serves the stage it is created in.
  let runStage: string | undefined = stageOf(state) === 'none' ? undefined : stageOf(state);
  const maxHistory = input.maxHistoryEvents ?? DEFAULT_MAX_HISTORY;

  const parse = (raw: unknown): ProgramCommand => {
    const parsed = ProgramCommandSchema.safeParse(raw);
    if (!parsed.success) {
      throw ApplicationFailure.create({
        type: 'INVALID_COMMAND',
        message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
        nonRetryable: true,
        details: [{ code: 'INVALID_COMMAND', status: 400, details: parsed.error.issues }],
      });
    }
    const command = parsed.data;
    if (command.type === 'CreateProgram' && command.payload.programId !== input.programId) {
      throw ApplicationFailure.create({ type: 'INVALID_COMMAND', message: 'programId does not match this workflow', nonRetryable: true });
    }
    return command;
  };

  const outcome = (events: ProgramEvent[], fromVersion: number, duplicate: boolean): CommandOutcome => ({
    stage: stageOf(state),
    version,
    events: events.map((e, i) => ({ type: e.type, version: fromVersion + i })),
    duplicate,
  });

  // What the validator parsed and decided, for the handler that follows it: when the state is
  // still the one validated (same version), the handler takes both instead of parsing and deciding
  // again (the decider and its schemas are most of an Update's CPU). Validators do not run on
  // replay; the handler then decides itself, on the same state, to the same events.
  const validated = new Map<string, { version: number; command: ProgramCommand; events: ProgramEvent[] }>();
  const validate = (raw: ProgramCommand, envelope?: CommandEnvelope): void => {
    requireEnvelope(envelope);
    const command = parse(raw);
    if (recent.includes(command.commandId)) return;
    const events = decideOrFail(command, state);
    // Validators do not run on replay: the schedule-based rule needs no patch.
    if (command.type === 'ExtendDeadline' && isProgram(state)) {
      const { stage, activityId } = command.payload;
      failOnDomainError(() => requireLaterDueDate(state as Program, command.payload, deadlines.scheduledDueDates(stage, activityId)));
    }
    // Only an accepted Update gets a handler that takes (and removes) this.
    validated.set(command.commandId, { version, command, events });
  };

  /** Applies recorded events to the state, the deadlines and the search attributes. */
  const apply = (events: readonly ProgramEvent[], toVersion: number, commandId: string): void => {
    const stageBefore = stageOf(state);
    for (const event of events) state = evolve(state, event);
    deadlines.onEvents(events);
    version = toVersion;
    runStage ??= stageOf(state);
    recent.push(commandId);
    if (recent.length > RECENT_COMMANDS) recent.splice(0, recent.length - RECENT_COMMANDS);
    if (input.indexStage !== false && stageOf(state) !== stageBefore) {
      upsertSearchAttributes({ MutuStage: [stageOf(state)] });
    }
  };

  // Answers of commands taken over by a catch-up, kept for their own Updates (re-sent by the server
  // or by their clients) until those come: each is the command's first answer in this run.
  const caughtUp = new Map<string, CommandOutcome>();
  /**
   * Events the store holds past this run's version: a local append commits before its workflow
   * task completes, so when the server loses that task (a worker killed, a speculative task
   * dropped under concurrent Updates) its commands are recorded but this run never applied them.
   * They are applied here, command by command, as if this run had recorded them.
   */
  const catchUp = (behind: readonly RecordedEvent[]): void => {
    for (let i = 0; i < behind.length; ) {
      const { commandId } = behind[i];
      let j = i;
      while (j < behind.length && behind[j].commandId === commandId) j++;
      const page = behind.slice(i, j);
      const events = page.map((e) => upcast({ type: e.type, v: e.v, data: e.data }));
      apply(events, page[page.length - 1].version, commandId);
      caughtUp.set(commandId, outcome(events, page[0].version, false));
      if (caughtUp.size > RECENT_COMMANDS) caughtUp.delete(caughtUp.keys().next().value as string);
      i = j;
    }
  };

  // A command that opens the next stage ends this run. Its append also computes that stage's
  // schedule ('schedule-in-append'), from the state its events lead to, so the run ends in the
  // workflow task that answered the command without a local activity of its own for the schedule.
  // Runs recorded before it compute the schedule in that local activity as they end (below).
  let scheduledWithAppend: { version: number; result: ComputeStageScheduleResult } | undefined;
  const nextStageScheduleOf = (events: readonly ProgramEvent[]): ComputeStageScheduleInput | undefined => {
    if (!endsAtStageBoundary || runStage === undefined || !events.some((e) => e.type === 'StageAdvanced')) return undefined;
    const after = events.reduce((s, e) => evolve(s, e), state);
    if (!isProgram(after) || isTerminal(after) || stageOf(after) === runStage) return undefined;
    return patched('schedule-in-append') ? deadlines.scheduleRequest(after) : undefined;
  };

  // Updates pass the API's envelope; the workflow's own commands (deadlines, a child's creation) none.
  const handle = (raw: ProgramCommand, envelope?: CommandEnvelope): Promise<CommandOutcome> =>
    serial(async () => {
      const commandId = (raw as { commandId?: unknown }).commandId;
      const checked = typeof commandId === 'string' ? validated.get(commandId) : undefined;
      if (checked) validated.delete(checked.command.commandId);
      const command = checked?.command ?? parse(raw);
      for (;;) {
        const takenOver = caughtUp.get(command.commandId);
        if (takenOver) {
          caughtUp.delete(command.commandId);
          return takenOver;
        }
        if (recent.includes(command.commandId)) return outcome([], version + 1, true);
        // Decide again unless the state is the one validated: an earlier handler may have changed it.
        const events = checked?.version === version ? checked.events : decideOrFail(command, state);
        const nextSchedule = nextStageScheduleOf(events);
        const result = await appendAuthenticated(() => append({
          streamId,
          expectedVersion: version,
          commandId: command.commandId,
          events,
          metadata: {
            commandType: command.type,
            actorId: command.actor.userId,
            actorRoles: command.actor.roles,
            workflowId: workflowInfo().workflowId,
            runId: workflowInfo().runId,
          },
          occurredAt: command.now,
          ...signedPart(raw, envelope),
          ...(answeredInTask ? { catchUp: true } : {}),
          ...(nextSchedule === undefined ? {} : { nextSchedule }),
        }));
        // A result for another command would apply this command's events at positions that hold
        // someone else's: the task fails (and is retried) rather than record anything on it.
        if (answeredInTask && result.commandId !== command.commandId) {
          throw new Error(`append answered for ${String(result.commandId)}, not for ${command.commandId}`);
        }
        if (result.behind !== undefined) {
          // Behind the store: catch up, then take the command again (answered at once if it was
          // among those events).
          catchUp(result.behind);
          continue;
        }
        // An append runs again when an earlier run of it committed but its result never reached this
        // workflow: a local append's workflow task was lost (eviction, task failure), an activity
        // task's completion was lost or came after its timeout. It then finds this command's own
        // events at the expected position. (Runs before 'own-retried-append' took such a retry for an
        // older duplicate and were stuck on a version conflict; no recorded history has one, so that
        // branch is retired: deprecatePatch keeps the histories with the marker replaying.)
        const ownEarlierAttempt = result.duplicate && result.fromVersion === version + 1 && (localAppend || ownRetriedAppend());
        // Recorded before `recent` could remember it (an older run): nothing new happened now.
        if (result.duplicate && !ownEarlierAttempt) return outcome([], version + 1, true);
        apply(events, result.toVersion, command.commandId);
        if (result.schedule !== undefined) scheduledWithAppend = { version: result.toVersion, result: result.schedule };
        return outcome(events, result.fromVersion, false);
      }
    });

  for (const type of PROGRAM_COMMAND_TYPES) {
    setHandler(commandUpdate(type), handle as never, { validator: validate as never });
  }
  setHandler(stateQuery, () => ({ state, version }));
  setHandler(pendingDecisionsQuery, () => pendingDecisions(state));

  const stageBoundaryCrossed = () => runStage !== undefined && stageOf(state) !== runStage;
  const historyFull = () => workflowInfo().continueAsNewSuggested || workflowInfo().historyLength >= maxHistory;

  // A child program is created from its start input; a run carried over was created long ago.
  if (input.create !== undefined && input.carry === undefined) await handle(input.create);

  // The deadline loop sleeps until the next reminder or until the run must end. Every recorded run
  // has the loop (the plain wait of runs before 'deadline-loop' is retired; docs/versioning.md).
  const runEnds = () => isTerminal(state) || (endsAtStageBoundary && stageBoundaryCrossed()) || historyFull();
  deprecatePatch('deadline-loop');
  await deadlines.run(runEnds);
  // Let every accepted Update finish (and be answered) before this run ends.
  await condition(allHandlersFinished);
  let deadlineCarry = deadlines.carry();
  // Runs that end at a stage boundary ('schedule-carried') compute the next stage's schedule here,
  // in a local activity of the workflow task that ended the stage, and hand it to the next run:
  // that run sets its first timer in its first workflow task, with no activity task and no second
  // workflow task. The schedule is carried only if no Update changed the state meanwhile.
  if (!isTerminal(state) && stageBoundaryCrossed() && patched('schedule-carried')) {
    const at = version;
    const withSchedule =
      scheduledWithAppend?.version === at
        ? deadlines.carryWithComputed(at, scheduledWithAppend.result)
        : await deadlines.carryWithSchedule(at, computeStageScheduleLocally);
    await condition(allHandlersFinished);
    deadlineCarry = version === at ? withSchedule : deadlines.carry();
  }
  const carry: ProgramCarry & { deadlines?: DeadlineCarry } = { state, version, recentCommandIds: recent, deadlines: deadlineCarry };
  if (isTerminal(state)) return carry;
  return continueAsNew<typeof programWorkflow>({ ...input, carry });
}
